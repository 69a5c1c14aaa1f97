"""What the dashboard leads with: the agenda, the pipeline's counts, the why and recent moods."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from nextyes.domain.stages import CLOSED_STAGES, PROGRESS, Stage
from nextyes.domain.wellbeing import MoodEntry
from nextyes.services.momentum.wellbeing import recent_moods
from nextyes.services.momentum.why import WhyView, show_why
from nextyes.services.today.agenda import Agenda, build_agenda
from nextyes.storage.uow import UnitOfWork


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
