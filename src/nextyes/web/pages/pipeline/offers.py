"""Offers in the browser: record and edit one, compare them side by side, accept or decline,
and close the other applications kindly."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nextyes.domain.offers import PayPeriod, WorkPlace, parse_amount
from nextyes.errors import InvalidInput
from nextyes.services.pipeline import applications as apps
from nextyes.services.pipeline import offers as service
from nextyes.web import forms
from nextyes.web.deps import WebDep
from nextyes.web.forms import FormText
from nextyes.web.rendering import page, redirect, words
from nextyes.web.schemas.types import PathId

router = APIRouter()


@router.get("/offers", response_class=HTMLResponse)
async def compare_offers(request: Request, web: WebDep, all: bool = False) -> HTMLResponse:
    views = service.list_offers(web.uow(), web.today(), include_decided=all)
    return page(request, "offers.html", {"views": views, "all": all})


def _terms(web: Any, form: dict[str, str]) -> dict[str, Any]:
    """The offer's parts from the form (every field is sent: an empty one clears its part)."""
    pay = forms.optional(form.get("pay_amount"))
    return {
        "answer_by": forms.day(form.get("answer_by"), web.today()),
        "pay_amount": parse_amount(pay) if pay else None,
        "pay_currency": forms.optional(form.get("pay_currency")),
        "pay_period": forms.choice(form.get("pay_period"), PayPeriod, "pay period"),
        "pay_private": not form.get("share_pay"),
        "leave_days": forms.number(form.get("leave_days"), "leave in days", 0, 366),
        "location": forms.optional(form.get("location")),
        "remote": forms.choice(form.get("remote"), WorkPlace, "way of working"),
        "start_on": forms.day(form.get("start_on"), web.today()),
        "notes": forms.optional(form.get("notes")),
    }


async def _form(request: Request) -> dict[str, str]:
    return {k: v for k, v in (await request.form()).items() if isinstance(v, str)}


@router.post("/applications/{application_id}/offer")
async def record_offer(request: Request, web: WebDep, application_id: PathId) -> Response:
    """Record the offer, or save changes to it (the form sends every part)."""
    from nextyes.domain.offers import OfferTerms

    terms = _terms(web, await _form(request))
    detail = apps.application_detail(web.uow(), application_id)
    if detail.offer is None:
        view = service.record_offer(
            web.uow(), application_id, OfferTerms(**terms), web.now(), origin=web.origin
        )
        said = words("offer_added", company=view.application.company)
    else:
        current = service.get_offer(web.uow(), application_id, web.today()).offer.terms
        changes = {k: v for k, v in terms.items() if v != getattr(current, k)}
        service.update_offer(web.uow(), application_id, changes, web.now())
        said = words("offer_updated")
    return redirect(f"/applications/{application_id}#offer", said)


@router.post("/applications/{application_id}/offer/accept")
async def accept_offer(
    web: WebDep, application_id: PathId, on: FormText = "", close_others: FormText = ""
) -> Response:
    service.accept_offer(
        web.uow(), application_id, web.now(), on=forms.day(on, web.today()),
        close_others=bool(close_others), origin=web.origin,
    )  # fmt: skip
    return redirect(f"/applications/{application_id}/offer/accepted")


@router.get("/applications/{application_id}/offer/accepted", response_class=HTMLResponse)
async def after_accepting(request: Request, web: WebDep, application_id: PathId) -> HTMLResponse:
    """What to do with the other applications: a draft for each, and one button to close them."""
    decision = service.after_accepting(web.uow(), application_id, web.today())
    return page(request, "offer_accepted.html", {"decision": decision})


@router.post("/applications/{application_id}/offer/close-others")
async def close_others(request: Request, web: WebDep, application_id: PathId) -> Response:
    form = await request.form()
    chosen = frozenset(int(v) for v in form.getlist("only") if isinstance(v, str) and v.isdigit())
    if form.get("choosing") and not chosen:
        raise InvalidInput(words("tick_to_close", "forms"))
    closed = service.close_other_applications(
        web.uow(), application_id, web.now(), only=chosen if form.get("choosing") else None,
        origin=web.origin,
    )  # fmt: skip
    return redirect(
        f"/applications/{application_id}/offer/accepted", words("others_closed", count=len(closed))
    )


@router.post("/applications/{application_id}/offer/decline")
async def decline_offer(web: WebDep, application_id: PathId, on: FormText = "") -> Response:
    decision = service.decline_offer(
        web.uow(), application_id, web.now(), on=forms.day(on, web.today()), origin=web.origin
    )
    a = decision.offer.application
    return redirect(
        f"/applications/{application_id}#drafts",
        words("offer_declined", company=a.company, role=a.role),
    )
