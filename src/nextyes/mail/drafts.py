"""Hand a draft to the person's own mail client: an RFC 5322 `.eml` file or a mailto: URL.

Both are pure (values in, bytes or a string out). The `.eml` carries `X-Unsent: 1`, so mail
clients that honour it open it as a draft to edit and send, rather than as a received message.
Nothing here sends mail.
"""

from __future__ import annotations

import re
from datetime import datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import quote

_ADDRESS = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\".]+")
_DRAFT_POLICY = policy.default.clone(linesep="\r\n")


def check_address(address: str) -> str:
    """The address without surrounding spaces, or ValueError saying what a usable one is."""
    value = address.strip()
    if not _ADDRESS.fullmatch(value):
        raise ValueError(
            f"{address!r} doesn't look like an email address. "
            "Use the form name@example.com, or leave the recipient out and add it in your mail app."
        )
    return value


def build_eml(
    *,
    subject: str,
    body: str,
    to: str | None = None,
    to_name: str | None = None,
    sender: str | None = None,
    sender_name: str | None = None,
    date: datetime | None = None,
) -> bytes:
    """An unsent draft message (CRLF line endings, UTF-8 text) ready to save as `.eml`."""
    message = EmailMessage(policy=_DRAFT_POLICY)
    if to:
        message["To"] = _address(to, to_name)
    if sender:
        message["From"] = _address(sender, sender_name)
    message["Subject"] = _one_line(subject)
    if date is not None:
        message["Date"] = format_datetime(date)
    message["X-Unsent"] = "1"
    message.set_content(body.replace("\r\n", "\n"))
    return message.as_bytes()


def mailto_url(*, subject: str, body: str, to: str | None = None) -> str:
    """A mailto: URL (RFC 6068) with every value percent-encoded and line breaks as CRLF."""
    target = quote(check_address(to), safe="@") if to else ""
    fields = {
        "subject": _one_line(subject),
        "body": body.replace("\r\n", "\n").replace("\n", "\r\n"),
    }
    query = "&".join(f"{key}={quote(value, safe='')}" for key, value in fields.items())
    return f"mailto:{target}?{query}"


def _address(address: str, name: str | None) -> Address:
    addr_spec = check_address(address)
    display = " ".join((name or "").split())
    return Address(display_name=display, addr_spec=addr_spec)


def _one_line(text: str) -> str:
    return " ".join(text.split())
