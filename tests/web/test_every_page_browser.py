"""Every page, on an empty and on a demo journal, at a phone's width (390 px) and a laptop's
(1280 px): nothing wider than the screen, tap targets of 44 px, text of 16 px on the phone, no
serious or critical accessibility problem (axe-core), and a screenshot of each for CI.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nextyes.config import Settings
from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import Stage
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import open_journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.recovery.cool_down import reject_and_recover
from tests.conftest import NOW, NOW_TEXT, TODAY
from tests.web.live import DESKTOP, PHONE, Live, new_context, save_shot, serve

# A group of their own: these run beside the other browser tests, on the other worker.
pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser-pages"), pytest.mark.slow]

MIN_TARGET = 44
MIN_TEXT = 16

# What the page measures of itself: the document's width, controls smaller than a fingertip,
# and text smaller than 16 px (on a phone). A link inside a sentence is exempt from the size
# of a target, as WCAG 2.5.8 allows; a checkbox or radio button counts with its label.
MEASURE = """([minTarget, minText]) => {
  const visible = (el) => {
    if (el.closest("details:not([open]) > :not(summary)")) return false;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden";
  };
  const name = (el) => (el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") + " "
    + (el.getAttribute("aria-label") || el.textContent || el.name || "").trim().slice(0, 40));
  const inSentence = (el) => Array.from(el.parentElement.childNodes).some(
    (n) => n.nodeType === 3 && n.textContent.trim());
  const small = [];
  const selector = "a[href], button, input:not([type=hidden]), select, textarea, summary";
  for (const el of document.querySelectorAll(selector)) {
    if (!visible(el) || el.closest(".visually-hidden") || el.classList.contains("skip")) continue;
    if (el.tagName === "A" && inSentence(el)) continue;
    let box = el.getBoundingClientRect();
    if ((el.type === "checkbox" || el.type === "radio") && el.labels.length) {
      const label = el.labels[0].getBoundingClientRect();
      const top = Math.min(box.top, label.top), bottom = Math.max(box.bottom, label.bottom);
      box = { width: Math.max(box.right, label.right) - Math.min(box.left, label.left),
              height: bottom - top };
    }
    if (box.height < minTarget - 0.5 || box.width < minTarget - 0.5) {
      small.push(`${name(el)} is ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  const tiny = new Set();
  if (minText) {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!node.textContent.trim() || !el || !visible(el) || el.closest(".visually-hidden, svg, .skip")) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < minText - 0.01) tiny.add(`${el.tagName.toLowerCase()}.${el.className} ${size}px: ${node.textContent.trim().slice(0, 30)}`);
    }
  }
  return {
    width: document.documentElement.scrollWidth,
    viewport: document.documentElement.clientWidth,
    small: small.slice(0, 12),
    tiny: Array.from(tiny).slice(0, 12),
  };
}"""


# Every chart has loaded, and a phone is given the chart drawn for a phone.
CHARTS = """(phone) => Array.from(document.querySelectorAll("figure.chart img"))
  .filter((img) => !(img.complete && img.naturalWidth > 0)
    || (phone && !img.currentSrc.includes("size=phone") && !img.closest(".review-section")))
  .map((img) => img.currentSrc.slice(0, 60))"""


def _settings(folder: Path) -> Settings:
    return Settings.from_env(home=folder, env={"NEXTYES_NOW": NOW_TEXT})


@pytest.fixture(scope="module")
def empty_journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    with serve(_settings(tmp_path_factory.mktemp("empty"))) as live:
        yield live


@pytest.fixture(scope="module")
def demo_journal(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    settings = _settings(tmp_path_factory.mktemp("demo"))
    journal = open_journal(settings)
    fill_demo(journal.uow(), NOW, count=80)
    # a fresh no, so the wizard's pages have something to show
    fresh = svc.add_application(
        journal.uow(),
        NewApplication("Northwind Labs", "Data Analyst", TODAY),
        NOW,
        origin=Origin.CLI,
    )
    reject_and_recover(journal.uow(), fresh.id, TODAY, NOW, cool_down="none", origin=Origin.CLI)
    journal.close()
    with serve(settings) as live:
        yield live


def demo_pages(live: Live) -> dict[str, str]:
    journal = open_journal(live.settings)
    uow = journal.uow()
    interview = svc.list_applications(uow, ApplicationQuery(stages=(Stage.INTERVIEW,))).items[0]
    rejected = svc.list_applications(uow, ApplicationQuery(company="Northwind")).items[0]
    journal.close()
    wizard = f"/applications/{rejected.id}/recovery"
    return {
        **PAGES,
        "application": f"/applications/{interview.id}",
        "rejection": f"/applications/{interview.id}/reject",
        "application-delete": f"/applications/{interview.id}/delete",
        "application-merge": f"/applications/{interview.id}/merge",
        "wizard-cool-down": f"{wizard}/cool-down",
        "wizard-request": f"{wizard}/request",
        "wizard-reply": f"{wizard}/reply",
        "wizard-reflect": f"{wizard}/reflect",
        "wizard-done": f"{wizard}/done",
        "person": "/contacts/1",
        "review-last-week": "/review?week=last",
    }


PAGES = {
    "dashboard": "/",
    "board": "/board",
    "applications": "/applications",
    "application-new": "/applications/new",
    "offers": "/offers",
    "insights": "/insights",
    "plan": "/plan",
    "practice": "/practice",
    "people": "/contacts",
    "wins": "/wins",
    "journal": "/journal",
    "mail": "/mail",
    "mail-import": "/mail/import",
    "mail-applied": "/mail/applied",
    "review": "/review",
    "data": "/data",
    "settings": "/settings",
    "not-found": "/nowhere",
}


def axe_problems(page: Any) -> list[str]:
    """Serious and critical violations found by axe-core, one line each."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page).response
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes'][:3]]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def check_every_page(chromium: Any, live: Live, pages: dict[str, str], journal: str) -> None:
    problems: list[str] = []
    for viewport, label in ((PHONE, "390"), (DESKTOP, "1280")):
        context = new_context(chromium, live, viewport)
        page = context.new_page()
        errors: list[str] = []
        page.on("pageerror", lambda error, found=errors: found.append(str(error)))
        for name, path in pages.items():
            page.goto(path)
            where = f"{journal} {name} at {label} px ({path})"
            seen = page.evaluate(MEASURE, [MIN_TARGET, MIN_TEXT if viewport is PHONE else 0])
            if seen["width"] > seen["viewport"]:
                problems.append(f"{where}: {seen['width']} px wide for {seen['viewport']} px")
            problems += [f"{where}: a small target, {s}" for s in seen["small"]]
            problems += [f"{where}: small text, {t}" for t in seen["tiny"]]
            problems += [f"{where}: {p}" for p in axe_problems(page)]
            problems += [f"{where}: chart {c}" for c in page.evaluate(CHARTS, viewport is PHONE)]
            save_shot(page, f"{journal}-{name}-{label}")
        problems += [f"{journal} at {label} px: script error {e}" for e in errors]
        context.close()
    assert not problems, "\n".join(problems)


def test_every_page_of_an_empty_journal_fits_a_phone_and_a_laptop(
    chromium: Any, empty_journal: Live
) -> None:
    check_every_page(chromium, empty_journal, PAGES, "empty")


def test_every_page_of_a_demo_journal_fits_a_phone_and_a_laptop(
    chromium: Any, demo_journal: Live
) -> None:
    check_every_page(chromium, demo_journal, demo_pages(demo_journal), "demo")


def test_the_spreadsheet_import_and_its_choices_fit_a_phone_and_a_laptop(
    chromium: Any, empty_journal: Live, tmp_path: Path
) -> None:
    """The import preview is reached by an upload, not an address: a semicolon sheet in
    Windows encoding is refused with its choices shown, then read once told how."""
    sheet = tmp_path / "excel.csv"
    sheet.write_bytes(
        "Firm;Vacancy;Date applied\nCafé Müller;Barista;2026-11-03\n".encode("cp1252")
    )
    problems: list[str] = []
    for viewport, label in ((PHONE, "390"), (DESKTOP, "1280")):
        context = new_context(chromium, empty_journal, viewport)
        page = context.new_page()
        page.goto("/data")
        page.set_input_files("#csv-file", str(sheet))
        page.get_by_role("button", name="Show the preview").click()
        page.get_by_role("alert").filter(has_text="Text encoding").wait_for()
        page.select_option("#csv-encoding", "cp1252")
        page.select_option("#csv-delimiter", "semicolon")
        with page.expect_navigation():
            page.get_by_role("button", name="Read the file again").click()
        page.select_option("#column-0", "company")
        page.select_option("#column-1", "role")
        with page.expect_navigation():
            page.get_by_role("button", name="Read the file again").click()
        page.get_by_role("button", name="Add the 1 new application").wait_for()
        where = f"the import preview at {label} px"
        seen = page.evaluate(MEASURE, [MIN_TARGET, MIN_TEXT if viewport is PHONE else 0])
        if seen["width"] > seen["viewport"]:
            problems.append(f"{where}: {seen['width']} px wide for {seen['viewport']} px")
        problems += [f"{where}: a small target, {s}" for s in seen["small"]]
        problems += [f"{where}: small text, {t}" for t in seen["tiny"]]
        problems += [f"{where}: {p}" for p in axe_problems(page)]
        save_shot(page, f"empty-import-preview-{label}")
        context.close()
    assert not problems, "\n".join(problems)
