"""Decode raw email bytes into a MailMessage, whatever state the message is in.

Unknown charsets fall back to UTF-8 and then Windows-1252; malformed or truncated MIME is read
as far as it goes and noted in `defects`; attachments are skipped without being decoded; an
HTML-only body is turned into text. Nothing here raises on bad input.
"""

from __future__ import annotations

import codecs
import email
import email.header
import email.message
import email.utils
import hashlib
from datetime import UTC, datetime, timedelta
from email import policy

from nextyes.mail.fastmime import Unsupported, fast_parse
from nextyes.mail.html_text import html_to_text
from nextyes.mail.message import MailMessage

MAX_PART_CHARS = 2_000_000
"""Encoded text parts longer than this are skipped rather than decoded."""
MAX_BODY_CHARS = 50_000
"""The body kept for classification and snippets; longer text is cut here."""

_UNKNOWN_CHARSETS = frozenset({"unknown-8bit", "x-unknown", "unknown", "default", "8bit"})


def decode_bytes(data: bytes, charset: str | None) -> tuple[str, bool]:
    """`data` as text, and whether the declared charset had to be ignored."""
    name = (charset or "").strip().strip('"').lower()
    if name and name not in _UNKNOWN_CHARSETS:
        try:
            codecs.lookup(name)
        except LookupError:
            pass
        else:
            return data.decode(name, errors="replace"), False
    try:
        return data.decode("utf-8"), bool(name) and name not in _UNKNOWN_CHARSETS
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), bool(name)


def decode_header_value(value: object) -> str:
    """A header as one line of text, with RFC 2047 encoded words and raw 8-bit bytes decoded."""
    if value is None:
        return ""
    if isinstance(value, str) and "=?" not in value:
        text = value
    else:
        try:
            chunks = email.header.decode_header(value)  # type: ignore[arg-type]
        except (email.errors.HeaderParseError, ValueError, LookupError, TypeError):
            text = str(value)
        else:
            pieces = []
            for chunk, charset in chunks:
                if isinstance(chunk, bytes):
                    pieces.append(decode_bytes(chunk, charset)[0])
                else:
                    pieces.append(chunk)
            text = "".join(pieces)
    return " ".join(text.split())


def parse_date(value: str) -> datetime | None:
    """The date of a Date header (timezone-aware), or None when it cannot be read."""
    if not value:
        return None
    try:
        parsed = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    try:
        parsed.astimezone(UTC) + timedelta(days=2)  # any timezone must still be a date
        parsed - timedelta(days=2)
    except OverflowError:  # "31 Dec 9999 -2359" is past the last day a calendar holds
        return None
    return parsed


def _defect_name(defect: object) -> str:
    name = type(defect).__name__
    return name.removesuffix("Defect") or name


def _body_of(msg: email.message.Message, defects: list[str]) -> str:
    plain: list[str] = []
    html: list[str] = []
    for part in msg.walk():
        if part.is_multipart():
            continue
        defects.extend(_defect_name(d) for d in part.defects)
        if part.get_content_maintype() != "text":
            continue
        disposition = (part.get("Content-Disposition") or "").split(";", 1)[0].strip().lower()
        if disposition == "attachment":
            continue
        raw_payload = part.get_payload()
        if not isinstance(raw_payload, str):
            continue
        if len(raw_payload) > MAX_PART_CHARS:
            defects.append("OversizedTextPartSkipped")
            continue
        payload = part.get_payload(decode=True)
        if not isinstance(payload, bytes):
            continue
        charset = part.get_content_charset()
        text, replaced = decode_bytes(payload, charset)
        if replaced:
            defects.append(f"UnknownCharset:{charset}")
        if part.get_content_subtype() == "html":
            html.append(text)
        else:
            plain.append(text)
    return _finish_body(plain, html, defects)


_SPECIALS = frozenset('()<>[]:;\\,"\t\r\n')


def split_address(sender: str) -> tuple[str, str]:
    """(display name, address) of a From header; the usual shapes without the full parser."""
    if sender.endswith(">") and sender.count("<") == 1:
        name, _, address = sender[:-1].partition("<")
        if (
            name.isprintable()
            and not _SPECIALS.intersection(name)
            and not _SPECIALS.intersection(address)
            and address.count("@") == 1
            and address == address.strip()
            and " " not in address
        ):
            return " ".join(name.split()), address
    elif (
        sender.count("@") == 1
        and sender.isprintable()
        and not _SPECIALS.intersection(sender)
        and " " not in sender
    ):
        return "", sender
    return email.utils.parseaddr(sender)


def content_id(raw: bytes) -> str:
    """The id of a message without a Message-ID: a hash of its bytes."""
    return "sha256:" + hashlib.sha256(raw).hexdigest()


def _finish_body(plain: list[str], html: list[str], defects: list[str]) -> str:
    if plain:
        body = "\n".join(plain)
    elif html:
        body = html_to_text("\n".join(html))
    else:
        defects.append("NoTextBody")
        body = ""
    body = body.replace("\r\n", "\n").replace("\r", "\n")
    if len(body) > MAX_BODY_CHARS:
        body = body[:MAX_BODY_CHARS]
        defects.append("BodyCut")
    return body.strip()


def _texts(parts: list[tuple[bytes, str | None]], defects: list[str]) -> list[str]:
    texts = []
    for payload, charset in parts:
        text, replaced = decode_bytes(payload, charset)
        if replaced:
            defects.append(f"UnknownCharset:{charset}")
        texts.append(text)
    return texts


def _read(raw: bytes, fast: bool) -> tuple[dict[str, object], str, list[str]]:
    """Headers (first of each name), the plain-text body, and defects."""
    if fast:
        try:
            parsed = fast_parse(raw, MAX_PART_CHARS)
        except (Unsupported, ValueError, LookupError):
            pass
        else:
            defects = parsed.defects
            plain, html = _texts(parsed.plain, defects), _texts(parsed.html, defects)
            return dict(parsed.headers), _finish_body(plain, html, defects), defects
    msg = email.message_from_bytes(raw, policy=policy.compat32)
    defects = [_defect_name(d) for d in msg.defects]
    headers = {name: msg.get(name) for name in ("Message-ID", "From", "Date", "Subject")}
    body = _body_of(msg, defects)
    return {k.lower(): v for k, v in headers.items()}, body, defects


def parse_message(raw: bytes, *, truncated: bool = False, fast: bool = True) -> MailMessage:
    """Decode one raw message (RFC 5322 bytes). Never raises on malformed input.

    The quick reader (`fastmime`) handles the usual shapes; anything it is unsure of goes
    through the standard library's parser instead (`fast=False` forces that).
    """
    headers, body, defects = _read(raw, fast)
    if truncated:
        defects.append("Truncated")
    message_id = "".join(decode_header_value(headers.get("message-id")).split())
    if message_id.strip("<>") == "" or len(message_id) > 998:
        message_id = content_id(raw)
    sender = decode_header_value(headers.get("from"))
    name, address = split_address(sender)
    address = address.strip().lower()
    domain = address.rpartition("@")[2] if "@" in address else ""
    date_header = decode_header_value(headers.get("date"))
    date = parse_date(date_header)
    if date_header and date is None:
        defects.append("UnreadableDate")
    return MailMessage(
        message_id=message_id,
        date=date,
        sender=sender,
        sender_name=name.strip().strip('"'),
        sender_address=address,
        sender_domain=domain,
        subject=decode_header_value(headers.get("subject")),
        body=body,
        defects=tuple(dict.fromkeys(defects)),
    )
