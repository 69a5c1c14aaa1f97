"""/api/v1: read a posting, keep one with an application, merge two applications."""

from __future__ import annotations

from fastapi import APIRouter

from nextyes.domain.postings import NewPosting
from nextyes.services.pipeline import postings
from nextyes.services.pipeline.merge import merge_applications
from nextyes.web.deps import WebDep
from nextyes.web.schemas.applications import ApplicationPublic, PostingCreate
from nextyes.web.schemas.postings import (
    MergeCreate,
    MergePublic,
    PostingFoundPublic,
    PostingPublic,
    PostingReadingCreate,
)
from nextyes.web.schemas.types import PathId

router = APIRouter(tags=["postings"])


@router.post("/postings/read", response_model=PostingFoundPublic)
async def read_posting(body: PostingReadingCreate) -> PostingFoundPublic:
    """What a posting says (company, role, location, salary, link, text), to check before
    adding it (`posting` in POST /applications keeps it). Reads `text` when given; otherwise
    fetches the page at `url`. Nothing is saved."""
    if body.text:
        return PostingFoundPublic.of(postings.read_posting(body.text, url=body.url))
    from anyio import to_thread

    assert body.url is not None
    facts = await to_thread.run_sync(postings.fetch_posting, body.url)
    return PostingFoundPublic.of(facts)


@router.get("/applications/{application_id}/posting", response_model=PostingPublic)
async def get_posting(web: WebDep, application_id: PathId) -> PostingPublic:
    """The job posting kept with the application."""
    return PostingPublic.of(postings.get_posting(web.uow(), application_id))


@router.put("/applications/{application_id}/posting", response_model=PostingPublic)
async def keep_posting(web: WebDep, application_id: PathId, body: PostingCreate) -> PostingPublic:
    """Keep (or replace) the job posting of an application."""
    kept = postings.keep_posting(
        web.uow(), application_id, NewPosting(body.text, body.url, body.title), web.now()
    )
    return PostingPublic.of(kept)


@router.post("/applications/{application_id}/merge", response_model=MergePublic)
async def merge(web: WebDep, application_id: PathId, body: MergeCreate) -> MergePublic:
    """Fold `duplicate_id` into this application: both histories on one, the duplicate
    removed, all or nothing. Merging an application with itself is refused."""
    outcome = merge_applications(web.uow(), application_id, body.duplicate_id, web.now())
    return MergePublic(
        application=ApplicationPublic.of(outcome.application), merged_from=outcome.removed.id,
        moved=outcome.moved, same_steps=outcome.same_steps, filled=list(outcome.filled),
    )  # fmt: skip
