"""Merging two records of one job (an import and a hand entry, say) into one application.

Pure rules: which stage events are the same step recorded twice, which details fill the gaps
of the one kept, and where the merged application stands.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from nextyes.domain.models import Application, StageEvent
from nextyes.domain.pipeline import current_stage
from nextyes.domain.stages import RANK

FILLABLE = (
    "source", "url", "resume_version", "cover_letter_version", "location", "salary",
    "referral_contact_id",
)  # fmt: skip


def duplicate_events(keep: Sequence[StageEvent], other: Sequence[StageEvent]) -> dict[int, int]:
    """Events of `other` that record a step `keep` already has (same stage, day and round):
    other event id -> the kept event's id."""
    kept = {(e.stage, e.occurred_on, e.round): e.id for e in keep}
    return {
        e.id: kept[(e.stage, e.occurred_on, e.round)]
        for e in other
        if (e.stage, e.occurred_on, e.round) in kept
    }


@dataclass(frozen=True, slots=True)
class MergedStanding:
    stage_event: StageEvent  # the event the merged application's stage comes from
    applied_on: date | None
    last_activity_on: date


def merged_standing(
    keep: Application, other: Application, events: Sequence[StageEvent]
) -> MergedStanding:
    """Where the merged application stands: the latest event sets the stage, unless that would
    put it behind where one of the two records had already got to (an import dated later than
    a hand-entered interview, say): then the further record's stage stands."""
    latest = current_stage(events)
    own = [e for e in events if e.stage is keep.stage] or [latest]
    theirs = [e for e in events if e.stage is other.stage] or [latest]
    candidates = [latest, current_stage(own), current_stage(theirs)]
    if latest.stage in RANK:
        ahead = [c for c in candidates if c.stage in RANK and RANK[c.stage] > RANK[latest.stage]]
        chosen = max(ahead, key=lambda e: (RANK[e.stage], e.occurred_on, e.id)) if ahead else latest
    else:
        chosen = latest
    days = [d for d in (keep.applied_on, other.applied_on) if d is not None]
    return MergedStanding(
        stage_event=chosen,
        applied_on=min(days) if days else None,
        last_activity_on=max(keep.last_activity_on, other.last_activity_on),
    )


def filled_details(keep: Application, other: Application) -> dict[str, Any]:
    """Details the kept record lacks and the other has."""
    return {
        name: getattr(other, name)
        for name in FILLABLE
        if getattr(keep, name) is None and getattr(other, name) is not None
    }
