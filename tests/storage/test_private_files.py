"""The journal is its owner's alone: the home 0700, the journal, its logs and backups 0600."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from nextyes.config import Settings
from nextyes.crash_logs import write_crash_log
from nextyes.services.journal import open_journal
from nextyes.services.portability.backups import take_backup


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture(autouse=True)
def usual_umask() -> Iterator[None]:
    """The usual umask, under which files would be created 0644 unless nextyes says otherwise."""
    before = os.umask(0o022)
    yield
    os.umask(before)


def test_a_new_home_its_journal_and_its_logs_are_private(settings: Settings) -> None:
    journal = open_journal(settings)
    try:
        with journal.uow() as uow:
            uow.settings.set("why", "the next yes", settings.now())
            uow.commit()
        files = sorted(settings.home.iterdir())
        assert {p.name for p in files} >= {"journal.db", "journal.db-wal", "journal.db-shm"}
        assert _mode(settings.home) == 0o700
        assert {p.name: _mode(p) for p in files if p.is_file()} == {
            p.name: 0o600 for p in files if p.is_file()
        }
    finally:
        journal.close()


def test_backups_and_crash_logs_are_private(settings: Settings) -> None:
    open_journal(settings).close()
    backup = take_backup(settings).path
    assert _mode(backup) == 0o600 and _mode(backup.parent) == 0o700
    first = write_crash_log(settings.logs_dir, "crash", "Traceback: a note about a rejection")
    second = write_crash_log(settings.logs_dir, "crash", "another")
    assert first != second  # one file per crash, even within the same second
    assert _mode(first) == 0o600 and _mode(settings.logs_dir) == 0o700


def test_a_journal_an_older_version_left_readable_is_tightened(settings: Settings) -> None:
    open_journal(settings).close()
    os.chmod(settings.sqlite_path, 0o644)
    open_journal(settings).close()
    assert _mode(settings.sqlite_path) == 0o600


def test_a_folder_the_user_chose_is_left_as_it_is(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir(mode=0o755)
    os.chmod(shared, 0o755)
    open_journal(Settings.from_env(db=f"sqlite:///{shared / 'journal.db'}")).close()
    assert _mode(shared) == 0o755
    assert _mode(shared / "journal.db") == 0o600
