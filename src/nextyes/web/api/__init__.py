"""The JSON API, /api/v1: every feature, with an OpenAPI document at /api/v1/openapi.json."""

from __future__ import annotations

from fastapi import APIRouter

from nextyes.web.api import learning, mail, momentum, people, recovery, review, settings
from nextyes.web.api.pipeline import applications, editing, offers, records
from nextyes.web.schemas.types import ERRORS

router = APIRouter(prefix="/api/v1", responses=ERRORS)
for module in (
    applications,
    records,
    offers,
    editing,
    recovery,
    people,
    momentum,
    learning,
    mail,
    review,
    settings,
):
    router.include_router(module.router)
