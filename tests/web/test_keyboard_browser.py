"""One whole flow with the keyboard alone: log an application, move it to an interview, record
the no, go through the wizard, and put an idea in the plan. No click, no mouse: only Tab,
Shift+Tab, typing, arrow keys, Enter and Space, as someone who cannot use a mouse would."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from playwright.sync_api import expect

from nextyes.config import Settings
from nextyes.domain.models import NewApplication, Origin
from nextyes.services.journal import open_journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.recovery.feedback_requests import add_feedback
from tests.conftest import NOW, TODAY
from tests.web.live import DESKTOP, Live, new_context, save_shot, serve

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SQL_FEEDBACK = "Your SQL answers were not strong enough; the technical skills were the gap."
MOST_TABS = 150


@pytest.fixture
def live(settings: Settings) -> Iterator[Live]:
    journal = open_journal(settings)
    for company in ("Earlier Co", "Other Co"):  # earlier noes, so the wizard ends with an idea
        earlier = svc.add_application(
            journal.uow(),
            NewApplication(company, "Analyst", TODAY - timedelta(days=40)),
            NOW,
            origin=Origin.CLI,
        )
        svc.record_rejection(
            journal.uow(), earlier.id, TODAY - timedelta(days=30), NOW, origin=Origin.CLI
        )
        add_feedback(
            journal.uow(),
            earlier.id,
            SQL_FEEDBACK,
            TODAY - timedelta(days=29),
            NOW,
            origin=Origin.CLI,
        )
    journal.close()
    with serve(settings) as running:
        yield running


def tab_to(page: Any, target: Any) -> None:
    """Press Tab until `target` has the focus (it must be reachable, in order, by the keyboard);
    the focus ring must show."""
    handle = target.element_handle()
    for _ in range(MOST_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("el => document.activeElement === el", handle):
            outline = page.evaluate("el => getComputedStyle(el).outlineStyle", handle)
            assert outline != "none", "the focus is not shown"
            return
    raise AssertionError(f"{target} cannot be reached with the Tab key")


def type_into(page: Any, target: Any, text: str) -> None:
    tab_to(page, target)
    page.keyboard.type(text)


def press_on(page: Any, target: Any, key: str = "Enter") -> None:
    tab_to(page, target)
    page.keyboard.press(key)


def test_from_a_new_application_to_a_plan_with_the_keyboard_alone(
    chromium: Any, live: Live
) -> None:
    context = new_context(chromium, live, DESKTOP)
    page = context.new_page()
    page.goto("/")

    # the navigation, then the form for a new application
    press_on(
        page, page.get_by_role("navigation", name="Main").get_by_role("link", name="Applications")
    )
    expect(page.locator("h1")).to_have_text("Applications")
    press_on(page, page.get_by_role("link", name="Log an application"))
    type_into(page, page.get_by_label("Company"), "Acme Robotics")
    type_into(page, page.get_by_label("Role"), "Data Analyst")
    press_on(page, page.get_by_role("button", name="Add to my journal"))
    expect(page.locator("h1")).to_contain_text("Acme Robotics")

    # an interview: the stage chosen with the arrow keys
    tab_to(page, page.get_by_label("New stage"))
    for _ in range(6):
        if page.get_by_label("New stage").input_value() == "interview":
            break
        page.keyboard.press("ArrowDown")
    assert page.get_by_label("New stage").input_value() == "interview"
    press_on(page, page.get_by_role("button", name="Move", exact=True))
    expect(page.locator(".timeline")).to_contain_text("Interview")

    # the no
    press_on(page, page.get_by_role("link", name="They said no"))
    type_into(page, page.get_by_label("What they said"), "They chose someone with more SQL")
    tab_to(page, page.get_by_label("A cool-down before anything else"))
    for _ in range(6):
        if page.get_by_label("A cool-down before anything else").input_value() == "none":
            break
        page.keyboard.press("ArrowDown")
    press_on(page, page.get_by_role("button", name="Record it"))
    expect(page.locator("h2#step-h")).to_have_text("First, a breather")

    # the wizard: a feedback request, a reply, a reflection
    press_on(page, page.get_by_role("link", name="When you're ready: ask for feedback"))
    type_into(page, page.get_by_label("To", exact=True), "Priya Natarajan")
    press_on(page, page.get_by_role("button", name="Draft it"))
    expect(page.locator("#lint-output")).to_contain_text("Acme Robotics")
    press_on(page, page.get_by_role("button", name="I sent it"))
    expect(page.locator("h2#step-h")).to_have_text("A gracious reply")
    press_on(page, page.get_by_role("button", name="Draft a reply"))
    expect(page.locator(".draft")).to_contain_text("Priya")
    press_on(page, page.get_by_role("link", name="Next: reflect"))
    type_into(page, page.locator("form textarea").first, "I rushed the SQL part.")
    press_on(page, page.get_by_role("button", name="Keep the reflection"), key="Space")
    expect(page.locator("h2#step-h")).to_have_text("That's it for now")

    # an idea from the recurring theme goes into the plan
    press_on(page, page.get_by_role("button", name="Add to my plan").first)
    expect(page.locator(".flash")).to_contain_text("In your plan")
    press_on(page, page.get_by_role("navigation", name="Main").get_by_role("link", name="Plan"))
    expect(page.locator("#items-h + ul")).to_contain_text("planned")
    save_shot(page, "keyboard-flow-plan")
    context.close()
