"""One-time links: an invitation to set a first password, or a reset of a forgotten one.

The link carries a random secret; the database keeps its digest, when it expires and whether it
was used. Using a link is atomic (two tabs cannot both use it), signs out every session of the
account, and signs the person in afresh.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from nextyes.domain.accounts import Account, LinkPurpose, SessionStage
from nextyes.domain.errors import InvalidInput
from nextyes.services.accounts.secrets import check_password, digest, hash_password, new_secret
from nextyes.services.accounts.sessions import NewSession, SessionRules, open_session
from nextyes.storage.uow import UnitOfWork

LIFETIME = {LinkPurpose.INVITE: timedelta(days=7), LinkPurpose.RESET: timedelta(hours=24)}
PATH = {LinkPurpose.INVITE: "/welcome/", LinkPurpose.RESET: "/reset/"}


def _said(key: str) -> str:
    from nextyes import content

    return str(content.load("accounts/messages")["refused"][key])


def create_link(uow: UnitOfWork, user_id: int, purpose: LinkPurpose, now: datetime) -> str:
    """A new link's secret (any earlier unused link of the kind stops working)."""
    secret = new_secret()
    with uow:
        uow.links.add(user_id, purpose, digest(secret), now, now + LIFETIME[purpose])
        uow.commit()
    return secret


def link_url(public_url: str, purpose: LinkPurpose, secret: str) -> str:
    return public_url.rstrip("/") + PATH[purpose] + secret


def account_for_link(uow: UnitOfWork, secret: str, purpose: LinkPurpose, now: datetime) -> Account:
    """Whose link this is, while it is unused and unexpired; InvalidInput otherwise."""
    with uow:
        link = uow.links.find(digest(secret)) if 0 < len(secret) <= 128 else None
        found = uow.users.by_id(link.user_id) if link else None
    if (
        link is None
        or found is None
        or link.purpose is not purpose
        or link.used_at is not None
        or link.expires_at <= now
        or found.account.disabled
    ):
        raise InvalidInput(_said("link"))
    return found.account


def use_link(
    uow: UnitOfWork,
    secret: str,
    purpose: LinkPurpose,
    password: str,
    again: str,
    rules: SessionRules,
    now: datetime,
    *,
    agent: str | None = None,
    address: str | None = None,
) -> NewSession:
    """Set the password through the link, once; signs out everywhere and opens a session."""
    account = account_for_link(uow, secret, purpose, now)
    if password != again:
        raise InvalidInput(_said("passwords_differ"))
    check_password(password, account.email)
    hashed = hash_password(password)
    with uow:
        link = uow.links.find(digest(secret))
        if link is None or not uow.links.use(link.id, now):
            raise InvalidInput(_said("link"))
        uow.users.set_password(account.id, hashed, now)
        uow.auth_sessions.remove_all(account.id)
        found = uow.users.by_id(account.id)
        assert found is not None
        stage = SessionStage.CODE if found.totp_secret else SessionStage.FULL
        opened = open_session(uow, account, stage, rules, now, agent=agent, address=address)
        uow.commit()
    return opened
