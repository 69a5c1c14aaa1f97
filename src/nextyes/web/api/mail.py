"""/api/v1/mail: messages an import could not place on its own, and settling them."""

from __future__ import annotations

from fastapi import APIRouter, Response

from nextyes.services.mail import correcting
from nextyes.services.mail import review as mail_review
from nextyes.web.deps import WebDep
from nextyes.web.schemas.mail import (
    MailAppliedPublic,
    MailCorrectCreate,
    MailCorrectedPublic,
    MailIgnoreCreate,
    MailOutcomePublic,
    MailPublic,
    MailSettleCreate,
    MailUndoPublic,
    correction_public,
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


@router.get("/mail/applied", response_model=list[MailAppliedPublic])
async def applied(web: WebDep) -> list[MailAppliedPublic]:
    """Messages nextyes applied to the journal (or a correction settled), newest first."""
    return [
        MailAppliedPublic(id=m.id, received_at=m.received_at, sender=m.sender,
                          subject=m.subject, label=m.label, status=m.status.value,
                          effect=m.effect, company=m.company, application_id=m.application_id,
                          why=list(m.why), corrected_at=m.corrected_at,
                          corrections=[correction_public(c) for c in m.corrections])
        for m in correcting.applied_mail(web.uow(), limit=500)
    ]  # fmt: skip


@router.get("/mail/{mail_id}/undo", response_model=MailUndoPublic)
async def undo_preview(web: WebDep, mail_id: PathId) -> MailUndoPublic:
    """What correcting the message would take back and keep; nothing is changed."""
    undo = correcting.plan_correction(web.uow(), mail_id)
    return MailUndoPublic(undone=list(undo.undone), kept=list(undo.kept),
                          needs_confirmation=undo.needs_confirmation)  # fmt: skip


@router.post("/mail/{mail_id}/correct", response_model=MailCorrectedPublic)
async def correct(web: WebDep, mail_id: PathId, body: MailCorrectCreate) -> MailCorrectedPublic:
    """Take back what an applied message changed and apply it as corrected (409, changing
    nothing, when something added since depends on it and `confirm` is not set)."""
    correction = mail_review.Correction(body.label, body.application_id, body.company)
    done = correcting.correct_applied(
        web.uow(), mail_id, web.now(), correction, confirmed=body.confirm
    )
    return MailCorrectedPublic(
        status=done.outcome.status.value, effect=done.outcome.effect,
        application_id=done.outcome.application_id, undone=list(done.undo.undone),
        kept=list(done.undo.kept),
    )  # fmt: skip
