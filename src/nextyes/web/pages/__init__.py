"""Server-rendered pages: they work without JavaScript; static/app.js only makes them nicer."""

from __future__ import annotations

from fastapi import APIRouter

from nextyes.web.pages import (
    applications,
    board,
    contacts,
    dashboard,
    learning,
    mail,
    momentum,
    records,
    recovery,
    review,
    settings,
)

router = APIRouter(include_in_schema=False)
for module in (
    dashboard, board, recovery, applications, records, contacts, momentum, learning, mail,
    review,
    settings,
):  # fmt: skip
    router.include_router(module.router)
