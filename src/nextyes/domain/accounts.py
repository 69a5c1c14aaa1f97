"""Team mode's accounts: who signs in, with which role, and the rules for their passwords.

Pure values and rules; hashing, tokens and storage live in services and storage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from nextyes.domain.errors import InvalidInput

MIN_PASSWORD = 12  # OWASP ASVS 2.1.1
MAX_PASSWORD = 256
MAX_EMAIL = 254
_EMAIL = re.compile(r"^[^@\s<>()\[\],;:\"]+@[^@\s<>()\[\],;:\"]+\.[^@\s<>()\[\],;:\".]+$")


class Role(StrEnum):
    SEEKER = "seeker"
    COACH = "coach"
    ADMIN = "admin"


class SessionStage(StrEnum):
    FULL = "full"  # signed in
    CODE = "code"  # the password was right; the second factor's code is due


class LinkPurpose(StrEnum):
    INVITE = "invite"
    RESET = "reset"


@dataclass(frozen=True, slots=True)
class Account:
    id: int
    email: str
    name: str | None
    role: Role
    disabled: bool
    created_at: datetime
    has_password: bool
    two_factor: bool
    last_sign_in_at: datetime | None = None

    @property
    def label(self) -> str:
        return self.name or self.email


@dataclass(frozen=True, slots=True)
class SignedIn:
    """The person a request is from, resolved once per request at the web edge."""

    user_id: int
    email: str
    name: str | None
    role: Role
    session_id: int | None = None  # None when the request came with an API token
    csrf_token: str | None = None
    token_id: int | None = None

    @property
    def label(self) -> str:
        return self.name or self.email


def normalise_email(text: str) -> str:
    """The address as accounts are keyed: trimmed and lower-cased; refused when not an address."""
    value = (text or "").strip().lower()
    if not value or len(value) > MAX_EMAIL or not _EMAIL.match(value):
        raise InvalidInput(
            f"'{(text or '').strip()[:80]}' is not an email address. Give it as name@example.org."
        )
    return value


def check_password_shape(password: str, email: str | None = None) -> None:
    """Length and the obvious: at least 12 characters, not the address itself."""
    if len(password) < MIN_PASSWORD:
        raise InvalidInput(
            f"That password is {len(password)} characters long; it needs at least "
            f"{MIN_PASSWORD}. A few unrelated words make a long one that is easy to remember."
        )
    if len(password) > MAX_PASSWORD:
        raise InvalidInput(
            f"That password is longer than {MAX_PASSWORD} characters; pick a shorter one."
        )
    if email and password.strip().lower() in {email.lower(), email.split("@")[0].lower()}:
        raise InvalidInput("That password is your email address; choose something else.")


@dataclass(frozen=True, slots=True)
class Credentials:
    """An account with what checks a sign-in: never leaves the services."""

    account: Account
    password_hash: str | None
    totp_secret: str | None
    totp_pending: str | None
    totp_last_step: int | None


@dataclass(frozen=True, slots=True)
class StoredSession:
    """A browser's session as kept on the server."""

    id: int
    user_id: int
    csrf_token: str
    stage: SessionStage
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    user_agent: str | None
    address: str | None


@dataclass(frozen=True, slots=True)
class StoredToken:
    """A personal API token as kept: its hint, never the token."""

    id: int
    user_id: int
    name: str
    hint: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None
