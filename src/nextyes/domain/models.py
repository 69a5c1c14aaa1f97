"""The journal's records as plain dataclasses. Every aggregate carries its owner's id."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from typing import TYPE_CHECKING, NamedTuple

from nextyes.domain.stages import Stage

if TYPE_CHECKING:  # ApplicationDetail's parts, kept off the import path of quick commands
    from nextyes.domain.offers import Offer
    from nextyes.domain.postings import Posting
    from nextyes.domain.recovery import (
        CoolDownRecord,
        DraftRow,
        FeedbackRequest,
        FeedbackRow,
        Reflection,
    )


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
class Question:
    id: int
    application_id: int
    interview_id: int | None
    text: str
    hard: bool = False
    theme: str | None = None
    notes: str | None = None


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    application_id: int
    written_on: date
    text: str
    private: bool = False


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


@dataclass(frozen=True, slots=True)
class ApplicationContact:
    """A person tied to one application, and in what role (recruiter, interviewer, referrer)."""

    contact: Contact
    role: str


@dataclass(frozen=True, slots=True)
class ApplicationDetail:
    """One application with everything recorded about it, for `show` and the web page."""

    application: Application
    events: tuple[StageEvent, ...]
    interviews: tuple[Interview, ...] = ()
    questions: tuple[Question, ...] = ()
    notes: tuple[Note, ...] = ()
    contacts: tuple[ApplicationContact, ...] = ()
    feedback: tuple[FeedbackRow, ...] = ()
    cool_downs: tuple[CoolDownRecord, ...] = ()
    feedback_requests: tuple[FeedbackRequest, ...] = ()
    reflections: tuple[Reflection, ...] = ()
    posting: Posting | None = None
    offer: Offer | None = None
    drafts: tuple[DraftRow, ...] = ()
