"""Secrets a served nextyes keeps and must use again, sealed at rest with the server's key: the
IMAP app passwords people connect, and organisations' single sign-on client secrets.

One rule for every sealed secret (docs/deploy.md, "The secret key"):

- **Sealing** uses the server's secret key only: `secret_key` in the server settings, or
  NEXTYES_SECRET_KEY, at least 32 characters, the same on every machine serving one database.
  It never comes from the database, so a copy of the database alone reveals no secret.
- **Too short** (or a previous key too short): the settings are refused where they are read,
  so `nextyes serve` (and an `nextyes admin` command reading them) stops with a message, exit 2.
- **Missing**: the server still runs and says so when it starts; whatever would seal a secret
  is refused with a message that says what to do (a page explains it to the person, a command
  exits 2). Nothing is half-saved.
- **Opening** tries the secret key, then each of `previous_secret_keys`
  (NEXTYES_PREVIOUS_SECRET_KEYS), then a `server.key` file in the nextyes home, which earlier
  versions made for single sign-on secrets when no key was set (read only; never made now).
  So a key is changed by moving the old one to `previous_secret_keys`: old values still open,
  new ones are sealed with the new key, and `nextyes admin reseal` seals every stored secret
  with the new key so the old one can go.

A sealed value is `sealed:v1:` and the base64 of a random 12-byte nonce and the AES-256-GCM
ciphertext, under a key derived from the secret with HKDF-SHA256; the purpose (say "imap app
password") is bound in as associated data, so a value sealed for one purpose does not open as
another. A single sign-on secret stored before sealing (plain text) opens as it is.
"""

from __future__ import annotations

import base64
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from nextyes import content
from nextyes.domain.errors import InvalidInput, Words

if TYPE_CHECKING:
    from nextyes.server_settings import ServerSettings
    from nextyes.storage.uow import UnitOfWork

PREFIX = "sealed:v1:"
# What each kind of secret is sealed for (bound into the sealed value: it opens as nothing else)
IMAP_PASSWORD = "imap app password"
SSO_CLIENT_SECRET = "single sign-on client secret"
OLD_KEY_FILE = "server.key"  # made by earlier versions without a secret key; only read now


def _said(key: str) -> str:
    return str(content.load("accounts/messages")["sealing"][key])


class NoSecretKey(InvalidInput):
    """This server has no secret key, so it cannot seal a secret."""

    def __init__(self) -> None:
        super().__init__(_said("no_key"), web=Words("accounts/web", "sealing.no_key"))


@dataclass(frozen=True, slots=True)
class Sealer:
    """Seals with the current key (None: this server has none) and opens with any it knows."""

    sealing_key: bytes | None = field(repr=False)
    opening_keys: tuple[bytes, ...] = field(repr=False, default=())

    @property
    def can_seal(self) -> bool:
        return self.sealing_key is not None

    def seal(self, text: str, purpose: str) -> str:
        if self.sealing_key is None:
            raise NoSecretKey()
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(12)
        sealed = AESGCM(self.sealing_key).encrypt(
            nonce, text.encode("utf-8"), purpose.encode("utf-8")
        )
        return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")

    def open(self, stored: str, purpose: str) -> str:
        """The secret back; a value stored before sealing comes back as it is."""
        if not stored.startswith(PREFIX):
            return stored
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            raw = base64.urlsafe_b64decode(stored[len(PREFIX) :].encode("ascii"))
        except ValueError:
            raw = b""
        for key in self.opening_keys:
            try:
                text = AESGCM(key).decrypt(raw[:12], raw[12:], purpose.encode("utf-8"))
            except (InvalidTag, ValueError):
                continue
            return text.decode("utf-8")
        raise InvalidInput(
            content.fill(_said("cannot_open"), purpose=purpose),
            web=Words("accounts/web", "sealing.cannot_open"),
        )

    def is_current(self, stored: str, purpose: str) -> bool:
        """Whether a stored value is sealed with the current key (`nextyes admin reseal`)."""
        if self.sealing_key is None or not stored.startswith(PREFIX):
            return False
        try:
            Sealer(None, (self.sealing_key,)).open(stored, purpose)
        except InvalidInput:
            return False
        return True


def derive(secret: str) -> bytes:
    """The AES key for a secret key (HKDF-SHA256; the same derivation since sealing began)."""
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"nextyes sealed secrets v1"
    ).derive(secret.encode("utf-8"))


def server_sealer(server: ServerSettings, home: Path) -> Sealer:
    """The server's sealer: seals with `secret_key`; opens with it, the previous keys, and the
    `server.key` an earlier version may have left in the home."""
    secrets = [key for key in (server.secret_key, *server.previous_secret_keys) if key]
    old_file = home / OLD_KEY_FILE
    try:
        secrets.append(old_file.read_text(encoding="utf-8").strip())
    except (FileNotFoundError, NotADirectoryError):
        pass
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(content.fill(_said("old_file"), path=old_file, error=exc)) from None
    keys = tuple(dict.fromkeys(derive(secret) for secret in secrets if secret))
    return Sealer(derive(server.secret_key) if server.secret_key else None, keys)


@dataclass(frozen=True, slots=True)
class Resealed:
    """What `reseal` did: secrets sealed anew with the current key, and those already were."""

    resealed: int
    current: int


def reseal(uow: UnitOfWork, sealer: Sealer) -> Resealed:
    """Seal every stored secret with the current key, in one transaction: all or nothing. A
    secret no known key opens stops it with a message, and nothing is changed."""
    if not sealer.can_seal:
        raise NoSecretKey()
    resealed = current = 0
    with uow:
        for user_id, stored in uow.imap_connections.secrets():
            if sealer.is_current(stored, IMAP_PASSWORD):
                current += 1
                continue
            opened = sealer.open(stored, IMAP_PASSWORD)
            uow.imap_connections.set_secret(user_id, sealer.seal(opened, IMAP_PASSWORD))
            resealed += 1
        for organisation in uow.organisations.all():
            sso = organisation.sso
            if sso is None or not sso.client_secret:
                continue
            if sealer.is_current(sso.client_secret, SSO_CLIENT_SECRET):
                current += 1
                continue
            opened = sealer.open(sso.client_secret, SSO_CLIENT_SECRET)
            new = replace(sso, client_secret=sealer.seal(opened, SSO_CLIENT_SECRET))
            uow.organisations.set_sso(organisation.id, new)
            resealed += 1
        uow.commit()
    return Resealed(resealed, current)
