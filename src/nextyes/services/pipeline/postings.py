"""Add a job from its posting: read the page (a link, a saved file, pasted text), show what it
says, and keep the posting's text with the application (postings disappear; people want them
before the interview).

Reading is separate from saving, so an edge can show what was found and ask first.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from nextyes import content
from nextyes.domain.companies import clean_text
from nextyes.domain.links import check_link
from nextyes.domain.models import Application, NewApplication, Origin
from nextyes.domain.postings import MAX_POSTING_TEXT, NewPosting, Posting, PostingFacts, short
from nextyes.errors import InvalidInput, NotFound, Words
from nextyes.services.pipeline.applications import add_application, get_application
from nextyes.storage.uow import UnitOfWork

MAX_PAGE = 5_000_000  # characters of HTML read from a saved page or pasted in


def _said(key: str, **values: object) -> str:
    """A refusal from content/pipeline/messages.toml [posting]."""
    return content.fill(content.load("pipeline/messages")["posting"][key], **values)


def read_posting(source: str, *, url: str | None = None) -> PostingFacts:
    """What a page's HTML (or pasted text) says about the job; InvalidInput if it isn't one."""
    from nextyes.text.postings import read_posting as read

    if len(source) > MAX_PAGE:
        raise InvalidInput(_said("too_large", millions=MAX_PAGE // 1_000_000))
    return read(source, url=clean_text(url))


def fetch_posting(url: str) -> PostingFacts:
    """Fetch the page at `url` (the only time nextyes goes on the web) and read it."""
    from nextyes.text.fetch import fetch_page

    page = fetch_page(url)
    return read_posting(page.html, url=url.strip())


def application_from_posting(facts: PostingFacts, given: NewApplication) -> NewApplication:
    """The application to add: what the user gave wins, the posting fills the rest."""

    def pick(mine: str | None, found: str | None) -> str | None:
        return clean_text(mine) or found

    return replace(
        given,
        company=pick(given.company, facts.company) or "",
        role=pick(given.role, facts.role) or "",
        location=pick(given.location, facts.location),
        salary=pick(given.salary, facts.salary),
        url=pick(given.url, facts.url),
    )


def posting_of(facts: PostingFacts) -> NewPosting:
    return NewPosting(text=facts.text, url=facts.url, title=facts.title)


def add_with_posting(
    uow: UnitOfWork,
    new: NewApplication,
    posting: NewPosting | None,
    now: datetime,
    *,
    origin: Origin,
) -> Application:
    """Log the application and keep its posting, in one transaction."""
    checked = _checked(posting) if posting is not None else None
    with uow:
        application = add_application(uow, new, now, origin=origin)
        if checked is not None:
            _put(uow, application.id, checked, now)
        uow.commit()
    return application


def keep_posting(
    uow: UnitOfWork, application_id: int, posting: NewPosting, now: datetime
) -> Posting:
    """Keep (or replace) the posting of an application already in the journal."""
    checked = _checked(posting)
    with uow:
        get_application(uow, application_id)
        _put(uow, application_id, checked, now)
        kept = get_posting(uow, application_id)
        uow.commit()
    return kept


def get_posting(uow: UnitOfWork, application_id: int) -> Posting:
    with uow:
        application = get_application(uow, application_id)
        posting = uow.postings.for_application(application_id)
    if posting is None:
        raise NotFound(
            _said("none_kept", id=application_id, company=application.company),
            web=Words("pipeline/web", "posting.none_kept", {"company": application.company}),
        )
    return posting


def _checked(posting: NewPosting) -> NewPosting:
    text = (posting.text or "").strip()
    if not text:
        raise InvalidInput(_said("text_empty"))
    if len(text) > MAX_POSTING_TEXT:
        text = text[:MAX_POSTING_TEXT].rstrip() + "\n…"
    url = check_link(clean_text(posting.url))
    if url is not None and len(url) > 2000:
        raise InvalidInput(_said("link_too_long"))
    return NewPosting(text=text, url=url, title=short(posting.title, 300))


def _put(uow: UnitOfWork, application_id: int, posting: NewPosting, now: datetime) -> None:
    uow.postings.put(
        application_id, url=posting.url, title=posting.title, text=posting.text,
        captured_on=now.date(), now=now,
    )  # fmt: skip
