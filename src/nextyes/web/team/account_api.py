"""/api/v1/account: who the token or session belongs to (team mode only)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field
from starlette.concurrency import run_in_threadpool

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


class AccountDeletion(BaseModel):
    email: str = Field(max_length=320, description="The account's address, typed to confirm.")
    password: str = Field(
        "", max_length=1024, description="The account's password (when it has one)."
    )


@router.post("/account/deletion", status_code=204)
async def delete_account(request: Request, body: AccountDeletion) -> Response:
    """Delete the signed-in account and every row of its journal, for good (the address and
    the password confirm it). Sessions and tokens stop working at once."""
    from nextyes.services.accounts.admin import delete_own_account
    from nextyes.web.team.context import account_uow

    who = signed_in_of(request)
    if who is None:
        raise NotFound("Sign in first.")
    await run_in_threadpool(
        delete_own_account, account_uow(request), who, body.email, body.password
    )
    return Response(status_code=204)
