"""Safety even on localhost: the Host check, CSRF tokens and protective headers.

- Only the app's own Host (127.0.0.1, localhost or [::1] with its port) is served, so a web page
  that rebinds its DNS name to 127.0.0.1 cannot read the journal.
- Every browser gets a random session cookie (HttpOnly, SameSite=Lax). Its CSRF token is an HMAC
  of that cookie under a secret the app draws when it starts. Every state-changing request
  (POST, PUT, PATCH, DELETE; forms and the JSON API alike) must carry the token, in the
  `csrf_token` form field or the `X-CSRF-Token` header. Pages embed it; scripts get it from
  `GET /api/v1/session`. Tokens never appear in URLs. A file upload (multipart) carries it as
  its first field, so it is checked before the file is read.
- Responses carry a strict Content-Security-Policy (no inline script or style, nothing from
  elsewhere), and personal pages are not stored by the browser's cache.

- `nextyes web` is its user's alone (`LocalAccess`): another account on the same machine can
  reach 127.0.0.1 too, so every request needs a secret. The URL `nextyes web` prints and opens
  carries a one-time key; the first request with it is answered with a redirect that sets an
  access cookie (an HMAC under the app's secret) and drops the key from the address. Scripts
  send the token kept in the home (`web-token`, 0600) as `Authorization: Bearer TOKEN`, which
  needs no CSRF token since no browser sends it by itself. Clients from any address other than
  loopback are refused outright.

This is a plain ASGI middleware: it runs before routing, for every request, at little cost.
"""

from __future__ import annotations

import hashlib
import hmac
import html
import json
import re
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, parse_qsl, urlencode

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

SESSION_COOKIE = "nextyes_session"
ACCESS_COOKIE = "nextyes_access"
KEY_PARAMETER = "key"
LOOPBACK = frozenset({"127.0.0.1", "::1", "::ffff:127.0.0.1"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "X-CSRF-Token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_FORM_BYTES = 2_000_000
_SESSION_SHAPE = re.compile(r"^[A-Za-z0-9_-]{32}$")

PAGE_POLICY = (
    "default-src 'none'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "manifest-src 'self'; worker-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
BASE_HEADERS = (
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),  # no-referrer would make forms send Origin: null
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
)


def csrf_token(secret: bytes, session: str) -> str:
    return hmac.new(secret, session.encode("ascii"), hashlib.sha256).hexdigest()


def own_hosts(port: int) -> frozenset[str]:
    names = ("127.0.0.1", "localhost", "[::1]")
    hosts = {f"{name}:{port}" for name in names}
    if port == 80:
        hosts.update(names)
    return frozenset(hosts)


@dataclass
class LocalAccess:
    """What opens `nextyes web`: a one-time key for the printed URL, and the scripts' token."""

    one_time_key: str
    api_token: str
    token_file: Path
    key_used: bool = False

    def take_key(self, offered: str) -> bool:
        """True once: for the first request that brings the one-time key."""
        if self.key_used or not hmac.compare_digest(
            offered.encode("utf-8", "replace"), self.one_time_key.encode()
        ):
            return False
        self.key_used = True
        return True


def access_cookie(secret: bytes) -> str:
    return hmac.new(secret, b"local access", hashlib.sha256).hexdigest()


class Guard:
    def __init__(
        self, app: ASGIApp, *, secret: bytes, port: int, access: LocalAccess | None = None
    ) -> None:
        self.app = app
        self.secret = secret
        self.port = port
        self.access = access
        self.access_value = access_cookie(secret)
        self.hosts = own_hosts(port)
        self.origins = frozenset(f"http://{host}" for host in self.hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = origin = submitted = cookie = None
        content_type = raw_type = ""
        for name, value in scope["headers"]:
            if name == b"host":
                host = value.decode("latin-1")
            elif name == b"cookie":
                cookie = value.decode("latin-1")
            elif name == b"x-csrf-token":
                submitted = value.decode("latin-1")
            elif name == b"origin":
                origin = value.decode("latin-1")
            elif name == b"content-type":
                raw_type = value.decode("latin-1")
                content_type = raw_type.lower()
        if host not in self.hosts:
            await refuse(scope, send, 421, _said("host", port=self.port), way_back=False)
            return
        bearer = False
        if self.access is not None:
            verdict = self._local_access(scope, cookie)
            if verdict == "redirect":
                await _enter(scope, send, self.access_value)
                return
            if verdict is None:
                await self._refuse_access(scope, send)
                return
            bearer = verdict == "bearer"
        session = _session_from(cookie)
        fresh = session is None
        if session is None:
            session = secrets.token_urlsafe(24)
        expected = csrf_token(self.secret, session)
        scope.setdefault("state", {})["csrf_token"] = expected
        if scope["method"] not in SAFE_METHODS:
            if origin is not None and origin not in self.origins:
                await refuse(scope, send, 403, _said("other_site"))
                return
            if submitted is None and content_type.startswith("application/x-www-form-urlencoded"):
                body = await _read_body(receive)
                if body is None:
                    await refuse(scope, send, 413, _said("too_large"))
                    return
                submitted = _form_token(body)
                receive = _replay(body, receive)
            elif submitted is None and content_type.startswith("multipart/form-data"):
                # the boundary as it was sent: it is case-sensitive
                submitted, receive = await _multipart_token(raw_type, receive)
            if not bearer and (
                fresh or submitted is None or not hmac.compare_digest(submitted, expected)
            ):
                await refuse(scope, send, 403, _said("token"))
                return
        path = scope["path"]
        personal = not path.startswith(("/static/", "/charts/"))

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers.extend(h for h in BASE_HEADERS if h[0] not in present)
                if b"content-security-policy" not in present:
                    headers.append((b"content-security-policy", PAGE_POLICY.encode()))
                if personal and b"cache-control" not in present:
                    headers.append((b"cache-control", b"no-store"))
                if fresh:
                    headers.append(
                        (
                            b"set-cookie",
                            f"{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Lax".encode(),
                        )
                    )
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _local_access(self, scope: Scope, cookie: str | None) -> str | None:
        """ "cookie" / "bearer" / "open" (static files) when the request may go on, "redirect"
        for the one-time key, None when it has no right to the journal."""
        access = self.access
        assert access is not None
        client = scope.get("client")
        if client and client[0] not in LOOPBACK:
            return None
        if scope["path"].startswith("/static/"):
            return "open"
        if _cookie_value(cookie, ACCESS_COOKIE) == self.access_value:
            return "cookie"
        for name, value in scope["headers"]:
            if name == b"authorization":
                kind, _, token = value.decode("latin-1").partition(" ")
                if kind.lower() == "bearer" and hmac.compare_digest(
                    token.strip().encode(), access.api_token.encode()
                ):
                    return "bearer"
        query = dict(parse_qsl(scope.get("query_string", b"").decode("latin-1")))
        offered = query.get(KEY_PARAMETER)
        if offered and scope["method"] in SAFE_METHODS and access.take_key(offered):
            return "redirect"
        return None

    async def _refuse_access(self, scope: Scope, send: Send) -> None:
        access = self.access
        assert access is not None
        client = scope.get("client")
        if client and client[0] not in LOOPBACK:
            await refuse(scope, send, 403, _said("not_loopback"), way_back=False)
        else:
            await refuse(
                scope, send, 401, _said("key", token_file=access.token_file), way_back=False
            )


async def _enter(scope: Scope, send: Send, access_value: str) -> None:
    """The answer to the one-time key: the access cookie, and the same page without the key."""
    query = [
        (k, v)
        for k, v in parse_qsl(scope.get("query_string", b"").decode("latin-1"))
        if k != KEY_PARAMETER
    ]
    location = scope["path"] + (f"?{urlencode(query)}" if query else "")
    cookie = f"{ACCESS_COOKIE}={access_value}; Path=/; HttpOnly; SameSite=Lax"
    headers = [
        (b"location", location.encode("latin-1")),
        (b"set-cookie", cookie.encode("latin-1")),
        (b"content-length", b"0"),
        (b"cache-control", b"no-store"),
        (b"referrer-policy", b"no-referrer"),
        *BASE_HEADERS[:2],
    ]
    await send({"type": "http.response.start", "status": 303, "headers": headers})
    await send({"type": "http.response.body", "body": b""})


def _cookie_value(cookie: str | None, wanted: str) -> str | None:
    for part in (cookie or "").split(";"):
        name, _, value = part.strip().partition("=")
        if name == wanted:
            return value
    return None


def _said(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("web")["refused"][key], **values)


def _session_from(cookie: str | None) -> str | None:
    if not cookie:
        return None
    for part in cookie.split(";"):
        name, _, value = part.strip().partition("=")
        if name == SESSION_COOKIE and _SESSION_SHAPE.match(value):
            return value
    return None


async def _read_body(receive: Receive) -> bytes | None:
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_FORM_BYTES:
            return None
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _form_token(body: bytes) -> str | None:
    try:
        values = parse_qs(body.decode("latin-1"), max_num_fields=10_000).get(CSRF_FIELD)
    except ValueError:  # more fields than any form of ours has
        return None
    return values[0] if values else None


MULTIPART_PEEK_BYTES = 16_384
_BOUNDARY = re.compile(r'boundary="?([^";]{1,200})"?', re.I)
_FIRST_PART = re.compile(
    rb'^\r?\n?content-disposition: *form-data; *name="?csrf_token"?\r\n'
    rb"(?:[a-z-]+:[^\r\n]*\r\n)*\r\n([0-9a-f]{1,128})\r\n",
    re.I,
)


async def _multipart_token(content_type: str, receive: Receive) -> tuple[str | None, Receive]:
    """The token in the first part of a multipart body, read without reading the rest.

    Browsers send fields in the order of the form, and every upload form starts with the token.
    What was read to find it is handed on first, then the rest of the body as it arrives."""
    found = _BOUNDARY.search(content_type)
    if found is None:
        return None, receive
    opening = b"--" + found[1].encode("latin-1")
    head = b""
    finished = False
    while len(head) < MULTIPART_PEEK_BYTES:
        message = await receive()
        if message["type"] == "http.disconnect":
            finished = True
            break
        head += message.get("body", b"")
        if not message.get("more_body", False):
            finished = True
            break
        if head.count(opening) >= 2:
            break
    token = None
    if head.startswith(opening):
        part = _FIRST_PART.match(head[len(opening) :])
        token = part[1].decode("ascii") if part else None
    return token, _resume(head, finished, receive)


def _resume(head: bytes, finished: bool, receive: Receive) -> Receive:
    sent = False

    async def resumed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": head, "more_body": not finished}
        return await receive()

    return resumed


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body read for the token, handed on; then the connection as it is (a response that
    streams listens on it for the browser going away)."""
    return _resume(body, True, receive)


def _heading(scope: Scope) -> str:
    from nextyes import content

    reading = scope.get("method", "GET") in ("GET", "HEAD")
    return str(content.load("web")["refused"]["heading_read" if reading else "heading_write"])


async def refuse(
    scope: Scope, send: Send, status: int, message: str, *, way_back: bool = True
) -> None:
    """Answer before routing: JSON under /api, a small page elsewhere. `way_back=False` when
    the dashboard would meet the same refusal (a browser not let in, another computer)."""
    if scope["path"].startswith("/api/"):
        body = json.dumps({"message": message}).encode()
        kind = b"application/json"
    else:
        from nextyes import content

        back = content.load("web")["refused"]["back"] if way_back else ""
        link = f"<p><a href=/>{html.escape(back)}</a></p>" if back else ""
        body = (
            "<!doctype html><html lang=en><meta charset=utf-8><title>nextyes</title>"
            f"<main><h1>{html.escape(_heading(scope))}</h1><p>{html.escape(message)}</p>"
            f"{link}</main></html>"
        ).encode()
        kind = b"text/html; charset=utf-8"
    headers = [
        (b"content-type", kind),
        (b"content-length", str(len(body)).encode()),
        (b"content-security-policy", PAGE_POLICY.encode()),
        *BASE_HEADERS,
    ]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
