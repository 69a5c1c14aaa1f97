"""An application with everything recorded about it (for `show` and its web page): its
questions, notes and people.

Named in `domain/models.py` too; kept here so the quick commands, which show no detail, never
define them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from nextyes.domain.models import Application, Contact, Interview, StageEvent

if TYPE_CHECKING:  # the detail's other parts, kept off the import path of quick commands
    from nextyes.domain.offers import Offer
    from nextyes.domain.postings import Posting
    from nextyes.domain.recovery import (
        CoolDownRecord,
        DraftRow,
        FeedbackRequest,
        FeedbackRow,
        Reflection,
    )


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
class ApplicationContact:
    """A person tied to one application, and in what role (recruiter, interviewer, referrer)."""

    contact: Contact
    role: str


@dataclass(frozen=True, slots=True)
class Note:
    id: int
    application_id: int
    written_on: date
    text: str
    private: bool = False


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
