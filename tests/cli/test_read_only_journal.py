"""A journal nextyes may not write (a read-only mount, no permission) can still be read.

Made read-only for real: as root (how CI runs) with the immutable attribute on the file and
its folder, which refuses writes even to root; as anyone else with file modes. Reading
commands work; writing ones exit 2 saying the journal is read-only, and the file is unchanged.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from tests.conftest import Cli


@contextmanager
def _read_only(home: Path) -> Iterator[None]:
    targets = [home / "journal.db", home]
    if os.geteuid() != 0:
        for target in targets:
            target.chmod(target.stat().st_mode & ~0o222)
        try:
            yield
        finally:
            for target in targets:
                target.chmod(target.stat().st_mode | 0o200)
        return
    done = subprocess.run(["chattr", "+i", *map(str, targets)], capture_output=True, check=False)
    if done.returncode != 0:
        subprocess.run(["chattr", "-i", *map(str, targets)], capture_output=True, check=False)
        pytest.skip("as root, a read-only journal needs chattr +i, which this filesystem refuses")
    try:
        assert not os.access(home / "journal.db", os.W_OK)
        yield
    finally:
        subprocess.run(["chattr", "-i", *map(str, targets)], check=True)


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_reading_commands_work_and_writing_ones_say_the_journal_is_read_only(
    run: Cli, home: Path, tmp_path: Path
) -> None:
    run.ok("demo", "--count", "30")
    run.ok("backup")  # a quiet journal: everything in the main file
    for side in ("journal.db-wal", "journal.db-shm"):
        (home / side).unlink(missing_ok=True)
    before = _digest(home / "journal.db")
    with _read_only(home):
        for args in (
            ("list",), ("show", "1"), ("today",), ("review", "week"), ("insights",),
            ("growth",), ("offers",), ("export", "json", "--out", str(tmp_path / "out.json")),
        ):  # fmt: skip
            run.ok(*args)
        for args in (
            ("add", "Acme Robotics", "Data Analyst"), ("note", "1", "a thought"),
            ("mood", "3"), ("win", "Sent three applications"), ("goal", "set", "applications", "6/week"),
        ):  # fmt: skip
            said = run.fails(*args).output
            assert "read-only" in said
            assert "something unexpected" not in said
        assert _digest(home / "journal.db") == before
    assert (tmp_path / "out.json").stat().st_size > 0
