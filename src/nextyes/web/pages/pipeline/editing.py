"""Fixing what was recorded, in the browser: merge two applications, keep a posting, edit or
remove a story, remove a reflection."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nextyes.domain.postings import NewPosting
from nextyes.errors import InvalidInput
from nextyes.services.learning import stories
from nextyes.services.pipeline import applications as service
from nextyes.services.pipeline.merge import merge_applications, merge_candidates
from nextyes.services.pipeline.postings import keep_posting
from nextyes.services.recovery.reflection import delete_reflection
from nextyes.web import forms
from nextyes.web.deps import WebDep
from nextyes.web.forms import FormText, PostingText
from nextyes.web.rendering import page, redirect, words
from nextyes.web.schemas.types import PathId

router = APIRouter()


@router.get("/applications/{application_id}/merge", response_class=HTMLResponse)
async def choose_duplicate(request: Request, web: WebDep, application_id: PathId) -> HTMLResponse:
    """Pick the duplicate to fold into this application (likely ones first)."""
    keep = service.application_detail(web.uow(), application_id).application
    likely, others = merge_candidates(web.uow(), application_id)
    return page(request, "application_merge.html", {"a": keep, "likely": likely, "others": others})


@router.post("/applications/{application_id}/merge")
async def merge(web: WebDep, application_id: PathId, duplicate: FormText = "") -> Response:
    other = forms.number(duplicate, "application to merge", 1, 2**31 - 1)
    if other is None:
        raise InvalidInput(words("pick_merge", "forms"))
    merge_applications(web.uow(), application_id, other, web.now())
    return redirect(f"/applications/{application_id}", words("merged", other=other))


@router.post("/applications/{application_id}/posting")
async def keep_the_posting(web: WebDep, application_id: PathId, text: PostingText = "") -> Response:
    keep_posting(web.uow(), application_id, NewPosting(text=text), web.now())
    return redirect(f"/applications/{application_id}#posting", words("posting_kept"))


@router.post("/stories/{story_id}/edit")
async def edit_story(
    web: WebDep, story_id: PathId, title: FormText = "", situation: FormText = "",
    task: FormText = "", action: FormText = "", result: FormText = "", themes: FormText = "",
) -> Response:  # fmt: skip
    changes = {
        "title": title, "situation": forms.optional(situation), "task": forms.optional(task),
        "action": forms.optional(action), "result": forms.optional(result),
        "themes": tuple(n.replace(" ", "_") for n in forms.names(themes)),
    }  # fmt: skip
    stories.update_story(web.uow(), story_id, changes, web.now())
    return redirect("/practice#stories", words("story_updated"))


@router.post("/stories/{story_id}/delete")
async def delete_story(web: WebDep, story_id: PathId) -> Response:
    stories.delete_story(web.uow(), story_id)
    return redirect("/practice#stories", words("story_removed"))


@router.post("/reflections/{reflection_id}/delete")
async def remove_reflection(web: WebDep, reflection_id: PathId) -> Response:
    gone = delete_reflection(web.uow(), reflection_id)
    return redirect(f"/applications/{gone.application_id}", words("reflection_removed"))
