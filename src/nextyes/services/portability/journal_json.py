"""The whole journal as one JSON document, and back (docs/export-format.md describes it).

    {"format": "nextyes-journal", "version": 1, "schema": "0001", "exported_at": "...",
     "nextyes": "0.1.0", "tables": {"applications": [{...}, ...], ...}}

`import_journal` brings a document back into an empty journal, after an automatic backup when
there is anything to keep (its settings);
checking comes first, so a file that cannot be used changes nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from nextyes import __version__, content
from nextyes.errors import Conflict, InvalidInput, Words
from nextyes.services.journal import Journal
from nextyes.services.portability.backups import backup_before_import
from nextyes.storage.migrate import HEAD_REVISION, KNOWN_REVISIONS
from nextyes.storage.uow import UnitOfWork

FORMAT = "nextyes-journal"
VERSION = 1
# Rows a fresh journal may already hold without counting as "not empty".
ALLOWED_IN_EMPTY = frozenset({"settings"})


def export_journal(uow: UnitOfWork, now: datetime) -> dict[str, Any]:
    """Every journal row of the owner, in the versioned export format."""
    with uow:
        tables = uow.journal_rows.dump()
        coaching = uow.coaching_records.dump()
    return {
        "format": FORMAT,
        "version": VERSION,
        "schema": HEAD_REVISION,
        "exported_at": now.astimezone(UTC).isoformat(),
        "nextyes": __version__,
        "coaching": coaching,
        "tables": tables,
    }


def export_journal_text(uow: UnitOfWork, now: datetime) -> tuple[str, int]:
    """The export as JSON text (one row per line), and how many rows it holds."""
    from nextyes.reports.journal_json import journal_json

    document = export_journal(uow, now)
    return journal_json(document), sum(len(rows) for rows in document["tables"].values())


def _said(key: str, **values: object) -> str:
    """A refused export file, from content/portability/messages.toml [json_file]."""
    return content.fill(content.load("portability/messages")["json_file"][key], **values)


def read_document(data: bytes, name: str) -> dict[str, Any]:
    """Parse and check the envelope of an export file; the rows are checked on import."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(_said("not_utf8", name=name)) from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            _said("not_json", name=name, why=exc.msg, line=exc.lineno, column=exc.colno)
        ) from None
    except RecursionError:
        raise InvalidInput(_said("too_deep", name=name)) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        found = document.get("format") if isinstance(document, dict) else None
        what = _said("format_named", found=found) if isinstance(found, str) else _said("no_format")
        raise InvalidInput(_said("not_ours", name=name, what=what))
    version = document.get("version")
    if version != VERSION or isinstance(version, bool):
        if isinstance(version, int) and not isinstance(version, bool) and version > VERSION:
            raise InvalidInput(_said("newer_format", name=name, version=version, known=VERSION))
        raise InvalidInput(
            _said("unknown_version", name=name, version=repr(version), known=VERSION)
        )
    schema = document.get("schema")
    if schema not in KNOWN_REVISIONS:
        raise InvalidInput(_said("unknown_schema", name=name, schema=repr(schema)))
    if not isinstance(document.get("tables"), dict) or not all(
        isinstance(rows, list) for rows in document["tables"].values()
    ):
        raise InvalidInput(_said("damaged", name=name))
    return document


@dataclass(frozen=True, slots=True)
class JournalImported:
    counts: dict[str, int]
    backup: Path | None

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def _refuse_unless_empty(uow: UnitOfWork, name: str) -> None:
    counts = {k: n for k, n in uow.journal_rows.counts().items() if k not in ALLOWED_IN_EMPTY}
    if any(counts.values()):
        words = content.load("portability/messages")
        held = counts.get("applications", 0)
        what = (
            content.counted(words["counts"]["applications"], held)
            if held
            else content.counted(words["counts"]["records"], sum(counts.values()))
        )
        raise Conflict(
            content.fill(words["json_import"]["not_empty"], what=what, file=name),
            web=Words("portability/messages", "web.not_empty", {"what": what}),
        )


def import_journal(journal: Journal, data: bytes, name: str) -> JournalImported:
    """Bring an exported journal into this (empty) journal, after an automatic backup."""
    document = read_document(data, name)
    uow = journal.uow()
    with uow:
        _refuse_unless_empty(uow, name)
        rows = uow.journal_rows.check(document["tables"])
        coaching = uow.coaching_records.check(document.get("coaching"), rows.tables)
    backup = backup_before_import(journal.settings)
    with uow:
        _refuse_unless_empty(uow, name)
        counts, new_ids = uow.journal_rows.load_with_ids(rows)
        counts |= {
            f"coach_{name}": n for name, n in uow.coaching_records.load(coaching, new_ids).items()
        }
        uow.commit()
    return JournalImported(counts, backup)
