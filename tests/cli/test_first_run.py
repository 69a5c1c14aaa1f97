"""Flows that broke for a newcomer: each test here failed before its fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nextyes.cli.main import cli
from tests.conftest import Cli
from tests.mailboxes import CONFIRMATION, write_mbox


def _both(*args: str) -> tuple[str, str]:
    """stdout and stderr apart: the weekday echo goes to stderr, so JSON stays clean."""
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.stdout, result.stderr


def test_a_follow_up_on_a_weekday_is_the_coming_one_and_says_so(run: Cli) -> None:
    out, err = _both("contact", "add", "Ruth", "--follow-up", "monday", "--format", "json")
    assert json.loads(out)["next_follow_up_on"] == "2026-11-23"  # the test clock is a Sunday
    assert "Monday, 23 November" in err


def test_an_interview_being_scheduled_on_a_weekday_is_ahead(run: Cli) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "2 weeks ago")
    out, err = _both("move", "1", "interview", "--on", "friday", "--at", "11:00")
    assert "Scheduled for 2026-11-27" in out
    assert "coming Friday, 27 November" in err


def test_what_happened_on_a_weekday_is_the_last_one(run: Cli) -> None:
    out, err = _both("add", "Acme Robotics", "Data Analyst", "--on", "friday")
    assert (
        json.loads(run.ok("show", out.strip(), "--format", "json").output)["applied_on"]
        == "2026-11-20"
    )
    assert "last Friday, 20 November" in err
    run.ok("move", "1", "screening", "--on", "saturday")
    _, err = _both("reject", "1", "--on", "saturday", "--cool-down", "none")
    assert "last Saturday, 21 November" in err


def test_an_offer_answer_by_weekday_is_ahead(run: Cli) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "3 weeks ago")
    run.ok("move", "1", "offer", "--on", "yesterday")
    run.ok("offer", "add", "1", "--answer-by", "wednesday")
    data = json.loads(run.ok("offers", "--format", "json").output)
    assert data[0]["answer_by"] == "2026-11-25"


def test_a_no_recorded_late_with_a_cool_down_is_kept_and_the_cool_down_is_over(
    run: Cli,
) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "4 weeks ago")
    said = run.ok("reject", "1", "--on", "2 weeks ago", "--cool-down", "weekend").output
    assert "already passed" in said
    assert json.loads(run.ok("show", "1", "--format", "json").output)["stage"] == "rejected"


def _rejected_after_an_assessment(run: Cli) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "4 weeks ago")
    run.ok("move", "1", "assessment", "--on", "3 weeks ago")
    run.ok("reject", "1", "--on", "2 weeks ago", "--cool-down", "none")


def test_reflecting_with_no_terminal_points_to_the_answers_file(run: Cli) -> None:
    _rejected_after_an_assessment(run)
    said = run.fails("reflect", "1").output
    assert "--answers FILE" in said
    assert "Aborted" not in said


def test_a_reply_to_an_address_alone_is_drafted(run: Cli, tmp_path: Path) -> None:
    _rejected_after_an_assessment(run)  # nobody is named on an assessment
    out = tmp_path / "reply.eml"
    run.ok("reply", "1", "--as", "eml", "--email", "talent@acme.example", "--out", str(out))
    text = out.read_text(encoding="utf-8")
    assert "talent@acme.example" in text


def test_practice_says_how_many_questions_it_drew(run: Cli) -> None:
    assert "Three questions for today" in run.ok("practice", "draw", "--count", "3").output
    assert "One question for today" in run.ok("practice", "draw", "--count", "1").output


def test_one_message_is_one_message(run: Cli, tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "one.mbox", [CONFIRMATION])
    said = run.ok("mail", "import", str(box)).output
    assert "Read 1 message." in said


def test_an_ambiguous_spreadsheet_date_is_explained_with_its_own_two_readings(
    run: Cli, tmp_path: Path
) -> None:
    sheet = tmp_path / "apps.csv"
    sheet.write_text("company,role,applied_on\nAcme,Analyst,04/09/2026\n", encoding="utf-8")
    said = run.fails("import", "csv", str(sheet)).output
    assert "--dates dmy (4 September)" in said
    assert "--dates mdy (April 9)" in said
    assert "November" not in said


@pytest.mark.parametrize(
    "link", ["javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)",
             "data:text/html,<script>alert(1)</script>", "vbscript:x", "file:///etc/passwd"],
)  # fmt: skip
def test_only_web_and_mail_links_are_kept_with_a_job(run: Cli, link: str) -> None:
    assert "https://" in run.fails("add", "Acme", "Analyst", "--url", link).output
    run.ok("add", "Acme", "Analyst", "--url", "jobs.example.com/42")
    assert "web link" in run.fails("edit", "1", "--url", link).output
    shown = json.loads(run.ok("show", "1", "--format", "json").output)
    assert shown["url"] == "https://jobs.example.com/42"
