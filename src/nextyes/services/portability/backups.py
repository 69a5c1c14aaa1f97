"""Backups of an SQLite journal: on request, before every import, and before a restore.

A backup is a whole journal file in the home's `backups/` folder. Restoring one checks it first
(an SQLite file, intact, a nextyes schema this version knows) and backs up the current journal
before replacing it, so a restore can itself be undone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nextyes.config import Settings
from nextyes.errors import InvalidInput, JournalUnreadable, NotFound
from nextyes.storage import backup as files
from nextyes.storage import restore

DEFAULT_KEEP = 10


@dataclass(frozen=True, slots=True)
class BackupTaken:
    path: Path
    size: int
    removed: tuple[Path, ...]
    kept: int


@dataclass(frozen=True, slots=True)
class BackupFile:
    path: Path
    size: int
    taken_at: datetime
    label: str


@dataclass(frozen=True, slots=True)
class Restored:
    source: Path
    revision: str
    applications: int
    previous: Path | None  # where the journal it replaced was kept (None: it held nothing)


def _journal_path(settings: Settings, doing: str) -> Path:
    if not settings.is_sqlite:
        raise InvalidInput(
            f"{doing} works on an SQLite journal; this one is on a PostgreSQL server, whose own "
            "backups (pg_dump) keep it safe. `nextyes export json --out FILE` takes a copy of "
            "your journal that `nextyes import json` can bring back."
        )
    return settings.sqlite_path


def take_backup(settings: Settings, keep: int = DEFAULT_KEEP, label: str = "manual") -> BackupTaken:
    """Copy the journal into the backups folder, then keep only the newest `keep` backups."""
    if keep < 1:
        raise InvalidInput("--keep must be 1 or more: a backup you delete at once is no backup.")
    source = _journal_path(settings, "A backup")
    if not source.exists():
        raise NotFound(
            f"There is no journal at {source} yet, so there is nothing to back up. "
            "`nextyes add COMPANY ROLE` starts one."
        )
    if not restore.is_sqlite_file(source):
        raise JournalUnreadable(
            f"{source} is not a nextyes journal, so it cannot be backed up. "
            "`nextyes restore FILE` can bring back an earlier backup."
        )
    path = files.backup_sqlite(source, settings.backups_dir, label)
    removed = files.prune_backups(settings.backups_dir, keep)
    kept = len(files.list_backups(settings.backups_dir))
    return BackupTaken(path, path.stat().st_size, tuple(removed), kept)


def backup_before_import(settings: Settings) -> Path | None:
    """The automatic backup taken before an import writes anything: None on PostgreSQL, and
    None when the journal holds nothing yet (a copy of an empty journal keeps nothing)."""
    if not settings.is_sqlite or not settings.sqlite_path.exists():
        return None
    if not restore.holds_records(settings.sqlite_path):
        return None
    return files.backup_sqlite(settings.sqlite_path, settings.backups_dir, "before-import")


def list_backups(settings: Settings) -> list[BackupFile]:
    """The backups in the home's backups folder, newest first."""
    result = []
    for path in reversed(files.list_backups(settings.backups_dir)):
        _, day, clock, micro, *label = path.stem.split("-")
        taken_at = datetime.strptime(f"{day}{clock}{micro}", "%Y%m%d%H%M%S%f")
        result.append(BackupFile(path, path.stat().st_size, taken_at, "-".join(label)))
    return result


def restore_backup(settings: Settings, source: Path) -> Restored:
    """Put the journal in `source` in place of the current one, after checking it."""
    target = _journal_path(settings, "Restoring a backup")
    checked = restore.check_journal_file(source)
    if target.exists() and source.resolve() == target.resolve():
        raise InvalidInput(
            f"{source} is the journal in use, not a backup. `nextyes backup --list` shows your "
            "backups."
        )
    previous = None
    if target.exists() and restore.holds_records(target):
        previous = _keep_current(target, settings.backups_dir)
    restore.restore_sqlite(source, target)
    return Restored(source, checked.revision, checked.applications, previous)


def _keep_current(target: Path, folder: Path) -> Path:
    """Back up the journal about to be replaced; a damaged one is moved aside whole instead."""
    if restore.is_sqlite_file(target):
        try:
            return files.backup_sqlite(target, folder, "before-restore")
        except JournalUnreadable:
            pass
    return restore.set_aside(target, folder)
