"""Job postings and merging, as the JSON API reads and writes them."""

from __future__ import annotations

from datetime import date

from pydantic import BaseModel, Field, model_validator

from nextyes.domain.postings import Posting, PostingFacts
from nextyes.web.schemas.applications import ApplicationPublic, Input
from nextyes.web.schemas.types import RefId, ShortText


class PostingReadingCreate(Input):
    """A posting to read: its link (nextyes fetches the page), or its page's HTML, or its text."""

    url: ShortText | None = Field(None, examples=["https://jobs.example.com/acme/data-analyst"])
    text: str | None = Field(
        None, max_length=5_000_000, description="The page's HTML, or the ad's text, pasted."
    )

    @model_validator(mode="after")
    def _one_source(self) -> PostingReadingCreate:
        if not (self.url or self.text):
            raise ValueError("give the posting's url, or its text")
        return self


class PostingFoundPublic(BaseModel):
    """What the posting says, to check before adding the application."""

    how: str = Field(description="json-ld (the page's job data), page (title, headings) or text")
    company: str | None
    role: str | None
    location: str | None
    salary: str | None
    url: str | None
    title: str | None
    text: str

    @classmethod
    def of(cls, facts: PostingFacts) -> PostingFoundPublic:
        return cls(
            how=facts.how, company=facts.company, role=facts.role, location=facts.location,
            salary=facts.salary, url=facts.url, title=facts.title, text=facts.text,
        )  # fmt: skip


class PostingPublic(BaseModel):
    application_id: int
    url: str | None
    title: str | None
    captured_on: date
    text: str

    @classmethod
    def of(cls, posting: Posting) -> PostingPublic:
        return cls(
            application_id=posting.application_id, url=posting.url, title=posting.title,
            captured_on=posting.captured_on, text=posting.text,
        )  # fmt: skip


class MergeCreate(Input):
    duplicate_id: RefId = Field(description="The application to fold into this one.")


class MergePublic(BaseModel):
    application: ApplicationPublic
    merged_from: int
    moved: dict[str, int] = Field(description="Rows moved, table by table.")
    same_steps: int = Field(description="Steps recorded on both, kept once.")
    filled: list[str] = Field(description="Details taken from the duplicate.")
