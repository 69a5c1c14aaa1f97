"""A whole single-user journal file (a local `journal.db`, or one of its backups) brought into
this journal, and this journal handed out as such a file.

Bringing one in: the file is checked on a private copy (an SQLite file, intact, a nextyes
schema this version knows), the copy is brought up to this version's schema, and its rows go
through the same checks and the same single transaction as a JSON export's, into an empty
journal only: a file that cannot be used changes nothing. Handing one out builds a fresh journal
file from this journal's export, which `nextyes restore` (or this same upload) takes back.
"""

from __future__ import annotations

import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from nextyes import content
from nextyes.config import Settings
from nextyes.errors import InvalidInput
from nextyes.services.journal import Journal, open_journal
from nextyes.services.portability.journal_json import (
    JournalImported,
    export_journal_text,
    import_journal,
)
from nextyes.storage import restore


def _said(key: str, **values: object) -> str:
    return content.fill(content.load("portability/messages")["journal_file"][key], **values)


def import_journal_file(journal: Journal, path: Path, name: str, now: datetime) -> JournalImported:
    """Bring the journal in the file at `path` (uploaded as `name`) into this empty journal."""
    try:
        restore.check_journal_file(path)
    except restore.NotAJournal as exc:
        raise InvalidInput(_said("not_a_journal", file=name, why=exc.why)) from None
    except InvalidInput:  # a schema this version does not know: written by a newer nextyes
        raise InvalidInput(_said("newer", file=name)) from None
    with tempfile.TemporaryDirectory(prefix="nextyes-journal-file-") as folder:
        copy = Path(folder) / "journal.db"
        shutil.copyfile(path, copy)
        source = open_journal(_scratch(Path(folder), copy))  # migrates the copy when behind
        try:
            text, _ = export_journal_text(source.uow(), now)
        finally:
            source.close()
    return import_journal(journal, text.encode("utf-8"), name)


def export_journal_file(journal: Journal, folder: Path, now: datetime) -> Path:
    """This journal as a single-user journal file, written into `folder` (the caller's to
    remove): a fresh journal loaded from this one's export."""
    text, _ = export_journal_text(journal.uow(), now)
    target = folder / "journal.db"
    fresh = open_journal(_scratch(folder, target))
    try:
        import_journal(fresh, text.encode("utf-8"), "this journal")
    finally:
        fresh.close()  # the last connection folds the write-ahead log into the file
    return target


def _scratch(folder: Path, path: Path) -> Settings:
    return Settings(home=folder, database_url=f"sqlite:///{path}")
