"""A quick reader for the MIME that job email actually uses.

The standard library parser reads a message line by line and compiles a regular expression for
every multipart boundary; for a mailbox of tens of thousands of messages that is most of the
time an import takes. This reader splits headers, multipart bodies and transfer encodings with
`bytes.find` and `binascii`, and gives up (raising Unsupported) on anything unusual, so the
caller can fall back to the standard library for that one message.
"""

from __future__ import annotations

import binascii
from dataclasses import dataclass, field

MAX_DEPTH = 8


class Unsupported(Exception):
    """The message needs the standard library's full parser."""


@dataclass
class Parsed:
    headers: dict[str, str]
    plain: list[tuple[bytes, str | None]] = field(default_factory=list)
    html: list[tuple[bytes, str | None]] = field(default_factory=list)
    defects: list[str] = field(default_factory=list)


def _split_head(raw: bytes) -> tuple[bytes, bytes]:
    lf = raw.find(b"\n\n")
    crlf = raw.find(b"\r\n\r\n")
    if crlf >= 0 and (lf < 0 or crlf < lf):
        return raw[:crlf], raw[crlf + 4 :]
    if lf >= 0:
        return raw[:lf], raw[lf + 2 :]
    return raw, b""


def _header_text(head: bytes) -> str:
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError:
        return head.decode("cp1252", errors="replace")


def parse_headers(head: bytes) -> dict[str, str]:
    """Header names (lower case) to their unfolded values; the first of a repeated name wins."""
    headers: dict[str, str] = {}
    name = None
    values: list[str] = []
    for line in _header_text(head).split("\n"):
        line = line.rstrip("\r")
        if not line:
            continue
        if line[0] in " \t":
            if name is None:
                raise Unsupported("continuation before any header")
            values.append(line)
            continue
        if name is not None and name not in headers:
            headers[name] = " ".join(values)
        key, colon, value = line.partition(":")
        if not colon or not key or " " in key.strip() or key != key.strip():
            raise Unsupported(f"not a header line: {line[:40]!r}")
        name, values = key.lower(), [value.strip()]
    if name is not None and name not in headers:
        headers[name] = " ".join(values)
    return headers


def content_type(value: str | None) -> tuple[str, dict[str, str]]:
    """The lower-case media type and parameters of a Content-Type header."""
    if not value:
        return "text/plain", {}
    kind, _, rest = value.partition(";")
    kind = kind.strip().lower()
    if "/" not in kind:
        kind = "text/plain"
    params: dict[str, str] = {}
    if "*=" in rest or "*0" in rest:
        raise Unsupported("RFC 2231 parameters")
    while rest:
        piece, rest = _next_param(rest)
        key, eq, val = piece.partition("=")
        if eq:
            val = val.strip()
            if len(val) >= 2 and val[0] == val[-1] == '"':
                val = val[1:-1].replace('\\"', '"')
            params[key.strip().lower()] = val
    return kind, params


def _next_param(text: str) -> tuple[str, str]:
    quoted = False
    for i, ch in enumerate(text):
        if ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            return text[:i], text[i + 1 :]
    return text, ""


def _is_delimiter(body: bytes, at: int, delim: bytes) -> bool:
    after = body[at + len(delim) : at + len(delim) + 1]
    return (at == 0 or body[at - 1 : at] == b"\n") and (not after or after in b"-\r\n \t")


def split_multipart(body: bytes, boundary: bytes, defects: list[str]) -> list[bytes]:
    """The parts of a multipart body (preamble and epilogue dropped)."""
    delim = b"--" + boundary
    start = body.find(delim)
    while start >= 0 and not _is_delimiter(body, start, delim):
        start = body.find(delim, start + 1)
    if start < 0:
        raise Unsupported("no boundary line")
    parts: list[bytes] = []
    while True:
        if body[start + len(delim) : start + len(delim) + 2] == b"--":
            return parts
        line_end = body.find(b"\n", start)
        if line_end < 0:
            defects.append("MultipartNotClosed")
            return parts
        content = line_end + 1
        nxt = body.find(b"\n" + delim, line_end)
        while nxt >= 0 and not _is_delimiter(body, nxt + 1, delim):
            nxt = body.find(b"\n" + delim, nxt + 1)
        if nxt < 0:
            parts.append(body[content:])
            defects.append("MultipartNotClosed")
            return parts
        end = nxt - 1 if body[nxt - 1 : nxt] == b"\r" else nxt
        parts.append(body[content:end] if end >= content else b"")
        start = nxt + 1


def _transfer_decode(payload: bytes, encoding: str) -> bytes:
    if encoding == "base64":
        try:
            return binascii.a2b_base64(payload)
        except binascii.Error as exc:
            raise Unsupported("broken base64") from exc
    if encoding == "quoted-printable":
        return binascii.a2b_qp(payload)
    return payload


def _walk(headers: dict[str, str], body: bytes, parsed: Parsed, depth: int, max_part: int) -> None:
    if depth > MAX_DEPTH:
        raise Unsupported("nested too deep")
    kind, params = content_type(headers.get("content-type"))
    if kind.startswith("multipart/"):
        boundary = params.get("boundary")
        if not boundary:
            raise Unsupported("multipart without a boundary")
        for part in split_multipart(body, boundary.encode("utf-8", "replace"), parsed.defects):
            head, inner = _split_head(part)
            _walk(parse_headers(head) if head.strip() else {}, inner, parsed, depth + 1, max_part)
        return
    if kind == "message/rfc822":
        head, inner = _split_head(body)
        _walk(parse_headers(head), inner, parsed, depth + 1, max_part)
        return
    disposition = headers.get("content-disposition", "").split(";", 1)[0].strip().lower()
    if not kind.startswith("text/") or disposition == "attachment":
        return
    if len(body) > max_part:
        parsed.defects.append("OversizedTextPartSkipped")
        return
    encoding = headers.get("content-transfer-encoding", "").strip().lower()
    payload = _transfer_decode(body, encoding)
    target = parsed.html if kind == "text/html" else parsed.plain
    target.append((payload, params.get("charset")))


def fast_parse(raw: bytes, max_part: int) -> Parsed:
    """Headers and text parts of a message; raises Unsupported when it needs the full parser."""
    head, body = _split_head(raw)
    headers = parse_headers(head)
    if not headers:
        raise Unsupported("no headers")
    parsed = Parsed(headers)
    _walk(headers, body, parsed, 0, max_part)
    return parsed
