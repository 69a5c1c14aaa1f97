"""Server-rendered pages: they work without JavaScript; static/app.js only makes them nicer."""

from __future__ import annotations

from fastapi import APIRouter

from nextyes.web.pages import (
    app_shell,
    learning,
    mail,
    momentum,
    people,
    portability,
    recovery,
    review,
    settings,
    today,
)
from nextyes.web.pages.pipeline import applications, board, editing, offers, postings, records

router = APIRouter(include_in_schema=False)
for module in (
    app_shell,
    today,
    board,
    recovery,
    postings,
    applications,
    records,
    offers,
    editing,
    people,
    momentum,
    learning,
    mail,
    review,
    portability,
    settings,
):
    router.include_router(module.router)
