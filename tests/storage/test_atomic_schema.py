"""Creating and migrating the schema is atomic: a kill at any moment leaves the journal as it
was before (nothing, or the older version), never half-made.

A kill leaves the files on disk as they were at that instant. So the tests copy the journal's
files (the database and its write-ahead log) before every statement the migration runs, which
is what a kill at that statement would leave, and check that each copy is whole. A slower test
kills a real process at chosen statements.
"""

from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from nextyes.config import Settings
from nextyes.errors import JournalUnreadable
from nextyes.services.journal import open_journal
from nextyes.storage import migrate

State = tuple[tuple[tuple[str, str], ...], tuple[tuple[str, int], ...]]


def _lines(sql: str | None) -> str:
    """A table's definition with its lines in order (a rebuilt table lists constraints in any
    order)."""
    return "\n".join(sorted(line.strip().rstrip(",") for line in str(sql).splitlines()))


def _state(path: Path) -> State:
    """The schema and each table's row count, as SQLite reads the files after a crash."""
    conn = sqlite3.connect(path)
    try:
        schema = tuple(
            sorted(
                (str(name), _lines(sql))
                for name, sql in conn.execute(
                    "SELECT name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"
                )
            )
        )
        tables = [n for (n,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        counts = tuple(
            sorted((t, conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables)
        )
        return schema, counts
    finally:
        conn.close()


@contextmanager
def _snapshots(journal: Path, folder: Path) -> Iterator[list[Path]]:
    """Copies of the journal's files as they are before each statement sent to SQLite."""
    taken: list[Path] = []

    def snapshot(*_args: Any) -> None:
        target = folder / f"{len(taken):04d}"
        target.mkdir(parents=True)
        for suffix in ("", "-wal", "-journal"):
            source = journal.with_name(journal.name + suffix)
            if source.exists():
                shutil.copyfile(source, target / source.name)
        taken.append(target / journal.name)

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", snapshot)
    try:
        yield taken
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", snapshot)


def test_a_first_open_killed_at_any_statement_leaves_no_half_made_journal(
    settings: Settings, tmp_path: Path
) -> None:
    with _snapshots(settings.sqlite_path, tmp_path / "kills") as taken:
        open_journal(settings).close()
    after = _state(settings.sqlite_path)
    assert len(taken) > 50, "every table, index and trigger is a statement"
    nothing: State = ((), ())
    for copy in taken:
        assert _state(copy) in (nothing, after), f"half-made journal at {copy.parent.name}"
    # and a copy from the middle opens as a new journal, as the interrupted one would
    middle = taken[len(taken) // 2]
    reopened = open_journal(Settings.from_env(home=middle.parent))
    reopened.close()
    assert reopened.migrated and _state(middle) == after


def test_a_migration_killed_at_any_statement_leaves_the_older_journal_whole(
    settings: Settings, tmp_path: Path
) -> None:
    settings.sqlite_path.parent.mkdir(parents=True)
    for revision in migrate.KNOWN_REVISIONS[:-1]:
        journal = settings.sqlite_path
        journal.unlink(missing_ok=True)
        migrate.upgrade(settings.database_url, revision)
        before = _state(journal)
        folder = tmp_path / f"kills-{revision}"
        with _snapshots(journal, folder) as taken:
            migrate.upgrade(settings.database_url)
        after = _state(journal)
        assert before != after and taken
        for copy in taken:
            assert _state(copy) in (before, after), f"{revision}: half-migrated at {copy.parent}"


def test_a_half_made_journal_from_an_older_nextyes_is_made_again(settings: Settings) -> None:
    """Older versions committed each table alone: a kill left some tables and no version."""
    open_journal(settings).close()
    with sqlite3.connect(settings.sqlite_path) as conn:
        conn.execute("DELETE FROM users")
        conn.execute("DELETE FROM alembic_version")
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name > 'm'"
        ).fetchall():
            conn.execute(f'DROP TABLE "{name}"')
    journal = open_journal(settings)
    journal.close()
    assert journal.migrated
    assert migrate.current_revision(open_journal(settings).db) == migrate.HEAD_REVISION


def test_a_half_made_journal_that_holds_rows_is_explained_and_left_alone(
    settings: Settings,
) -> None:
    open_journal(settings).close()
    with sqlite3.connect(settings.sqlite_path) as conn:
        conn.execute("DELETE FROM alembic_version")
    before = _state(settings.sqlite_path)
    with pytest.raises(JournalUnreadable, match="only partly set up"):
        open_journal(settings)
    assert _state(settings.sqlite_path) == before


def test_another_programs_database_is_never_cleared(settings: Settings) -> None:
    settings.sqlite_path.parent.mkdir(parents=True)
    with sqlite3.connect(settings.sqlite_path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    with pytest.raises(JournalUnreadable, match="another program"):
        open_journal(settings)
    assert _state(settings.sqlite_path)[0][0][0] == "recipes"


KILL_AT = """
import os, signal, sys
import sqlalchemy as sa
from nextyes.config import Settings
from nextyes.services.journal import open_journal
count = 0
def kill(*args):
    global count
    count += 1
    if count == int(sys.argv[1]):
        os.kill(os.getpid(), signal.SIGKILL)
sa.event.listen(sa.engine.Engine, "before_cursor_execute", kill)
open_journal(Settings.from_env()).close()
"""


@pytest.mark.slow
@pytest.mark.parametrize("statement", [1, 5, 40, 100, 146])
def test_a_real_kill_during_the_first_open_never_bricks_the_journal(
    settings: Settings, home: Path, statement: int
) -> None:
    env = {**os.environ, "NEXTYES_HOME": str(home)}
    done = subprocess.run([sys.executable, "-c", KILL_AT, str(statement)], env=env, check=False)
    assert done.returncode == -signal.SIGKILL
    journal = open_journal(settings)
    journal.close()
    assert _state(settings.sqlite_path)[1]  # every table is there
    assert migrate.current_revision(open_journal(settings).db) == migrate.HEAD_REVISION
