"""Add a job from its posting, in the browser: a link or pasted text fills in the form."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from nextyes.domain.errors import NextyesError
from nextyes.domain.postings import PostingFacts
from nextyes.services.pipeline import postings
from nextyes.web.deps import WebDep
from nextyes.web.errors import in_browser
from nextyes.web.forms import FormText, PostingText, optional
from nextyes.web.pages.pipeline.applications import new_form_context, posting_values
from nextyes.web.rendering import page, words

router = APIRouter()


@router.post("/applications/new/from-posting", response_class=HTMLResponse)
async def read_posting(
    request: Request, web: WebDep, url: FormText = "", text: PostingText = ""
) -> HTMLResponse:
    """Read the posting (pasted text, or else the page at the link) and show the form filled
    in, to check before saving. A problem shows on the same page, with the link kept."""
    reading = {"url": url, "text": text}
    try:
        facts = await _read(optional(url), text)
    except NextyesError as exc:
        context = new_form_context(request, {}, reading=reading, problem=in_browser(exc))
        return page(request, "application_new.html", context, status=422)
    values = posting_values(facts)
    return page(request, "application_new.html", new_form_context(request, values, found=facts))


async def _read(url: str | None, text: str) -> PostingFacts:
    if text.strip():
        return postings.read_posting(text, url=url)
    if url is None:
        from nextyes.errors import InvalidInput

        raise InvalidInput(words("posting_missing", "forms"))
    from anyio import to_thread

    # Fetching waits on the network, not on the journal: a worker thread keeps the app answering.
    return await to_thread.run_sync(postings.fetch_posting, url)
