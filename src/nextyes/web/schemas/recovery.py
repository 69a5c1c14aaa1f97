"""After a no, in the JSON API: drafts and their lint, feedback, requests, reflections."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from nextyes.domain.recovery import Tone
from nextyes.web.schemas.types import LongText, Name, ShortText


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class LintCreate(Input):
    text: LongText


class LintFlagPublic(BaseModel):
    start: int = Field(description="The flagged words are text[start:end].")
    end: int
    category: str
    label: str
    message: str
    rewrite: str


class DraftCreate(Input):
    tone: Tone = Tone.WARM
    to: Name | None = Field(None, description="Their name.")
    email: Name | None = None
    about: ShortText | None = Field(None, description="Something specific to ask about.")


class ReplyCreate(Input):
    tone: Tone = Tone.WARM
    to: Name | None = None
    email: Name | None = None
    ask_future_roles: bool = False
    connect: bool = False


class DraftPublic(BaseModel):
    kind: str
    subject: str
    body: str
    to: str | None
    email: str | None
    flags: list[LintFlagPublic]
    notes: list[str]
    mailto: str


class RequestSentCreate(Input):
    on: date | None = None
    to: Name | None = None
    email: Name | None = None
    tone: Tone | None = None


class FeedbackRequestPublic(BaseModel):
    id: int
    sent_on: date
    status: str
    follow_up_on: date | None
    followed_up_on: date | None
    follow_up: bool = Field(description="This was the one follow-up.")


class FeedbackCreate(Input):
    text: LongText
    on: date | None = None
    giver: str = Field("interviewer", pattern="^(interviewer|recruiter|self)$")


class FeedbackAddedPublic(BaseModel):
    feedback_id: int | None = Field(description="None when they said they don't give feedback.")
    declined: bool


class ReflectionQuestionPublic(BaseModel):
    id: str
    topic: str
    text: str


class ReflectionPlanPublic(BaseModel):
    minutes: int
    intro: str
    questions: list[ReflectionQuestionPublic]
    suggested_attributions: dict[str, str] = Field(description="theme -> yes | partly | no")


class ReflectionCreate(Input):
    started_at: datetime | None = None
    mood_before: int | None = Field(None, ge=1, le=5)
    mood_after: int | None = Field(None, ge=1, le=5)
    answers: dict[str, LongText] = Field(default_factory=dict, description="question id -> answer")
    hard_questions: list[ShortText] = Field(default_factory=list, max_length=50)
    attributions: dict[str, str] = Field(default_factory=dict)
    new: bool = Field(
        False,
        description="Keep it as another reflection; by default a second one for the same no "
        "updates the earlier (answers given replace theirs, the rest stay).",
    )


class ReflectionPublic(BaseModel):
    id: int
    started_at: datetime
    finished_at: datetime | None
    mood_before: int | None
    mood_after: int | None
    answers: dict[str, str]
    attributions: dict[str, str]
