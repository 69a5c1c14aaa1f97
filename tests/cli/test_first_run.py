"""Flows that broke for a newcomer: each test here failed before its fix."""

from __future__ import annotations

import json

from click.testing import CliRunner

from nextyes.cli.main import cli
from tests.conftest import Cli


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
