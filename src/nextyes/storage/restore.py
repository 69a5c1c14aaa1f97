"""Checking a backup and putting it back in place of the journal.

A candidate is checked on a private copy (an SQLite file, intact, with a nextyes schema this
version knows) before anything is replaced; the replacement uses SQLite's online backup in
reverse, so a journal in write-ahead-log mode is replaced whole.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path
from typing import NamedTuple

from nextyes.errors import InvalidInput, JournalBusy
from nextyes.private_files import private_file, private_folder
from nextyes.storage.backup import new_name
from nextyes.storage.db import SQLITE_MAGIC
from nextyes.storage.migrate import KNOWN_REVISIONS, LOCAL_OWNER

# Tables without which a file is not a nextyes journal, whatever else it holds.
REQUIRED_TABLES = frozenset({"alembic_version", "users", "applications", "stage_events"})


class NotAJournal(InvalidInput):
    """The file is not a whole nextyes journal; `why` says what is wrong with it."""

    why: str = ""


def _refused(path: Path, why: str) -> NotAJournal:
    refused = NotAJournal(_not_a_journal(path, why))
    refused.why = why
    return refused


class JournalFile(NamedTuple):
    """What a candidate journal file holds, once checked."""

    path: Path
    revision: str
    applications: int
    size: int


def check_journal_file(path: Path) -> JournalFile:
    """Check that `path` is a whole nextyes journal this version can open.

    The check runs on a private copy in a temporary folder, so the file itself is never touched
    (opening an SQLite file can leave a write-ahead log beside it).
    """
    if not path.exists():
        raise InvalidInput(
            f"There is no file at {path}. `nextyes backup --list` shows your backups."
        )
    if path.is_dir():
        raise InvalidInput(f"{path} is a folder; give the backup file inside it.")
    with path.open("rb") as fh:
        head = fh.read(len(SQLITE_MAGIC))
    if head != SQLITE_MAGIC:
        raise _refused(path, "it is not an SQLite database")
    import shutil
    import tempfile

    with tempfile.TemporaryDirectory(prefix="nextyes-restore-") as folder:
        scratch = Path(folder) / "candidate.db"
        shutil.copyfile(path, scratch)
        return _inspect(path, scratch)


def _inspect(path: Path, copy: Path) -> JournalFile:
    try:
        with closing(sqlite3.connect(copy)) as conn:
            verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
            if verdict != "ok":
                raise _refused(path, f"it is damaged ({verdict})")
            tables = {
                r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
            }
            missing = REQUIRED_TABLES - tables
            if missing:
                raise _refused(path, f"it has no {', '.join(sorted(missing))} table")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            owner = conn.execute(
                "SELECT id FROM users WHERE username = ?", (LOCAL_OWNER,)
            ).fetchone()
            applications = conn.execute("SELECT count(*) FROM applications").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise _refused(path, f"SQLite could not read it: {exc}") from None
    if row is None:
        raise _refused(path, "it records no schema version")
    revision = str(row[0])
    if revision not in KNOWN_REVISIONS:
        raise InvalidInput(
            f"{path} was written by a newer nextyes (schema {revision}). Upgrade nextyes "
            "(pip install -U nextyes), then restore it."
        )
    if owner is None:
        raise _refused(path, "it has no local owner")
    return JournalFile(path, revision, int(applications), path.stat().st_size)


def _not_a_journal(path: Path, why: str) -> str:
    return (
        f"{path} is not a nextyes journal ({why}); your journal was left as it was. "
        "Backups live in your home's backups folder: `nextyes backup --list` shows them."
    )


def restore_sqlite(source: Path, target: Path) -> None:
    """Replace the journal at `target` with the (checked) journal at `source`.

    Uses the online backup in reverse, so a journal in write-ahead-log mode is replaced whole
    and other connections see the new content. A target that is not an SQLite file at all is
    first moved aside by the caller.
    """
    private_folder(target.parent)
    private_file(target)
    try:
        with (
            closing(sqlite3.connect(source)) as src,
            closing(sqlite3.connect(target, timeout=5.0)) as dst,
        ):
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = WAL")
    except sqlite3.OperationalError as exc:
        if "locked" in str(exc) or "busy" in str(exc):
            raise JournalBusy(
                f"The journal at {target} is in use by another program (perhaps `nextyes web`). "
                "Close it and run the restore again; nothing was changed."
            ) from None
        raise


def is_sqlite_file(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            return fh.read(len(SQLITE_MAGIC)) == SQLITE_MAGIC
    except OSError:
        return False


# Rows every journal has from the moment it is opened: its schema version and the implicit
# local owner. A journal with nothing else holds nothing of the person's.
NOT_RECORDS = frozenset({"alembic_version", "users"})


def holds_records(path: Path) -> bool:
    """Whether the SQLite journal at `path` holds anything worth keeping (a file that cannot be
    read counts as holding something: it is never thrown away unseen)."""
    try:
        with closing(sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True, timeout=5.0)) as conn:
            tables = [
                name
                for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                if name not in NOT_RECORDS and not name.startswith("sqlite_")
            ]
            return any(
                conn.execute(f'SELECT 1 FROM "{name}" LIMIT 1').fetchone() for name in tables
            )
    except sqlite3.Error:
        return True


def set_aside(path: Path, folder: Path) -> Path:
    """Move a damaged journal (and any log files beside it) into `folder`, untouched."""
    import shutil

    private_folder(folder)
    target = new_name(folder, "damaged")
    shutil.move(path, target)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            shutil.move(side, Path(f"{target}{suffix}"))
    return target
