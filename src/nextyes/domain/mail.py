"""Job email as the journal sees it: what was read from a message and what became of it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from nextyes.domain.mail_labels import Band, MailLabel
from nextyes.domain.stages import Stage


class MailStatus(StrEnum):
    """What an import did with a message."""

    APPLIED = "applied"  # the journal changed: an application created, moved or closed
    LINKED = "linked"  # matched to an application that already knew this
    NOTED = "noted"  # job mail with nothing to change (recruiter outreach)
    SKIPPED = "skipped"  # not about the job search
    REVIEW = "review"  # waiting for `nextyes mail review`
    IGNORED = "ignored"  # set aside in review


STAGE_FOR_LABEL: dict[MailLabel, Stage] = {
    MailLabel.APPLICATION_RECEIVED: Stage.APPLIED,
    MailLabel.ASSESSMENT: Stage.ASSESSMENT,
    MailLabel.INTERVIEW: Stage.INTERVIEW,
    MailLabel.OFFER: Stage.OFFER,
    MailLabel.REJECTION: Stage.REJECTED,
}
"""The stage a message of each label moves an application to."""

PIPELINE_LABELS = frozenset(STAGE_FOR_LABEL)


@dataclass(frozen=True, slots=True)
class AnalysedMail:
    """Everything an import needs from one message, already classified and extracted."""

    message_key: str
    message_id: str | None
    received_at: datetime | None
    sender: str
    sender_address: str
    sender_domain: str
    subject: str
    label: MailLabel
    confidence: float
    company: str | None = None
    role: str | None = None
    via_ats: bool = False
    interview_at: tuple[datetime, ...] = ()
    reached_stage: str | None = None
    reasons: tuple[str, ...] = ()
    snippet: str = ""
    body: str | None = None
    defects: tuple[str, ...] = ()
    band: Band = Band.SURE
    runner_up: MailLabel | None = None
    why: tuple[str, ...] = ()
    """The phrases that pushed the message towards its label."""


@dataclass(frozen=True, slots=True)
class MailReading:
    """How a message was read and what that did, at one moment of its life."""

    label: MailLabel
    status: MailStatus
    application_id: int | None
    company: str | None
    effect: str | None


@dataclass(frozen=True, slots=True)
class MailCorrection:
    """One correction made after a message was applied: when, from what, to what, and what
    was taken back and kept (in words, as the person was told)."""

    at: datetime
    before: MailReading
    after: MailReading
    undone: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class StoredMail:
    """A message as the journal keeps it (bodies only when the user opted in)."""

    id: int
    message_key: str
    received_at: datetime | None
    sender: str | None
    sender_domain: str | None
    subject: str | None
    label: MailLabel
    confidence: float
    company: str | None
    role: str | None
    status: MailStatus
    review_reason: str | None
    application_id: int | None
    snippet: str | None
    details: dict[str, object] = field(default_factory=dict)
    event_id: int | None = None
    """The stage event applying the message recorded (a move or a rejection)."""
    interview_id: int | None = None
    """The interview or assessment applying the message scheduled."""
    effect: str | None = None
    """What applying it changed: created | moved | rejected | added-... (created, then ...)."""
    corrected_at: datetime | None = None
    corrections: tuple[MailCorrection, ...] = ()
    """Corrections made after it was applied, oldest first: when, from what, to what."""

    @property
    def why(self) -> tuple[str, ...]:
        """The phrases that pushed the message towards its label, as read at import."""
        found = self.details.get("why")
        return tuple(str(p) for p in found) if isinstance(found, list) else ()

    @property
    def runner_up(self) -> MailLabel | None:
        """The second likeliest label, when the import was not sure."""
        found = self.details.get("runner_up")
        labels = {label.value: label for label in MailLabel}
        return labels.get(found) if isinstance(found, str) else None

    @property
    def reading(self) -> MailReading:
        return MailReading(self.label, self.status, self.application_id, self.company, self.effect)


@dataclass(frozen=True, slots=True)
class SenderRule:
    """What the user taught nextyes about one sender in review."""

    sender: str
    company: str | None = None
    label: MailLabel | None = None
    ignore: bool = False
