"""The web app installs like an app: a valid manifest with icons drawn by nextyes, and a service
worker that keeps the last dashboard readable (and says so) when nextyes cannot be reached."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect

from nextyes.config import Settings
from nextyes.domain.models import NewApplication, Origin
from nextyes.services.journal import open_journal
from nextyes.services.pipeline import applications as svc
from tests.conftest import NOW, TODAY
from tests.web.conftest import Browser
from tests.web.live import CHROMIUM, FLAGS, PHONE, save_shot, serve


def test_the_manifest_names_the_app_and_every_icon_it_lists_is_there(browser: Browser) -> None:
    from PIL import Image

    response = browser.get("/manifest.webmanifest")
    assert response.headers["content-type"] == "application/manifest+json"
    manifest = json.loads(response.text)
    assert manifest["short_name"] == "nextyes"
    assert manifest["start_url"] == "/" and manifest["display"] == "standalone"
    purposes = set()
    for icon in manifest["icons"]:
        found = browser.get(icon["src"])
        assert found.status_code == 200, icon
        assert found.headers["content-type"] == icon["type"]
        purposes.add(icon["purpose"])
        if icon["type"] == "image/png":
            width, height = Image.open(io.BytesIO(found.content)).size
            assert f"{width}x{height}" == icon["sizes"]
        else:
            assert found.text.startswith("<svg") and "<script" not in found.text
    assert {"any", "maskable"} <= purposes
    assert {"192x192", "512x512"} <= {i["sizes"] for i in manifest["icons"]}
    page = browser.get("/").text
    assert '<link rel="manifest" href="/manifest.webmanifest">' in page
    assert browser.get("/icons/icon-7.png").status_code == 404


@pytest.mark.browser
@pytest.mark.xdist_group("browser")
def test_chromium_finds_it_installable_and_the_dashboard_stays_readable_offline(
    chromium: Any, settings: Settings, tmp_path: Path
) -> None:
    journal = open_journal(settings)
    svc.add_application(
        journal.uow(),
        NewApplication("Acme Robotics", "Data Analyst", TODAY),
        NOW,
        origin=Origin.CLI,
    )
    journal.close()
    with serve(settings) as live:
        # a profile of its own: Chromium installs nothing from a private (incognito) window
        context = chromium.browser_type.launch_persistent_context(
            str(tmp_path / "profile"), executable_path=str(CHROMIUM), args=FLAGS,
            base_url=live.url, viewport=PHONE,
        )  # fmt: skip
        context.set_default_timeout(20_000)
        page = context.pages[0] if context.pages else context.new_page()
        page.goto("/")
        assert page.evaluate("navigator.serviceWorker.ready.then(r => r.active.scriptURL)") == (
            f"{live.url}/sw.js"
        )
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["errors"] == [], manifest["errors"]
        assert cdp.send("Page.getInstallabilityErrors")["installabilityErrors"] == []
        page.reload()  # now under the worker: it keeps this dashboard
        expect(page.locator("#offline-note")).to_be_hidden()
        expect(page.locator("h1")).to_be_visible()
    # nextyes has stopped: the dashboard is still there, and the page says why it may be old
    page.reload()
    expect(page.locator(".panel", has_text="What needs you today")).to_be_visible()
    note = page.locator("#offline-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("can't be reached right now")
    expect(note.locator("time")).not_to_be_empty()
    save_shot(page, "offline-dashboard-390")
    context.close()
