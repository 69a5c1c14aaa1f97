"""The improvement plan: items to work on, skills being built, and the evidence for them.

An item is planned, then started, then done, or dropped along the way; done and dropped are
final (add a new item to pick something up again). Evidence (a practice session, a course
finished, a new CV version) can be added at any time and is how progress is shown.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from nextyes.domain.errors import Conflict, InvalidInput, Words

MAX_TITLE = 300
MAX_EVIDENCE = 2000


class PlanStatus(StrEnum):
    PLANNED = "planned"
    STARTED = "started"
    DONE = "done"
    DROPPED = "dropped"

    @property
    def is_open(self) -> bool:
        return self in (PlanStatus.PLANNED, PlanStatus.STARTED)


class PlanKind(StrEnum):
    PRACTICE = "practice"
    LEARNING = "learning"
    MATERIALS = "materials"
    NETWORKING = "networking"
    SKILL = "skill"
    """A skill being built over time, shown with its evidence."""


class EvidenceKind(StrEnum):
    NOTE = "note"
    PRACTICE = "practice"
    COURSE = "course"
    MATERIALS = "materials"


@dataclass(frozen=True, slots=True)
class Evidence:
    on: date
    text: str
    kind: EvidenceKind = EvidenceKind.NOTE


@dataclass(frozen=True, slots=True)
class PlanItem:
    id: int
    title: str
    kind: PlanKind
    status: PlanStatus
    created_on: date
    theme: str | None = None
    detail: str | None = None
    action_key: str | None = None
    source_feedback_id: int | None = None
    source_application_id: int | None = None
    evidence: tuple[Evidence, ...] = ()
    started_on: date | None = None
    finished_on: date | None = None
    dropped_on: date | None = None


@dataclass(frozen=True, slots=True)
class NewPlanItem:
    title: str
    kind: PlanKind
    theme: str | None = None
    detail: str | None = None
    action_key: str | None = None
    source_feedback_id: int | None = None
    source_application_id: int | None = None


def clean_title(title: str) -> str:
    text = " ".join(title.split())
    if not text:
        raise InvalidInput(
            'The plan item needs a title, for example: nextyes plan add "Mock interview".',
            web=Words("learning/web", "plan_title_empty"),
        )
    if len(text) > MAX_TITLE:
        raise InvalidInput(f"That title is over {MAX_TITLE} characters; keep it to a line.")
    return text


def clean_evidence(text: str) -> str:
    body = text.strip()
    if not body:
        raise InvalidInput(
            'The evidence is empty. Say what you did, for example: "Finished the SQL course".'
        )
    if len(body) > MAX_EVIDENCE:
        raise InvalidInput(
            f"That is over {MAX_EVIDENCE:,} characters; keep the part that shows it."
        )
    return body


def check_move(item: PlanItem, target: PlanStatus) -> None:
    """Refuse a move the plan's rules do not allow, saying what can be done instead."""
    if item.status is target:
        raise Conflict(f"Plan item {item.id} is already {target.value}. Nothing was changed.")
    if not item.status.is_open:
        raise Conflict(
            f"Plan item {item.id} is {item.status.value}, which is final. To pick it up again, "
            f'add it anew: nextyes plan add "{item.title}"',
            web=Words(
                "learning/web",
                "plan_item_final",
                {"title": item.title, "status": item.status.value},
            ),
        )
    if target is PlanStatus.PLANNED:
        raise Conflict(f"Plan item {item.id} has started; it can be finished or dropped.")


def check_day(day: date, item: PlanItem, today: date) -> None:
    if day > today:
        raise InvalidInput(f"{day.isoformat()} is in the future; give today or an earlier day.")
    if day < item.created_on:
        raise InvalidInput(
            f"{day.isoformat()} is before plan item {item.id} was added "
            f"({item.created_on.isoformat()}); give a later day."
        )
