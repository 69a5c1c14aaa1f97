"""Bad input: one clear sentence, exit code 2, and the journal exactly as it was."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextyes.config import Settings
from nextyes.services.journal import Journal, open_journal
from tests.conftest import Cli, snapshot


@pytest.fixture
def seeded(run: Cli) -> Cli:
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "2026-11-01")
    run.ok("add", "Brightwell", "Analyst")
    run.ok("move", "2", "offer")
    return run


def _state() -> dict[str, object]:
    journal = open_journal(Settings.from_env())
    try:
        return snapshot(journal)
    finally:
        journal.close()


BAD = [
    (("show", "42"), "No application 42"),
    (("move", "42", "screening"), "No application 42"),
    (("move", "2", "applied"), "--correct"),
    (("move", "1", "lunch"), "not a stage"),
    (("move", "1", "accepted"), "offer first"),
    (("move", "1", "screening", "--on", "next year"), "not a date"),
    (("move", "1", "offer", "--on", "tomorrow"), "future"),
    (("move", "1", "screening", "--round", "2"), "interview moves"),
    (("move", "1", "screening", "--on", "2026-10-01"), "first event"),
    (("move", "1", "rejected"), "nextyes reject"),
    (("add", "", "Analyst"), "company name is empty"),
    (("add", "Acme", "   "), "role is empty"),
    (("add", "Acme", "Analyst", "--on", "in 3 days"), "future"),
    (("add", "Acme", "Analyst", "--on", "someday"), "not a date"),
    (("reject", "1", "--on", "tomorrow"), "future"),
    (("list", "--limit", "0"), "--limit"),
    (("list", "--stage", "nope"), "not a stage"),
    (("note", "1", "  "), "note is empty"),
    (("move", "1", "interview", "--at", "25:99"), "not a time"),
    (("lsit",), "Did you mean 'list'"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_refused_clearly_and_changes_nothing(
    seeded: Cli, args: tuple[str, ...], message: str
) -> None:
    before = _state()
    result = seeded.fails(*args)
    assert message in result.output
    assert _state() == before


def test_rejecting_twice_is_refused_and_changes_nothing(seeded: Cli) -> None:
    seeded.ok("reject", "1")
    before = _state()
    assert "already ended" in seeded.fails("reject", "1").output
    assert _state() == before


def test_a_journal_that_is_not_sqlite_gets_a_clear_message(run: Cli, home: Path) -> None:
    home.mkdir(parents=True)
    (home / "journal.db").write_text("not a database")
    result = run.fails("list")
    assert "is not a nextyes journal" in result.output
    assert (home / "journal.db").read_text() == "not a database"


def test_a_locked_journal_says_to_wait(
    run: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sqlite3

    from nextyes.storage import db as db_module

    run.ok("add", "Acme", "Analyst")
    original = db_module.SqliteDatabase.__init__

    def impatient(self: db_module.SqliteDatabase, path: Path) -> None:
        original(self, path)
        self.conn.execute("PRAGMA busy_timeout = 50")  # do not make the test wait 5 s

    monkeypatch.setattr(db_module.SqliteDatabase, "__init__", impatient)
    holder = sqlite3.connect(home / "journal.db", isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = run.fails("add", "Brightwell", "Analyst", "--yes")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "busy" in result.output
    assert len(run.ok("list", "--format", "json").output.split('"id"')) == 2


def test_an_unreachable_database_url_gets_a_clear_message(run: Cli) -> None:
    result = run.fails("--db", "postgresql://nobody@127.0.0.1:1/none", "list")
    assert "Could not connect" in result.output and "--db" in result.output


def test_a_database_url_of_another_kind_is_refused(run: Cli) -> None:
    assert "not a database URL" in run.fails("--db", "mysql://x/y", "list").output


def test_a_bad_pinned_clock_is_explained(run: Cli) -> None:
    result = run("list", env={"NEXTYES_NOW": "noon"})
    assert result.exit_code == 2 and "NEXTYES_NOW" in result.output


words = st.text(alphabet=string.ascii_letters + string.digits + " -'&é", max_size=12)
args_strategy = st.lists(
    st.one_of(
        words,
        st.sampled_from(["--on", "--stage", "--round", "--limit", "--since", "--company", "--yes",
                         "--format", "json", "table", "csv", "today", "1", "2", "99", "-1",
                         "interview", "offer", "applied", "3 days ago", "2026-02-30", "--correct"]),
    ),
    max_size=6,
)  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(["add", "list", "show", "move", "reject", "note", "today"]),
    args=args_strategy,
)
def test_no_input_ever_produces_a_traceback_or_a_half_write(
    seeded: Cli, command: str, args: list[str]
) -> None:
    before = _state()
    result = seeded(command, *args, input="n\n")
    assert result.exit_code in (0, 2), (command, args, result.output, result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.output.strip()
        assert _state() == before


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("practice", "log", "beh-01", "--rating", "7"), "Give a whole number from 1 to 5."),
        (("practice", "log", "beh-01", "--rating", "two"), "'two' is not a whole number"),
        (("mood", "list", "--days", "0"), "Give a whole number from 1 to 366."),
        (("growth", "--limit", "-1"), "Give a whole number from 1 to 100,000."),
    ],
)
def test_a_number_out_of_its_range_says_which_numbers_fit(
    run: Cli, journal: Journal, args: tuple[str, ...], said: str
) -> None:
    """Not click's "1<=x<=5": the range in words, and the journal unchanged."""
    run.ok("add", "Acme", "Analyst")
    before = snapshot(journal)
    output = run.fails(*args).output
    assert said in output and "<=" not in output, output
    assert snapshot(journal) == before
