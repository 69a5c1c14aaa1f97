"""Read new messages from an IMAP folder, over TLS, remembering where the last run stopped.

    imap://sam@mail.example.org/INBOX          TLS from the start (port 993)
    imap://sam@mail.example.org:143/INBOX?starttls   plain connection upgraded with STARTTLS

Messages are fetched with BODY.PEEK[] (nothing is marked as read) in batches, and identified
by UID; a later run asks only for UIDs above the last one imported, unless the folder's
UIDVALIDITY changed (the server renumbered it), in which case it reads the folder again and
the Message-ID check skips what was imported before.
"""

from __future__ import annotations

import contextlib
import imaplib
import re
import ssl
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from types import TracebackType
from urllib.parse import unquote, urlsplit

from nextyes.errors import MailboxError, Words
from nextyes.mail.readers import MAX_MESSAGE_BYTES, RawMessage

FETCH_BATCH = 100
_UID = re.compile(rb"UID (\d+)")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True, slots=True)
class ImapTarget:
    user: str
    host: str
    port: int
    folder: str
    starttls: bool = False

    @property
    def source_key(self) -> str:
        """How the journal names this folder (to remember how far it was read)."""
        return f"imap://{self.user}@{self.host}:{self.port}/{self.folder}"

    def __str__(self) -> str:
        return f"{self.folder} on {self.host} (as {self.user})"


def is_imap_url(text: str) -> bool:
    return text.lower().startswith(("imap://", "imaps://"))


def parse_imap_url(url: str) -> ImapTarget:
    """The user, server and folder of an imap:// address (MailboxError when it is not one)."""
    parts = urlsplit(url)
    example = "Give it as imap://you@mail.example.org/INBOX."
    if parts.scheme.lower() not in ("imap", "imaps") or not parts.hostname:
        raise MailboxError(f"'{url}' is not an IMAP address. {example}")
    if not parts.username:
        raise MailboxError(f"The IMAP address has no user name. {example}")
    if parts.password:
        raise MailboxError(
            "Leave the password out of the address; nextyes asks for it, or reads it from "
            "NEXTYES_IMAP_PASSWORD.",
            web=Words("mail/web", "imap.password_in_address"),
        )
    starttls = "starttls" in parts.query.lower()
    try:
        port = parts.port or (143 if starttls else 993)
    except ValueError as exc:
        raise MailboxError(f"The port in '{url}' is not a number. {example}") from exc
    folder = unquote(parts.path.lstrip("/")) or "INBOX"
    return ImapTarget(unquote(parts.username), parts.hostname, port, folder, starttls)


def since_criterion(day: date) -> str:
    return f"SINCE {day.day:02d}-{_MONTHS[day.month - 1]}-{day.year}"


class ImapReader:
    """One logged-in session on one folder, opened read-only."""

    def __init__(
        self, target: ImapTarget, password: str, *, cafile: str | None = None, timeout: float = 30
    ) -> None:
        self.target = target
        self._password = password
        self._context = ssl.create_default_context(cafile=cafile)
        self._timeout = timeout
        self._conn: imaplib.IMAP4 | None = None
        self.uidvalidity = 0

    def __enter__(self) -> ImapReader:
        target = self.target
        try:
            if target.starttls:
                conn = imaplib.IMAP4(target.host, target.port, timeout=self._timeout)
                conn.starttls(ssl_context=self._context)
            else:
                conn = imaplib.IMAP4_SSL(
                    target.host, target.port, ssl_context=self._context, timeout=self._timeout
                )
        except ssl.SSLError as exc:
            raise MailboxError(
                f"The IMAP server {target.host} did not offer a trusted TLS connection "
                f"({exc.reason or exc}). If it uses a certificate of your own, point "
                "NEXTYES_IMAP_CAFILE at that certificate.",
                web=Words("mail/web", "imap.untrusted", {"host": target.host}),
            ) from exc
        except (OSError, imaplib.IMAP4.error) as exc:
            raise MailboxError(
                f"Could not reach the IMAP server at {target.host}:{target.port} ({exc}). "
                "Check the server name and port, and that you are online.",
                web=Words("mail/web", "imap.unreachable", {"host": target.host}),
            ) from exc
        self._conn = conn
        try:
            conn.login(target.user, self._password)
        except imaplib.IMAP4.error as exc:
            self._close()
            raise MailboxError(
                f"The IMAP server refused the login for {target.user}. Check the user name and "
                "the password (typed at the prompt, or in NEXTYES_IMAP_PASSWORD); some "
                "providers want an app password here.",
                web=Words("mail/web", "imap.login_refused", {"user": target.user}),
            ) from exc
        status, _ = conn.select(_quoted(target.folder), readonly=True)
        if status != "OK":
            self._close()
            raise MailboxError(
                f"There is no folder '{target.folder}' for {target.user} on {target.host}. "
                "Folder names are case-sensitive; INBOX is the usual one."
            )
        _, values = conn.response("UIDVALIDITY")
        self.uidvalidity = int(values[0]) if values and values[0] else 0
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._close()

    def _close(self) -> None:
        conn, self._conn = self._conn, None
        if conn is None:
            return
        with contextlib.suppress(OSError, imaplib.IMAP4.error):
            conn.logout()

    def _session(self) -> imaplib.IMAP4:
        if self._conn is None:
            raise RuntimeError("use ImapReader in a with block")
        return self._conn

    def new_uids(self, after_uid: int | None, since: date | None = None) -> list[int]:
        """UIDs to read: above `after_uid` when given, on or after `since` when given."""
        criteria = []
        if after_uid:
            criteria.append(f"UID {after_uid + 1}:*")
        if since:
            criteria.append(since_criterion(since))
        try:
            status, data = self._session().uid("SEARCH", *(criteria or ["ALL"]))
        except (OSError, imaplib.IMAP4.error) as exc:
            raise MailboxError(f"The IMAP server stopped answering ({exc}). Try again.") from exc
        if status != "OK":
            raise MailboxError(f"The IMAP server would not list the messages ({data!r}).")
        uids = sorted(int(u) for u in (data[0] or b"").split())
        # "UID n:*" always includes the newest message, even when it is below n
        return [uid for uid in uids if after_uid is None or uid > after_uid]

    def fetch(self, uids: list[int]) -> Iterator[RawMessage]:
        """The raw messages, in UID order, without marking them as read."""
        conn = self._session()
        for start in range(0, len(uids), FETCH_BATCH):
            batch = uids[start : start + FETCH_BATCH]
            try:
                status, data = conn.uid("FETCH", ",".join(map(str, batch)), "(UID BODY.PEEK[])")
            except (OSError, imaplib.IMAP4.error) as exc:
                raise MailboxError(
                    f"The IMAP server stopped answering ({exc}). What was imported is kept; "
                    "run the import again to continue.",
                    web=Words("mail/web", "imap.stopped"),
                ) from exc
            if status != "OK":
                continue
            found = []
            for item in data:
                if not isinstance(item, tuple) or len(item) < 2:
                    continue
                match = _UID.search(item[0])
                if match is None:
                    continue
                raw = item[1]
                found.append(
                    RawMessage(
                        raw[:MAX_MESSAGE_BYTES],
                        int(match.group(1)),
                        len(raw) > MAX_MESSAGE_BYTES,
                        self.target.source_key,
                    )
                )
            yield from sorted(found, key=lambda r: r.position)


def _quoted(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'
