"""Learning from the noes, in the JSON API: insights, the plan, and practice."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from nextyes.domain.plan import PlanKind, PlanStatus
from nextyes.web.schemas.types import Name, RefId, ShortText


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class FunnelStepPublic(BaseModel):
    key: str
    count: int
    share: float = Field(description="Of the applications sent, 0..1.")


class ThemeTrendPublic(BaseModel):
    theme: str
    last_30: int
    last_90: int
    before: int
    controllable: str = Field(description="yes, partly or no.")


class InsightsPublic(BaseModel):
    sent: int
    enough: bool = Field(description="False while there is too little data to say much.")
    funnel: list[FunnelStepPublic]
    noes_by_stage: dict[str, int]
    themes: list[ThemeTrendPublic]
    sentences: dict[str, list[str]] = Field(description="The findings in words, by section.")


class PlanItemCreate(Input):
    what: ShortText = Field(description="A suggested action's key, or a title of your own.")
    theme: Name | None = None
    kind: PlanKind | None = None
    detail: ShortText | None = None
    application_id: RefId | None = None


class PlanItemUpdate(Input):
    status: PlanStatus
    evidence: ShortText | None = Field(None, description="What shows it is done.")


class PlanItemPublic(BaseModel):
    id: int
    title: str
    kind: PlanKind
    status: PlanStatus
    theme: str | None
    detail: str | None
    created_on: date
    evidence: list[str]


class PlanSuggestionPublic(BaseModel):
    key: str
    title: str
    detail: str
    theme: str
    kind: PlanKind
    mentions: int


class PracticeQuestionPublic(BaseModel):
    key: str
    category: str
    text: str
    themes: list[str]


class PracticeCreate(Input):
    question: ShortText = Field(description="A question's key, or the question in your words.")
    rating: int | None = Field(None, ge=1, le=5)
    notes: ShortText | None = None
    on: date | None = None


class PracticePublic(BaseModel):
    id: int
    on: date
    question: str
    rating: int | None


class StoryCreate(Input):
    title: Name
    situation: ShortText | None = None
    task: ShortText | None = None
    action: ShortText | None = None
    result: ShortText | None = None
    themes: list[Name] = Field(default_factory=list, max_length=13)


class StoryUpdate(Input):
    """Only the parts given change; null clears a part."""

    title: Name | None = None
    situation: ShortText | None = None
    task: ShortText | None = None
    action: ShortText | None = None
    result: ShortText | None = None
    themes: list[Name] | None = Field(None, max_length=13)


class StoryPublic(BaseModel):
    id: int
    title: str
    created_on: date
    situation: str | None
    task: str | None
    action: str | None
    result: str | None
    themes: list[str]
    missing: list[str] = Field(description="Parts still to write.")
