"""The pipeline board: open applications in columns by stage, with the closed ones counted."""

from __future__ import annotations

from dataclasses import dataclass

from nextyes import content
from nextyes.domain.models import Application
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import CLOSED_STAGES, PROGRESS, Stage
from nextyes.errors import InvalidInput
from nextyes.services.settings.preferences import get_preferences
from nextyes.storage.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class Column:
    stage: Stage
    items: list[Application]
    total: int


@dataclass(frozen=True, slots=True)
class Board:
    columns: list[Column]
    closed: dict[Stage, int]
    fold_rejected: bool

    @property
    def open_total(self) -> int:
        return sum(c.total for c in self.columns)


def pipeline_board(uow: UnitOfWork, per_column: int = 25) -> Board:
    """Open applications in columns by stage (most recently active first), with counts of
    the closed ones."""
    if not 1 <= per_column <= 500:
        raise InvalidInput(content.load("pipeline/messages")["cli"]["per_column"])
    with uow:
        counts = uow.applications.count_by_stage()
        columns = [
            Column(
                stage,
                uow.applications.find(ApplicationQuery(stages=(stage,), limit=per_column))
                if counts.get(stage)
                else [],
                counts.get(stage, 0),
            )
            for stage in PROGRESS
        ]
        closed = {s: counts[s] for s in Stage if s in CLOSED_STAGES and counts.get(s)}
        fold = bool(get_preferences(uow)["fold_rejected"])
    return Board(columns, closed, fold)
