"""What is kept after a no: reflections, feedback, and drafted emails.

Named in `domain/recovery.py` too (`from nextyes.domain.recovery import Reflection` works); kept
here so `nextyes today`, which reads none of them, never defines them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from nextyes.domain.recovery import StageGroup


@dataclass(frozen=True, slots=True)
class Reflection:
    id: int
    application_id: int
    stage_group: StageGroup
    started_at: datetime
    finished_at: datetime | None
    time_box_minutes: int
    mood_before: int | None
    mood_after: int | None
    answers: dict[str, str] = field(default_factory=dict)
    attributions: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class FeedbackRow:
    """Feedback kept about an application (from an interviewer, a recruiter, or oneself)."""

    id: int
    application_id: int | None
    text: str
    giver: str
    received_on: date
    themes: tuple[str, ...]
    controllable: str | None
    origin: str


@dataclass(frozen=True, slots=True)
class DraftRow:
    """A feedback request or a reply drafted for an application (sent_on once it went)."""

    id: int
    application_id: int
    kind: str
    recipient: str | None
    subject: str | None
    body: str
    sent_on: date | None
