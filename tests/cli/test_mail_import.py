"""`nextyes mail import` and `nextyes mail review` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from nextyes.config import Settings
from nextyes.services.journal import open_journal
from tests.conftest import Cli, snapshot
from tests.mailboxes import CONFIRMATION, INVITATION, NEWSLETTER, UNKNOWN_REJECTION, write_mbox


def _state() -> dict[str, object]:
    journal = open_journal(Settings.from_env())
    try:
        return snapshot(journal)
    finally:
        journal.close()


def test_import_prints_a_summary_for_people(run: Cli, tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "in.mbox", [CONFIRMATION, INVITATION, NEWSLETTER])
    result = run.ok("mail", "import", str(box))
    assert "Read 3 messages." in result.output
    assert "New applications from confirmation emails: 1" in result.output
    assert "Applications moved forward: 1" in result.output
    assert "real win" in result.output
    listed = json.loads(run.ok("list", "--format", "json").output)
    assert [(a["company"], a["stage"]) for a in listed] == [("Lumen Analytics", "interview")]


def test_import_json_counts_what_happened(run: Cli, tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "in.mbox", [CONFIRMATION, UNKNOWN_REJECTION, NEWSLETTER])
    data = json.loads(run.ok("mail", "import", str(box), "--format", "json").output)
    assert (data["read"], data["new_applications"], data["needs_review"], data["skipped"]) == (
        3, 1, 1, 1,
    )  # fmt: skip
    again = json.loads(run.ok("mail", "import", str(box), "--format", "json").output)
    assert again["already_imported"] == 3


def test_importing_again_still_says_what_waits_for_review(run: Cli, tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "in.mbox", [CONFIRMATION, UNKNOWN_REJECTION])
    assert "Waiting for a quick look: 1." in run.ok("mail", "import", str(box)).output
    again = run.ok("mail", "import", str(box)).output
    assert "Waiting for a quick look: 1." in again
    assert "Nothing needs your review" not in again
    more = write_mbox(tmp_path / "more.mbox", [UNKNOWN_REJECTION], start=10)
    said = run.ok("mail", "import", str(more)).output
    assert "Waiting for a quick look: 2, 1 of them from this mailbox" in said
    data = json.loads(run.ok("mail", "import", str(more), "--format", "json").output)
    assert (data["needs_review"], data["waiting_for_review"]) == (0, 2)


def test_a_dry_run_writes_nothing(run: Cli, tmp_path: Path) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst", "--yes")
    before = _state()
    box = write_mbox(tmp_path / "in.mbox", [CONFIRMATION, INVITATION])
    result = run.ok("mail", "import", str(box), "--dry-run")
    assert "Nothing was written" in result.output
    assert _state() == before


def test_a_path_that_is_not_a_mailbox_is_refused_and_nothing_is_written(
    run: Cli, tmp_path: Path
) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst", "--yes")
    before = _state()
    result = run.fails("mail", "import", str(tmp_path / "missing.mbox"))
    assert "Nothing found at" in result.output
    notes = tmp_path / "notes.txt"
    notes.write_text("just some notes, not email at all\n")
    assert "does not look like email" in run.fails("mail", "import", str(notes)).output
    assert _state() == before


def test_review_lists_settles_and_remembers(run: Cli, tmp_path: Path) -> None:
    run.ok("add", "Zephyr Mobility", "Designer", "--on", "2026-10-01", "--yes")
    run.ok("mail", "import", str(write_mbox(tmp_path / "in.mbox", [UNKNOWN_REJECTION])))
    (item,) = json.loads(run.ok("mail", "review", "--format", "json").output)
    assert item["label"] == "rejection"
    assert "does not name the company" in item["reason"]
    assert item["why"], "the phrases behind the label are listed"
    table = run.ok("mail", "review", "--list").output
    assert "because of" in table
    assert item["why"][0].split()[0] in table
    result = run.ok("mail", "review", str(item["id"]), "--application", "1")
    assert "rejection is recorded" in result.output
    assert "Nothing waiting" in run.ok("mail", "review").output
    shown = json.loads(run.ok("show", "1", "--format", "json").output)
    assert shown["stage"] == "rejected"


def test_review_without_a_decision_says_what_to_give(run: Cli, tmp_path: Path) -> None:
    run.ok("mail", "import", str(write_mbox(tmp_path / "in.mbox", [UNKNOWN_REJECTION])))
    result = run.fails("mail", "review", "1")
    assert "--accept" in result.output
    assert "No message 99" in run.fails("mail", "review", "99", "--accept").output
