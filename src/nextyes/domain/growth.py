"""The growth record ("stepping stones"): each no beside what it taught and what followed.

Pure: the service gathers the facts, these rules pair them up. Counts are honest (nothing is
inflated or hidden) and framed as progress by the words in the content files.
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from nextyes.domain.stages import RANK, Stage


@dataclass(frozen=True, slots=True)
class NoFact:
    application_id: int
    company: str
    role: str
    on: date
    at_stage: Stage
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class Lesson:
    """Something a no taught: feedback received, a reflection written, themes found."""

    kind: str  # feedback | reflection | theme
    text: str
    on: date | None = None


@dataclass(frozen=True, slots=True)
class PlanFact:
    title: str
    finished_on: date | None
    source_application_id: int | None


@dataclass(frozen=True, slots=True)
class StepFact:
    """A step forward anywhere in the search (a stage reached on some application)."""

    application_id: int
    company: str
    stage: Stage
    on: date


@dataclass(frozen=True, slots=True)
class Followed:
    kind: str  # plan | further | offer
    text: str  # the plan item's title, or the company
    on: date
    stage: Stage | None = None
    days_after: int = 0


@dataclass(frozen=True, slots=True)
class Stone:
    no: NoFact
    taught: tuple[Lesson, ...]
    followed: tuple[Followed, ...]


@dataclass(frozen=True, slots=True)
class GrowthCounts:
    since: date | None
    since_what: str  # first_reflection | first_no | nothing
    noes: int = 0
    interviews: int = 0
    finals: int = 0
    offers: int = 0
    plan_done: int = 0
    practice: int = 0
    reflections: int = 0


@dataclass(frozen=True, slots=True)
class Growth:
    stones: tuple[Stone, ...]  # newest no first
    counts: GrowthCounts
    extras: dict[str, object] = field(default_factory=dict)


class _Ahead:
    """Steps forward sorted by day, indexed so "the first step past rank r after day d" is a
    binary search rather than a walk through the whole search."""

    def __init__(self, steps: Sequence[StepFact]) -> None:
        ordered = sorted(steps, key=lambda s: s.on)
        top = max(RANK.values()) + 1
        self.past_rank = {
            bar: [s for s in ordered if RANK.get(s.stage, -1) > bar] for bar in range(-1, top)
        }
        self.days = {bar: [s.on for s in found] for bar, found in self.past_rank.items()}
        self.offers = [s for s in ordered if s.stage is Stage.OFFER]
        self.offer_days = [s.on for s in self.offers]

    @staticmethod
    def _first(found: Sequence[StepFact], days: Sequence[date], no: NoFact) -> StepFact | None:
        for step in found[bisect.bisect_right(days, no.on) :]:
            if step.application_id != no.application_id:
                return step
        return None

    def further(self, no: NoFact) -> StepFact | None:
        bar = RANK.get(no.at_stage, RANK[Stage.APPLIED])
        return self._first(self.past_rank[bar], self.days[bar], no)

    def offer(self, no: NoFact) -> StepFact | None:
        return self._first(self.offers, self.offer_days, no)


def _followed(no: NoFact, plans: Sequence[PlanFact], ahead: _Ahead) -> tuple[Followed, ...]:
    found: list[Followed] = []
    for plan in plans:
        if plan.source_application_id == no.application_id and plan.finished_on:
            found.append(Followed("plan", plan.title, plan.finished_on,
                                  days_after=(plan.finished_on - no.on).days))  # fmt: skip
    further, offer = ahead.further(no), ahead.offer(no)
    candidates: tuple[tuple[StepFact | None, str], ...] = ((further, "further"), (offer, "offer"))
    for chosen, kind in candidates:
        if chosen is None or (kind == "offer" and chosen is further):
            continue
        found.append(Followed(kind, chosen.company, chosen.on, chosen.stage,
                              (chosen.on - no.on).days))  # fmt: skip
    return tuple(sorted(found, key=lambda f: f.on))


def build_growth(
    noes: Sequence[NoFact],
    lessons: Mapping[int, Sequence[Lesson]],
    plans: Sequence[PlanFact],
    steps: Sequence[StepFact],
    counts: GrowthCounts,
) -> Growth:
    """Pair each no with its lessons (by application) and what followed it."""
    ahead = _Ahead(steps)
    by_application: dict[int | None, list[PlanFact]] = {}
    for plan in plans:
        by_application.setdefault(plan.source_application_id, []).append(plan)
    stones = [
        Stone(no, tuple(lessons.get(no.application_id, ())),
              _followed(no, by_application.get(no.application_id, []), ahead))
        for no in sorted(noes, key=lambda n: (n.on, n.application_id), reverse=True)
    ]  # fmt: skip
    return Growth(tuple(stones), counts)


def count_since(
    anchor: date | None,
    noes: Sequence[NoFact],
    steps: Sequence[StepFact],
    plans: Sequence[PlanFact],
    practice_days: Sequence[date],
    reflection_days: Sequence[date],
    since_what: str,
) -> GrowthCounts:
    """Honest counts from `anchor` on (everything when there is no anchor)."""

    def after(day: date | None) -> bool:
        return day is not None and (anchor is None or day >= anchor)

    return GrowthCounts(
        since=anchor,
        since_what=since_what,
        noes=sum(after(n.on) for n in noes),
        interviews=sum(after(s.on) for s in steps if s.stage is Stage.INTERVIEW),
        finals=sum(after(s.on) for s in steps if s.stage is Stage.FINAL),
        offers=sum(after(s.on) for s in steps if s.stage is Stage.OFFER),
        plan_done=sum(after(p.finished_on) for p in plans),
        practice=sum(after(d) for d in practice_days),
        reflections=sum(after(d) for d in reflection_days),
    )
