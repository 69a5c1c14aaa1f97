"""Team mode in a real browser (Chromium): signing in, two-step set-up, and stored XSS.

Text one person stores, however hostile, is shown as text on every page: a dialog hook and a
script-error hook prove that nothing in it runs. Screenshots go with the other web tests'.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from nextyes.config import Settings
from nextyes.server_settings import ServerSettings
from nextyes.services.accounts import admin
from nextyes.services.journal import open_journal
from nextyes.web.team.app import create_served_app
from tests.conftest import IN_CI, NOW
from tests.team.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.xdist_group("browser")]

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
EVIL = [
    '<script>alert("company")</script>',
    '"><img src=x onerror=alert("role")>',
    "<svg onload=alert('note')></svg>",
    "javascript:alert('url')",
    "</textarea><script>alert(1)</script>",
    "{{ 7*7 }}<iframe srcdoc=\"<script>alert('frame')</script>\"></iframe>",
]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def served(settings: Settings) -> Iterator[str]:
    import uvicorn

    open_journal(settings).close()
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    app = create_served_app(settings, ServerSettings(public_url=url))
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="on")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the served app did not start"
        time.sleep(0.02)
    yield url
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture
def chromium() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"Chromium is required in CI but {CHROMIUM} is missing.")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser
        browser.close()


def _sign_in(page: Any, email: str) -> None:
    page.goto("/board")
    assert "/sign-in" in page.url
    page.fill("#f-email", email)
    page.fill("#f-password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/board")


def test_hostile_text_stored_by_a_person_never_runs_in_a_browser(
    chromium: Any, served: str, settings: Settings
) -> None:
    journal = open_journal(settings)
    admin.create_account(journal.uow(), "mallory@example.org", NOW, password=PASSWORD)
    journal.close()
    context = chromium.new_context(base_url=served, viewport={"width": 1280, "height": 900})
    context.set_default_timeout(20_000)
    page = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    _sign_in(page, "mallory@example.org")
    token = page.get_attribute('meta[name="csrf-token"]', "content")
    api = context.request
    made = api.post(
        "/api/v1/applications",
        data={"company": EVIL[0], "role": EVIL[1], "url": "https://example.org/job", "location": EVIL[4],
              "note": EVIL[2], "source": EVIL[5][:60]},
        headers={"X-CSRF-Token": token},
    )  # fmt: skip
    assert made.status == 201, made.text()
    app_id = made.json()["id"]
    for text in EVIL:
        assert api.post(
            f"/api/v1/applications/{app_id}/notes",
            data={"text": text},
            headers={"X-CSRF-Token": token},
        ).ok
    assert api.post(
        "/api/v1/contacts",
        data={"name": EVIL[1][:200], "notes": EVIL[0]},
        headers={"X-CSRF-Token": token},
    ).ok
    assert api.post("/api/v1/wins", data={"text": EVIL[2]}, headers={"X-CSRF-Token": token}).ok
    assert api.put("/api/v1/why", data={"text": EVIL[4]}, headers={"X-CSRF-Token": token}).ok
    assert api.post("/account/tokens", form={"csrf_token": token, "name": EVIL[1][:100]}).ok
    SHOTS.mkdir(parents=True, exist_ok=True)
    for path in ("/", "/board", "/applications", f"/applications/{app_id}", "/contacts", "/wins",
                 "/settings", "/journal", "/account"):  # fmt: skip
        page.goto(path)
        page.wait_for_load_state("load")
        assert page.locator("script:not([src])").count() == 0, path
        assert page.locator("img[onerror], svg[onload], iframe").count() == 0, path
        if path == f"/applications/{app_id}":
            assert EVIL[0] in page.inner_text("main")  # shown, as text
            page.screenshot(path=str(SHOTS / "team-xss-application.png"), full_page=True)
    page.screenshot(path=str(SHOTS / "team-account.png"), full_page=True)
    context.close()
    assert dialogs == [], dialogs
    assert errors == [], errors


def test_a_person_deletes_their_account_from_the_account_page(
    chromium: Any, served: str, settings: Settings
) -> None:
    journal = open_journal(settings)
    made = admin.create_account(journal.uow(), "leaving@example.org", NOW, password=PASSWORD)
    journal.close()
    context = chromium.new_context(base_url=served, viewport={"width": 390, "height": 844})
    context.set_default_timeout(20_000)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    _sign_in(page, "leaving@example.org")
    page.goto("/account#delete")
    # The page fits the phone: the sessions table becomes cards instead of running off the side.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.fill("#d-email", "someone-else@example.org")  # a slip: nothing happens
    page.fill("#d-password", PASSWORD)
    page.click("#delete button[type=submit]")
    assert "type its address (leaving@example.org)" in page.inner_text("main")
    page.fill("#d-email", "leaving@example.org")
    page.fill("#d-password", PASSWORD)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "team-account-delete.png"), full_page=True)
    page.click("#delete button[type=submit]")
    page.wait_for_url("**/sign-in")
    assert "Your account and everything in your journal are deleted" in page.inner_text("body")
    page.goto("/board")
    assert "/sign-in" in page.url
    context.close()
    journal = open_journal(settings)
    try:
        assert journal.db.scalar("SELECT count(*) FROM users WHERE id = :id", {"id": made.id}) == 0
    finally:
        journal.close()
    assert errors == [], errors
