"""Flows that broke for a newcomer: each test here failed before its fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from nextyes.cli.main import cli
from nextyes.domain.privacy import mentions_money
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


def test_a_stage_note_can_be_private_and_money_stays_out_of_a_shared_review(run: Cli) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "3 weeks ago")
    run.ok("move", "1", "offer", "--on", "yesterday", "--note", "Offer: €62k, 28 days leave")
    run.ok("add", "Lumen", "Analyst", "--on", "3 weeks ago")
    run.ok("move", "2", "screening", "--on", "yesterday", "--note", "Nervous, slept badly",
           "--private")  # fmt: skip
    own = run.ok("review", "week").output
    assert "€62k" in own
    shared = run.ok("review", "week", "--share").output
    assert "€62k" not in shared
    assert "Nervous" not in shared
    detail = json.loads(run.ok("show", "2", "--format", "json").output)
    assert [n["private"] for n in detail["notes"] if "Nervous" in n["text"]] == [True]
    assert not any(e.get("note") for e in detail["events"])


@pytest.mark.parametrize(
    ("text", "money"),
    [("Offer: €62k, 28 days leave", True), ("base 55,000 GBP plus bonus", True),
     ("They said $40 an hour", True), ("salary band up to 70 000", True), ("62k", True),
     ("Panel with 3 people", False), ("Round 2 on the 14th", False), (None, False),
     ("Nice team, 28 days leave", False)],
)  # fmt: skip
def test_money_in_a_note_is_recognised(text: str | None, money: bool) -> None:
    assert mentions_money(text) is money


def _reflected(run: Cli, tmp_path: Path, *extra: str) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "5 weeks ago")
    run.ok("move", "1", "interview", "--on", "4 weeks ago", "--with", "Priya")
    run.ok("reject", "1", "--on", "3 weeks ago", "--cool-down", "none")
    answers = tmp_path / "answers.yaml"
    answers.write_text("mood_before: 2\nmood_after: 3\n", encoding="utf-8")
    run.ok("reflect", "1", "--answers", str(answers), *extra)


def test_a_reflections_moods_say_where_they_came_from(run: Cli, tmp_path: Path) -> None:
    _reflected(run, tmp_path)
    listed = run.ok("mood", "list").output
    assert "before reflecting on a no from Acme Robotics" in listed
    assert "after reflecting on a no from Acme Robotics" in listed


def test_a_reflection_written_down_later_keeps_its_day(run: Cli, tmp_path: Path) -> None:
    _reflected(run, tmp_path, "--on", "20 days ago")
    assert "Since your first reflection (2026-11-02)" in run.ok("growth").output
    assert "future" in run.fails("reflect", "1", "--new", "--on", "tomorrow").output


def test_the_mood_table_leaves_days_without_an_entry_blank(run: Cli) -> None:
    run.ok("mood", "3", "--on", "yesterday")
    review = run.ok("review", "week").output
    row = next(line for line in review.splitlines() if line.startswith("| Mood |"))
    cells = [c.strip() for c in row.strip("|").split("|")][1:]
    assert cells == ["", "", "", "", "", "3", ""]
