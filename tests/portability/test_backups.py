"""Backups and restores: consistent copies, pruning, and restores that check before they replace."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextyes.config import Settings
from nextyes.services.journal import open_journal
from nextyes.storage import migrate
from nextyes.storage.db import SQLITE_MAGIC
from tests.conftest import Cli, snapshot


def _state() -> dict[str, Any]:
    journal = open_journal(Settings.from_env())
    try:
        return snapshot(journal)
    finally:
        journal.close()


def _companies(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT company FROM applications ORDER BY id")]


def _backup(run: Cli, *args: str) -> Path:
    return Path(json.loads(run.ok("backup", "--format", "json", *args).output)["path"])


@pytest.fixture
def two_applications(run: Cli) -> Cli:
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "2026-11-01")
    run.ok("add", "Brightwell", "Analyst", "--yes")
    return run


def test_a_backup_is_a_whole_journal_in_the_homes_backups_folder(
    two_applications: Cli, home: Path
) -> None:
    path = _backup(two_applications)
    assert path.parent == home / "backups"
    assert path.name.startswith("journal-") and path.name.endswith("-manual.db")
    assert _companies(path) == ["Acme Robotics", "Brightwell"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert not Path(f"{path}-wal").exists()


def test_a_backup_taken_while_another_program_writes_holds_only_what_was_committed(
    two_applications: Cli, home: Path
) -> None:
    writer = sqlite3.connect(home / "journal.db", isolation_level=None)
    try:
        writer.execute("BEGIN IMMEDIATE")
        writer.execute("UPDATE applications SET company = 'Half-written' WHERE id = 1")
        path = _backup(two_applications)
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert _companies(path) == ["Acme Robotics", "Brightwell"]


def test_keep_deletes_only_the_oldest_backups_and_nothing_else_in_the_folder(
    two_applications: Cli, home: Path
) -> None:
    (home / "backups").mkdir()
    other = home / "backups" / "my-notes.txt"
    other.write_text("mine")
    made = [_backup(two_applications, "--keep", "5") for _ in range(4)]
    result = json.loads(two_applications.ok("backup", "--keep", "2", "--format", "json").output)
    assert result["kept"] == 2
    assert sorted(result["removed"]) == sorted(str(p) for p in made[:3])
    assert sorted(p.name for p in (home / "backups").iterdir()) == sorted(
        [made[3].name, Path(result["path"]).name, "my-notes.txt"]
    )


def test_the_backup_list_shows_the_newest_first(two_applications: Cli) -> None:
    first, second = _backup(two_applications), _backup(two_applications)
    listed = json.loads(two_applications.ok("backup", "--list", "--format", "json").output)
    assert [item["path"] for item in listed] == [str(second), str(first)]
    assert {item["label"] for item in listed} == {"manual"}
    assert "backups" in two_applications.ok("backup", "--list").output


def test_restoring_a_backup_brings_it_back_and_keeps_the_journal_it_replaced(
    two_applications: Cli, home: Path
) -> None:
    before = _state()
    path = _backup(two_applications)
    two_applications.ok("add", "Cobalt Health", "Nurse Manager", "--yes")
    two_applications.ok("reject", "1")
    result = json.loads(two_applications.ok("restore", str(path), "--format", "json").output)
    assert _state() == before
    assert result["applications"] == 2
    previous = Path(result["previous"])
    assert previous.name.endswith("-before-restore.db")
    assert _companies(previous) == ["Acme Robotics", "Brightwell", "Cobalt Health"]
    assert "Restored your journal" in two_applications.ok("restore", str(previous)).output
    assert len(_state()["applications"]) == 3


def test_a_restore_into_a_journal_that_holds_nothing_keeps_no_copy_of_it(
    two_applications: Cli, home: Path, tmp_path: Path
) -> None:
    path = _backup(two_applications)
    fresh = str(tmp_path / "fresh")
    two_applications.ok("--home", fresh, "list")  # opened, so the file exists, but empty
    result = two_applications.ok("--home", fresh, "restore", str(path))
    assert "Restored your journal" in result.output and "replaced" not in result.output
    assert not (tmp_path / "fresh" / "backups").exists()
    assert _companies(tmp_path / "fresh" / "journal.db") == ["Acme Robotics", "Brightwell"]


def test_a_restore_over_a_damaged_journal_moves_the_damaged_file_aside(
    two_applications: Cli, home: Path
) -> None:
    path = _backup(two_applications)
    (home / "journal.db").write_bytes(b"scrambled by a disk error" * 100)
    (home / "journal.db-wal").unlink(missing_ok=True)
    result = json.loads(two_applications.ok("restore", str(path), "--format", "json").output)
    assert Path(result["previous"]).read_bytes().startswith(b"scrambled")
    assert _companies(home / "journal.db") == ["Acme Robotics", "Brightwell"]


def test_restore_accepts_an_older_journal_left_by_an_earlier_nextyes(
    two_applications: Cli, tmp_path: Path
) -> None:
    path = _backup(two_applications)
    _downgrade(path, "0001")  # as the first release of nextyes left it
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
    assert two_applications.ok("restore", str(path)).exit_code == 0
    state = _state()
    assert state["alembic_version"] == [(migrate.HEAD_REVISION,)], "upgraded on open"
    assert [row[2] for row in state["applications"]] == ["Acme Robotics", "Brightwell"]


def _downgrade(path: Path, revision: str) -> None:
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    engine = sa.create_engine(f"sqlite:///{path}", poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def _not_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "notes.db"
    path.write_text("just some notes, not a journal")
    return path


def _empty_sqlite(tmp_path: Path) -> Path:
    path = tmp_path / "empty.db"
    sqlite3.connect(path).close()
    path.write_bytes(SQLITE_MAGIC + bytes(4096 - len(SQLITE_MAGIC)))
    return path


def _other_program(tmp_path: Path) -> Path:
    path = tmp_path / "photos.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO photos (name) VALUES ('beach')")
    return path


def _truncated(tmp_path: Path, source: Path) -> Path:
    path = tmp_path / "truncated.db"
    data = source.read_bytes()
    path.write_bytes(data[: len(data) // 3])
    return path


def _newer(tmp_path: Path, source: Path) -> Path:
    path = tmp_path / "newer.db"
    path.write_bytes(source.read_bytes())
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0999'")
    return path


BAD_FILES = {
    "not sqlite": (lambda tmp, good: _not_sqlite(tmp), "not an SQLite database"),
    "blank sqlite": (lambda tmp, good: _empty_sqlite(tmp), "not a nextyes journal"),
    "another program": (lambda tmp, good: _other_program(tmp), "has no alembic_version"),
    "truncated": (_truncated, "not a nextyes journal"),
    "newer schema": (_newer, "newer nextyes"),
    "missing": (lambda tmp, good: tmp / "nowhere.db", "There is no file"),
    "a folder": (lambda tmp, good: tmp, "is a folder"),
}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_file_that_is_not_a_usable_journal_is_refused_and_nothing_changes(
    two_applications: Cli, home: Path, tmp_path: Path, kind: str
) -> None:
    make, message = BAD_FILES[kind]
    good = _backup(two_applications)
    bad = make(tmp_path, good)
    before = _state()
    backups_before = sorted((home / "backups").iterdir())
    original = bad.read_bytes() if bad.is_file() else None
    result = two_applications.fails("restore", str(bad))
    assert message in result.output
    assert _state() == before
    assert sorted((home / "backups").iterdir()) == backups_before
    if original is not None:
        assert bad.read_bytes() == original


def test_restoring_the_journal_onto_itself_is_refused(two_applications: Cli, home: Path) -> None:
    assert "not a backup" in two_applications.fails("restore", str(home / "journal.db")).output


def test_backup_without_a_journal_says_how_to_start_one(run: Cli) -> None:
    assert "nothing to back up" in run.fails("backup").output


def test_keep_below_one_is_refused(two_applications: Cli, home: Path) -> None:
    assert "--keep" in two_applications.fails("backup", "--keep", "0").output
    assert not (home / "backups").exists()


def test_a_postgresql_journal_is_pointed_to_its_servers_backups(run: Cli) -> None:
    url = "postgresql://nobody@127.0.0.1:1/none"
    assert "pg_dump" in run.fails("--db", url, "backup").output
    assert "pg_dump" in run.fails("--db", url, "restore", "x.db").output


@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    data=st.one_of(
        st.binary(max_size=600),
        st.binary(max_size=3000).map(lambda b: SQLITE_MAGIC + b),
    )
)
def test_any_bytes_given_as_a_backup_are_refused_without_a_trace(
    two_applications: Cli, tmp_path: Path, data: bytes
) -> None:
    before = _state()
    path = tmp_path / "candidate.db"
    path.write_bytes(data)
    result = two_applications.fails("restore", str(path))
    assert "journal" in result.output
    assert _state() == before


MBOX = """From recruiting@acme.example Mon Nov 16 09:00:00 2026
From: Acme Recruiting <recruiting@acme.example>
To: me@example.org
Subject: Thank you for applying to Data Analyst at Acme Robotics
Date: Mon, 16 Nov 2026 09:00:00 +0000
Message-ID: <one@acme.example>

Hi, thank you for applying for the Data Analyst role at Acme Robotics. We have received
your application and will be in touch.

"""


def test_a_mail_import_backs_the_journal_up_first_and_a_dry_run_does_not(
    two_applications: Cli, home: Path, tmp_path: Path
) -> None:
    mbox = tmp_path / "inbox.mbox"
    mbox.write_text(MBOX)
    two_applications.ok("mail", "import", str(mbox), "--dry-run")
    assert not list((home / "backups").glob("*-before-import.db"))
    two_applications.ok("mail", "import", str(mbox))
    (backup,) = (home / "backups").glob("*-before-import.db")
    assert _companies(backup) == ["Acme Robotics", "Brightwell"]
