"""A full disk: say so, exit 2, and leave the journal as it was."""

from __future__ import annotations

from pathlib import Path

import pytest

from nextyes.storage import db as db_module
from tests.conftest import Cli


def _fill_the_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every journal connection may not grow the file by a single page: SQLite then answers
    exactly as it does when the disk is full."""
    original = db_module.SqliteDatabase.__init__

    def no_room(self: db_module.SqliteDatabase, path: Path) -> None:
        original(self, path)
        pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
        self.conn.execute(f"PRAGMA max_page_count = {pages}")

    monkeypatch.setattr(db_module.SqliteDatabase, "__init__", no_room)


def test_a_full_disk_is_explained_and_the_journal_is_left_as_it_was(
    run: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    run.ok("add", "Acme", "Analyst")
    before = run.ok("export", "json").output
    _fill_the_disk(monkeypatch)
    result = run.fails("add", "Brightwell", "Analyst", "--note", "a long story " * 5000)
    assert "is full" in result.output and "Free some space" in result.output
    assert (
        run.ok("export", "json").output.split("exported_at")[1:] == before.split("exported_at")[1:]
    )
