"""A job posting: what a page said about a job, and the text kept with its application."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

MAX_POSTING_TEXT = 100_000
"""Characters of a posting's text kept (a long posting is about 15,000)."""

MAX_FIELD = 200
FOUND_FIELDS = ("company", "role", "location", "salary", "url")


@dataclass(frozen=True, slots=True)
class PostingFacts:
    """What was read from a posting page; anything not found is None.

    `how` says where the facts came from: "json-ld" (the page's schema.org JobPosting data),
    "page" (its title and headings), or "text" (pasted text).
    """

    company: str | None = None
    role: str | None = None
    location: str | None = None
    salary: str | None = None
    url: str | None = None
    title: str | None = None
    text: str = ""
    how: str = "page"

    @property
    def found(self) -> dict[str, str]:
        """The fields found, in the order a form shows them."""
        return {name: value for name in FOUND_FIELDS if (value := getattr(self, name))}


@dataclass(frozen=True, slots=True)
class Posting:
    """A posting kept with an application."""

    id: int
    application_id: int
    url: str | None
    title: str | None
    text: str
    captured_on: date


def short(text: str | None, limit: int = MAX_FIELD) -> str | None:
    """One line of at most `limit` characters (cut at a word, with an ellipsis), or None."""
    value = " ".join((text or "").split())
    if not value:
        return None
    if len(value) <= limit:
        return value
    cut = value[: limit - 1].rsplit(" ", 1)[0] or value[: limit - 1]
    return cut + "…"


@dataclass(frozen=True, slots=True)
class NewPosting:
    """A posting to keep with an application: where it was, its title and its text."""

    text: str
    url: str | None = None
    title: str | None = None
