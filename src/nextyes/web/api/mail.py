"""/api/v1/mail: messages an import could not place on its own, and settling them."""

from __future__ import annotations

from fastapi import APIRouter, Response

from nextyes.services.mail import review as mail_review
from nextyes.web.deps import WebDep
from nextyes.web.schemas.mail import (
    MailIgnoreCreate,
    MailOutcomePublic,
    MailPublic,
    MailSettleCreate,
)
from nextyes.web.schemas.types import PathId

router = APIRouter(tags=["mail"])


@router.get("/mail/review", response_model=list[MailPublic])
async def review_queue(web: WebDep) -> list[MailPublic]:
    """Messages waiting for review, oldest first."""
    return [
        MailPublic(id=m.id, received_at=m.received_at, sender=m.sender, subject=m.subject,
                   label=m.label, company=m.company, role=m.role,
                   review_reason=m.review_reason, snippet=m.snippet, runner_up=m.runner_up,
                   why=list(m.why))
        for m in mail_review.review_queue(web.uow(), limit=500)
    ]  # fmt: skip


@router.post("/mail/{mail_id}/settle", response_model=MailOutcomePublic)
async def settle(web: WebDep, mail_id: PathId, body: MailSettleCreate) -> MailOutcomePublic:
    """Apply a message as read, or as corrected (the correction is remembered per sender)."""
    correction = mail_review.Correction(body.label, body.application_id, body.company)
    outcome = mail_review.settle(web.uow(), mail_id, web.now(), correction=correction)
    return MailOutcomePublic(
        status=outcome.status.value, effect=outcome.effect, application_id=outcome.application_id
    )


@router.post("/mail/{mail_id}/ignore", status_code=204)
async def ignore(web: WebDep, mail_id: PathId, body: MailIgnoreCreate) -> Response:
    mail_review.ignore(web.uow(), mail_id, web.now(), always=body.always)
    return Response(status_code=204)
