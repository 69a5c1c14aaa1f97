"""What the account routes read from a request in team mode (set by the guard)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.requests import Request

from nextyes.domain.accounts import SignedIn

if TYPE_CHECKING:
    from nextyes.services.journal import UnitOfWork
    from nextyes.web.team.state import ServedState


def served_of(request: Request) -> ServedState:
    served: ServedState = request.app.state.team
    return served


def signed_in_of(request: Request) -> SignedIn | None:
    found: SignedIn | None = request.scope.get("state", {}).get("signed_in")
    return found


def account_uow(request: Request) -> UnitOfWork:
    """A unit of work on this request's connection, for the account services (not a journal)."""
    return request.scope["state"]["journal"].uow()  # type: ignore[no-any-return]


def client_address(request: Request) -> str | None:
    return request.client.host if request.client else None
