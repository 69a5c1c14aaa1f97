"""Mail: importing a mailbox file (read in the background, its progress on a page of its own),
and the messages an import could not place on its own, waiting for review."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response

from nextyes import content
from nextyes.domain.mail_labels import MailLabel
from nextyes.errors import NotFound
from nextyes.services.mail import correcting
from nextyes.services.mail import review as mail_review
from nextyes.web import forms
from nextyes.web.deps import WebDep
from nextyes.web.forms import FormText
from nextyes.web.jobs import Job, MailboxUpload
from nextyes.web.rendering import page, redirect
from nextyes.web.schemas.types import PathId

if TYPE_CHECKING:
    from nextyes.services.jobs.queue import JobView

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


def _correct_words() -> dict[str, Any]:
    words: dict[str, Any] = content.load("mail/messages")["correct"]
    return words


def _effect_words(effect: str | None, status: str) -> str:
    effects = content.load("mail/messages")["review"]["effects"]
    return str(effects.get(effect or status, effects.get(status, effects["noted"])))


@router.get("/mail/applied", response_class=HTMLResponse)
async def applied(request: Request, web: WebDep) -> HTMLResponse:
    """Mail nextyes was sure about and applied, each with a form to correct it."""
    items = correcting.applied_mail(web.uow(), limit=SHOWN)
    values = {
        "items": items, "w": _correct_words()["web"], "label_list": list(MailLabel),
        "labels": content.load("mail/messages")["bands"]["labels"],
        "effects": {m.id: _effect_words(m.effect, m.status.value) for m in items},
    }  # fmt: skip
    return page(request, "mail_applied.html", values)


@router.post("/mail/{mail_id}/correct")
async def correct(
    request: Request, web: WebDep, mail_id: PathId, label: FormText = "",
    application_id: FormText = "", company: FormText = "", confirm: FormText = "",
) -> Response:  # fmt: skip
    """Correct an applied message; when something added since depends on it, show what will
    and will not be undone first, and go ahead only on a yes."""
    correction = mail_review.Correction(
        label=forms.choice(label, MailLabel, "label"),
        application_id=forms.number(application_id, "application", 1, 2**31 - 1),
        company=forms.optional(company),
    )
    try:
        done = correcting.correct_applied(
            web.uow(), mail_id, web.now(), correction, confirmed=bool(confirm)
        )
    except correcting.NeedsConfirmation as exc:
        values = {
            "undo": exc.undo, "w": _correct_words()["web"], "c": _correct_words(),
            "label": label, "application_id": application_id, "company": company,
        }  # fmt: skip
        return page(request, "mail_correct.html", values)
    what = _effect_words(done.outcome.effect, done.outcome.status.value)
    return redirect("/mail/applied", content.fill(_correct_words()["done"], what=what))


def _import_words() -> dict[str, str]:
    words: dict[str, str] = content.load("mail/messages")["web_import"]
    return words


@router.get("/mail/import", response_class=HTMLResponse)
async def import_form(request: Request, web: WebDep) -> HTMLResponse:
    imap, can_keep = None, False
    team = request.scope.get("state", {}).get("team")
    served = team is not None
    if served:  # a served account may connect an IMAP folder instead of uploading
        from nextyes.services.mail.connection import imap_setting

        imap = imap_setting(web.uow(), web.journal.owner_id)
        can_keep = team.sealer.can_seal  # without a secret key no password can be kept
    values = {"w": _import_words(), "served": served, "imap": imap, "can_keep": can_keep,
              "i": content.load("mail/messages")["imap_served"]}  # fmt: skip
    return page(request, "mail_import.html", values)


@router.post("/mail/import")
async def start_import(request: Request, web: WebDep) -> Response:
    """Keep the uploaded mailbox, then read it in the background; its page shows progress."""
    from nextyes.services.mail.sources import mailbox_size
    from nextyes.services.portability.backups import backup_before_import
    from nextyes.web.uploads import save_upload, upload_of

    async with request.form() as form:
        words = _import_words()
        upload = upload_of(form.get("file"), "Choose a mailbox file first.")
        dry_run, keep_bodies = bool(form.get("dry_run")), bool(form.get("keep_bodies"))
        name = upload.filename or "mailbox"
        suffix = "".join(c for c in Path(name).suffix.lower() if c.isalnum() or c == ".")[:8]
        kept = await save_upload(web.settings, upload, suffix)
        try:
            total = mailbox_size(kept)
            if not dry_run:
                backup_before_import(web.settings)
        except BaseException:
            kept.unlink(missing_ok=True)
            raise
        upload_to_read = MailboxUpload(
            web.settings, web.journal.owner_id, kept, content.fill(words["reading"], name=name),
            total, dry_run, keep_bodies, web.now(),
        )  # fmt: skip
        job_id = web.jobs.read_mailbox(upload_to_read)
        return redirect(f"/jobs/{job_id}")


def _job(web: WebDep, job_id: str) -> Job | JobView:
    job = web.jobs.get(job_id)
    if job is None:
        raise NotFound("That import is no longer running; the journal has what it brought in.")
    return job


@router.get("/jobs/{job_id}", response_class=HTMLResponse)
async def job_page(request: Request, web: WebDep, job_id: str) -> HTMLResponse:
    job = _job(web, job_id)
    values = {"job": job, "w": _import_words(), "said": content.load("mail/messages")["import"]}
    return page(request, "job.html", values)


@router.get("/jobs/{job_id}/status")
async def job_status(web: WebDep, job_id: str) -> JSONResponse:
    job = _job(web, job_id)
    return JSONResponse({"percent": job.percent, "finished": job.finished, "read": job.items,
                         "problem": job.problem})  # fmt: skip
