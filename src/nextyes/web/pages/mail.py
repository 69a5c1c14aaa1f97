"""Mail waiting for review: messages an import could not place on its own."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nextyes.domain.mail_labels import MailLabel
from nextyes.services.mail import review as mail_review
from nextyes.web import forms
from nextyes.web.deps import WebDep
from nextyes.web.forms import FormText
from nextyes.web.rendering import page, redirect
from nextyes.web.schemas.types import PathId

router = APIRouter()
SHOWN = 100


@router.get("/mail", response_class=HTMLResponse)
async def review(request: Request, web: WebDep) -> HTMLResponse:
    queue = mail_review.review_queue(web.uow(), limit=SHOWN)
    return page(request, "mail.html", {"queue": queue, "labels": list(MailLabel)})


@router.post("/mail/{mail_id}/settle")
async def settle(
    web: WebDep, mail_id: PathId, label: FormText = "", application_id: FormText = "",
    company: FormText = "",
) -> Response:  # fmt: skip
    correction = mail_review.Correction(
        label=forms.choice(label, MailLabel, "label"),
        application_id=forms.number(application_id, "application", 1, 2**31 - 1),
        company=forms.optional(company),
    )
    outcome = mail_review.settle(web.uow(), mail_id, web.now(), correction=correction)
    said = f"Done: {outcome.effect or outcome.status.value}."
    return redirect("/mail", said)


@router.post("/mail/{mail_id}/ignore")
async def ignore(web: WebDep, mail_id: PathId, always: FormText = "") -> Response:
    mail_review.ignore(web.uow(), mail_id, web.now(), always=bool(always))
    return redirect(
        "/mail", "Set aside." + (" Mail from that sender will be too." if always else "")
    )
