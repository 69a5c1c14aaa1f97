"""/api/v1/account: who the token or session belongs to (team mode only)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from pydantic import BaseModel

from nextyes.domain.accounts import Role
from nextyes.domain.errors import NotFound
from nextyes.web.schemas.types import ERRORS
from nextyes.web.team.context import signed_in_of

router = APIRouter(prefix="/api/v1", tags=["account"], responses=ERRORS)


class AccountPublic(BaseModel):
    id: int
    email: str
    name: str | None
    role: Role


@router.get("/account", response_model=AccountPublic)
async def account(request: Request) -> AccountPublic:
    """The signed-in account (the token's or the session's)."""
    who = signed_in_of(request)
    if who is None:
        raise NotFound("Sign in first.")
    return AccountPublic(id=who.user_id, email=who.email, name=who.name, role=who.role)
