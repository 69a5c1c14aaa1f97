"""Settings, today's agenda and the session, as the JSON API shows them."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from nextyes.web.schemas.types import ShortText


class SettingPublic(BaseModel):
    key: str
    value: Any
    default: Any
    help: str
    accepts: str = Field(description="What a new value may be.")


class SettingUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    value: ShortText | int | bool = Field(examples=["14", 14, True])


class AgendaItemPublic(BaseModel):
    kind: str
    title: str
    due_on: date
    at: str | None
    detail: str | None
    suggestion: str | None
    application_id: int | None
    key: str


class AgendaPublic(BaseModel):
    date: date
    items: list[AgendaItemPublic]
    more: dict[str, int] = Field(description="How many more of a kind were left out.")
    sections: dict[str, Any] = Field(description="Blocks such as the cool-down, by name.")


class SessionPublic(BaseModel):
    csrf_token: str = Field(description="Send it in the X-CSRF-Token header when you change data.")
    header: str = "X-CSRF-Token"
