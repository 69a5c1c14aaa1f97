"""Backups of an SQLite journal: on request, before every import, and before a restore.

A backup is a whole journal file in the home's `backups/` folder. Restoring one checks it first
(an SQLite file, intact, a nextyes schema this version knows) and backs up the current journal
before replacing it, so a restore can itself be undone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from nextyes import content
from nextyes.config import Settings
from nextyes.errors import InvalidInput, JournalUnreadable, NotFound, Words
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


def _words() -> dict[str, str]:
    words: dict[str, str] = content.load("portability/messages")["backup"]
    return words


def _journal_path(settings: Settings, doing: str) -> Path:
    """The journal file; `doing` names the step in the refusal ("doing_backup")."""
    if not settings.is_sqlite:
        words = _words()
        raise InvalidInput(
            content.fill(words["on_postgresql"], doing=words[doing]),
            web=Words("portability/messages", "web.postgres"),
        )
    return settings.sqlite_path


def take_backup(settings: Settings, keep: int = DEFAULT_KEEP, label: str = "manual") -> BackupTaken:
    """Copy the journal into the backups folder, then keep only the newest `keep` backups."""
    if keep < 1:
        raise InvalidInput(_words()["keep_too_few"])
    source = _journal_path(settings, "doing_backup")
    if not source.exists():
        raise NotFound(content.fill(_words()["no_journal"], path=source))
    if not restore.is_sqlite_file(source):
        raise JournalUnreadable(content.fill(_words()["not_a_journal"], path=source))
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
    target = _journal_path(settings, "doing_restore")
    checked = restore.check_journal_file(source)
    if target.exists() and source.resolve() == target.resolve():
        raise InvalidInput(content.fill(_words()["in_use"], path=source))
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
