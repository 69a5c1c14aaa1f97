"""Personal API tokens: for scripts and the JSON API (`Authorization: Bearer nyt_...`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nextyes.domain.accounts import SignedIn, StoredToken
from nextyes.domain.errors import InvalidInput, NotFound
from nextyes.services.accounts.secrets import TOKEN_PREFIX, digest, new_secret
from nextyes.storage.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class NewToken:
    token: str  # shown once
    stored: StoredToken


def _said(key: str) -> str:
    from nextyes import content

    return str(content.load("accounts/messages")["refused"][key])


def create_token(uow: UnitOfWork, user_id: int, name: str, now: datetime) -> NewToken:
    label = " ".join((name or "").split())
    if not label or len(label) > 100:
        raise InvalidInput(_said("token_name"))
    token = TOKEN_PREFIX + new_secret()
    with uow:
        token_id = uow.api_tokens.add(user_id, label, digest(token), token[:10], now)
        stored = next(t for t in uow.api_tokens.for_user(user_id) if t.id == token_id)
        uow.commit()
    return NewToken(token, stored)


def list_tokens(uow: UnitOfWork, who: SignedIn) -> list[StoredToken]:
    with uow:
        return uow.api_tokens.for_user(who.user_id)


def revoke_token(uow: UnitOfWork, who: SignedIn, token_id: int, now: datetime) -> None:
    with uow:
        if uow.api_tokens.revoke(who.user_id, token_id, now) != 1:
            raise NotFound(_said("no_token"))
        uow.commit()
