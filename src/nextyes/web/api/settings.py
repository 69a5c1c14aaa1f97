"""/api/v1: the session's CSRF token, today's agenda, and settings."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Request

from nextyes.services.settings import preferences as service
from nextyes.services.today.agenda import build_agenda
from nextyes.web.deps import WebDep
from nextyes.web.schemas.settings import (
    AgendaItemPublic,
    AgendaPublic,
    SessionPublic,
    SettingPublic,
    SettingUpdate,
)

router = APIRouter(tags=["today and settings"])
Key = Annotated[str, Path(max_length=80)]


@router.get("/session", response_model=SessionPublic)
async def session(request: Request) -> SessionPublic:
    """The CSRF token for this session (the call also sets the session cookie)."""
    return SessionPublic(csrf_token=request.scope["state"]["csrf_token"])


@router.get("/today", response_model=AgendaPublic)
async def today(web: WebDep) -> AgendaPublic:
    """What needs attention today, and what is coming up."""
    agenda = build_agenda(web.uow(), web.now())
    items = [
        AgendaItemPublic(
            kind=i.kind, title=i.title, due_on=i.due_on, at=i.at, detail=i.detail,
            suggestion=i.suggestion, application_id=i.application_id, key=i.key,
        )
        for i in agenda.items
    ]  # fmt: skip
    return AgendaPublic(date=agenda.today, items=items, more=agenda.more, sections=agenda.sections)


@router.get("/settings", response_model=list[SettingPublic])
async def list_settings(web: WebDep) -> list[SettingPublic]:
    values = service.read_preferences(web.uow())
    return [
        SettingPublic(key=k, value=v, default=p.default, help=p.help, accepts=p.describe)
        for k, v, p in service.describe(values)
    ]


@router.put("/settings/{key}", response_model=SettingPublic)
async def change_setting(web: WebDep, key: Key, body: SettingUpdate) -> SettingPublic:
    """Change one setting (yes/no settings take true or false too)."""
    raw = ("yes" if body.value else "no") if isinstance(body.value, bool) else str(body.value)
    value = service.set_preference(web.uow(), key, raw, web.now())
    p = service.preference(key)
    return SettingPublic(key=p.key, value=value, default=p.default, help=p.help, accepts=p.describe)


@router.delete("/settings/{key}", response_model=SettingPublic)
async def reset_setting(web: WebDep, key: Key) -> SettingPublic:
    """Put a setting back to its default."""
    value = service.reset_preference(web.uow(), key)
    p = service.preference(key)
    return SettingPublic(key=p.key, value=value, default=p.default, help=p.help, accepts=p.describe)
