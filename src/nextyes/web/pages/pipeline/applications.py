"""Application pages: the list, logging one, its page, editing, moving, deleting, a no."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import HTMLResponse, Response

from nextyes import content
from nextyes.domain.coaching import CommentTarget
from nextyes.domain.errors import NextyesError
from nextyes.domain.models import InterviewKind
from nextyes.domain.postings import PostingFacts
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import MOVE_TARGETS, Stage
from nextyes.services.coaching import conversation
from nextyes.services.pipeline import applications as service
from nextyes.services.pipeline import records
from nextyes.services.pipeline.applications import InterviewDetails
from nextyes.services.pipeline.postings import add_with_posting
from nextyes.web import forms, views
from nextyes.web.deps import WebDep
from nextyes.web.forms import FormText
from nextyes.web.pages.pipeline.forms import ApplicationForm, NewApplicationForm
from nextyes.web.rendering import page, redirect, words
from nextyes.web.schemas.types import PathId

router = APIRouter()
PER_PAGE = 50


@router.get("/applications", response_class=HTMLResponse)
async def list_applications(
    request: Request,
    web: WebDep,
    stage: Annotated[list[Stage], Query(max_length=12)] = [],  # noqa: B006 (FastAPI copies it)
    company: Annotated[str, Query(max_length=200)] = "",
    page_number: Annotated[int, Query(alias="page", ge=1, le=100_000)] = 1,
    all: bool = False,
) -> HTMLResponse:
    query = ApplicationQuery(
        stages=tuple(stage),
        company=forms.optional(company),
        limit=PER_PAGE,
        offset=(page_number - 1) * PER_PAGE,
    )
    found = views.application_page(web, query, include_folded=all)
    same = [("stage", s.value) for s in stage] + [("company", company)] * bool(company)
    return page(
        request,
        "applications.html",
        {
            "found": found,
            "stage": stage,
            "company": company,
            "page_number": page_number,
            "per_page": PER_PAGE,
            "all": all,
            "stages": list(Stage),
            "query": urlencode(same + [("all", "true")] * all),
        },
    )


@router.get("/applications/new", response_class=HTMLResponse)
async def new_application(
    request: Request,
    url: Annotated[str, Query(max_length=2000)] = "",
    text: Annotated[str, Query(max_length=20_000)] = "",
) -> HTMLResponse:
    """The form. `url` and `text` come from the bookmarklet: text it sends (what the user
    selected, or the page's job data) is read at once and fills the form in; a link alone is
    fetched only when the user asks (opening this page never reaches the network)."""
    reading = {"url": url, "text": text}
    if not text.strip():
        return page(request, "application_new.html", new_form_context(request, {}, reading=reading))
    from nextyes.services.pipeline.postings import read_posting

    try:
        facts = read_posting(text, url=forms.optional(url))
    except NextyesError as exc:
        from nextyes.web.errors import in_browser

        kept = {"url": url, "text": "" if text.lstrip().startswith("<") else text}
        context = new_form_context(request, {}, reading=kept, problem=in_browser(exc))
        return page(request, "application_new.html", context)
    context = new_form_context(request, posting_values(facts), found=facts)
    return page(request, "application_new.html", context)


def posting_values(facts: PostingFacts) -> dict[str, str]:
    """The form's fields, filled in from what a posting says."""
    return {
        "company": facts.company or "", "role": facts.role or "",
        "location": facts.location or "", "salary": facts.salary or "", "url": facts.url or "",
        "posting_text": facts.text, "posting_url": facts.url or "",
        "posting_title": facts.title or "",
    }  # fmt: skip


def new_form_context(
    request: Request,
    values: dict[str, str],
    *,
    earlier: object = (),
    reading: dict[str, str] | None = None,
    found: object = None,
    problem: str | None = None,
) -> dict[str, object]:
    base = str(request.base_url).rstrip("/")
    return {
        "values": values,
        "earlier": earlier or [],
        "reading": reading or {},
        "found": found,
        "problem": problem,
        "bookmarklet": bookmarklet(base),
    }


def bookmarklet(base: str) -> str:
    """A link to drag to the bookmarks bar: on a job's page, it opens this app's form in a new
    tab, where the user's session applies, with the page's address and what the form can read
    at once: the text selected, or else the page's job data (schema.org JSON-LD, the ad's text
    shortened so the address stays short)."""
    return (
        "javascript:(()=>{const s=String(getSelection()).slice(0,4000);let j='';"
        "const f=x=>{if(Array.isArray(x))return x.map(f);if(x&&typeof x==='object'){"
        "for(const k in x)x[k]=k==='description'&&typeof x[k]==='string'?x[k].slice(0,1500)"
        ":f(x[k])}return x};"
        "for(const e of document.querySelectorAll('script[type=\"application/ld+json\"]')){"
        "try{j+='<script type=\"application/ld+json\">'+JSON.stringify(f(JSON.parse("
        "e.textContent.replace(/^\\s*(<!--|<!\\[CDATA\\[)|(-->|\\]\\]>)\\s*$/g,''))))"
        ".replace(/</g,'\\\\u003c')+'</scr'+'ipt>'}catch(_){}}"
        "const t=s||(j&&j.length<6000?'<title>'+document.title.replace(/</g,'&lt;')+'</title>'+j:'');"
        f"window.open('{base}/applications/new?url='+encodeURIComponent(location.href)"
        "+(t?'&text='+encodeURIComponent(t):''),'_blank','noopener')})()"
    )


@router.post("/applications", response_class=HTMLResponse)
async def create_application(
    request: Request, web: WebDep, form: Annotated[NewApplicationForm, Depends()]
) -> Response:
    """Log an application (with its posting, when it came from one); if the company said no
    lately, show that first."""
    new = form.application(web.today())
    if not form.confirmed and form.company.strip():
        earlier = service.earlier_rejections(web.uow(), form.company, web.today())
        if earlier:
            values = {k: v for k, v in (await request.form()).items() if isinstance(v, str)}
            return page(
                request, "application_new.html", new_form_context(request, values, earlier=earlier)
            )
    app = add_with_posting(web.uow(), new, form.posting(), web.now(), origin=web.origin)
    said = words("added_saved" if new.saved_only else "added", company=app.company, role=app.role)
    if not new.saved_only:
        said += " " + content.load("pipeline/messages")["moved"]["applied"]
    return redirect(forms.local_path(form.next, f"/applications/{app.id}"), said)


@router.get("/applications/{application_id}", response_class=HTMLResponse)
async def show_application(request: Request, web: WebDep, application_id: PathId) -> HTMLResponse:
    detail = service.application_detail(web.uow(), application_id)
    feedback = list(detail.feedback)
    about = [(CommentTarget.APPLICATION, application_id)]
    about += [(CommentTarget.FEEDBACK, f.id) for f in feedback]
    return page(
        request,
        "application.html",
        {
            "d": detail,
            "a": detail.application,
            "targets": MOVE_TARGETS,
            "kinds": list(InterviewKind),
            "feedback": feedback,
            "timeline": views.timeline(detail),
            "coach_comments": conversation.comments_beside(web.uow(), about, web.now()),
        },
    )


@router.post("/applications/{application_id}/edit")
async def edit_application(
    web: WebDep, application_id: PathId, form: Annotated[ApplicationForm, Depends()]
) -> Response:
    records.update_application(web.uow(), application_id, form.changes(web.today()), web.now())
    return redirect(f"/applications/{application_id}", words("edited"))


@router.post("/applications/{application_id}/move")
async def move_application(
    web: WebDep,
    application_id: PathId,
    stage: Annotated[Stage, Form()],
    on: FormText = "",
    round: FormText = "",
    at: FormText = "",
    kind: FormText = "",
    interviewers: FormText = "",
    location: FormText = "",
    note: FormText = "",
    private: FormText = "",
    correct: FormText = "",
    next: FormText = "",
) -> Response:
    """Move along the pipeline (the board's buttons and keys post here too)."""
    details = InterviewDetails(
        kind=forms.choice(kind, InterviewKind, "kind of interview"),
        at=forms.clock(at),
        interviewers=forms.names(interviewers),
        location=forms.optional(location),
    )
    outcome = service.move_application(
        web.uow(),
        application_id,
        stage,
        forms.day(on, web.today(), web.today()) or web.today(),
        web.now(),
        round=forms.number(round, "round", 1, 20),
        note=forms.optional(note),
        note_private=bool(private),
        correct=bool(correct),
        details=details,
        origin=web.origin,
    )
    a = outcome.application
    said = words(
        "moved",
        company=a.company,
        role=a.role,
        stage=a.stage.label.lower(),
        message=outcome.message,
    )
    return redirect(forms.local_path(next, f"/applications/{application_id}"), said)


@router.get("/applications/{application_id}/delete", response_class=HTMLResponse)
async def confirm_delete(request: Request, web: WebDep, application_id: PathId) -> HTMLResponse:
    detail = service.application_detail(web.uow(), application_id)
    return page(request, "application_delete.html", {"a": detail.application, "d": detail})


@router.post("/applications/{application_id}/delete")
async def delete_application(web: WebDep, application_id: PathId) -> Response:
    gone = records.delete_application(web.uow(), application_id)
    return redirect("/applications", words("removed", company=gone.company, role=gone.role))


@router.get("/applications/{application_id}/reject", response_class=HTMLResponse)
async def rejection_form(request: Request, web: WebDep, application_id: PathId) -> HTMLResponse:
    detail = service.application_detail(web.uow(), application_id)
    return page(request, "reject.html", {"a": detail.application})
