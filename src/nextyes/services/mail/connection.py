"""A served account's IMAP folder: connected once with an app password, fetched on demand.

The password is kept sealed by the rule every secret a server keeps follows
(`services/accounts/sealing.py`): with the server's secret key, which lives in its settings or
environment, never in the database, so a copy of the database alone does not reveal anyone's
mail password; without a key, none is kept. The password is never logged, shown again, or put
in a job's row; the worker that runs a fetch decrypts it only for the moment it logs in.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from nextyes import content
from nextyes.errors import InvalidInput, NextyesError, NotFound
from nextyes.mail.imap import parse_imap_url
from nextyes.services.accounts.sealing import IMAP_PASSWORD, PREFIX, Sealer
from nextyes.services.journal import Journal
from nextyes.storage.uow import UnitOfWork

if TYPE_CHECKING:
    from nextyes.services.mail.importer import ImportSummary


def _said(key: str, **values: object) -> str:
    return content.fill(content.load("mail/messages")["imap_served"][key], **values)


def seal(sealer: Sealer, password: str) -> str:
    """The password sealed with the server's key (AES-256-GCM; text, for the database)."""
    if not sealer.can_seal:
        raise InvalidInput(_said("no_key"))
    return sealer.seal(password, IMAP_PASSWORD)


def unseal(sealer: Sealer, sealed: str) -> str:
    if not sealed.startswith(PREFIX):  # only sealed values are ever stored here
        raise NextyesError(_said("key_changed"))
    try:
        return sealer.open(sealed, IMAP_PASSWORD)
    except InvalidInput:
        raise NextyesError(_said("key_changed")) from None


@dataclass(frozen=True, slots=True)
class ImapSetting:
    """What the account page shows of a connection (never the password)."""

    url: str
    since: datetime
    last_fetched_at: datetime | None


def connect_imap(
    uow: UnitOfWork, user_id: int, url: str, password: str, sealer: Sealer, now: datetime
) -> ImapSetting:
    """Keep the person's IMAP folder and app password (encrypted); replaces an earlier one."""
    target = parse_imap_url(url.strip())
    if not password or len(password) > 1024:
        raise InvalidInput(_said("no_password"))
    sealed = seal(sealer, password)
    clean = f"imap://{target.user}@{target.host}:{target.port}/{target.folder}" + (
        "?starttls" if target.starttls else ""
    )
    with uow:
        uow.imap_connections.save(user_id, clean, sealed, now)
        uow.commit()
    return ImapSetting(clean, now, None)


def imap_setting(uow: UnitOfWork, user_id: int) -> ImapSetting | None:
    with uow:
        found = uow.imap_connections.get(user_id)
    if found is None:
        return None
    return ImapSetting(found.url, found.created_at, found.last_fetched_at)


def disconnect_imap(uow: UnitOfWork, user_id: int) -> None:
    with uow:
        uow.imap_connections.remove(user_id)
        uow.commit()


def queue_fetch(uow: UnitOfWork, user_id: int, now: datetime) -> str:
    """Queue a fetch of the person's folder; returns the job's id."""
    from nextyes.services.jobs.queue import Kind, enqueue

    setting = imap_setting(uow, user_id)
    if setting is None:
        raise NotFound(_said("not_connected"))
    title = _said("fetching", folder=parse_imap_url(setting.url))
    return enqueue(uow, user_id, Kind.IMAP, title, {"now": now.isoformat()}, now)


def fetch_now(
    journal: Journal,
    sealer: Sealer,
    now: datetime,
    *,
    progress: Callable[[int, int], None] | None = None,
) -> ImportSummary:
    """Fetch the new messages of the person's folder into their journal (a worker runs this)."""
    from nextyes.services.mail.sources import import_imap

    uow = journal.uow()
    with uow:
        found = uow.imap_connections.get(journal.owner_id)
    if found is None:
        raise NotFound(_said("not_connected"))
    password = unseal(sealer, found.secret)
    summary = import_imap(
        uow, parse_imap_url(found.url), password, now, progress=progress,
        cafile=os.environ.get("NEXTYES_IMAP_CAFILE"),
    )  # fmt: skip
    with uow:
        uow.imap_connections.fetched(journal.owner_id, now)
        uow.commit()
    return summary
