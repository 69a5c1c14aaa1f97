"""The mail waiting for review, with its choices, fits a phone's screen: a long checkbox label
wraps inside its card instead of pushing the page sideways."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nextyes.config import Settings
from tests.conftest import Cli
from tests.web.live import PHONE, new_context, save_shot, serve

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "inbox.mbox"


def test_mail_waiting_for_review_fits_a_phone(chromium: Any, run: Cli, settings: Settings) -> None:
    run.ok("mail", "import", str(EXAMPLE))
    with serve(settings) as live:
        context = new_context(chromium, live, PHONE)
        page = context.new_page()
        page.goto("/mail")
        page.get_by_role("button", name="Set it aside").first.wait_for()
        width = page.evaluate("document.documentElement.scrollWidth")
        viewport = page.evaluate("document.documentElement.clientWidth")
        save_shot(page, "mail-review-390")
        context.close()
    assert width <= viewport, f"the mail review is {width} px wide on a {viewport} px phone"
