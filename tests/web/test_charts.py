"""Charts: SVG with a table beside it, drawn once per journal version, never per request."""

from __future__ import annotations

import re
from datetime import timedelta

from fastapi import FastAPI

from nextyes.domain.models import NewApplication
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from tests.conftest import NOW, TODAY
from tests.web.conftest import Browser


def _chart_address(html: str) -> str:
    found = re.search(r'src="(/charts/pipeline\.svg\?v=[^"]+)"', html)
    assert found
    return found.group(1)


def test_the_pipeline_chart_comes_with_its_numbers_as_a_table(
    browser: Browser, journal: Journal
) -> None:
    for n in range(3):
        svc.add_application(journal.uow(), NewApplication(f"C{n}", "R", TODAY), NOW)
    html = browser.get("/").text
    assert 'alt="Open applications by stage. Applied 3."' in html
    assert '<th scope="row">Applied</th><td class="num">3</td>' in html
    svg = browser.get(_chart_address(html))
    assert svg.headers["content-type"] == "image/svg+xml"
    assert svg.content.startswith(b"<?xml")
    assert b"<script" not in svg.content
    assert "immutable" in svg.headers["cache-control"]
    assert "unsafe-inline" in svg.headers["content-security-policy"]  # its own styles only


def test_a_chart_is_drawn_once_until_the_journal_changes(
    browser: Browser, journal: Journal, app: FastAPI
) -> None:
    svc.add_application(journal.uow(), NewApplication("A", "R", TODAY), NOW)
    cache = app.state.nextyes.cache
    first = browser.get(_chart_address(browser.get("/").text)).content
    computed = cache.computed
    for _ in range(3):
        assert browser.get(_chart_address(browser.get("/").text)).content == first
    assert cache.computed == computed
    # another program (the command line) writes: the next request notices
    svc.add_application(journal.uow(), NewApplication("B", "R", TODAY - timedelta(days=1)), NOW)
    html = browser.get("/").text
    assert "Applied 2" in html
    assert browser.get(_chart_address(html)).content != first
    assert cache.computed > computed


def test_an_address_with_an_old_version_is_not_kept_by_the_browser(browser: Browser) -> None:
    response = browser.get("/charts/pipeline.svg?v=old")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-cache"


def test_an_unknown_chart_is_a_plain_not_found(browser: Browser) -> None:
    response = browser.get("/charts/nothing.svg")
    assert response.status_code == 404
    assert "no chart called nothing" in response.text
