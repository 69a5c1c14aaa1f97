"""Value types shared by the API's schemas and parameters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Path
from pydantic import AfterValidator, BaseModel, Field

MAX_ID = 2_147_483_647  # the largest id either database stores


def _no_nul(text: str) -> str:
    if "\x00" in text:
        raise ValueError("text cannot contain NUL characters")
    return text


Name = Annotated[str, Field(max_length=200), AfterValidator(_no_nul)]
ShortText = Annotated[str, Field(max_length=2_000), AfterValidator(_no_nul)]
LongText = Annotated[str, Field(max_length=20_000), AfterValidator(_no_nul)]
RefId = Annotated[int, Field(ge=1, le=MAX_ID)]
PathId = Annotated[int, Path(ge=1, le=MAX_ID)]


class ProblemPublic(BaseModel):
    field: str
    message: str


class ErrorPublic(BaseModel):
    message: str = Field(description="What went wrong and what to do about it.")
    errors: list[ProblemPublic] | None = Field(None, description="Each value to fix (422).")


ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorPublic, "description": text}
    for status, text in (
        (400, "The request cannot be done as it is; the message says why."),
        (403, "The CSRF token is missing or wrong."),
        (404, "No such record in this journal."),
        (409, "It clashes with what the journal holds."),
        (422, "Some values need fixing."),
    )
}
