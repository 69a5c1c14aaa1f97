"""Momentum end to end on PostgreSQL: the same commands, the same answers as on SQLite."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from icalendar import Calendar

from nextyes.storage.migrate import upgrade
from tests.conftest import Cli

pytestmark = pytest.mark.postgres


def test_momentum_works_on_postgres(run: Cli, make_pg_database: Callable[[], str]) -> None:
    url = make_pg_database()
    upgrade(url)

    def ok(*args: str) -> str:
        result = run("--db", url, *args)
        assert result.exit_code == 0, (args, result.output, result.exception)
        return result.output

    ok("add", "Acme Robotics", "Data Analyst", "--on", "3 days ago")
    ok("goal", "set", "applications", "2/week")
    ok("contact", "add", "Ruth Adeyemi", "--relation", "mentor")
    ok("contact", "log", "Ruth", "coffee", "talked about dashboards", "--follow-up", "friday")
    ok("contact", "refer", "Ruth", "1")
    ok("move", "1", "interview", "--on", "tomorrow")
    ok("win", "Explained my project without notes")
    ok("care", "exercise", "30m")
    ok("mood", "2", "tired")
    ok("why", "set", "Work that changes decisions")
    today = json.loads(ok("today", "--format", "json"))
    assert today["goals"][0]["done"] == 1
    assert today["wins"]["this_week"] >= 4  # mine, further than ever, a new contact, a referral
    wins = json.loads(ok("win", "list", "--format", "json"))
    assert len(wins) == len(json.loads(ok("win", "list", "--format", "json")))  # stored once
    assert {"manual", "furthest", "contact", "referral"} <= {w["kind"] for w in wins}
    assert "Work that changes decisions" in ok("reject", "1", "--cool-down", "none")
    growth = json.loads(ok("growth", "--format", "json"))
    assert growth["stones"][0]["company"] == "Acme Robotics"
    calendar = Calendar.from_ical(ok("calendar", "export").encode())
    assert any(str(e["UID"]).startswith("contact-") for e in calendar.walk("VEVENT"))
    assert "tired" in ok("mood")
    assert "Ruth Adeyemi" in ok("contact", "show", "Ruth")
    bad = run("--db", url, "mood", "9")
    assert bad.exit_code == 2 and "outside the scale" in bad.output
