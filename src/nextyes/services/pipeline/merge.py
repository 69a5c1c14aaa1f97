"""Merge two applications that describe the same job into one, keeping both histories.

For when a mail import and a hand entry (or two imports) logged the same job twice: the
application kept gets the other's timeline, interviews, questions, notes, people, feedback,
drafts, reflections, mail links, wins and moods; details it lacks are filled from the other;
the same step recorded on both is kept once. All in one transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nextyes import content
from nextyes.domain.merge import duplicate_events, filled_details, merged_standing
from nextyes.domain.models import Application
from nextyes.errors import InvalidInput, Words
from nextyes.services.pipeline.applications import get_application
from nextyes.storage.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class MergeOutcome:
    application: Application  # the one kept, as it is now
    removed: Application  # the other, as it was
    moved: dict[str, int]  # table -> rows moved
    same_steps: int  # steps recorded on both, kept once
    filled: tuple[str, ...]  # details taken from the other


def merge_applications(uow: UnitOfWork, keep_id: int, other_id: int, now: datetime) -> MergeOutcome:
    if keep_id == other_id:
        raise InvalidInput(
            content.fill(content.load("pipeline/messages")["cli"]["merge_itself"], id=keep_id),
            web=Words("pipeline/web", "merge_itself"),
        )
    with uow:
        keep = get_application(uow, keep_id)
        other = get_application(uow, other_id)
        duplicates = duplicate_events(
            uow.events.for_application(keep_id), uow.events.for_application(other_id)
        )
        filled = filled_details(keep, other)
        uow.merging.move_events(duplicates)
        moved = uow.merging.move_rows(keep_id, other_id)
        if filled:
            uow.applications.update_fields(keep_id, filled, now)
        standing = merged_standing(keep, other, uow.events.for_application(keep_id))
        uow.merging.set_standing(
            keep_id,
            stage=standing.stage_event.stage.value,
            stage_on=standing.stage_event.occurred_on,
            applied_on=standing.applied_on,
            last_activity_on=standing.last_activity_on,
            now=now,
        )
        uow.applications.delete(other_id)
        merged = get_application(uow, keep_id)
        uow.commit()
    return MergeOutcome(merged, other, moved, len(duplicates), tuple(filled))


OTHERS_SHOWN = 100  # recent applications offered besides the same company's


def merge_candidates(
    uow: UnitOfWork, application_id: int
) -> tuple[list[Application], list[Application]]:
    """Applications that could be the same job: the same company first, then every other."""
    from nextyes.domain.companies import company_key
    from nextyes.domain.queries import ApplicationQuery

    with uow:
        keep = get_application(uow, application_id)
        likely = uow.applications.with_company_key(company_key(keep.company))
        recent = uow.applications.find(ApplicationQuery(limit=OTHERS_SHOWN))
    likely = [a for a in likely if a.id != keep.id]
    seen = {keep.id, *(a.id for a in likely)}
    return likely, [a for a in recent if a.id not in seen]
