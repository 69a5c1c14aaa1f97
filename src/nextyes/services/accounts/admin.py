"""What an administrator does with accounts: create, invite, list, disable, reset, remove."""

from __future__ import annotations

from datetime import datetime

from nextyes.domain.accounts import Account, LinkPurpose, Role, SignedIn, normalise_email
from nextyes.domain.errors import Conflict, InvalidInput, NotFound
from nextyes.services.accounts.links import create_link
from nextyes.services.accounts.secrets import check_password, hash_password, verify_password
from nextyes.services.accounts.sessions import NewSession, SessionRules, open_session
from nextyes.services.accounts.tokens import NewToken, create_token
from nextyes.storage.uow import UnitOfWork


def _said(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("accounts/messages")["refused"][key], **values)


def role_of(text: str) -> Role:
    try:
        return Role(text)
    except ValueError:
        raise InvalidInput(_said("not_a_role", role=text)) from None


def create_account(
    uow: UnitOfWork,
    email_text: str,
    now: datetime,
    *,
    name: str | None = None,
    role: Role = Role.SEEKER,
    password: str | None = None,
) -> Account:
    """A new account; without a password it waits for its invitation link to be used."""
    email = normalise_email(email_text)
    clean_name = " ".join((name or "").split())[:200] or None
    if password is not None:
        check_password(password, email)
    hashed = hash_password(password) if password is not None else None
    with uow:
        if uow.users.by_email(email) is not None:
            raise Conflict(_said("email_taken", email=email))
        user_id = uow.users.add(email, clean_name, role, hashed, now)
        found = uow.users.by_id(user_id)
        assert found is not None
        uow.commit()
    return found.account


def find_account(uow: UnitOfWork, email_text: str) -> Account:
    email = normalise_email(email_text)
    with uow:
        found = uow.users.by_email(email)
    if found is None:
        raise NotFound(_said("no_account", email=email))
    return found.account


def list_accounts(uow: UnitOfWork) -> list[Account]:
    with uow:
        return uow.users.accounts()


def set_disabled(uow: UnitOfWork, email_text: str, disabled: bool) -> Account:
    """Disable (every session and token stops working at once) or enable an account."""
    account = find_account(uow, email_text)
    with uow:
        if disabled and account.role is Role.ADMIN:
            _keep_an_admin(uow, account)
        uow.users.set_disabled(account.id, disabled)
        if disabled:
            uow.auth_sessions.remove_all(account.id)
        uow.commit()
    return account


def _keep_an_admin(uow: UnitOfWork, leaving: Account) -> None:
    admins = [a for a in uow.users.accounts() if a.role is Role.ADMIN and not a.disabled]
    if admins == [leaving]:
        raise Conflict(_said("last_admin", email=leaving.email))


def link_for(uow: UnitOfWork, email_text: str, purpose: LinkPurpose, now: datetime) -> str:
    """A new one-time link's secret for the account (invitation or password reset)."""
    account = find_account(uow, email_text)
    return create_link(uow, account.id, purpose, now)


def token_for(uow: UnitOfWork, email_text: str, name: str, now: datetime) -> NewToken:
    account = find_account(uow, email_text)
    return create_token(uow, account.id, name, now)


def delete_account(uow: UnitOfWork, email_text: str) -> tuple[Account, int]:
    """Remove the account and every row it owns; returns it and how many journal rows went."""
    account = find_account(uow, email_text)
    with uow:
        if account.role is Role.ADMIN:
            _keep_an_admin(uow, account)
        rows = uow.users.owned_rows(account.id)
        uow.users.delete(account.id)
        left = uow.users.owned_rows(account.id)
        assert left == 0, "a table kept rows of a removed account"
        uow.commit()
    return account, rows


def delete_own_account(
    uow: UnitOfWork, who: SignedIn, typed_email: str, password: str
) -> tuple[Account, int]:
    """The person removes their own account and every row of their journal, at once and for
    good: they type their address to confirm, and their password when the account has one."""
    with uow:
        found = uow.users.by_id(who.user_id)
    if found is None:
        raise NotFound(_said("no_account", email=who.email))
    if " ".join(typed_email.split()).lower() != found.account.email:
        raise InvalidInput(_said("delete_confirm", email=found.account.email))
    if found.password_hash is not None and not verify_password(
        found.password_hash, password[:1024]
    ):
        raise InvalidInput(_said("wrong_password"))
    return delete_account(uow, found.account.email)


def sign_up(
    uow: UnitOfWork,
    email_text: str,
    password: str,
    again: str,
    name: str | None,
    rules: SessionRules,
    now: datetime,
    *,
    agent: str | None = None,
    address: str | None = None,
) -> NewSession:
    """Open sign-up (when the server allows it): a new seeker account, signed in."""
    from nextyes.domain.accounts import SessionStage

    if password != again:
        raise InvalidInput(_said("passwords_differ"))
    account = create_account(uow, email_text, now, name=name, password=password)
    with uow:
        opened = open_session(
            uow, account, SessionStage.FULL, rules, now, agent=agent, address=address
        )
        uow.commit()
    return opened
