"""Offers: record what was offered, compare the open ones, accept one and close the rest kindly.

An offer belongs to an application and moves it to the offer stage. Accepting it moves the
application to accepted; the other open applications then each get a short, kind draft
(withdrawing, or declining an offer they made) and can be closed in one step. An offer counts
as open while it is undecided and its application is still at the offer stage (a `nextyes move
ID declined` closes it too).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import Any

from nextyes import content
from nextyes.domain.models import Application, Origin
from nextyes.domain.offers import (
    TERM_NAMES,
    Offer,
    OfferStatus,
    OfferTerms,
    check_terms,
)
from nextyes.domain.stages import OPEN_STAGES, Stage
from nextyes.errors import Conflict, InvalidInput, NotFound, Words
from nextyes.services.pipeline.applications import get_application, move_application
from nextyes.services.pipeline.offer_views import OfferView, list_offers, open_offers
from nextyes.storage.uow import UnitOfWork

__all__ = ["OfferView", "list_offers", "open_offers"]  # they live in offer_views, light to import

WITHDRAWAL = "withdrawal"
DECLINE = "decline"


def _said(key: str, **values: object) -> str:
    """A refusal about offers, from content/pipeline/offers.toml [problems]."""
    return content.fill(content.load("pipeline/offers")["problems"][key], **values)


def _offer_of(uow: UnitOfWork, application_id: int) -> tuple[Application, Offer]:
    application = get_application(uow, application_id)
    offer = uow.offers.for_application(application_id)
    if offer is None:
        raise NotFound(_said("none_recorded", id=application_id, company=application.company))
    return application, offer


def record_offer(
    uow: UnitOfWork,
    application_id: int,
    terms: OfferTerms,
    now: datetime,
    *,
    on: date | None = None,
    origin: Origin,
) -> OfferView:
    """Keep an offer's terms and move its application to the offer stage (if not there yet)."""
    today = now.date()
    checked = check_terms(terms, today)
    with uow:
        application = get_application(uow, application_id)
        if uow.offers.for_application(application_id) is not None:
            raise Conflict(_said("already_one", id=application_id, company=application.company))
        if application.stage is not Stage.OFFER:
            if application.stage not in OPEN_STAGES and application.stage is not Stage.GHOSTED:
                raise Conflict(
                    _said(
                        "ended",
                        id=application_id,
                        company=application.company,
                        stage=application.stage.label.lower(),
                    ),
                    web=Words(
                        "pipeline/web",
                        "offer_after_the_end",
                        {"company": application.company, "stage": application.stage.label.lower()},
                    ),
                )
            move_application(uow, application_id, Stage.OFFER, on or today, now, origin=origin)
        uow.offers.add(application_id, checked, now)
        view = _view(uow, application_id, today)
        uow.commit()
    return view


def update_offer(
    uow: UnitOfWork, application_id: int, changes: Mapping[str, Any], now: datetime
) -> OfferView:
    """Change an offer's terms: only the ones given (None clears one)."""
    unknown = sorted(set(changes) - set(TERM_NAMES))
    if unknown:
        raise InvalidInput(
            _said("not_a_part", names=", ".join(unknown), parts=", ".join(TERM_NAMES))
        )
    if "pay_private" in changes and changes["pay_private"] is None:
        raise InvalidInput(_said("pay_private"))
    today = now.date()
    with uow:
        _, offer = _offer_of(uow, application_id)
        if not offer.is_open:
            raise Conflict(_said("settled", status=offer.status.value))
        terms = replace(offer.terms, **dict(changes))
        changed = "answer_by" in changes and changes["answer_by"] != offer.terms.answer_by
        checked = check_terms(terms, today, answer_by_changed=changed)
        uow.offers.update_terms(offer.id, checked, now)
        uow.applications.touch(application_id, today, now)
        view = _view(uow, application_id, today)
        uow.commit()
    return view


def get_offer(uow: UnitOfWork, application_id: int, today: date) -> OfferView:
    with uow:
        _offer_of(uow, application_id)
        return _view(uow, application_id, today)


def _view(uow: UnitOfWork, application_id: int, today: date) -> OfferView:
    application, offer = _offer_of(uow, application_id)
    return OfferView(offer, application, offer.days_left(today))


# Deciding -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClosingDraft:
    """A short note for an application to close: withdrawing, or declining its offer."""

    application: Application
    kind: str  # withdrawal | decline
    subject: str
    body: str
    recipient: str | None = None
    draft_id: int | None = None  # once kept with the application


@dataclass(frozen=True, slots=True)
class Decision:
    offer: OfferView
    others: tuple[ClosingDraft, ...]  # the other open applications, each with its draft
    closed: bool = False  # whether they were closed in the same step


def accept_offer(
    uow: UnitOfWork,
    application_id: int,
    now: datetime,
    *,
    on: date | None = None,
    close_others: bool = False,
    origin: Origin,
) -> Decision:
    """Accept the offer: the application moves to accepted; the other open applications get
    their drafts, and with `close_others` are closed too, all in one transaction."""
    today = now.date()
    with uow:
        _decide(uow, application_id, OfferStatus.ACCEPTED, on or today, now, origin)
        view = _view(uow, application_id, today)
        drafts = closing_drafts(uow, application_id)
        if close_others:
            drafts = _close(uow, drafts, on or today, now, origin)
        uow.commit()
    return Decision(view, tuple(drafts), close_others)


def decline_offer(
    uow: UnitOfWork,
    application_id: int,
    now: datetime,
    *,
    on: date | None = None,
    origin: Origin,
) -> Decision:
    """Decline the offer (the application moves to declined), with a kind note to send."""
    today = now.date()
    with uow:
        _decide(uow, application_id, OfferStatus.DECLINED, on or today, now, origin)
        view = _view(uow, application_id, today)
        draft = _draft(uow, view.application, DECLINE, "decline_only")
        draft_id = uow.drafts.add(
            view.application.id, draft.kind, draft.subject, draft.body, now,
            recipient=draft.recipient,
        )  # fmt: skip
        uow.commit()
    return Decision(view, (replace(draft, draft_id=draft_id),), False)


def close_other_applications(
    uow: UnitOfWork,
    accepted_id: int,
    now: datetime,
    *,
    only: frozenset[int] | None = None,
    origin: Origin,
) -> list[ClosingDraft]:
    """After accepting an offer: close the other open applications (or `only` these), each
    with its draft kept. Nothing changes unless every one of them can be closed."""
    today = now.date()
    with uow:
        accepted = get_application(uow, accepted_id)
        if accepted.stage is not Stage.ACCEPTED:
            raise Conflict(_said("not_accepted", id=accepted_id, company=accepted.company))
        drafts = closing_drafts(uow, accepted_id)
        if only is not None:
            unknown = sorted(only - {d.application.id for d in drafts})
            if unknown:
                raise InvalidInput(_said("not_among_open", ids=", ".join(map(str, unknown))))
            drafts = [d for d in drafts if d.application.id in only]
        closed = _close(uow, drafts, today, now, origin)
        uow.commit()
    return closed


def after_accepting(uow: UnitOfWork, accepted_id: int, today: date) -> Decision:
    """The accepted offer and a draft for each other application still open (reads only)."""
    with uow:
        view = _view(uow, accepted_id, today)
        if view.offer.status is not OfferStatus.ACCEPTED:
            raise Conflict(_said("accept_first", company=view.application.company))
        return Decision(view, tuple(closing_drafts(uow, accepted_id)), False)


def closing_drafts(uow: UnitOfWork, accepted_id: int) -> list[ClosingDraft]:
    """A draft for each other application sent and still open (inside an open uow; reads
    only). Saved ones were never sent, so there is nobody to write to."""
    from nextyes.domain.queries import ApplicationQuery

    others = uow.applications.find(ApplicationQuery(stages=tuple(sorted(OPEN_STAGES))))
    return [
        _draft(uow, app)
        for app in others
        if app.id != accepted_id and app.stage.is_open and app.stage is not Stage.SAVED
    ]


def _decide(
    uow: UnitOfWork,
    application_id: int,
    status: OfferStatus,
    on: date,
    now: datetime,
    origin: Origin,
) -> None:
    application, offer = _offer_of(uow, application_id)
    if not offer.is_open or application.stage is not Stage.OFFER:
        state = offer.status.value if not offer.is_open else application.stage.label.lower()
        raise Conflict(_said("decided", company=application.company, state=state))
    if on > now.date():
        raise InvalidInput(_said("in_future", day=on.isoformat()))
    target = Stage.ACCEPTED if status is OfferStatus.ACCEPTED else Stage.DECLINED
    move_application(uow, application_id, target, on, now, origin=origin)
    uow.offers.set_status(offer.id, status, on, now)


def _close(
    uow: UnitOfWork, drafts: list[ClosingDraft], on: date, now: datetime, origin: Origin
) -> list[ClosingDraft]:
    closed = []
    for draft in drafts:
        app = draft.application
        offer = uow.offers.for_application(app.id)
        if draft.kind == DECLINE and offer is not None and offer.is_open:
            _decide(uow, app.id, OfferStatus.DECLINED, on, now, origin)
        else:
            move_application(
                uow, app.id, Stage.WITHDRAWN, max(on, app.last_activity_on), now, origin=origin
            )
        draft_id = uow.drafts.add(
            app.id, draft.kind, draft.subject, draft.body, now, recipient=draft.recipient
        )
        closed.append(replace(draft, application=get_application(uow, app.id), draft_id=draft_id))
    return closed


def _draft(
    uow: UnitOfWork, app: Application, kind: str | None = None, words_key: str | None = None
) -> ClosingDraft:
    from nextyes import content
    from nextyes.services.people.recipients import recipient_for
    from nextyes.services.settings.preferences import get_preferences
    from nextyes.text.templating import render

    kind = kind or (DECLINE if app.stage is Stage.OFFER else WITHDRAWAL)
    words = content.load("pipeline/offers")[words_key or kind]
    recipient = recipient_for(uow, app, None)
    first = recipient.name.split()[0] if recipient.name else None
    values: dict[str, str | None] = {
        "company": app.company,
        "role": app.role,
        "contact_first_name": first,
        "sender_name": str(get_preferences(uow)["your_name"]) or None,
    }
    return ClosingDraft(
        application=app,
        kind=kind,
        subject=render(words["subject"], values),
        body=render(words["body"].strip("\n"), values),
        recipient=recipient.email or recipient.name,
    )
