"""Correcting mail that was already applied: when nextyes was sure and wrong.

A message the classifier was sure about changed the journal on its own (an application added,
a step recorded, a rejection with its cool-down, an interview scheduled). When it was read
wrong, a correction takes back exactly what that message changed, then applies it as
corrected through the review queue's own path (`review.apply_reading`), which also teaches
the journal the correction. Anything the person added or changed after the message is kept;
when some of it depends on what is taken back, the correction says what will and will not be
undone and waits for a yes. Everything happens in one transaction: all of it, or nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from nextyes.content import fill, load
from nextyes.domain.errors import Conflict, InvalidInput, NotFound
from nextyes.domain.mail import MailCorrection, MailStatus, StoredMail
from nextyes.domain.models import Application, StageEvent
from nextyes.domain.pipeline import current_stage
from nextyes.domain.stages import Stage
from nextyes.services.mail.importer import Outcome
from nextyes.services.mail.review import Correction, apply_reading
from nextyes.storage.uow import UnitOfWork
from nextyes.text.wording import spoken_date

CORRECTABLE = frozenset({MailStatus.APPLIED, MailStatus.LINKED, MailStatus.NOTED})
"""What a sure reading did with a message (and a correction may have done since, with
`SKIPPED` for "not job mail", which then keeps the message's words)."""
EARLIEST = datetime(1900, 1, 1, tzinfo=UTC)


class NeedsConfirmation(Conflict):
    """Some of what the person added since depends on what a correction would take back."""

    def __init__(self, message: str, undo: Undo) -> None:
        super().__init__(message)
        self.undo = undo


@dataclass(frozen=True, slots=True)
class Undo:
    """What taking one applied message back does: in words, and the rows it touches."""

    mail: StoredMail
    undone: tuple[str, ...]
    kept: tuple[str, ...]
    event: StageEvent | None = None
    interview_id: int | None = None
    delete_application: int | None = None

    @property
    def needs_confirmation(self) -> bool:
        return bool(self.kept)


@dataclass(frozen=True, slots=True)
class CorrectionDone:
    undo: Undo
    outcome: Outcome


def _words() -> dict[str, Any]:
    words: dict[str, Any] = load("mail/messages")["correct"]
    return words


def applied_mail(uow: UnitOfWork, limit: int | None = None) -> list[StoredMail]:
    """Messages that were applied to the journal (or corrected since), newest first."""
    with uow:
        return uow.mail.settled(tuple(CORRECTABLE | {MailStatus.SKIPPED}), limit)


def _correctable(uow: UnitOfWork, mail_id: int) -> StoredMail:
    words = _words()
    stored = uow.mail.get(mail_id)
    if stored is None:
        raise NotFound(fill(words["not_found"], id=mail_id))
    if stored.status is MailStatus.REVIEW:
        raise InvalidInput(fill(words["in_review"], id=mail_id))
    if stored.status is MailStatus.IGNORED:
        raise InvalidInput(fill(words["ignored"], id=mail_id))
    if stored.status is MailStatus.SKIPPED and not stored.details:
        raise InvalidInput(fill(words["only_key"], id=mail_id))
    return stored


def _counted(kinds: dict[str, int]) -> str:
    names = _words()["kinds"]
    parts = [fill(names[k][0 if n == 1 else 1], count=n) for k, n in kinds.items() if n]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def _stage_words(stage: Stage) -> str:
    return stage.label.lower()


def plan_undo(uow: UnitOfWork, stored: StoredMail) -> Undo:
    """What taking this message back will and will not undo (inside an open uow)."""
    words = _words()
    undo_words, keep_words = words["undo"], words["keep"]
    undone: list[str] = []
    kept: list[str] = []
    app_id = stored.application_id
    application = uow.applications.get(app_id) if app_id is not None else None
    if application is None or stored.status is not MailStatus.APPLIED:
        return Undo(stored, (), ())
    events = uow.events.for_application(application.id)
    event = next((e for e in events if e.id == stored.event_id), None)
    effect = stored.effect or _legacy_effect(event)
    created = effect == "created" or effect.startswith("added-")
    since = _since(application, events, event, created)
    interview_id = _mail_interview(uow, stored, application, event)
    interview_kept = False
    if interview_id is not None:
        interview = uow.interviews.get(interview_id)
        interview_kept = interview is not None and (
            bool(interview.location or interview.interviewers or interview.duration_minutes)
            or uow.mail_undo.questions_of(interview_id) > 0
            or (event is not None and (interview.notes or None) != (event.note or None))
        )
    first = min(events, key=lambda e: e.id)
    later = [e for e in events if e.id > (event.id if event else first.id) and e is not event]
    attached = uow.mail_undo.attached_since(application.id, since, skip_interview=interview_id)
    if created:
        extra = dict(attached)
        if later:
            extra["steps"] = len(later)
        contacts = uow.mail_undo.linked_contacts(application.id)
        if contacts:
            extra["contacts"] = contacts
        others = uow.mail_undo.other_mail(application.id, stored.id)
        if others:
            extra["mail"] = others
        written = [e.recorded_at for e in (first, event) if e is not None and e.recorded_at]
        if not extra and written and uow.mail_undo.edited_after(application.id, max(written)):
            extra["edits"] = 1  # its company, role or other details, changed by the person
        if not extra:
            undone.append(
                fill(undo_words["created"], company=application.company, role=application.role)
            )
            return Undo(stored, tuple(undone), (), event, None, application.id)
        kept.append(
            fill(keep_words["application"], company=application.company,
                 application=application.id, what=_counted(extra))
        )  # fmt: skip
    else:
        kept.extend(
            fill(keep_words["event"], stage=_stage_words(e.stage), day=spoken_date(e.occurred_on),
                 company=application.company)
            for e in later
        )  # fmt: skip
        if attached:
            kept.append(
                fill(keep_words["attached"], what=_counted(attached), company=application.company)
            )
    if event is not None:
        day = spoken_date(event.occurred_on)
        if event.stage is Stage.REJECTED:
            undone.append(fill(undo_words["rejected"], day=day))
        else:
            undone.append(fill(undo_words["moved"], stage=_stage_words(event.stage), day=day))
    if interview_id is not None and (interview := uow.interviews.get(interview_id)) is not None:
        values = {"kind": words["interview_kinds"][interview.kind.value],
                  "day": spoken_date(interview.scheduled_on), "application": application.id}  # fmt: skip
        if interview_kept:
            kept.append(fill(keep_words["interview"], **values))
            interview_id = None
        else:
            undone.append(fill(undo_words["interview"], **values))
    else:
        interview_id = None
    return Undo(stored, tuple(undone), tuple(kept), event, interview_id, None)


def _legacy_effect(event: StageEvent | None) -> str:
    """What a message applied before effects were kept changed, read from its event."""
    if event is None:
        return "created"
    return "rejected" if event.stage is Stage.REJECTED else "moved"


def _since(
    application: Application,
    events: list[StageEvent],
    event: StageEvent | None,
    created: bool,
) -> datetime:
    """From when on rows count as added after the message."""
    if created or event is None or event.recorded_at is None:
        moments = [e.recorded_at for e in events if e.recorded_at is not None]
        start = application.created_at or (min(moments) if moments else None)
        return start or EARLIEST
    return event.recorded_at


def _mail_interview(
    uow: UnitOfWork, stored: StoredMail, application: Application, event: StageEvent | None
) -> int | None:
    """The interview the message scheduled: kept since 0007; for older messages, the one
    recorded at the same moment as its event (a move records both at once)."""
    if stored.interview_id is not None or stored.effect is not None:
        return stored.interview_id
    if event is None or event.stage not in (Stage.ASSESSMENT, Stage.INTERVIEW, Stage.FINAL):
        return None
    return uow.mail_undo.interview_recorded_with(application.id, event)


def plan_correction(uow: UnitOfWork, mail_id: int, correction: Correction | None = None) -> Undo:
    """What correcting message `mail_id` would take back and keep (nothing is changed); with
    `correction`, first checks that it says something new."""
    with uow:
        stored = _correctable(uow, mail_id)
        if correction is not None:
            _check_changes(stored, correction)
        return plan_undo(uow, stored)


def _check_changes(stored: StoredMail, correction: Correction) -> None:
    words = _words()
    if correction.label is None and correction.application_id is None and not correction.company:
        raise InvalidInput(words["say_what"])
    same_label = correction.label is None or correction.label is stored.label
    same_app = (
        correction.application_id is None or correction.application_id == stored.application_id
    )
    same_company = not correction.company or correction.company == stored.company
    if same_label and same_app and same_company:
        labels = load("mail/messages")["bands"]["labels"]
        where = f" for application #{stored.application_id}" if stored.application_id else ""
        raise InvalidInput(
            fill(words["same"], id=stored.id, label=labels[stored.label.value], application=where)
        )


def _undo(uow: UnitOfWork, undo: Undo, now: datetime) -> None:
    uow.mail_undo.unlink(undo.mail.id)
    if undo.delete_application is not None:
        uow.applications.delete(undo.delete_application)  # its events, interview, cool-down
        return
    if undo.interview_id is not None:
        uow.interviews.delete(undo.interview_id)
    event = undo.event
    if event is None:
        return
    app_id = event.application_id
    uow.mail_undo.delete_event(event.id)  # its cool-down goes with it
    remaining = uow.events.for_application(app_id)
    keys = [f"invite-{event.id}"]
    if not any(e.stage is event.stage for e in remaining):
        keys.append(f"furthest-{event.stage.value}")
    uow.wins.remove_automatic(app_id, keys)
    application = uow.applications.get(app_id)
    if application is None or not remaining:
        return
    latest = current_stage(remaining)
    if (application.stage, application.stage_on) != (latest.stage, latest.occurred_on):
        uow.applications.set_stage(
            app_id,
            latest.stage,
            latest.occurred_on,
            now,
            application.applied_on or latest.occurred_on,
        )
    if application.last_activity_on == event.occurred_on:
        day = uow.mail_undo.latest_activity(app_id, now.date())
        if day is not None and day < application.last_activity_on:
            uow.mail_undo.set_last_activity(app_id, day, now)


def correct_applied(
    uow: UnitOfWork,
    mail_id: int,
    now: datetime,
    correction: Correction,
    *,
    confirmed: bool = False,
) -> CorrectionDone:
    """Take back what an applied message changed and apply it as corrected, in one
    transaction. Without `confirmed`, stops (changing nothing) when something added since
    depends on what would be taken back."""
    with uow:
        stored = _correctable(uow, mail_id)
        _check_changes(stored, correction)
        undo = plan_undo(uow, stored)
        if undo.needs_confirmation and not confirmed:
            message = fill(_words()["needs_yes"], kept="; ".join(undo.kept))
            raise NeedsConfirmation(message, undo)
        _undo(uow, undo, now)
        before = uow.mail.get(mail_id)
        assert before is not None  # read in this transaction a moment ago
        outcome = apply_reading(uow, before, now, correction)
        after = uow.mail.get(mail_id)
        assert after is not None
        entry = MailCorrection(now, stored.reading, after.reading, undo.undone, undo.kept)
        uow.mail_undo.record_correction(mail_id, [*stored.corrections, entry], now)
        uow.commit()
    return CorrectionDone(undo, outcome)
