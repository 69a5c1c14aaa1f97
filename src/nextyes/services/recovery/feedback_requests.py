"""Asking for feedback after a "no": draft, record what was sent, follow up once, record replies.

Sending is always the person's own act: nextyes drafts (text, a mailto: link or an .eml file
their mail app opens) and records what they tell it they sent. One polite follow-up is
suggested a week later; after that, or after "we don't give feedback", the request closes
quietly.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from nextyes import content
from nextyes.domain.companies import clean_text
from nextyes.domain.models import Application, Interview, InterviewKind, Origin, Relation
from nextyes.domain.recovery import (
    FOLLOW_UP_AFTER,
    FeedbackRequest,
    RequestStatus,
    Tone,
    parse_tone,
)
from nextyes.domain.stages import Stage
from nextyes.errors import Conflict, InvalidInput, Words
from nextyes.mail.drafts import build_eml, mailto_url
from nextyes.services.learning.themed_texts import classify_feedback
from nextyes.services.people.recipients import Recipient, keep_contact, recipient_for
from nextyes.services.pipeline.applications import get_application
from nextyes.services.recovery.cool_down import get_rejected_application
from nextyes.services.settings.preferences import get_preferences
from nextyes.storage.uow import UnitOfWork
from nextyes.text.drafts import (
    Draft,
    compose_feedback_request,
    compose_follow_up,
    interview_label,
    is_feedback_declined,
)
from nextyes.text.feedback_lint import Flag, lint

GIVERS = ("interviewer", "recruiter", "self")


def _said(key: str, **values: object) -> str:
    """A refusal or note about feedback requests, from recovery/feedback_requests.toml."""
    return content.fill(content.load("recovery/feedback_requests")["problems"][key], **values)


MAX_FEEDBACK = 20_000


@dataclass(frozen=True, slots=True)
class ComposedDraft:
    """A draft ready to show or hand to a mail app, with what the person should know about it."""

    application: Application
    kind: str  # feedback_request | feedback_follow_up | reply
    draft: Draft
    recipient: Recipient
    flags: tuple[Flag, ...]
    notes: tuple[str, ...]
    draft_id: int
    kept_contacts: tuple[str, ...] = ()


def tone_of(text: str | None, default: Tone = Tone.WARM) -> Tone:
    if text is None:
        return default
    try:
        return parse_tone(text)
    except ValueError as exc:
        raise InvalidInput(str(exc)) from None


def draft_feedback_request(
    uow: UnitOfWork,
    application_id: int,
    now: datetime,
    *,
    to: str | None = None,
    email: str | None = None,
    tone: str | None = None,
    about: str | None = None,
) -> ComposedDraft:
    """Draft the request (or, once it is due, the one follow-up) and keep the draft."""
    today = now.date()
    with uow:
        app = get_rejected_application(uow, application_id, "feedback_request")
        request = _settled(uow, uow.feedback_requests.latest_for(app.id), today)
        recipient = recipient_for(uow, app, to, email)
        sender = str(get_preferences(uow)["your_name"]) or None
        notes: list[str] = []
        if request is not None and _asked_enough(request):
            asked = {"company": app.company, "sent": request.sent_on.isoformat(), "id": app.id}
            if request.followed_up_on:
                followed = _iso(request.followed_up_on)
                raise Conflict(_said("asked_and_followed_up", followed=followed, **asked))
            raise Conflict(_said("asked", **asked))
        if request is not None and request.follow_up_due(today):
            kind = "feedback_follow_up"
            draft = compose_follow_up(
                tone=tone_of(tone, request.tone or Tone.WARM),
                company=app.company,
                role=app.role,
                sent_on=request.sent_on,
                contact_name=recipient.name,
                sender_name=sender,
                today=today,
            )
        else:
            if request is not None and request.status is RequestStatus.WAITING:
                notes.append(
                    _said("waiting", sent=request.sent_on.isoformat(),
                          follow_up=_iso(request.follow_up_on))
                )  # fmt: skip
            kind = "feedback_request"
            at_stage, heard_on = rejection_facts(uow, app)
            interview = _last_interview(uow, app.id, heard_on)
            draft = compose_feedback_request(
                tone=tone_of(tone),
                stage=at_stage.value,
                company=app.company,
                role=app.role,
                contact_name=recipient.name,
                interview_date=interview.scheduled_on if interview else None,
                interview_label=interview_label(interview.kind.value, interview.round)
                if interview
                else None,
                interview_topic=clean_text(about),
                sender_name=sender,
                today=today,
            )
        cool_down = [c for c in uow.cool_downs.active_at(now) if c.application_id == app.id]
        if cool_down:
            notes.append("Your cool-down is still running: there's no rush to send this.")
        draft_id = uow.drafts.add(
            app.id, kind, draft.subject, draft.body, now, recipient=recipient.email
        )
        uow.commit()
    return ComposedDraft(
        app, kind, draft, recipient, tuple(lint(draft.body)), tuple(notes), draft_id
    )


def _asked_enough(request: FeedbackRequest) -> bool:
    """One request and one follow-up, then it is closed for good: followed up (open or closed
    since) or closed as no reply. Only an answered request leaves room for a new one."""
    return request.followed_up_on is not None or request.status is RequestStatus.NO_REPLY


def _iso(day: date | None) -> str:
    return day.isoformat() if day else _said("a_later_day")


def rejection_facts(uow: UnitOfWork, app: Application) -> tuple[Stage, date]:
    """The stage the "no" came at, and the day it came."""
    rejections = [e for e in uow.events.for_application(app.id) if e.stage is Stage.REJECTED]
    latest = rejections[-1] if rejections else None
    if latest is None:
        return Stage.APPLIED, app.stage_on
    return latest.from_stage or Stage.APPLIED, latest.occurred_on


def _last_interview(uow: UnitOfWork, application_id: int, by: date) -> Interview | None:
    talks = [
        i
        for i in uow.interviews.for_application(application_id)
        if i.kind is not InterviewKind.ASSESSMENT and i.scheduled_on <= by
    ]
    return talks[-1] if talks else None


def _settled(
    uow: UnitOfWork, request: FeedbackRequest | None, today: date
) -> FeedbackRequest | None:
    """The request with a quiet close written down once its time has passed."""
    if request is None or request.status_on(today) is request.status:
        return request
    uow.feedback_requests.close(request.id, request.status_on(today), today)
    return uow.feedback_requests.get(request.id)


def export_draft(composed: ComposedDraft, as_: str, *, path: Path | None, now: datetime) -> str:
    """The draft as text, a mailto: URL, or an .eml file written to `path` (returns the path)."""
    draft, to = composed.draft, composed.recipient.email
    if as_ == "text":
        return draft.as_text()
    if as_ == "mailto":
        return mailto_url(to=to, subject=draft.subject, body=draft.body)
    if as_ != "eml" or path is None:
        raise InvalidInput(_said("no_such_format"))
    data = build_eml(
        subject=draft.subject, body=draft.body, to=to, to_name=composed.recipient.name, date=now
    )
    _write_atomically(path, data)
    return str(path)


def _write_atomically(path: Path, data: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".draft-", suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except OSError as exc:
        raise InvalidInput(_said("cannot_write", path=path, why=exc.strerror or exc)) from None


@dataclass(frozen=True, slots=True)
class SentRecord:
    request: FeedbackRequest
    follow_up: bool  # this was the one follow-up, not a new request
    contact_created: bool


def record_request_sent(
    uow: UnitOfWork,
    application_id: int,
    on: date,
    now: datetime,
    *,
    to: str | None = None,
    email: str | None = None,
    tone: str | None = None,
    follow_up_in: timedelta = FOLLOW_UP_AFTER,
) -> SentRecord:
    """Record that a request (or its one follow-up) was sent."""
    today = now.date()
    if on > today:
        raise InvalidInput(_said("sent_in_future", day=on.isoformat()))
    if not timedelta(days=1) <= follow_up_in <= timedelta(days=60):
        raise InvalidInput(_said("follow_up_range"))
    with uow:
        app = get_rejected_application(uow, application_id, "feedback_request")
        latest = _settled(uow, uow.feedback_requests.latest_for(app.id), today)
        if latest is not None and _asked_enough(latest):
            closed = latest.status is RequestStatus.NO_REPLY
            did = _said("did_ask" if latest.followed_up_on is None else "did_follow_up")
            raise Conflict(
                _said("already_closed" if closed else "already_open", did=did,
                      company=app.company, id=app.id)
            )  # fmt: skip
        if latest is not None and latest.status is RequestStatus.WAITING:
            if on < latest.sent_on:
                raise InvalidInput(
                    _said("follow_up_before_request", sent=latest.sent_on.isoformat())
                )
            uow.feedback_requests.record_follow_up(latest.id, on)
            _mark_draft_sent(uow, app.id, "feedback_follow_up", on)
            request = uow.feedback_requests.get(latest.id)
            uow.commit()
            assert request is not None
            return SentRecord(request, True, False)
        recipient = recipient_for(uow, app, to, email)
        contact_id, created = recipient.contact_id, False
        if contact_id is None and recipient.name and to is not None:
            contact_id, created = keep_contact(
                uow, app, recipient.name, now, relation=Relation.OTHER, link_role="feedback",
                email=recipient.email,
            )  # fmt: skip
        request_id = uow.feedback_requests.add(
            app.id, on, on + follow_up_in, now, contact_id=contact_id, tone=tone_of(tone)
        )
        _mark_draft_sent(uow, app.id, "feedback_request", on)
        request = uow.feedback_requests.get(request_id)
        uow.commit()
    assert request is not None
    return SentRecord(request, False, created)


def _mark_draft_sent(uow: UnitOfWork, application_id: int, kind: str, on: date) -> None:
    unsent = [d for d in uow.drafts.for_application(application_id, kind) if d.sent_on is None]
    if unsent:
        uow.drafts.mark_sent(unsent[-1].id, on)


@dataclass(frozen=True, slots=True)
class FeedbackAdded:
    feedback_id: int | None  # None when the reply declined to give feedback
    declined: bool
    closed_request: FeedbackRequest | None
    why: dict[str, list[str]] | None = None
    """Each theme found with the words behind it; empty when no specific reason was given."""


def add_feedback(
    uow: UnitOfWork,
    application_id: int,
    text: str,
    on: date,
    now: datetime,
    *,
    giver: str = "interviewer",
    origin: Origin,
) -> FeedbackAdded:
    """Record what came back. A reply that only says they don't give feedback closes the
    request as no reply and is not kept as feedback (there is nothing in it about you)."""
    body = text.strip()
    if not body:
        raise InvalidInput(
            _said("feedback_empty", id=application_id),
            web=Words("recovery/web", "feedback_empty"),
        )
    if len(body) > MAX_FEEDBACK:
        raise InvalidInput(_said("feedback_too_long", max=f"{MAX_FEEDBACK:,}"))
    if giver not in GIVERS:
        raise InvalidInput(_said("no_such_giver", givers=", ".join(GIVERS)))
    if on > now.date():
        raise InvalidInput(_said("came_in_future", day=on.isoformat()))
    declined = giver != "self" and is_feedback_declined(body)
    with uow:
        app = get_application(uow, application_id)
        request = _settled(uow, uow.feedback_requests.latest_for(app.id), now.date())
        closed = None
        if request is not None and request.status.is_open:
            status = RequestStatus.NO_REPLY if declined else RequestStatus.ANSWERED
            uow.feedback_requests.close(request.id, status, on)
            closed = uow.feedback_requests.get(request.id)
        feedback_id = None
        why = None
        if not declined:
            themes = classify_feedback(body)
            feedback_id = uow.feedback.add(
                app.id, body, giver, on, now, origin=origin, themes=themes.themes,
                scores=themes.scores, controllable=themes.controllable,
            )  # fmt: skip
            why = themes.why
            uow.applications.touch(app.id, on, now)
        uow.commit()
    return FeedbackAdded(feedback_id, declined, closed, why)
