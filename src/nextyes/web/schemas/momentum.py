"""Momentum in the JSON API: wins, weekly goals, care, moods, the why, growth and people."""

from __future__ import annotations

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field

from nextyes.domain.contacts import InteractionKind
from nextyes.domain.goals import Metric
from nextyes.domain.models import Relation
from nextyes.domain.stages import Stage
from nextyes.domain.wellbeing import CareKind
from nextyes.domain.wins import WinKind
from nextyes.web.schemas.types import LongText, Name, RefId, ShortText


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class WinCreate(Input):
    text: ShortText
    on: date | None = Field(None, description="When it happened (default: today).")
    application_id: RefId | None = None


class WinPublic(BaseModel):
    id: int
    on: date
    text: str
    kind: WinKind
    automatic: bool
    application_id: int | None


class GoalUpdate(Input):
    target: int = Field(ge=1, le=1000, description="How many a week.")


class GoalPublic(BaseModel):
    metric: Metric
    target: int
    done: int = Field(description="This week so far.")
    remaining: int
    days_left: int
    met: bool
    streak: int = Field(description="Weeks in a row met.")
    message: str
    notes: list[str]


class CareCreate(Input):
    kind: CareKind
    minutes: int | None = Field(None, ge=1, le=1440)
    note: ShortText | None = None
    on: date | None = None


class CarePublic(BaseModel):
    id: int
    on: date
    kind: CareKind
    minutes: int | None
    note: str | None


class MoodCreate(Input):
    score: int = Field(ge=1, le=5, description="1 low, 5 good.")
    note: ShortText | None = None
    application_id: RefId | None = None


class MoodPublic(BaseModel):
    id: int
    at: datetime
    score: int
    note: str | None
    application_id: int | None


class LoggedPublic(BaseModel):
    id: int
    message: str


class MessagePublic(BaseModel):
    message: str


class WhyUpdate(Input):
    text: ShortText


class WhyPublic(BaseModel):
    text: str | None
    set_on: date | None
    recheck: str | None = Field(description="Why it may be time to look at it again.")


class ContactCreate(Input):
    name: Name
    relation: Relation = Relation.OTHER
    company: Name | None = None
    email: Name | None = None
    phone: Name | None = None
    how_met: ShortText | None = None
    notes: LongText | None = None
    follow_up_on: date | None = None


class ContactUpdate(Input):
    """Only the fields given change; null clears company, email, phone, how_met, notes or
    follow_up_on."""

    name: Name | None = None
    relation: Relation | None = None
    company: Name | None = None
    email: Name | None = None
    phone: Name | None = None
    how_met: ShortText | None = None
    notes: LongText | None = None
    follow_up_on: date | None = None


class ContactPublic(BaseModel):
    id: int
    name: str
    relation: Relation
    company: str | None
    email: str | None
    phone: str | None
    how_met: str | None
    notes: str | None
    follow_up_on: date | None
    in_support_circle: bool


class InteractionCreate(Input):
    kind: InteractionKind = InteractionKind.MESSAGE
    note: ShortText | None = None
    on: date | None = None
    application_id: RefId | None = None
    follow_up_on: date | None = None


class InteractionPublic(BaseModel):
    id: int
    on: date
    kind: InteractionKind
    note: str | None
    application_id: int | None


class ContactDetailPublic(ContactPublic):
    interactions: list[InteractionPublic]
    application_ids: list[int]


class ReferralCreate(Input):
    application_id: RefId
    on: date | None = None


class StonePublic(BaseModel):
    application_id: int
    company: str
    role: str
    on: date
    at_stage: Stage
    reason: str | None
    taught: list[str]
    followed: list[str]


class GrowthPublic(BaseModel):
    summary: str = Field(description="Honest counts, framed as progress.")
    stones: list[StonePublic] = Field(
        description="Each no, newest first: what it taught, what followed."
    )
