"""`nextyes demo` works for any seed, count and span, and a failed one leaves no journal behind."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from nextyes.config import Settings
from nextyes.domain.queries import ApplicationQuery
from nextyes.errors import InvalidInput
from nextyes.services.demo import build
from nextyes.services.demo.build import fill_demo
from nextyes.services.demo.context import DemoContext
from nextyes.services.journal import open_journal
from tests.conftest import NOW, Cli


@settings(max_examples=12, deadline=None)
@given(
    seed=st.integers(0, 2**32),
    count=st.integers(10, 90),
    days=st.integers(30, 3650),
)
@example(seed=455262, count=120, days=90)  # these three failed: an assessment had nobody to thank
@example(seed=907343, count=60, days=30)
@example(seed=200348, count=30, days=90)
def test_the_demo_fills_a_journal_for_any_seed_count_and_span(
    seed: int, count: int, days: int
) -> None:
    with tempfile.TemporaryDirectory() as home:
        journal = open_journal(Settings.from_env(home=home))
        try:
            summary = fill_demo(journal.uow(), NOW, seed=seed, count=count, days=days)
            with journal.uow() as uow:
                stored = uow.applications.count(ApplicationQuery())
        finally:
            journal.close()
    assert summary.applications == stored == count


def test_a_refused_demo_names_another_folder_not_the_same_command(run: Cli, home: Path) -> None:
    run.ok("add", "Mine", "Analyst")
    message = run.fails("demo").output
    assert f"nextyes --home {home}-2 demo" in message
    assert f"--home {home} demo" not in message


def test_a_failed_demo_leaves_no_journal_behind(
    run: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(ctx: DemoContext) -> None:
        raise InvalidInput("This extension went wrong on purpose.")

    monkeypatch.setattr(build, "EXTENSIONS", [broken])
    assert "on purpose" in run.fails("demo").output
    assert not home.exists()
    monkeypatch.setattr(build, "EXTENSIONS", [])
    run.ok("demo", "--count", "10")  # and the next try starts from nothing
    assert (home / "journal.db").exists()


def test_a_failed_json_import_leaves_no_journal_behind(
    run: Cli, home: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "something else"}', encoding="utf-8")
    home.mkdir()
    run.fails("import", "json", str(bad))
    assert list(home.iterdir()) == []


def test_a_failed_json_import_keeps_a_journal_that_was_there(
    run: Cli, home: Path, tmp_path: Path
) -> None:
    run.ok("add", "Mine", "Analyst")
    bad = tmp_path / "bad.json"
    bad.write_text("not json", encoding="utf-8")
    run.fails("import", "json", str(bad))
    assert "Mine" in run.ok("list").output
