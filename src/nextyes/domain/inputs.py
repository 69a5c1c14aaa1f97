"""What a person gives to add a record: an application, a stage change, an interview, a contact.

Named in `domain/models.py` too (`from nextyes.domain.models import NewApplication` works); kept
here so the quick commands, which add nothing, never define them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, time

from nextyes.domain.models import InterviewKind, Origin, Relation
from nextyes.domain.stages import Stage


@dataclass(frozen=True, slots=True)
class NewApplication:
    """What a user gives to log an application."""

    company: str
    role: str
    applied_on: date | None
    source: str | None = None
    url: str | None = None
    resume_version: str | None = None
    cover_letter_version: str | None = None
    location: str | None = None
    salary: str | None = None
    note: str | None = None
    saved_only: bool = False
    referral_contact_id: int | None = None


@dataclass(frozen=True, slots=True)
class NewStageEvent:
    application_id: int
    stage: Stage
    occurred_on: date
    from_stage: Stage | None = None
    round: int | None = None
    note: str | None = None
    reason: str | None = None
    correction: bool = False
    origin: Origin = field(kw_only=True)  # where it came from: always said, never assumed


@dataclass(frozen=True, slots=True)
class NewInterview:
    application_id: int
    kind: InterviewKind
    scheduled_on: date
    round: int | None = None
    scheduled_time: time | None = None
    duration_minutes: int | None = None
    location: str | None = None
    interviewers: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class NewContact:
    name: str
    relation: Relation = Relation.OTHER
    company: str | None = None
    email: str | None = None
    phone: str | None = None
    how_met: str | None = None
    notes: str | None = None
    next_follow_up_on: date | None = None
