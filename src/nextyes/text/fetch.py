"""Fetch one web page (a job posting) when the user asks for it: httpx, a timeout, a size limit.

This is the only place nextyes goes on the web, and only for a link the user gave. httpx is
imported inside `fetch_page`, so no other command pays for it.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from nextyes.domain.errors import InvalidInput, NextyesError, Words

TIMEOUT_SECONDS = 15.0
MAX_BYTES = 5_000_000
USER_AGENT = "nextyes (a personal job-search journal; reads one posting a user asked for)"


# A served app (team mode) fetches for people who are not on its machine: there, a link may
# only lead to a public address, so nobody can make the server read its own network (SSRF).
# Each address is checked as it is requested, redirects included.
_PUBLIC_ONLY: ContextVar[bool] = ContextVar("nextyes_fetch_public_only", default=False)


@contextmanager
def public_addresses_only() -> Iterator[None]:
    token = _PUBLIC_ONLY.set(True)
    try:
        yield
    finally:
        _PUBLIC_ONLY.reset(token)


def _refuse_private(request: Any) -> None:
    host = request.url.host
    port = request.url.port or (443 if request.url.scheme == "https" else 80)
    try:
        found = {
            str(info[4][0]) for info in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
        }
    except OSError:
        return  # the request itself will say the name does not resolve
    for address in found:
        if not ipaddress.ip_address(address.split("%")[0]).is_global:
            raise InvalidInput(
                f"{host} is not a public web address, and this server only opens public ones. "
                "Paste the ad's text instead."
            )


class PageUnreachable(NextyesError):
    """The page could not be fetched: offline, a name that does not resolve, a timeout..."""


@dataclass(frozen=True, slots=True)
class FetchedPage:
    url: str  # where it ended up, after redirects
    html: str


def check_url(url: str) -> str:
    value = url.strip()
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidInput(
            f"'{url}' is not a web address nextyes can open. Give the posting's full link, "
            "starting with https://"
        )
    return value


def fetch_page(
    url: str, *, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES
) -> FetchedPage:
    """The page's HTML, or PageUnreachable / InvalidInput with a message that says what to do."""
    import httpx

    address = check_url(url)
    host = urlsplit(address).netloc
    try:
        with (
            httpx.Client(
                timeout=timeout,
                follow_redirects=True,
                headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"},
                event_hooks={"request": [_refuse_private]} if _PUBLIC_ONLY.get() else {},
            ) as client,
            client.stream("GET", address) as response,
        ):
            if response.status_code >= 400:
                raise _status_problem(response.status_code, host)
            kind = response.headers.get("content-type", "text/html").lower()
            if not any(k in kind for k in ("html", "text/plain", "xml", "json")):
                raise InvalidInput(
                    f"{host} answered with a {kind.split(';')[0]} file, not a web page. "
                    "Give the link to the posting's page."
                )
            body = bytearray()
            for chunk in response.iter_bytes():
                body.extend(chunk)
                if len(body) > max_bytes:
                    raise _unreachable(
                        f"The page at {host} is larger than {max_bytes // 1_000_000} MB, far more "
                        "than a job posting. Check the link.",
                        kind=InvalidInput,
                    )
            final = str(response.url)
            encoding = response.charset_encoding or _meta_charset(bytes(body[:4096])) or "utf-8"
    except httpx.TimeoutException:
        raise _unreachable(
            f"{host} did not answer within {timeout:.0f} seconds. Try again later."
        ) from None
    except httpx.ConnectError:
        raise _unreachable(
            f"Could not reach {host}: you may be offline, or the address may be mistyped."
        ) from None
    except httpx.TooManyRedirects:
        raise _unreachable(f"{host} kept redirecting; the link may need a login.") from None
    except httpx.HTTPError as exc:
        raise _unreachable(f"Could not read the page at {host} ({exc}).") from None
    try:
        html = bytes(body).decode(encoding, errors="replace")
    except LookupError:
        html = bytes(body).decode("utf-8", errors="replace")
    return FetchedPage(final, html)


INSTEAD = (
    "Save the page from your browser (Ctrl+S) and use --from-file, or paste the ad's text "
    "into the form on the web app's Log an application page."
)


def _unreachable(said: str, kind: type[NextyesError] = PageUnreachable) -> NextyesError:
    """The problem, then what to do instead: for the terminal, and for the browser."""
    return kind(f"{said} {INSTEAD}", web=Words("pipeline/web", "posting.then", {"said": said}))


def _status_problem(status: int, host: str) -> NextyesError:
    if status in (401, 403):
        return _unreachable(f"{host} wants a login before it shows this page ({status}).")
    if status in (404, 410):
        return PageUnreachable(
            f"{host} has no page at that address ({status}): the posting may have closed. "
            "If you saved it earlier, use that copy with --from-file.",
            web=Words("pipeline/web", "posting.gone", {"host": host, "status": status}),
        )
    if status == 429:
        return _unreachable(f"{host} asks to slow down (429). Try again in a few minutes.")
    return _unreachable(f"{host} answered with an error ({status}). Try again later.")


def _meta_charset(head: bytes) -> str | None:
    found = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", head, re.I)
    return found.group(1).decode("ascii") if found else None
