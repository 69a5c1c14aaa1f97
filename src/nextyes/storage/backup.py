"""Consistent copies of an SQLite journal, taken with SQLite's online backup.

Opening a journal imports this module (it backs up before a migration), so it holds only the
copying; checking and restoring a backup live in `storage/restore.py`.

The online backup copies a journal page by page while other connections may be reading or
writing it, so a backup is always a journal as it stood at one moment. Backups are named
`journal-<YYYYmmdd-HHMMSS-micro>-<label>.db`, so sorting their names sorts them by age.
"""

from __future__ import annotations

import re
import sqlite3
from contextlib import closing
from datetime import datetime
from pathlib import Path

from nextyes.errors import JournalBusy, JournalUnreadable
from nextyes.private_files import private_file, private_folder

BACKUP_NAME = re.compile(r"^journal-\d{8}-\d{6}-\d{6}-[a-z0-9-]+\.db$")


def backup_sqlite(source: Path, folder: Path, label: str = "auto") -> Path:
    """Copy the journal at `source` into `folder` with a timestamped name; returns the copy."""
    private_folder(folder)
    target = new_name(folder, label)
    private_file(target)  # a backup is the journal: its owner's alone
    try:
        with (
            closing(sqlite3.connect(source, timeout=5.0)) as src,
            closing(sqlite3.connect(target)) as dst,
        ):
            src.backup(dst)
            # The copy is a journal of its own: no write-ahead log beside it.
            dst.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.OperationalError as exc:
        target.unlink(missing_ok=True)
        if "locked" in str(exc) or "busy" in str(exc):
            raise JournalBusy(
                f"The journal at {source} is busy: another program is writing to it. "
                "Wait a moment and run the backup again."
            ) from None
        raise
    except sqlite3.DatabaseError:
        target.unlink(missing_ok=True)
        raise JournalUnreadable(
            f"{source} is not a readable journal, so it cannot be backed up. "
            "`nextyes restore FILE` can bring back an earlier backup."
        ) from None
    return target


def new_name(folder: Path, label: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"journal-{stamp}-{label}.db"
    n = 1
    while target.exists():  # two backups within a microsecond: keep both
        target = folder / f"journal-{stamp}-{label}-{n}.db"
        n += 1
    return target


def list_backups(folder: Path) -> list[Path]:
    """The backups nextyes made in `folder`, oldest first (other files are left alone)."""
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.iterdir() if p.is_file() and BACKUP_NAME.match(p.name))


def prune_backups(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` backups; returns what was deleted."""
    if keep < 1:
        raise ValueError("keep at least one backup")
    backups = list_backups(folder)
    doomed = backups[: max(len(backups) - keep, 0)]
    for path in doomed:
        path.unlink(missing_ok=True)
    return doomed
