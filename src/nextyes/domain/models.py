"""The journal's records as plain dataclasses. Every aggregate carries its owner's id.

What a person gives to add a record (`NewApplication`, ...) lives in `domain/inputs.py` and an
application's whole detail (its questions, notes and people too) in `domain/detail.py`; both are
named here too, and defined on first
use: a frozen dataclass costs about 0.6 ms to define, and `nextyes today` or `list` need none of
them.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING, Any, NamedTuple

from nextyes.domain.stages import Stage

if TYPE_CHECKING:
    from nextyes.domain.detail import ApplicationContact as ApplicationContact
    from nextyes.domain.detail import ApplicationDetail as ApplicationDetail
    from nextyes.domain.detail import Note as Note
    from nextyes.domain.detail import Question as Question
    from nextyes.domain.inputs import NewApplication as NewApplication
    from nextyes.domain.inputs import NewContact as NewContact
    from nextyes.domain.inputs import NewInterview as NewInterview
    from nextyes.domain.inputs import NewStageEvent as NewStageEvent

ELSEWHERE = {
    "NewApplication": "nextyes.domain.inputs",
    "NewStageEvent": "nextyes.domain.inputs",
    "NewInterview": "nextyes.domain.inputs",
    "NewContact": "nextyes.domain.inputs",
    "Note": "nextyes.domain.detail",
    "Question": "nextyes.domain.detail",
    "ApplicationContact": "nextyes.domain.detail",
    "ApplicationDetail": "nextyes.domain.detail",
}


def __getattr__(name: str) -> Any:
    """`from nextyes.domain.models import NewApplication` works as for any record here."""
    if name not in ELSEWHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(ELSEWHERE[name]), name)
    globals()[name] = value
    return value


class Origin(StrEnum):
    """Where a record came from."""

    CLI = "cli"
    WEB = "web"
    MAIL = "mail"
    IMPORT = "import"
    DEMO = "demo"


class InterviewKind(StrEnum):
    PHONE = "phone"
    VIDEO = "video"
    ONSITE = "onsite"
    TECHNICAL = "technical"
    PANEL = "panel"
    ASSESSMENT = "assessment"
    FINAL = "final"
    OTHER = "other"


class Relation(StrEnum):
    MENTOR = "mentor"
    COACH = "coach"
    FRIEND = "friend"
    RECRUITER = "recruiter"
    HIRING_MANAGER = "hiring-manager"
    INTERVIEWER = "interviewer"
    PEER = "peer"
    COLLEAGUE = "colleague"
    OTHER = "other"


SUPPORT_CIRCLE = frozenset({Relation.MENTOR, Relation.COACH, Relation.FRIEND})


@dataclass(frozen=True, slots=True)
class Application:
    id: int
    owner_id: int
    company: str
    role: str
    stage: Stage
    stage_on: date
    applied_on: date | None
    last_activity_on: date
    source: str | None = None
    url: str | None = None
    resume_version: str | None = None
    cover_letter_version: str | None = None
    location: str | None = None
    salary: str | None = None
    referral_contact_id: int | None = None
    created_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StageEvent:
    id: int
    application_id: int
    stage: Stage
    occurred_on: date
    from_stage: Stage | None = None
    round: int | None = None
    note: str | None = None
    reason: str | None = None
    correction: bool = False
    origin: Origin = field(kw_only=True)  # where it came from: always said, never assumed
    recorded_at: datetime | None = None


class EventWithCompany(NamedTuple):
    """A stage event with the company and role it is about (read in one join)."""

    event: StageEvent
    company: str
    role: str


@dataclass(frozen=True, slots=True)
class Interview:
    id: int
    application_id: int
    round: int | None
    kind: InterviewKind
    scheduled_on: date
    scheduled_time: time | None = None
    duration_minutes: int | None = None
    location: str | None = None
    interviewers: tuple[str, ...] = ()
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    id: int
    owner_id: int
    name: str
    relation: Relation
    company: str | None = None
    email: str | None = None
    phone: str | None = None
    how_met: str | None = None
    notes: str | None = None
    next_follow_up_on: date | None = None
