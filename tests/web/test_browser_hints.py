"""Suggestions written for the terminal read naturally in the browser."""

from __future__ import annotations

from nextyes.services.demo import fill_demo
from nextyes.services.journal import Journal
from nextyes.web.rendering import browser_hint
from tests.conftest import NOW
from tests.web.conftest import Browser


def test_a_trailing_command_is_left_out_and_the_advice_kept() -> None:
    text = "A walk, an hour on a hobby, or an early night all count: nextyes care break 30m"
    assert browser_hint(text) == "A walk, an hour on a hobby, or an early night all count"


def test_a_hint_that_is_only_a_command_disappears() -> None:
    assert browser_hint("nextyes review week") == ""
    assert browser_hint(None) == ""


def test_plain_advice_is_untouched() -> None:
    assert browser_hint("Call someone in your corner.") == "Call someone in your corner."


def test_the_demo_dashboard_shows_no_command_lines(browser: Browser, journal: Journal) -> None:
    fill_demo(journal.uow(), NOW)
    html = browser.get("/").text
    assert "Weekly review" in html
    assert "nextyes review" not in html
    assert "nextyes care" not in html
    assert "nextyes why" not in html
