"""Applications and everything recorded about them, as the JSON API reads and writes them."""

from __future__ import annotations

from datetime import date, datetime, time

from pydantic import BaseModel, ConfigDict, Field

from nextyes.domain.models import (
    Application,
    ApplicationDetail,
    Interview,
    InterviewKind,
    Note,
    Question,
    Relation,
    StageEvent,
)
from nextyes.domain.stages import Stage
from nextyes.web.schemas.types import LongText, Name, RefId, ShortText


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class PostingCreate(Input):
    """A job posting to keep with an application: its text, and where it was."""

    text: str = Field(min_length=1, max_length=100_000)
    url: ShortText | None = None
    title: ShortText | None = None


class ApplicationCreate(Input):
    company: Name = Field(examples=["Acme Robotics"])
    role: Name = Field(examples=["Data Analyst"])
    applied_on: date | None = Field(None, description="When you applied (default: today).")
    saved: bool = Field(False, description="Save it to apply later instead of logging it as sent.")
    source: Name | None = Field(None, examples=["linkedin"])
    url: ShortText | None = None
    resume_version: Name | None = None
    cover_letter_version: Name | None = None
    location: Name | None = None
    salary: Name | None = None
    note: LongText | None = None
    referral_contact_id: RefId | None = None
    posting: PostingCreate | None = Field(
        None, description="The job posting's text to keep with it (see POST /postings/read)."
    )


class ApplicationUpdate(Input):
    """Only the fields given change; null clears an optional one."""

    company: Name | None = None
    role: Name | None = None
    applied_on: date | None = None
    source: Name | None = None
    url: ShortText | None = None
    resume_version: Name | None = None
    cover_letter_version: Name | None = None
    location: Name | None = None
    salary: Name | None = None
    referral_contact_id: RefId | None = None


class ApplicationPublic(BaseModel):
    id: int
    company: str
    role: str
    stage: Stage
    stage_label: str
    stage_on: date
    applied_on: date | None
    last_activity_on: date
    source: str | None
    url: str | None
    resume_version: str | None
    cover_letter_version: str | None
    location: str | None
    salary: str | None
    referral_contact_id: int | None

    @classmethod
    def of(cls, app: Application) -> ApplicationPublic:
        return cls.model_construct(
            id=app.id,
            company=app.company,
            role=app.role,
            stage=app.stage,
            stage_label=app.stage.label,
            stage_on=app.stage_on,
            applied_on=app.applied_on,
            last_activity_on=app.last_activity_on,
            source=app.source,
            url=app.url,
            resume_version=app.resume_version,
            cover_letter_version=app.cover_letter_version,
            location=app.location,
            salary=app.salary,
            referral_contact_id=app.referral_contact_id,
        )


class ApplicationPagePublic(BaseModel):
    items: list[ApplicationPublic]
    total: int = Field(description="How many match in all.")
    limit: int | None
    offset: int
    folded: int = Field(description="Closed noes left out (the fold_rejected setting).")


class StageEventPublic(BaseModel):
    id: int
    stage: Stage
    on: date
    from_stage: Stage | None
    round: int | None
    note: str | None
    reason: str | None
    correction: bool
    origin: str

    @classmethod
    def of(cls, e: StageEvent) -> StageEventPublic:
        return cls(
            id=e.id,
            stage=e.stage,
            on=e.occurred_on,
            from_stage=e.from_stage,
            round=e.round,
            note=e.note,
            reason=e.reason,
            correction=e.correction,
            origin=e.origin.value,
        )


class StageChangeCreate(Input):
    stage: Stage = Field(description="Where it moved (a rejection has its own endpoint).")
    on: date | None = Field(None, description="When it happened, or when it is scheduled.")
    round: int | None = Field(None, ge=1, le=20)
    note: LongText | None = None
    correct: bool = Field(False, description="It corrects a stage recorded by mistake.")
    at: time | None = Field(None, description="The interview's time, when there is one.")
    kind: InterviewKind | None = None
    interviewers: list[Name] = Field(default_factory=list, max_length=20)
    location: Name | None = None


class StageChangePublic(BaseModel):
    application: ApplicationPublic
    event: StageEventPublic
    changed_current: bool = Field(description="False when a later event keeps the stage.")
    interview_id: int | None
    scheduled_on: date | None
    message: str


class RejectionCreate(Input):
    on: date | None = Field(None, description="When the no came (default: today).")
    reason: LongText | None = Field(None, description="What they said, in a sentence.")
    cool_down: Name | None = Field(
        None,
        description="evening, weekend, a duration such as 24h, or none (default: the setting).",
    )


class RejectionPublic(BaseModel):
    application: ApplicationPublic
    event: StageEventPublic
    at_stage: Stage
    message: str = Field(description="Kind words for the moment.")
    cool_down: str = Field(description="The cool-down in words.")
    cool_down_ends_at: datetime | None
    suggestions: list[str] = Field(description="Low-effort ideas for the cool-down.")


class InterviewCreate(Input):
    kind: InterviewKind = InterviewKind.VIDEO
    scheduled_on: date
    scheduled_time: time | None = None
    round: int | None = Field(None, ge=1, le=20)
    duration_minutes: int | None = Field(None, ge=1, le=1440)
    location: Name | None = None
    interviewers: list[Name] = Field(default_factory=list, max_length=20)
    notes: LongText | None = None


class InterviewUpdate(Input):
    kind: InterviewKind | None = None
    scheduled_on: date | None = None
    scheduled_time: time | None = None
    round: int | None = Field(None, ge=1, le=20)
    duration_minutes: int | None = Field(None, ge=1, le=1440)
    location: Name | None = None
    interviewers: list[Name] | None = Field(None, max_length=20)
    notes: LongText | None = None


class InterviewPublic(BaseModel):
    id: int
    application_id: int
    kind: InterviewKind
    round: int | None
    scheduled_on: date
    scheduled_time: time | None
    duration_minutes: int | None
    location: str | None
    interviewers: list[str]
    notes: str | None

    @classmethod
    def of(cls, i: Interview) -> InterviewPublic:
        return cls(
            id=i.id,
            application_id=i.application_id,
            kind=i.kind,
            round=i.round,
            scheduled_on=i.scheduled_on,
            scheduled_time=i.scheduled_time,
            duration_minutes=i.duration_minutes,
            location=i.location,
            interviewers=list(i.interviewers),
            notes=i.notes,
        )


class QuestionCreate(Input):
    text: LongText
    interview_id: RefId | None = None
    hard: bool = Field(False, description="A hard one, worth practising.")
    notes: LongText | None = None


class QuestionUpdate(QuestionCreate):
    pass


class QuestionPublic(BaseModel):
    id: int
    application_id: int
    interview_id: int | None
    text: str
    hard: bool
    theme: str | None
    notes: str | None

    @classmethod
    def of(cls, q: Question) -> QuestionPublic:
        return cls(
            id=q.id,
            application_id=q.application_id,
            interview_id=q.interview_id,
            text=q.text,
            hard=q.hard,
            theme=q.theme,
            notes=q.notes,
        )


class NoteCreate(Input):
    text: LongText
    on: date | None = Field(None, description="The day it is about (default: today).")
    private: bool = Field(False, description="Kept out of anything you share.")


class NoteUpdate(Input):
    text: LongText
    private: bool = False


class NotePublic(BaseModel):
    id: int
    application_id: int
    on: date
    text: str
    private: bool

    @classmethod
    def of(cls, n: Note) -> NotePublic:
        return cls(
            id=n.id,
            application_id=n.application_id,
            on=n.written_on,
            text=n.text,
            private=n.private,
        )


class ApplicationContactPublic(BaseModel):
    id: int
    name: str
    relation: Relation
    role: str = Field(description="Their part in this application: recruiter, interviewer...")
    email: str | None


class FeedbackPublic(BaseModel):
    id: int
    application_id: int | None
    text: str
    giver: str
    received_on: date
    themes: list[str]
    controllable: str | None


class ApplicationDetailPublic(ApplicationPublic):
    events: list[StageEventPublic]
    interviews: list[InterviewPublic]
    questions: list[QuestionPublic]
    notes: list[NotePublic]
    contacts: list[ApplicationContactPublic]
    feedback: list[FeedbackPublic]

    @classmethod
    def of_detail(cls, d: ApplicationDetail) -> ApplicationDetailPublic:
        base = ApplicationPublic.of(d.application)
        feedback = d.feedback
        return cls(
            **dict(base),
            events=[StageEventPublic.of(e) for e in d.events],
            interviews=[InterviewPublic.of(i) for i in d.interviews],
            questions=[QuestionPublic.of(q) for q in d.questions],
            notes=[NotePublic.of(n) for n in d.notes],
            contacts=[
                ApplicationContactPublic(
                    id=c.contact.id,
                    name=c.contact.name,
                    relation=c.contact.relation,
                    role=c.role,
                    email=c.contact.email,
                )
                for c in d.contacts
            ],
            feedback=[
                FeedbackPublic(
                    id=f.id,
                    application_id=f.application_id,
                    text=f.text,
                    giver=f.giver,
                    received_on=f.received_on,
                    themes=list(f.themes),
                    controllable=f.controllable,
                )
                for f in feedback
            ],
        )


class StagePublic(BaseModel):
    value: Stage
    label: str
    open: bool
