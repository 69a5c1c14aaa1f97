"""Value types shared by the API's schemas and parameters."""

from __future__ import annotations

from typing import Annotated

from fastapi import Path
from pydantic import AfterValidator, Field

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
