"""Team mode's guard (plain ASGI): who is asking, once per request, before any route runs.

- Only the configured public host is served (a request naming another Host gets 421).
- A request carries either a session cookie (pages and the browser's API calls) or a personal
  API token (`Authorization: Bearer nyt_...`, scripts). Both are looked up in the database, so
  every worker knows every session; nothing is kept in a worker that another one needs.
- Every state-changing request with a cookie must carry the session's CSRF token (form field
  `csrf_token` or header `X-CSRF-Token`); before signing in, the token is the value of a
  pre-session cookie (double submit). A Bearer request carries no ambient credential, so it
  needs none. An Origin header from elsewhere is refused.
- Without a signed-in person: the API answers 401 JSON; a page sends the browser to sign in.
- The signed-in person's journal goes to the routes as a WebState scoped to them
  (`scope["state"]["nextyes_web"]`), on a connection borrowed from the pool for this request
  and given back as soon as the answer starts.
- The access log names the route, the status, the time and the account id; the secret part of
  a one-time link never appears, nor any query string, cookie or header.
"""

from __future__ import annotations

import hmac
import logging
import re
import secrets
import time
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import quote

from nextyes.services.accounts.sessions import token_holder, visitor
from nextyes.text.fetch import public_addresses_only
from nextyes.web.security import (
    BASE_HEADERS,
    PAGE_POLICY,
    SAFE_METHODS,
    Message,
    Receive,
    Scope,
    Send,
    refuse,
)
from nextyes.web.security import (
    _form_token as form_token,
)
from nextyes.web.security import (
    _multipart_token as multipart_token,
)
from nextyes.web.security import (
    _read_body as read_body,
)
from nextyes.web.security import (
    _replay as replay,
)

if TYPE_CHECKING:
    from nextyes.services.accounts.sessions import Visitor
    from nextyes.services.journal import Journal
    from nextyes.web.security import ASGIApp
    from nextyes.web.team.state import ServedState

log = logging.getLogger("nextyes.access")

PUBLIC_PATHS = frozenset(
    {"/sign-in", "/sign-up", "/forgot", "/healthz", "/api/v1/openapi.json", "/favicon.ico",
     "/manifest.webmanifest", "/sw.js"}
)  # fmt: skip
PUBLIC_PREFIXES = (
    "/static/", "/icons/", "/welcome/", "/reset/", "/calendar/", "/unsubscribe/", "/join/",
    "/sso/",
)  # fmt: skip
# Whole-database operations of the local app: on a server the database is everyone's, so these
# are the administrator's (pg_dump, docs/deploy.md), never a signed-in person's.
LOCAL_ONLY = frozenset({"/data/backup", "/data/restore"})
LOCAL_ONLY_PREFIXES = ("/data/backups/",)
# Requests whose route takes a connection (and a turn) for each short block itself
# (`ServedState.lend`): signing in checks a password (argon2, tens of milliseconds of CPU) and
# holds neither meanwhile. The guard gives its connection back once it knows who is asking.
LENDS_ITS_OWN = frozenset({("POST", "/sign-in")})
SECRET_IN_PATH = re.compile(
    r"^(/welcome/|/reset/|/calendar/|/unsubscribe/|/join/coach/|/join/organisation/"
    r"|/api/v1/coach-invitations/)[^/]+"
)
_COOKIE_VALUE = re.compile(r"^[A-Za-z0-9_-]{16,128}$")


def _said(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("web")["team"][key], **values)


@cache
def worker_name() -> str:
    """A random name for this process, shown in health answers (never its pid)."""
    return secrets.token_hex(4)


def logged_path(path: str) -> str:
    return SECRET_IN_PATH.sub(r"\1…", path)[:200]


class TeamGuard:
    def __init__(self, app: ASGIApp, *, served: ServedState) -> None:
        self.app = app
        self.served = served
        self.host = served.server.host
        self.origin = served.server.origin

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = [0]
        who: list[int | None] = [None]
        try:
            await self._handle(scope, receive, send, status, who)
        finally:
            client = (scope.get("client") or ("-",))[0]
            log.info(
                "%s %s %s %s %.1fms user=%s",
                client,
                scope["method"],
                logged_path(scope["path"]),
                status[0],
                (time.perf_counter() - started) * 1000,
                who[0] if who[0] is not None else "-",
            )

    async def _handle(
        self, scope: Scope, receive: Receive, send: Send, status: list[int], who: list[int | None]
    ) -> None:
        headers = _headers(scope)
        path: str = scope["path"]
        method: str = scope["method"]
        api = path.startswith("/api/")
        if headers.get("host", "").lower() != self.host and path != "/healthz":
            status[0] = 421
            await refuse(
                scope, send, 421, _said("host", url=self.served.server.public_url), way_back=False
            )
            return
        if path == "/healthz":
            status[0] = await self._health(scope, send)
            return
        if path.startswith("/static/"):
            status[0] = 200
            await self.app(scope, receive, _with_headers(send, status, personal=False))
            return
        served = self.served
        import anyio
        from anyio import to_thread

        cookies = _cookies(headers.get("cookie", ""))
        bearer = _bearer(headers.get("authorization", ""))
        token = cookies.get(served.cookie) if bearer is None else None
        now = served.base.now()

        def arrive() -> tuple[Journal, Visitor | None]:
            """Borrow a connection and learn who is asking, in one trip to a thread: the
            database is never waited for on the event loop."""
            borrowed = served.pool.borrow()
            try:
                uow = borrowed.uow()
                if bearer is not None:
                    return borrowed, token_holder(uow, bearer, served.rules, now)
                return borrowed, visitor(uow, token, served.rules, now) if token else None
            except BaseException:
                served.pool.give_back(borrowed)
                raise

        # At most pool_size requests at a time hold a connection; the rest wait their turn here,
        # holding nothing (not a connection, not a thread), so a burst queues instead of failing.
        await served.turns.acquire()
        try:
            # shielded: a cancelled request still gets the connection back to give it back
            with anyio.CancelScope(shield=True):
                journal: Journal | None
                journal, found = await to_thread.run_sync(arrive)
        except BaseException:
            served.turns.release()
            raise
        state = scope.setdefault("state", {})

        def give_back() -> None:
            nonlocal journal
            if journal is not None:
                try:
                    served.pool.give_back(journal)
                finally:
                    journal = None
                    served.turns.release()

        try:
            assert journal is not None
            signed_in = None
            stage = None
            fresh_pre: str | None = None
            if bearer is not None:
                if found is None or not api:
                    status[0] = 401
                    await _unauthorised(scope, send)
                    return
                signed_in = found.signed_in
            elif found is not None:
                signed_in, stage = found.signed_in, found.stage
                state["session_token"] = token
            if signed_in is not None and bearer is None:
                expected = signed_in.csrf_token or ""
            else:
                pre = cookies.get(served.pre_cookie)
                if pre is None:
                    pre = fresh_pre = secrets.token_hex(24)  # hex, as upload forms carry it
                expected = pre
            state["csrf_token"] = expected
            public = path in PUBLIC_PATHS or path.startswith(PUBLIC_PREFIXES)
            half_way = signed_in is not None and stage is not None and stage.value == "code"
            if half_way and path not in ("/sign-in/code", "/sign-out") and not public:
                status[0] = 401 if api else 303
                if api:
                    await _unauthorised(scope, send)
                else:
                    await _redirect(scope, send, "/sign-in/code")
                return
            if signed_in is None and not public:
                status[0] = 401 if api else 303
                if api:
                    await _unauthorised(scope, send)
                else:
                    target = "/sign-in" + ("?next=" + quote(path) if method == "GET" else "")
                    stale = cookies.get(served.cookie)
                    clear = served.cookie_header(served.cookie, "", max_age=0) if stale else None
                    await _redirect(scope, send, target, clear)
                return
            if method not in SAFE_METHODS and bearer is None:
                origin = headers.get("origin")
                if origin is not None and origin.lower() != self.origin:
                    status[0] = 403
                    await refuse(scope, send, 403, _said("other_site"))
                    return
                submitted = headers.get("x-csrf-token")
                raw_kind = headers.get("content-type", "")
                kind = raw_kind.lower()
                if submitted is None and kind.startswith("application/x-www-form-urlencoded"):
                    body = await read_body(receive)
                    if body is None:
                        status[0] = 413
                        await refuse(scope, send, 413, _said("too_large"))
                        return
                    submitted = form_token(body)
                    receive = replay(body, receive)
                elif submitted is None and kind.startswith("multipart/form-data"):
                    # uploads carry the token in their first part (the boundary as sent)
                    submitted, receive = await multipart_token(raw_kind, receive)
                if (
                    fresh_pre is not None
                    or not submitted
                    or not hmac.compare_digest(submitted.encode(), expected.encode())
                ):
                    status[0] = 403
                    await refuse(scope, send, 403, _said("token"))
                    return
            if path in LOCAL_ONLY or path.startswith(LOCAL_ONLY_PREFIXES):
                status[0] = 404
                await refuse(scope, send, 404, _said("local_only"))
                return
            lends = (method, path) in LENDS_ITS_OWN
            if signed_in is not None:
                who[0] = signed_in.user_id
                state["signed_in"] = signed_in
                if not half_way and not lends:
                    assert found is not None
                    state["nextyes_web"] = served.view_for(
                        journal, signed_in, found.journal_version
                    )
            state["team"] = served
            if lends:
                give_back()
            else:
                state["journal"] = journal
            cookie = served.cookie_header(served.pre_cookie, fresh_pre) if fresh_pre else None
            inner = _with_headers(send, status, personal=True, cookie=cookie, before=give_back)
            with public_addresses_only():  # a posting's link may not lead into our network
                await self.app(scope, receive, inner)
        finally:
            if journal is not None:
                give_back()

    async def _health(self, scope: Scope, send: Send) -> int:
        """For the proxy and monitoring: 200 when this worker can reach the database."""
        from anyio import to_thread

        def check() -> bool:
            journal = self.served.pool.borrow()
            try:
                return bool(journal.db.scalar("SELECT 1 AS ok") == 1)
            finally:
                self.served.pool.give_back(journal)

        try:
            healthy = await to_thread.run_sync(check)
        except Exception:
            log.exception("health check: the database did not answer")
            healthy = False
        status = 200 if healthy else 503
        body = b'{"ok": true}' if healthy else b'{"ok": false}'
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", b"no-store"),
            (b"x-nextyes-worker", worker_name().encode()),
        ]
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body})
        return status


def _headers(scope: Scope) -> dict[str, str]:
    found: dict[str, str] = {}
    for name, value in scope["headers"]:
        key = name.decode("latin-1").lower()
        if key in ("host", "cookie", "authorization", "x-csrf-token", "origin", "content-type"):
            found[key] = value.decode("latin-1")
    return found


def _cookies(header: str) -> dict[str, str]:
    found: dict[str, str] = {}
    for part in header.split(";"):
        name, _, value = part.strip().partition("=")
        if name and name not in found and _COOKIE_VALUE.match(value):
            found[name] = value
    return found


def _bearer(header: str) -> str | None:
    kind, _, value = header.strip().partition(" ")
    if kind.lower() != "bearer":
        return None
    return value.strip()


def _with_headers(
    send: Send,
    status: list[int],
    *,
    personal: bool,
    cookie: str | None = None,
    before: object = None,
) -> Send:
    async def send_with_headers(message: Message) -> None:
        if message["type"] == "http.response.start":
            if callable(before):
                before()  # the connection goes back to the pool before the answer is sent
            status[0] = int(message["status"])
            headers = list(message.get("headers", []))
            present = {name.lower() for name, _ in headers}
            headers.extend(h for h in BASE_HEADERS if h[0] not in present)
            if b"content-security-policy" not in present:
                headers.append((b"content-security-policy", PAGE_POLICY.encode()))
            if personal and b"cache-control" not in present:
                headers.append((b"cache-control", b"no-store"))
            if cookie:
                headers.append((b"set-cookie", cookie.encode()))
            message["headers"] = headers
        await send(message)

    return send_with_headers


async def _unauthorised(scope: Scope, send: Send) -> None:
    import json

    body = json.dumps({"message": _said("sign_in_first")}).encode()
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"www-authenticate", b'Bearer realm="nextyes"'),
        (b"cache-control", b"no-store"),
        (b"content-security-policy", PAGE_POLICY.encode()),
        *BASE_HEADERS,
    ]
    await send({"type": "http.response.start", "status": 401, "headers": headers})
    await send({"type": "http.response.body", "body": body})


async def _redirect(scope: Scope, send: Send, to: str, clear: str | None = None) -> None:
    headers = [
        (b"location", to.encode("latin-1")),
        (b"content-length", b"0"),
        (b"cache-control", b"no-store"),
        *BASE_HEADERS,
    ]
    if clear:
        headers.append((b"set-cookie", clear.encode()))
    await send({"type": "http.response.start", "status": 303, "headers": headers})
    await send({"type": "http.response.body", "body": b""})
