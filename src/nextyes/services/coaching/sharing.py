"""Inviting a coach, accepting, choosing what is shared, revoking, and the seeker's audit log.

An invitation is a one-time code (and a link carrying it) that expires after a week. Whoever
uses it first becomes the seeker's coach with the scopes the seeker chose; the seeker can
change the scopes or revoke the share at any time, and the next request already sees it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from nextyes.domain.accounts import Role, SignedIn
from nextyes.domain.coaching import CoachRead, Scope, Share, StoredInvitation, parse_scopes
from nextyes.domain.errors import Conflict, InvalidInput, NotFound
from nextyes.services.accounts.secrets import digest
from nextyes.services.accounts.sessions import NewSession, SessionRules
from nextyes.storage.uow import UnitOfWork

INVITATION_LIFETIME = timedelta(days=7)
OPEN_INVITATIONS = 20  # a seeker may have this many unused invitations at once
ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0/O, 1/I: easy to read out and type
CODE_LENGTH = 12  # 60 bits


def _said(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("coaching/messages")["refused"][key], **values)


def new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


def normalise_code(text: str) -> str:
    """A code as typed (any case, spaces or dashes) -> its canonical form, or "" when it cannot be one."""
    raw = "".join(ch for ch in (text or "").upper() if ch.isalnum())[:64]
    if len(raw) != CODE_LENGTH or any(ch not in ALPHABET for ch in raw):
        return ""
    return "-".join(raw[i : i + 4] for i in range(0, CODE_LENGTH, 4))


@dataclass(frozen=True, slots=True)
class NewInvitation:
    code: str  # shown once: only its digest is kept
    expires_at: datetime
    scopes: frozenset[Scope]


def invite_coach(
    uow: UnitOfWork, seeker: SignedIn, scopes: frozenset[Scope] | None, now: datetime
) -> NewInvitation:
    chosen = parse_scopes(None) if scopes is None else scopes
    code = new_code()
    with uow:
        if uow.coach_invitations.open_count(seeker.user_id, now) >= OPEN_INVITATIONS:
            raise Conflict(_said("too_many_invitations", count=OPEN_INVITATIONS))
        expires = now + INVITATION_LIFETIME
        uow.coach_invitations.add(seeker.user_id, digest(code), chosen, now, expires)
        uow.commit()
    return NewInvitation(code, expires, chosen)


@dataclass(frozen=True, slots=True)
class InvitationPreview:
    seeker_name: str
    scopes: frozenset[Scope]
    expires_at: datetime


def look_up_invitation(uow: UnitOfWork, code_text: str, now: datetime) -> InvitationPreview:
    """Who invited, and what they share, before accepting (for the invitation's page)."""
    with uow:
        found = _usable(uow, code_text, now)
    return InvitationPreview(found.seeker_name, found.scopes, found.expires_at)


def _usable(uow: UnitOfWork, code_text: str, now: datetime) -> StoredInvitation:
    code = normalise_code(code_text)
    found = uow.coach_invitations.find(digest(code)) if code else None
    if found is None or found.used_at is not None or found.expires_at <= now:
        raise NotFound(_said("invitation"))
    return found


def accept_invitation(uow: UnitOfWork, coach: SignedIn, code_text: str, now: datetime) -> Share:
    """The coach takes the invitation: from now on they see what the seeker chose."""
    with uow:
        found = _usable(uow, code_text, now)
        if found.seeker_id == coach.user_id:
            raise InvalidInput(_said("own_invitation"))
        if not uow.coach_invitations.use(found.id, coach.user_id, now):
            raise NotFound(_said("invitation"))
        existing = uow.coach_shares.active(found.seeker_id, coach.user_id)
        if existing is not None:
            uow.coach_shares.set_scopes(found.seeker_id, coach.user_id, found.scopes, now)
        else:
            uow.coach_shares.add(found.seeker_id, coach.user_id, found.scopes, now)
        if coach.role is Role.SEEKER:
            uow.users.set_role(coach.user_id, Role.COACH)
        share = uow.coach_shares.active(found.seeker_id, coach.user_id)
        assert share is not None
        uow.commit()
    return share


def my_coaches(uow: UnitOfWork, seeker: SignedIn) -> list[Share]:
    with uow:
        return uow.coach_shares.of_seeker(seeker.user_id)


def _share_of(uow: UnitOfWork, seeker: SignedIn, coach_id: int) -> Share:
    share = uow.coach_shares.active(seeker.user_id, coach_id)
    if share is None:
        raise NotFound(_said("no_coach", id=coach_id))
    return share


def change_scopes(
    uow: UnitOfWork, seeker: SignedIn, coach_id: int, scopes: frozenset[Scope], now: datetime
) -> Share:
    with uow:
        _share_of(uow, seeker, coach_id)
        uow.coach_shares.set_scopes(seeker.user_id, coach_id, scopes, now)
        share = _share_of(uow, seeker, coach_id)
        uow.commit()
    return share


def revoke_coach(uow: UnitOfWork, seeker: SignedIn, coach_id: int, now: datetime) -> Share:
    """Stop sharing with the coach, at once: their next request finds nothing."""
    with uow:
        share = _share_of(uow, seeker, coach_id)
        uow.coach_shares.revoke(seeker.user_id, coach_id, now)
        uow.commit()
    return share


def reads_log(uow: UnitOfWork, seeker: SignedIn, limit: int = 200) -> list[CoachRead]:
    """Every read of the seeker's journal by a coach, newest first: who, what, when."""
    with uow:
        return uow.coach_reads.of_seeker(seeker.user_id, limit)


def join_as_new_coach(
    uow: UnitOfWork,
    code_text: str,
    email_text: str,
    password: str,
    again: str,
    name: str | None,
    rules: SessionRules,
    now: datetime,
    *,
    agent: str | None = None,
    address: str | None = None,
) -> tuple[NewSession, Share]:
    """A coach without an account: make one (as a coach) and accept, in one go.

    The invitation is the permission, so this works when open sign-up is off; nothing is kept
    when the code does not work or the account cannot be made.
    """
    from nextyes.domain.accounts import SessionStage
    from nextyes.services.accounts.admin import create_account
    from nextyes.services.accounts.sessions import open_session, signed_in_as

    if password != again:
        raise InvalidInput(_said_accounts("passwords_differ"))
    with uow:
        _usable(uow, code_text, now)
        account = create_account(
            uow, email_text, now, name=name, role=Role.COACH, password=password
        )
        opened = open_session(
            uow, account, SessionStage.FULL, rules, now, agent=agent, address=address
        )
        share = accept_invitation(uow, signed_in_as(account), code_text, now)
        uow.commit()
    return opened, share


def _said_accounts(key: str) -> str:
    from nextyes import content

    return str(content.load("accounts/messages")["refused"][key])
