"""`nextyes mail classify`: a mailbox in, one labelled line per message out, journal untouched."""

from __future__ import annotations

import email.message
import json
import mailbox
from pathlib import Path

from tests.conftest import Cli

MESSAGES = [
    (
        "Acme Robotics Careers <careers@acmerobotics.com>",
        "Your application for Data Analyst at Acme Robotics",
        "Dear Sam,\n\nThank you for applying for the Data Analyst role at Acme Robotics. After "
        "careful review we have decided not to move forward with your application. We wish you "
        "every success.\n\nThe Acme Robotics Recruiting Team",
        "rejection",
    ),
    (
        "Brightwell Health <no-reply@us.greenhouse-mail.io>",
        "Interview invitation: Analyst at Brightwell Health",
        "Hi Sam, we'd love to invite you to a 45-minute video interview with the team. Please "
        "pick a time that suits you using the link below.",
        "interview",
    ),
]


def _mbox(path: Path) -> Path:
    box = mailbox.mbox(str(path))
    for i, (sender, subject, body, _) in enumerate(MESSAGES):
        msg = email.message.EmailMessage()
        msg["From"], msg["Subject"] = sender, subject
        msg["Message-ID"] = f"<m{i}@example.com>"
        msg["Date"] = "Mon, 02 Nov 2026 09:00:00 +0000"
        msg.set_content(body)
        box.add(msg)
    box.flush()
    box.close()
    return path


def test_jsonl_has_the_contract_fields_for_every_message(run: Cli, tmp_path: Path) -> None:
    result = run.ok("mail", "classify", str(_mbox(tmp_path / "in.mbox")), "--format", "jsonl")
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert [line["message_id"] for line in lines] == ["<m0@example.com>", "<m1@example.com>"]
    assert [line["label"] for line in lines] == [m[3] for m in MESSAGES]
    first = lines[0]
    assert set(first) == {
        "message_id", "date", "from", "subject", "label", "confidence", "company", "role",
        "band", "runner_up", "why",
    }  # fmt: skip
    assert first["band"] in {"sure", "review", "aside"}
    assert all(isinstance(phrase, str) and phrase for phrase in first["why"])
    assert first["company"] == "Acme Robotics"
    assert first["role"] == "Data Analyst"
    assert first["date"] == "2026-11-02T09:00:00+00:00"
    assert lines[1]["company"] == "Brightwell Health"


def test_classifying_does_not_create_a_journal(run: Cli, tmp_path: Path, home: Path) -> None:
    run.ok("mail", "classify", str(_mbox(tmp_path / "in.mbox")))
    assert not (home / "journal.db").exists()


def test_the_table_lists_each_message_for_people(run: Cli, tmp_path: Path) -> None:
    result = run.ok("mail", "classify", str(_mbox(tmp_path / "in.mbox")))
    assert "rejection" in result.output
    assert "2 messages read." in result.output


def test_a_missing_mailbox_is_a_user_error_that_says_what_to_give(run: Cli, tmp_path: Path) -> None:
    result = run.fails("mail", "classify", str(tmp_path / "nowhere.mbox"), "--format", "jsonl")
    assert "Nothing found at" in result.output
    assert "Maildir" in result.output


def test_a_file_that_is_not_mail_is_a_user_error(run: Cli, tmp_path: Path) -> None:
    notes = tmp_path / "notes.pdf"
    notes.write_bytes(b"%PDF-1.4 not an email")
    result = run.fails("mail", "classify", str(notes))
    assert "does not look like email" in result.output
