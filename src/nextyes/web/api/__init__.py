"""The JSON API, /api/v1: every feature, with an OpenAPI document at /api/v1/openapi.json."""

from __future__ import annotations

from fastapi import APIRouter

from nextyes.web.api import (
    applications,
    contacts,
    learning,
    mail,
    momentum,
    records,
    recovery,
    reports,
    settings,
)
from nextyes.web.schemas.types import ERRORS

router = APIRouter(prefix="/api/v1", responses=ERRORS)
for module in (
    applications,
    records,
    recovery,
    contacts,
    momentum,
    learning,
    mail,
    reports,
    settings,
):
    router.include_router(module.router)
