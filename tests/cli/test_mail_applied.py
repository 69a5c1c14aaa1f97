"""`nextyes mail applied`: listing the mail nextyes applied, and correcting one it read wrong."""

from __future__ import annotations

import json
from pathlib import Path

from nextyes.config import Settings
from nextyes.services.journal import open_journal
from tests.conftest import Cli, snapshot
from tests.mailboxes import CONFIRMATION, INVITATION, write_mbox


def _state() -> dict[str, object]:
    journal = open_journal(Settings.from_env())
    try:
        return snapshot(journal)
    finally:
        journal.close()


def _imported(run: Cli, tmp_path: Path) -> dict[str, int]:
    box = write_mbox(tmp_path / "in.mbox", [CONFIRMATION, INVITATION])
    run.ok("mail", "import", str(box))
    listed = json.loads(run.ok("mail", "applied", "--format", "json").output)
    return {item["subject"]: item["id"] for item in listed}


def test_applied_mail_is_listed_with_what_it_did(run: Cli, tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "in.mbox", [CONFIRMATION, INVITATION])
    imported = run.ok("mail", "import", str(box)).output
    assert "`nextyes mail applied` lists what it changed" in imported
    listed = json.loads(run.ok("mail", "applied", "--format", "json").output)
    assert [(m["label"], m["effect"]) for m in listed] == [
        ("interview", "moved"), ("application_received", "created"),
    ]  # fmt: skip
    table = run.ok("mail", "applied").output
    assert "the application moved forward" in table
    assert "Interview invitation" in table
    assert "corrected" not in table, "no column for corrections while there are none"


def test_correcting_an_invitation_that_was_a_no_records_the_rejection(
    run: Cli, tmp_path: Path
) -> None:
    ids = _imported(run, tmp_path)
    result = run.ok("mail", "applied", str(ids["Interview invitation"]), "--label", "rejection")
    assert "Taken back:" in result.output
    assert "the step to interview" in result.output
    assert "Corrected: the rejection is recorded" in result.output
    listed = json.loads(run.ok("list", "--format", "json").output)
    assert [a["stage"] for a in listed] == ["rejected"]
    again = json.loads(run.ok("mail", "applied", "--format", "json").output)
    (corrected,) = [m for m in again if m["id"] == ids["Interview invitation"]]
    assert corrected["label"] == "rejection" and corrected["corrected_at"]
    assert corrected["corrections"][0]["from"]["label"] == "interview"
    header = [line for line in run.ok("mail", "applied").output.splitlines() if "read as" in line]
    assert header and "corrected" in header[0], "a named column once something was corrected"


def test_a_correction_that_would_touch_what_you_added_asks_first(run: Cli, tmp_path: Path) -> None:
    ids = _imported(run, tmp_path)
    run.ok("note", "1", "Prepared three stories for the interview")
    before = _state()
    asked = run.fails("mail", "applied", str(ids["Interview invitation"]), "--label", "rejection")
    assert "Kept as it is:" in asked.output
    assert "a note you added to Lumen Analytics" in asked.output
    assert "--yes" in asked.output
    assert _state() == before
    done = run.ok(
        "mail", "applied", str(ids["Interview invitation"]), "--label", "rejection", "--yes",
        "--format", "json",
    )  # fmt: skip
    data = json.loads(done.output)
    assert data["effect"] == "rejected" and data["kept"]
    shown = json.loads(run.ok("show", "1", "--format", "json").output)
    assert shown["stage"] == "rejected"


def test_not_job_mail_takes_back_the_application_and_says_so(run: Cli, tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "in.mbox", [CONFIRMATION])
    run.ok("mail", "import", str(box))
    (item,) = json.loads(run.ok("mail", "applied", "--format", "json").output)
    result = run.ok("mail", "applied", str(item["id"]), "--label", "unrelated")
    assert "the application to Lumen Analytics (Product Manager)" in result.output
    assert json.loads(run.ok("list", "--format", "json").output) == []


def test_bad_corrections_exit_2_and_change_nothing(run: Cli, tmp_path: Path) -> None:
    ids = _imported(run, tmp_path)
    before = _state()
    assert "--label" in run.fails("mail", "applied", str(ids["Interview invitation"])).output
    missing = run.fails("mail", "applied", "999", "--label", "rejection").output
    assert "nextyes mail applied" in missing
    same = run.fails("mail", "applied", str(ids["Interview invitation"]), "--label", "interview")
    assert "already reads as an interview invitation" in same.output
    assert "Taken back" not in same.output
    assert _state() == before
