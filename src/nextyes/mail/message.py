"""One email, decoded into the plain values the classifier and the journal need."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True, slots=True)
class MailMessage:
    """A decoded email.

    `message_id` is the Message-ID header as written (angle brackets included), or
    `sha256:<hex>` computed from the raw message when the header is missing, so the same email
    always gets the same id.
    `defects` lists what was wrong with the message (malformed MIME, an unknown charset, a
    truncated body); a message with defects is still usable.
    """

    message_id: str
    date: datetime | None
    sender: str
    sender_name: str
    sender_address: str
    sender_domain: str
    subject: str
    body: str
    defects: tuple[str, ...] = ()

    @property
    def has_own_id(self) -> bool:
        """True when the id came from a Message-ID header rather than a content hash."""
        return not self.message_id.startswith("sha256:")
