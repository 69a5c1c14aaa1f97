"""Mail waiting for review, in the JSON API."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field

from nextyes.domain.mail import MailCorrection, MailReading
from nextyes.domain.mail_labels import MailLabel
from nextyes.web.schemas.types import Name, RefId


class MailPublic(BaseModel):
    id: int
    received_at: datetime | None
    sender: str | None
    subject: str | None
    label: MailLabel
    company: str | None
    role: str | None
    review_reason: str | None
    snippet: str | None
    runner_up: MailLabel | None = None
    """The second likeliest label, when the import was not sure."""
    why: list[str] = []
    """The phrases that pushed the message towards its label."""


class MailSettleCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: MailLabel | None = None
    application_id: RefId | None = None
    company: Name | None = None


class MailIgnoreCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    always: bool = False


class MailOutcomePublic(BaseModel):
    status: str
    effect: str | None
    application_id: int | None


class MailReadingPublic(BaseModel):
    label: MailLabel
    status: str
    application_id: int | None
    company: str | None
    effect: str | None


class MailCorrectionPublic(BaseModel):
    """One correction made after the message was applied."""

    at: datetime
    from_: MailReadingPublic = Field(alias="from")
    to: MailReadingPublic
    undone: list[str]
    kept: list[str]


class MailAppliedPublic(BaseModel):
    """A message nextyes applied (or a correction settled since), with what it changed."""

    id: int
    received_at: datetime | None
    sender: str | None
    subject: str | None
    label: MailLabel
    status: str
    effect: str | None
    """created | moved | rejected | added-... (what applying it changed), None if nothing."""
    company: str | None
    application_id: int | None
    why: list[str] = []
    corrected_at: datetime | None = None
    corrections: list[MailCorrectionPublic] = []
    """Each correction made after it was applied: at, from, to, undone, kept."""


class MailCorrectCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    label: MailLabel | None = None
    application_id: RefId | None = None
    company: Name | None = None
    confirm: bool = False
    """Go ahead even when something added since depends on what is taken back."""


class MailUndoPublic(BaseModel):
    """What correcting a message takes back and keeps (before or after it is done)."""

    undone: list[str]
    kept: list[str]
    needs_confirmation: bool


class MailCorrectedPublic(MailOutcomePublic):
    undone: list[str]
    kept: list[str]


def reading_public(reading: MailReading) -> MailReadingPublic:
    return MailReadingPublic(
        label=reading.label, status=reading.status.value, application_id=reading.application_id,
        company=reading.company, effect=reading.effect,
    )  # fmt: skip


def correction_public(correction: MailCorrection) -> MailCorrectionPublic:
    return MailCorrectionPublic.model_validate(
        {"at": correction.at, "from": reading_public(correction.before),
         "to": reading_public(correction.after), "undone": list(correction.undone),
         "kept": list(correction.kept)}
    )  # fmt: skip
