"""With JavaScript off, a phone still has its navigation and every form still works (uploads
included); words that promise live behaviour appear only where the script runs."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect

from nextyes.config import Settings
from tests.web.live import DESKTOP, PHONE, Live, new_context, save_shot, serve

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

SHEET = "Company,Job Title,Date Applied\nAcme Robotics,Data Analyst,2026-11-02\n"


@pytest.fixture
def live(settings: Settings) -> Iterator[Live]:
    with serve(settings) as running:
        yield running


def test_a_phone_without_javascript_can_still_do_everything(
    chromium: Any, live: Live, tmp_path: Any
) -> None:
    context = new_context(chromium, live, PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto("/")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_hidden()
    page.get_by_role("link", name="Menu").click()  # the menu opens as the link's target
    expect(nav).to_be_visible()
    save_shot(page, "no-script-menu-390")
    nav.get_by_role("link", name="Board", exact=True).click()
    page.set_viewport_size(DESKTOP)
    expect(page.locator("#board-keys")).to_be_hidden()  # keyboard moves need the script
    page.set_viewport_size(PHONE)

    page.get_by_label("Company").fill("Beacon Media")
    page.get_by_label("Role").fill("BI Developer")
    page.get_by_role("button", name="Add").click()
    expect(page.locator(".flash")).to_contain_text("Beacon Media · BI Developer is in your journal")

    sheet = tmp_path / "sheet.csv"
    sheet.write_text(SHEET)
    page.goto("/data")
    page.get_by_label("Spreadsheet (CSV)").set_input_files(str(sheet))
    page.get_by_role("button", name="Show the preview").click()
    expect(page.locator("h1")).to_contain_text("sheet.csv")
    page.get_by_role("button", name="Add the 1 new application").click()
    expect(page.locator(".flash")).to_contain_text("Added 1 application from sheet.csv")
    context.close()


def test_with_the_script_the_live_help_appears_and_the_menu_is_a_disclosure(
    chromium: Any, live: Live
) -> None:
    context = new_context(chromium, live, PHONE)
    page = context.new_page()
    page.goto("/board")
    menu = page.get_by_role("button", name="Menu")
    expect(menu).to_have_attribute("aria-expanded", "false")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    page.set_viewport_size(DESKTOP)
    expect(page.locator("#board-keys")).to_be_visible()
    context.close()
