"""Signing in and out, and knowing who a request is from.

A session is a random token in a cookie; the database keeps its digest, its CSRF token, when it
ends (an absolute lifetime and an idle limit) and, when the password was right but a second
factor is due, that it is only half-way (`SessionStage.CODE`). Every sign-in step issues a new
session token, so a token seen before signing in is worthless after it.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from nextyes.domain.accounts import (
    Account,
    Credentials,
    SessionStage,
    SignedIn,
    StoredSession,
    check_password_shape,
    normalise_email,
)
from nextyes.domain.errors import InvalidInput, NotFound
from nextyes.domain.limits import limit_of
from nextyes.services.accounts import throttle
from nextyes.services.accounts.secrets import (
    TOKEN_PREFIX,
    check_password,
    digest,
    hash_password,
    needs_rehash,
    new_secret,
    verify_password,
)
from nextyes.services.accounts.throttle import ThrottleRules
from nextyes.storage.uow import UnitOfWork

# Gives a unit of work for one block and takes back its connection after (a server's pool).
Lender = Callable[[], AbstractContextManager[UnitOfWork]]


@dataclass(frozen=True, slots=True)
class SessionRules:
    lifetime: timedelta = timedelta(days=14)  # from sign-in, whatever happens
    idle: timedelta = timedelta(days=3)  # without a request
    touch_every: timedelta = timedelta(minutes=1)  # how often last-seen is written
    code_within: timedelta = timedelta(minutes=10)  # to type the second factor's code
    throttle: ThrottleRules = field(default_factory=ThrottleRules)


@dataclass(frozen=True, slots=True)
class NewSession:
    """A session just opened: `token` goes into the cookie and is never seen again."""

    token: str
    stage: SessionStage
    account: Account


@dataclass(frozen=True, slots=True)
class Visitor:
    signed_in: SignedIn
    stage: SessionStage
    journal_version: str | None = None  # read with the session (PostgreSQL), for the caches


def _said(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("accounts/messages")["refused"][key], **values)


def signed_in_as(
    account: Account,
    *,
    session_id: int | None = None,
    csrf_token: str | None = None,
    token_id: int | None = None,
) -> SignedIn:
    return SignedIn(
        user_id=account.id, email=account.email, name=account.name, role=account.role,
        session_id=session_id, csrf_token=csrf_token, token_id=token_id,
    )  # fmt: skip


def open_session(
    uow: UnitOfWork,
    account: Account,
    stage: SessionStage,
    rules: SessionRules,
    now: datetime,
    *,
    agent: str | None,
    address: str | None,
) -> NewSession:
    """Write a new session (inside the caller's block) and return its token."""
    token = new_secret()
    within = rules.code_within if stage is SessionStage.CODE else min(rules.idle, rules.lifetime)
    # what the browser says about itself is kept as far as its column goes, never refused
    agent = agent[: limit_of("auth_sessions", "user_agent") or 0] if agent else agent
    address = address[: limit_of("auth_sessions", "address") or 0] if address else address
    uow.auth_sessions.add(
        account.id, digest(token), secrets.token_hex(24), stage, now, now + within, agent, address
    )
    if stage is SessionStage.FULL:
        uow.users.signed_in(account.id, now)
    return NewSession(token, stage, account)


def sign_in(
    lend: Lender,
    email_text: str,
    password: str,
    rules: SessionRules,
    now: datetime,
    *,
    agent: str | None = None,
    address: str | None = None,
) -> NewSession:
    """Check an email and password; the same answer, after the same work, for any mismatch.

    `lend()` gives a unit of work for each of the two short blocks, so a server holds no
    database connection while the password is checked (argon2: tens of milliseconds of CPU).
    """
    try:
        email = normalise_email(email_text)
    except InvalidInput:
        email = (email_text or "").strip().lower()[:254]
    keys = throttle.keys(email, address)
    with lend() as uow, uow:
        throttle.check(uow, keys, rules.throttle, now)
        found = uow.users.by_email(email) if email else None
    matches = verify_password(found.password_hash if found else None, password[:1024])
    with lend() as uow, uow:
        if found is None or not matches or found.account.disabled:
            throttle.failed(uow, keys, rules.throttle, now)
            uow.commit()
            raise InvalidInput(_said("sign_in"))
        throttle.succeeded(uow, keys)
        if found.password_hash and needs_rehash(found.password_hash):
            uow.users.set_password(found.account.id, hash_password(password), now)
        stage = SessionStage.CODE if found.totp_secret else SessionStage.FULL
        opened = open_session(uow, found.account, stage, rules, now, agent=agent, address=address)
        uow.commit()
    return opened


def second_factor(
    uow: UnitOfWork,
    session_token: str,
    code: str,
    rules: SessionRules,
    now: datetime,
    *,
    agent: str | None = None,
    address: str | None = None,
) -> NewSession:
    """Finish a sign-in with a TOTP code or a recovery code: the half-way session is replaced."""
    from nextyes.services.accounts.totp import accept_code

    with uow:
        found = uow.auth_sessions.find(digest(session_token), now)
        if found is None or found[0].stage is not SessionStage.CODE or found[1].account.disabled:
            raise InvalidInput(_said("link"))
        session, credentials = found
        keys = throttle.keys(credentials.account.email, address)
        throttle.check(uow, keys, rules.throttle, now)
        if not accept_code(uow, credentials, code, now):
            throttle.failed(uow, keys, rules.throttle, now)
            uow.commit()
            raise InvalidInput(_said("code"))
        throttle.succeeded(uow, keys)
        uow.auth_sessions.remove(credentials.account.id, session.id)
        opened = open_session(
            uow, credentials.account, SessionStage.FULL, rules, now, agent=agent, address=address
        )
        uow.commit()
    return opened


def visitor(
    uow: UnitOfWork, session_token: str, rules: SessionRules, now: datetime
) -> Visitor | None:
    """Who holds this session token, or None (unknown, ended, or the account is disabled).

    The lookup is one statement outside any transaction (one round trip on PostgreSQL), and
    carries the account's journal version for the request's caches. Last-seen is written at
    most once per `rules.touch_every`, which moves the idle end along with it.
    """
    if not session_token or len(session_token) > 128:
        return None
    found = uow.auth_sessions.arriving(digest(session_token), now)
    if found is None:
        return None
    session, credentials, version = found
    if credentials.account.disabled:
        return None
    if session.stage is SessionStage.FULL and now - session.last_seen_at >= rules.touch_every:
        ends = min(session.created_at + rules.lifetime, now + rules.idle)
        with uow:
            uow.auth_sessions.touch(session.id, now, ends)
            uow.commit()
    who = signed_in_as(credentials.account, session_id=session.id, csrf_token=session.csrf_token)
    return Visitor(who, session.stage, version)


def token_holder(uow: UnitOfWork, token: str, rules: SessionRules, now: datetime) -> Visitor | None:
    """Who a personal API token belongs to, or None (unknown, revoked, or account disabled).
    One statement, as `visitor`; last-used is written at most once per `rules.touch_every`."""
    if not token.startswith(TOKEN_PREFIX) or len(token) > 128:
        return None
    found = uow.api_tokens.arriving(digest(token))
    if found is None or found[1].account.disabled:
        return None
    stored, credentials, version = found
    if stored.last_used_at is None or now - stored.last_used_at >= rules.touch_every:
        with uow:
            uow.api_tokens.used(stored.id, now)
            uow.commit()
    return Visitor(
        signed_in_as(credentials.account, token_id=stored.id), SessionStage.FULL, version
    )


def sign_out(uow: UnitOfWork, who: SignedIn) -> None:
    if who.session_id is None:
        return
    with uow:
        uow.auth_sessions.remove(who.user_id, who.session_id)
        uow.commit()


def sign_out_everywhere_else(uow: UnitOfWork, who: SignedIn) -> int:
    with uow:
        count = uow.auth_sessions.remove_all(who.user_id, keep=who.session_id)
        uow.commit()
    return count


def active_sessions(uow: UnitOfWork, who: SignedIn, now: datetime) -> list[StoredSession]:
    with uow:
        return uow.auth_sessions.for_user(who.user_id, now)


def end_session(uow: UnitOfWork, who: SignedIn, session_id: int) -> None:
    with uow:
        if uow.auth_sessions.remove(who.user_id, session_id) != 1:
            raise NotFound(_said("no_session"))
        uow.commit()


def change_password(
    uow: UnitOfWork, who: SignedIn, current: str, new: str, again: str, now: datetime
) -> int:
    """Change the password (the current one is needed); every other session is signed out."""
    if new != again:
        raise InvalidInput(_said("passwords_differ"))
    check_password_shape(new, who.email)
    check_password(new, who.email)
    with uow:
        found = uow.users.by_id(who.user_id)
    if found is None or not verify_password(found.password_hash, current[:1024]):
        raise InvalidInput(_said("wrong_password"))
    hashed = hash_password(new)
    with uow:
        uow.users.set_password(who.user_id, hashed, now)
        count = uow.auth_sessions.remove_all(who.user_id, keep=who.session_id)
        uow.commit()
    return count


def credentials_of(uow: UnitOfWork, who: SignedIn) -> Credentials:
    with uow:
        found = uow.users.by_id(who.user_id)
    if found is None:
        raise NotFound(_said("no_session"))
    return found
