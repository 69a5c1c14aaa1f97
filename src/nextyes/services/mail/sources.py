"""Where mail comes from: a mailbox on disk or an IMAP folder, imported into the journal."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

from nextyes.mail.imap import ImapReader, ImapTarget
from nextyes.mail.readers import RawMessage, iter_raw_messages, zip_members
from nextyes.services.mail.analysis import Analysed, analyse_stream, default_workers
from nextyes.services.mail.importer import ImportSummary, import_analysed, nothing_read
from nextyes.services.mail.senders import sender_ties
from nextyes.storage.uow import UnitOfWork


def mailbox_size(path: Path) -> int:
    """Bytes to read (for a progress bar): the file, every file of a folder, or what a zip
    archive's mail holds once unpacked."""
    if path.is_file():
        if zipfile.is_zipfile(path):
            return sum(info.file_size for info in zip_members(path))
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def import_mailbox(
    uow: UnitOfWork,
    path: Path,
    now: datetime,
    *,
    dry_run: bool = False,
    keep_bodies: bool = False,
    workers: int | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportSummary:
    """Import an mbox, a folder of .eml files or a Maildir (MailboxError when it is none)."""
    damage: list[str] = []
    raws = iter_raw_messages(path, on_damage=damage.append)
    first = next(raws, None)  # detects the mailbox kind (and its errors) before any work
    if first is None:
        summary = nothing_read(uow, dry_run=dry_run)
        summary.cut_short = damage[0] if damage else None
        return summary
    if workers is None:
        workers = default_workers(mailbox_size(path))

    def everything() -> Iterator[RawMessage]:
        yield first
        yield from raws

    with uow:
        ties = sender_ties(uow)
    items = analyse_stream(
        everything(),
        workers=workers,
        keep_bodies=keep_bodies,
        shared_domains=frozenset(ties.shared),
    )
    summary = import_analysed(uow, items, now, dry_run=dry_run, progress=progress, ties=ties)
    summary.cut_short = damage[0] if damage else None
    return summary


def import_imap(
    uow: UnitOfWork,
    target: ImapTarget,
    password: str,
    now: datetime,
    *,
    since: date | None = None,
    dry_run: bool = False,
    keep_bodies: bool = False,
    cafile: str | None = None,
    progress: Callable[[int, int], None] | None = None,
    on_count: Callable[[int], None] | None = None,
) -> ImportSummary:
    """Import the messages of an IMAP folder that earlier runs have not read."""
    with uow:
        validity, last_uid = uow.mail_sources.position(target.source_key)
    with ImapReader(target, password, cafile=cafile) as reader:
        if validity != reader.uidvalidity:
            last_uid = None  # the server renumbered the folder: read it again
        uids = reader.new_uids(last_uid, since)
        if on_count is not None:
            on_count(len(uids))

        def remember(batch_uow: UnitOfWork, chunk: list[Analysed]) -> None:
            batch_uow.mail_sources.save(
                target.source_key, reader.uidvalidity, max(item.position for item in chunk), now
            )

        with uow:
            ties = sender_ties(uow)
        items = analyse_stream(
            reader.fetch(uids),
            workers=0,
            keep_bodies=keep_bodies,
            shared_domains=frozenset(ties.shared),
        )
        return import_analysed(
            uow, items, now, dry_run=dry_run, progress=progress, on_batch=remember, ties=ties
        )
