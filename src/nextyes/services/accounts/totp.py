"""Two-step sign-in: a time-based code (TOTP, RFC 6238) and ten single-use recovery codes."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from nextyes.domain.accounts import Credentials, SignedIn
from nextyes.domain.errors import InvalidInput
from nextyes.services.accounts.secrets import digest, verify_password
from nextyes.storage.uow import UnitOfWork

ISSUER = "nextyes"
RECOVERY_CODES = 10
STEP_SECONDS = 30


@dataclass(frozen=True, slots=True)
class TotpSetup:
    secret: str
    uri: str  # otpauth://... for the QR code


def _said(key: str) -> str:
    from nextyes import content

    return str(content.load("accounts/messages")["refused"][key])


def begin_totp(uow: UnitOfWork, who: SignedIn) -> TotpSetup:
    """A new secret, kept as pending until a code from it is confirmed."""
    import pyotp

    secret = pyotp.random_base32()
    with uow:
        found = uow.users.by_id(who.user_id)
        assert found is not None
        uow.users.set_totp(
            who.user_id,
            secret=found.totp_secret,
            pending=secret,
            last_step=found.totp_last_step,
        )
        uow.commit()
    uri = pyotp.TOTP(secret).provisioning_uri(name=who.email, issuer_name=ISSUER)
    return TotpSetup(secret, uri)


def pending_totp(uow: UnitOfWork, who: SignedIn) -> TotpSetup | None:
    import pyotp

    with uow:
        found = uow.users.by_id(who.user_id)
    if found is None or found.totp_pending is None:
        return None
    uri = pyotp.TOTP(found.totp_pending).provisioning_uri(name=who.email, issuer_name=ISSUER)
    return TotpSetup(found.totp_pending, uri)


def _step_matching(secret: str, code: str, now: datetime) -> int | None:
    """The time step whose code is `code` (now, or one step either side), or None."""
    import pyotp

    totp = pyotp.TOTP(secret)
    step = int(now.timestamp()) // STEP_SECONDS
    for candidate in (step, step - 1, step + 1):
        if secrets.compare_digest(totp.at(candidate * STEP_SECONDS), code):
            return candidate
    return None


def confirm_totp(uow: UnitOfWork, who: SignedIn, code: str, now: datetime) -> list[str]:
    """Turn the second factor on with a code from the pending secret; returns recovery codes."""
    cleaned = "".join(code.split())
    with uow:
        found = uow.users.by_id(who.user_id)
        if found is None or found.totp_pending is None:
            raise InvalidInput(_said("totp_not_started"))
        step = _step_matching(found.totp_pending, cleaned, now) if cleaned.isdigit() else None
        if step is None:
            raise InvalidInput(_said("code"))
        uow.users.set_totp(who.user_id, secret=found.totp_pending, pending=None, last_step=step)
        codes = [_recovery_code() for _ in range(RECOVERY_CODES)]
        uow.recovery_codes.replace(who.user_id, [digest(_normal(c)) for c in codes])
        uow.commit()
    return codes


def turn_off_totp(uow: UnitOfWork, who: SignedIn, password: str) -> None:
    with uow:
        found = uow.users.by_id(who.user_id)
    if found is None or not verify_password(found.password_hash, password[:1024]):
        raise InvalidInput(_said("wrong_password"))
    with uow:
        uow.users.set_totp(who.user_id, secret=None, pending=None, last_step=None)
        uow.recovery_codes.replace(who.user_id, [])
        uow.commit()


def accept_code(uow: UnitOfWork, credentials: Credentials, code: str, now: datetime) -> bool:
    """A current TOTP code not used before, or an unused recovery code (inside a block)."""
    cleaned = "".join(code.split())
    user_id = credentials.account.id
    if credentials.totp_secret and cleaned.isdigit() and len(cleaned) == 6:
        step = _step_matching(credentials.totp_secret, cleaned, now)
        return step is not None and uow.users.use_totp_step(user_id, step)
    if 8 <= len(cleaned) <= 32:
        return uow.recovery_codes.use(user_id, digest(_normal(cleaned)), now)
    return False


def recovery_codes_left(uow: UnitOfWork, who: SignedIn) -> int:
    with uow:
        return uow.recovery_codes.left(who.user_id)


def _recovery_code() -> str:
    alphabet = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i
    raw = "".join(secrets.choice(alphabet) for _ in range(10))
    return f"{raw[:5]}-{raw[5:]}"


def _normal(code: str) -> str:
    return code.replace("-", "").replace(" ", "").lower()
