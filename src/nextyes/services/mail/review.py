"""The review queue: messages an import was not sure about, settled by the user.

Accepting applies the message as it was read; correcting changes its label, company or
application first and teaches the journal: a corrected label is remembered with the message,
so the next message like it (same sender, same employer, same applicant-tracking system, or
very alike) is read that way (services/mail/corrections.py); a company given for a sender's
own address is remembered for that sender. Ignoring sets a message aside (and, if asked,
everything from that sender).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from nextyes.domain.errors import InvalidInput, NotFound
from nextyes.domain.mail import STAGE_FOR_LABEL, AnalysedMail, MailStatus, SenderRule, StoredMail
from nextyes.domain.mail_labels import MailLabel
from nextyes.services.mail.importer import Importer, Outcome
from nextyes.services.pipeline.applications import get_application
from nextyes.storage.convert import as_datetime
from nextyes.storage.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class Correction:
    """What the user says a message really is; None keeps what was read."""

    label: MailLabel | None = None
    application_id: int | None = None
    company: str | None = None


def review_queue(uow: UnitOfWork, limit: int | None = None) -> list[StoredMail]:
    """Messages waiting for review, oldest first."""
    with uow:
        return uow.mail.with_status(MailStatus.REVIEW, limit)


def _pending(uow: UnitOfWork, mail_id: int) -> StoredMail:
    stored = uow.mail.get(mail_id)
    if stored is None:
        raise NotFound(
            f"No message {mail_id} in the review queue. `nextyes mail review --list` shows them."
        )
    if stored.status is not MailStatus.REVIEW:
        raise InvalidInput(
            f"Message {mail_id} was already settled ({stored.status.value}); nothing to do."
        )
    return stored


def _as_analysed(stored: StoredMail) -> AnalysedMail:
    details = stored.details
    moments = details.get("interview_at")
    reasons = details.get("reasons")
    moments = moments if isinstance(moments, list) else []
    reasons = reasons if isinstance(reasons, list) else []
    return AnalysedMail(
        message_key=stored.message_key,
        message_id=None,
        received_at=stored.received_at,
        sender=stored.sender or "",
        sender_address=str(details.get("sender_address") or ""),
        sender_domain=stored.sender_domain or "",
        subject=stored.subject or "",
        label=stored.label,
        confidence=1.0,
        company=stored.company,
        role=stored.role,
        via_ats=bool(details.get("via_ats")),
        interview_at=tuple(as_datetime(m) for m in moments if isinstance(m, str)),
        reached_stage=str(details["reached_stage"]) if details.get("reached_stage") else None,
        reasons=tuple(str(r) for r in reasons if isinstance(r, str)),
        snippet=stored.snippet or "",
    )


def settle(
    uow: UnitOfWork,
    mail_id: int,
    now: datetime,
    *,
    correction: Correction | None = None,
) -> Outcome:
    """Accept a queued message (as read, or as corrected) and apply it to the journal."""
    with uow:
        outcome = apply_reading(uow, _pending(uow, mail_id), now, correction)
        uow.commit()
    return outcome


def apply_reading(
    uow: UnitOfWork, stored: StoredMail, now: datetime, correction: Correction | None
) -> Outcome:
    """Apply a stored message as read, or as corrected, and teach the journal the correction
    (inside an open uow). The review queue and the correction of applied mail both use it, so
    a message corrected after it was applied ends where a review would have put it."""
    importer = Importer(uow, now)
    mail = importer.as_shared(_as_analysed(stored))
    application = None
    details: dict[str, object] | None = None
    if correction is not None:
        if correction.application_id is not None:
            application = get_application(uow, correction.application_id)
        company = correction.company or (application.company if application else None)
        mail = replace(mail, label=correction.label or mail.label, company=company or mail.company)
        if (
            company
            and mail.sender_address
            and not mail.via_ats
            and not importer.ties.would_share(mail.sender_address, company)
        ):
            # a person's or an employer's own address names one company; an
            # applicant-tracking system's no-reply address (or any address of a domain the
            # journal has tied to another company already) speaks for many
            uow.sender_rules.remember(SenderRule(mail.sender_address, company), now)
        if correction.label is not None and correction.label is not stored.label:
            # remembered with the message itself: the next one like it is read this way
            details = {**stored.details, "read_as": stored.label.value}
    outcome = importer.decide(mail, application=application)
    if (
        outcome.status is MailStatus.REVIEW
        and outcome.application_id is None
        and application is None
        and mail.company
        and mail.label in STAGE_FOR_LABEL
    ):
        # Accepting news from a company the journal does not know yet: the application was
        # sent before the journal began, so it is added from the email, then moved on.
        created = importer.create_from(mail)
        outcome = importer.decide(mail, application=created)
        outcome = replace(outcome, effect=f"added-{outcome.effect or outcome.status.value}")
    if outcome.status is MailStatus.REVIEW:
        hint = (
            " Say which application it is with --application ID (`nextyes list` shows the "
            "ids), or ignore it."
            if outcome.application_id is None
            else " Fix the application's dates, or ignore this message."
        )
        raise InvalidInput(f"{outcome.review_reason}{hint}")
    uow.mail.resolve(
        stored.id,
        outcome.status,
        label=mail.label,
        application_id=outcome.application_id,
        event_id=outcome.event_id,
        company=mail.company,
        details=details,
        effect=outcome.effect,
        interview_id=outcome.interview_id,
    )
    return outcome


def ignore(uow: UnitOfWork, mail_id: int, now: datetime, *, always: bool = False) -> None:
    """Set a queued message aside; with `always`, every later message from its sender too."""
    with uow:
        stored = _pending(uow, mail_id)
        sender = str(stored.details.get("sender_address") or "")
        if always and sender:
            uow.sender_rules.remember(SenderRule(sender, ignore=True), now)
        uow.mail.resolve(
            mail_id,
            MailStatus.IGNORED,
            label=stored.label,
            application_id=stored.application_id,
            event_id=None,
            company=stored.company,
        )
        uow.commit()
