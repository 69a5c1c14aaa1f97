"""Secrets and their digests, password hashing (argon2id) and the common-password check."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from functools import cache
from typing import TYPE_CHECKING

from nextyes.domain.accounts import check_password_shape
from nextyes.domain.errors import InvalidInput

if TYPE_CHECKING:
    from argon2 import PasswordHasher

TOKEN_PREFIX = "nyt_"  # personal API tokens start with it, so a leaked one is easy to spot


def new_secret(size: int = 32) -> str:
    """A random URL-safe secret (`size` bytes of randomness)."""
    return secrets.token_urlsafe(size)


def digest(secret: str) -> str:
    """What is stored for a high-entropy secret: its SHA-256, in hex."""
    return hashlib.sha256(secret.encode("utf-8", "surrogatepass")).hexdigest()


def same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


@cache
def hasher() -> PasswordHasher:
    from argon2 import PasswordHasher, Type

    # OWASP's first recommended argon2id profile (19 MiB, 2 passes, 1 lane): about 70 ms here,
    # so a sign-in stays quick on a small server while each guess stays costly. Hashes made
    # with other parameters still verify, and are redone with these at the next sign-in.
    return PasswordHasher(time_cost=2, memory_cost=19_456, parallelism=1, type=Type.ID)


def hash_password(password: str) -> str:
    return hasher().hash(password)


@cache
def _unknown_hash() -> str:
    """A hash to check against when no account matches, so both answers take as long."""
    return hash_password(new_secret())


def verify_password(password_hash: str | None, password: str) -> bool:
    """True when `password` matches; the same work is done when there is no hash to check."""
    from argon2.exceptions import InvalidHashError, VerificationError

    try:
        return hasher().verify(password_hash or _unknown_hash(), password) and bool(password_hash)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    return hasher().check_needs_rehash(password_hash)


@cache
def _common_passwords() -> frozenset[str]:
    # The 30,000 most common passwords from leaked lists, as shipped by zxcvbn's data.
    from zxcvbn.frequency_lists import FREQUENCY_LISTS

    return frozenset(FREQUENCY_LISTS["passwords"])


def check_password(password: str, email: str | None = None) -> None:
    """Refuse a password that is too short, too long, the address, or a common one."""
    from nextyes import content

    said = content.load("accounts/messages")["refused"]
    check_password_shape(password, email)
    if len(set(password)) == 1:
        raise InvalidInput(said["repeated_password"])
    lowered = password.lower()
    common = _common_passwords()
    stripped = lowered.rstrip("0123456789!@#$%^&*?.,;:-_+= ")
    if lowered in common or stripped in common or _repeats_common(lowered, common):
        raise InvalidInput(said["common_password"])
    if len(password) < 64 and _guessable(password, email):
        raise InvalidInput(said["guessable_password"])


def _guessable(password: str, email: str | None) -> bool:
    """zxcvbn's estimate (dictionary words, keyboard runs, dates, sequences): below 3 of 4 is
    guessable with an offline attack on a leaked hash in reasonable time."""
    from zxcvbn import zxcvbn

    hints = [
        "nextyes",
        *(email.lower().replace("@", " ").replace(".", " ").split() if email else []),
    ]
    return int(zxcvbn(password, user_inputs=hints)["score"]) < 3


def _repeats_common(lowered: str, common: frozenset[str]) -> bool:
    """`passwordpassword`, `qwertyqwerty`: a common password said twice or more."""
    for size in range(1, len(lowered) // 2 + 1):
        if len(lowered) % size == 0 and lowered[:size] * (len(lowered) // size) == lowered:
            return lowered[:size] in common or size < 4
    return False
