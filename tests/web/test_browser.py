"""The web app in a real browser (Chromium through Playwright), with screenshots of every page.

Skipped when Chromium is missing, except under CI=true, where it is required.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from nextyes.config import Settings
from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.stages import Stage
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import open_journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.recovery.feedback_requests import add_feedback
from tests.conftest import NOW, TODAY
from tests.postings_server import postings_site
from tests.web.live import DESKTOP, Live, new_context, save_shot, serve

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]
__all__ = ["postings_site"]

SQL_FEEDBACK = "Your SQL answers were not strong enough; the technical skills were the gap."


@pytest.fixture
def live(settings: Settings) -> Iterator[Live]:
    """The app served by uvicorn on 127.0.0.1, in a thread, over the test's journal."""
    with serve(settings) as running:
        yield running


@pytest.fixture
def page(chromium: Any, live: Live) -> Iterator[Any]:
    context = new_context(chromium, live, DESKTOP)
    page = context.new_page()
    problems: list[str] = []

    def on_console(message: Any) -> None:
        # a refused form answers 4xx on purpose; the browser logs it as a failed load
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            problems.append(message.text)

    def on_response(response: Any) -> None:
        if response.status >= 400 and ("/static/" in response.url or "/charts/" in response.url):
            problems.append(f"{response.status} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("response", on_response)
    yield page
    context.close()
    assert not problems, problems  # no script errors, nothing blocked by the page's policy


AUDIT = """() => {
  const problems = [];
  const ids = new Map();
  for (const el of document.querySelectorAll("[id]")) {
    ids.set(el.id, (ids.get(el.id) || 0) + 1);
  }
  for (const [id, n] of ids) if (n > 1) problems.push(`id ${id} is used ${n} times`);
  for (const el of document.querySelectorAll("input, select, textarea")) {
    if (el.type === "hidden") continue;
    const named = el.labels.length || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
    if (!named) problems.push(`${el.name} has no label`);
  }
  for (const img of document.querySelectorAll("img")) {
    if (!img.hasAttribute("alt")) problems.push(`an image has no alt text: ${img.src}`);
  }
  for (const button of document.querySelectorAll("button, a")) {
    if (!button.textContent.trim() && !button.getAttribute("aria-label")) problems.push("a control without a name");
  }
  if (document.querySelectorAll("h1").length !== 1) problems.push("not exactly one h1");
  let level = 0;
  for (const h of document.querySelectorAll("h1, h2, h3, h4")) {
    const next = Number(h.tagName[1]);
    if (next > level + 1) problems.push(`heading ${h.textContent.trim()} skips a level`);
    level = next;
  }
  if (!document.documentElement.lang) problems.push("no page language");
  return problems;
}"""


def audit(page: Any) -> None:
    """Basic accessibility: labels, alt texts, names, one h1, heading order, unique ids."""
    problems = page.evaluate(AUDIT)
    assert not problems, (page.url, problems)


def shot(page: Any, name: str) -> None:
    """A screenshot for test-artifacts/, after the page passes the audit."""
    audit(page)
    save_shot(page, name)


def column(page: Any, stage: str) -> Any:
    return page.locator("section.column", has=page.locator(f"#col-{stage}"))


def test_an_application_goes_from_quick_add_to_a_no_in_the_browser(page: Any, live: Live) -> None:
    # an earlier no whose feedback mentions a theme, so the wizard can end with a plan idea
    journal = open_journal(live.settings)
    for company in ("Earlier Co", "Other Co"):
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
    page.goto("/board")
    shot(page, "board-empty")
    page.get_by_label("Company").fill("Acme Robotics")
    page.get_by_label("Role").fill("Data Analyst")
    page.get_by_role("button", name="Add").click()
    expect(page.locator(".flash")).to_contain_text(
        "Acme Robotics · Data Analyst is in your journal"
    )
    expect(column(page, "applied")).to_contain_text("Acme Robotics")

    # with a button
    page.locator("[data-card]", has_text="Acme Robotics").get_by_role(
        "button", name="Move on to Screening"
    ).click()
    expect(column(page, "screening")).to_contain_text("Acme Robotics")
    expect(page.locator(".flash")).to_contain_text("now screening")

    # with the keyboard: the card keeps the focus as it moves
    page.get_by_role("link", name="Acme Robotics").focus()
    page.keyboard.press("Shift+ArrowRight")
    expect(column(page, "interview")).to_contain_text("Acme Robotics")
    expect(page.get_by_role("link", name="Acme Robotics")).to_be_focused()
    shot(page, "board")

    page.get_by_role("link", name="Acme Robotics").click()
    expect(page.locator(".timeline")).to_contain_text("Interview")
    page.get_by_label("Add a note").fill("They use dbt and Looker")
    page.get_by_role("button", name="Add note").click()
    expect(page.locator("#notes")).to_contain_text("They use dbt and Looker")
    shot(page, "application")

    page.get_by_role("link", name="They said no").click()
    shot(page, "rejection")
    page.get_by_label("What they said").fill("They went with someone with more SQL experience")
    page.get_by_label("A cool-down before anything else").select_option("none")
    page.get_by_role("button", name="Record it").click()

    # the wizard: cool-down, a feedback request with the lint's marks, a reply, a reflection
    expect(page.locator("h2#step-h")).to_have_text("First, a breather")
    shot(page, "wizard-cool-down")
    page.get_by_role("link", name="When you're ready: ask for feedback").click()
    page.get_by_label("To", exact=True).fill("Priya Natarajan")
    page.get_by_role("button", name="Draft it").click()
    expect(page.locator("#lint-output")).to_contain_text("Acme Robotics")
    editor = page.get_by_label("Change it as you like")
    editor.fill(editor.input_value() + "\nWhy did you pick the other candidate?")
    expect(page.locator("#lint-output mark.lint")).to_have_count(1)
    mailto = page.locator("#draft-mailto").get_attribute("href") or ""
    assert "pick%20the%20other%20candidate" in mailto  # the mail app gets the edited text
    shot(page, "wizard-request")
    page.get_by_role("button", name="I sent it").click()
    expect(page.locator("h2#step-h")).to_have_text("A gracious reply")
    page.get_by_role("button", name="Draft a reply").click()
    expect(page.locator(".draft")).to_contain_text("Priya")
    shot(page, "wizard-reply")
    page.get_by_role("link", name="Next: reflect").click()
    page.locator("form textarea").first.fill("I rushed the SQL part; next time I'll slow down.")
    shot(page, "wizard-reflect")
    page.get_by_role("button", name="Keep the reflection").click()
    expect(page.locator("h2#step-h")).to_have_text("That's it for now")
    shot(page, "wizard-done")

    # the wizard ends with ideas from recurring themes: one becomes a plan item
    page.get_by_role("button", name="Add to my plan").first.click()
    expect(page.locator(".flash")).to_contain_text("In your plan")
    page.goto("/plan")
    expect(page.locator("#items-h + ul")).to_contain_text("planned")
    shot(page, "plan")

    page.get_by_role("link", name="Wins").click()
    page.get_by_label("What went well").fill("Got through to an interview with Acme")
    page.get_by_role("button", name="Keep it").click()
    expect(page.locator(".wins")).to_contain_text("Got through to an interview with Acme")
    page.goto("/")
    expect(page.locator(".week")).to_contain_text("Got through to an interview with Acme")
    shot(page, "dashboard-after-a-no")


def test_a_job_goes_from_its_posting_to_an_accepted_offer_in_the_browser(
    page: Any, live: Live
) -> None:
    journal = open_journal(live.settings)
    other = svc.add_application(
        journal.uow(),
        NewApplication("Brightwell", "Analyst", TODAY - timedelta(days=12)),
        NOW,
        origin=Origin.CLI,
    )
    svc.move_application(
        journal.uow(), other.id, Stage.INTERVIEW, TODAY - timedelta(5), NOW, origin=Origin.CLI
    )
    journal.close()
    posting = (Path(__file__).parents[1] / "text" / "postings" / "pasted.txt").read_text()
    page.goto("/applications/new")
    page.get_by_text("Or paste the ad's text").click()
    page.get_by_label("The posting").fill(posting)
    page.get_by_role("button", name="Read the posting").click()
    expect(page.get_by_label("Company")).to_have_value("Pioneer Credit Union")
    expect(page.get_by_label("Salary")).to_have_value("£32,000 – £36,000 a year")
    shot(page, "application-from-posting")
    page.get_by_role("button", name="Add to my journal").click()
    expect(page.locator("#posting")).to_contain_text("Kept on")
    page.locator("#posting summary", has_text="Junior Analytics Engineer").click()
    expect(page.locator("#posting")).to_contain_text("build and test data pipelines")

    page.get_by_text("Record an offer").click()
    page.get_by_label("Answer by").fill((TODAY + timedelta(days=4)).isoformat())
    page.get_by_label("Pay", exact=True).fill("36k")
    page.get_by_label("Currency").fill("GBP")
    page.get_by_label("Per", exact=True).select_option("year")
    page.get_by_role("button", name="Record the offer").click()
    expect(page.locator(".flash")).to_contain_text("Offer recorded for Pioneer Credit Union")
    expect(page.locator("#offer")).to_contain_text("4 days left")
    shot(page, "application-offer")
    page.goto("/offers")
    expect(page.locator("table.compare")).to_contain_text("36,000 GBP a year")
    shot(page, "offers-compared")
    page.get_by_role("link", name="Pioneer Credit Union").click()
    page.get_by_role("button", name="Accept this offer").click()
    expect(page.locator("h1")).to_contain_text("Accepted: Pioneer Credit Union")
    page.get_by_text("The draft").click()
    expect(page.locator(".draft")).to_contain_text("withdraw my application")
    shot(page, "offer-accepted")
    page.get_by_role("button", name="Close the ticked ones").click()
    expect(page.locator(".flash")).to_contain_text("Closed 1 of your other applications")


def test_the_bookmarklet_on_a_job_page_opens_the_form_filled_in(
    page: Any, live: Live, postings_site: str
) -> None:
    """One click on a board's page (JSON-LD inside an HTML comment, as some boards write it)
    opens the form filled in from the page's job data; the app itself fetches nothing."""
    page.goto("/applications/new")
    script = page.locator("a.bookmarklet").get_attribute("href").removeprefix("javascript:")
    board = page.context.new_page()
    board.goto(f"{postings_site}/board_graph.html")
    board.evaluate("window.open = (address) => { window.opened = address; }")
    board.evaluate(script)
    opened = board.evaluate("window.opened")
    board.close()
    assert opened.startswith(f"{live.url}/applications/new?url=") and len(opened) < 8000
    page.goto(opened)
    expect(page.get_by_role("status")).to_contain_text("Filled in from the page's job data")
    expect(page.get_by_label("Company")).to_have_value("Lumen Analytics Ltd")
    expect(page.get_by_label("Role")).to_have_value("Senior Analytics Engineer")
    expect(page.get_by_label("Link to the job ad")).to_have_value(
        f"{postings_site}/board_graph.html"
    )
    shot(page, "application-from-bookmarklet")
    page.get_by_role("button", name="Add to my journal").click()
    expect(page.locator("#posting")).to_contain_text("Kept on")


def test_a_mistake_in_a_form_is_explained_beside_it_keeping_what_was_typed(page: Any) -> None:
    page.goto("/applications/new")
    page.get_by_label("Company").fill("Acme")
    page.get_by_label("Role").fill("Analyst")
    page.get_by_label("Applied on").fill("2999-01-01")
    page.get_by_role("button", name="Add to my journal").click()
    problem = page.locator(".form-problem")
    expect(problem).to_contain_text("in the future")
    expect(problem).to_be_focused()
    expect(page.get_by_label("Company")).to_have_value("Acme")


def test_a_plain_form_is_accepted_and_the_charts_load(page: Any, live: Live) -> None:
    """Every page is visited, at two widths, by test_every_page_browser.py; here, a form sent
    by the browser itself (no script involved) and the dashboard's charts."""
    journal = open_journal(live.settings)
    fill_demo(journal.uow(), NOW, count=30)
    journal.close()
    # a plain form (no script involved) is accepted: the browser's Origin header is our own
    page.goto("/applications/1/delete")
    page.get_by_role("button", name="Remove it").click()
    expect(page.locator(".flash")).to_contain_text("Removed")
    page.goto("/")
    charts = page.locator("figure.chart img")
    assert charts.count() >= 2  # the pipeline, the mood, the funnel...
    assert charts.evaluate_all("imgs => imgs.every(i => i.complete && i.naturalWidth > 0)")
