"""Secrets kept encrypted at rest with the server's key (team mode): an organisation's single
sign-on client secret, and any other secret a server must keep and use again.

`Sealer.seal(text, purpose)` gives `sealed:v1:` and the base64 of a random 12-byte nonce and the
AES-256-GCM ciphertext; the purpose (say "sso client secret") is bound in as associated data,
so a value sealed for one purpose does not open as another. The key is derived (HKDF-SHA256) from
the server's secret: `secret_key` in the server settings (NEXTYES_SECRET_KEY), the same on every
machine serving one database; without one, a random key kept in `server.key` in the nextyes home
(made on first use, readable by its owner only), which suits one machine. A database copied
without the key keeps its sealed secrets unreadable. Values stored before sealing (plain text)
still open, and are sealed the next time they are saved.
"""

from __future__ import annotations

import base64
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from nextyes.domain.errors import InvalidInput

PREFIX = "sealed:v1:"
KEY_FILE = "server.key"


@dataclass(frozen=True, slots=True)
class Sealer:
    key: bytes = field(repr=False)

    def seal(self, text: str, purpose: str) -> str:
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        nonce = os.urandom(12)
        sealed = AESGCM(self.key).encrypt(nonce, text.encode("utf-8"), purpose.encode("utf-8"))
        return PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode("ascii")

    def open(self, stored: str, purpose: str) -> str:
        """The secret back; a value stored before sealing comes back as it is."""
        if not stored.startswith(PREFIX):
            return stored
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        try:
            raw = base64.urlsafe_b64decode(stored[len(PREFIX) :].encode("ascii"))
            text = AESGCM(self.key).decrypt(raw[:12], raw[12:], purpose.encode("utf-8"))
        except (InvalidTag, ValueError):
            raise InvalidInput(
                f"A stored {purpose} cannot be read with this server's key: the secret key "
                "(NEXTYES_SECRET_KEY, or server.key in the nextyes home) is not the one it was "
                "saved with. Use that key again, or save the secret anew."
            ) from None
        return text.decode("utf-8")


def _derive(secret: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF

    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=None, info=b"nextyes sealed secrets v1"
    ).derive(secret)


def sealer_for(secret_key: str | None, home: Path) -> Sealer:
    """The server's sealer: from its configured secret key, else from `server.key` in home."""
    if secret_key:
        return Sealer(_derive(secret_key.encode("utf-8")))
    path = home / KEY_FILE
    if not path.exists():
        home.mkdir(parents=True, exist_ok=True)
        draft = path.with_name(f"{KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}")
        descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w") as out:
            out.write(secrets.token_urlsafe(32) + "\n")
        try:
            os.link(draft, path)  # whole or not at all; the first of several workers wins
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return Sealer(_derive(path.read_text().strip().encode("utf-8")))
