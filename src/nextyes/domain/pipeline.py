"""Rules for an application's timeline: the current stage is derived from its events.

Events are ordered by the day they happened, then by the order they were recorded. A newer
event always wins, so recording something that happened earlier (back-filling, or an old email)
adds it to the history without moving the application back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from nextyes.domain.errors import Conflict, InvalidInput, Words
from nextyes.domain.models import StageEvent
from nextyes.domain.stages import (
    CLOSED_STAGES,
    ENDINGS,
    PROGRESS,
    RANK,
    SCHEDULED_STAGES,
    Stage,
    check_move,
)


def ordered(events: Sequence[StageEvent]) -> list[StageEvent]:
    return sorted(events, key=lambda e: (e.occurred_on, e.id))


def current_stage(events: Sequence[StageEvent]) -> StageEvent:
    """The event that sets the current stage: the latest one."""
    if not events:
        raise ValueError("an application always has at least one event")
    return max(events, key=lambda e: (e.occurred_on, e.id))


def stage_on(events: Sequence[StageEvent], day: date) -> Stage | None:
    """The stage the application was at by the end of `day` (None before its first event)."""
    before = [e for e in events if e.occurred_on <= day]
    return current_stage(before).stage if before else None


def furthest_stage(events: Sequence[StageEvent]) -> Stage:
    """The furthest step along the pipeline that the application reached."""
    reached = [e.stage for e in events if e.stage in RANK and e.stage not in CLOSED_STAGES]
    return max(reached, key=lambda s: RANK[s]) if reached else Stage.APPLIED


def next_round(events: Sequence[StageEvent]) -> int:
    rounds = [e.round or 1 for e in events if e.stage is Stage.INTERVIEW]
    return max(rounds, default=0) + 1


@dataclass(frozen=True, slots=True)
class PlannedMove:
    """What recording a move will do."""

    occurred_on: date
    from_stage: Stage
    round: int | None
    changes_current: bool
    scheduled_on: date | None  # an interview or assessment date ahead of today


def plan_move(
    events: Sequence[StageEvent],
    target: Stage,
    on: date,
    today: date,
    *,
    correct: bool = False,
    round: int | None = None,
) -> PlannedMove:
    """Check a move against the timeline and decide how it is recorded.

    A date ahead of today is only meaningful for a scheduled step (an interview or an assessment):
    the stage changes today (the invitation) and the step is scheduled for that day.
    """
    if round is not None and round < 1:
        raise InvalidInput(
            "Rounds count from 1: give --round 1 or more.",
            web=Words("pipeline/web", "round_from_1"),
        )
    if round is not None and target is not Stage.INTERVIEW:
        raise InvalidInput(
            "--round only applies to interview moves.", web=Words("pipeline/web", "round_alone")
        )
    scheduled_on = None
    occurred_on = on
    if on > today:
        if target not in SCHEDULED_STAGES:
            raise InvalidInput(
                f"{on.isoformat()} is in the future. A move to {target.value} records something "
                f"that happened; give today or an earlier date."
            )
        scheduled_on, occurred_on = on, today
    latest = current_stage(events)
    if correct:
        if occurred_on < latest.occurred_on:
            raise InvalidInput(
                "A correction replaces the latest stage, so it cannot be dated before it "
                f"({latest.stage.value} on {latest.occurred_on.isoformat()})."
            )
        check_move(latest.stage, target, correct=True)
        return PlannedMove(occurred_on, latest.stage, _round(events, target, round), True, None)
    at_that_day = stage_on(events, occurred_on)
    if at_that_day is None:
        first = ordered(events)[0]
        raise InvalidInput(
            f"{occurred_on.isoformat()} is before the application's first event "
            f"({first.stage.value} on {first.occurred_on.isoformat()}). Give a later date."
        )
    check_move(at_that_day, target)
    later = [e for e in events if e.occurred_on > occurred_on]
    if later:
        if target in ENDINGS:
            raise Conflict(
                f"Something happened after {occurred_on.isoformat()} "
                f"({later[0].stage.value} on {later[0].occurred_on.isoformat()}), so the "
                f"application cannot have ended then. Give the date it ended."
            )
        following = ordered(later)[0]
        if not following.correction:
            check_move(target, following.stage)
    return PlannedMove(
        occurred_on=occurred_on,
        from_stage=at_that_day,
        round=_round(events, target, round),
        changes_current=not later,
        scheduled_on=scheduled_on,
    )


def _round(events: Sequence[StageEvent], target: Stage, round: int | None) -> int | None:
    if target is not Stage.INTERVIEW:
        return None
    return round if round is not None else next_round(events)


def rejection_stage(events: Sequence[StageEvent]) -> Stage:
    """The stage an application had reached when the "no" came (for a rejection being recorded)."""
    latest = current_stage(events)
    if latest.stage in PROGRESS:
        return latest.stage
    return furthest_stage(events)
