"""Views over the whole search: the pipeline board and what the dashboard leads with."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from nextyes.domain.models import Application
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import CLOSED_STAGES, PROGRESS, Stage
from nextyes.domain.wellbeing import MoodEntry
from nextyes.errors import InvalidInput
from nextyes.services.momentum.wellbeing import recent_moods
from nextyes.services.momentum.why import WhyView, show_why
from nextyes.services.settings.preferences import get_preferences
from nextyes.services.today.agenda import Agenda, build_agenda
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
        raise InvalidInput("Show from 1 to 500 applications per column.")
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


@dataclass(frozen=True, slots=True)
class Overview:
    """What the dashboard shows: the agenda (with this week's wins, goals and nudges in its
    sections), the pipeline, the why, and recent moods."""

    agenda: Agenda
    open_by_stage: dict[Stage, int]
    closed_by_stage: dict[Stage, int]
    total: int
    why: WhyView | None = None
    moods: list[MoodEntry] = field(default_factory=list)


MOOD_DAYS = 30


def overview(uow: UnitOfWork, now: datetime) -> Overview:
    """Everything the dashboard reads, without writing anything (so caches keyed by the
    journal's version stay valid)."""
    agenda = build_agenda(uow, now)
    with uow:
        counts = uow.applications.count_by_stage()
        why = show_why(uow, now.date())
        moods = recent_moods(uow, now, days=MOOD_DAYS)
    return Overview(
        agenda=agenda,
        open_by_stage={s: counts[s] for s in PROGRESS if counts.get(s)},
        closed_by_stage={s: counts[s] for s in Stage if s in CLOSED_STAGES and counts.get(s)},
        total=sum(counts.values()),
        why=why,
        moods=moods,
    )
