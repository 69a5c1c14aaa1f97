"""Web fixtures: the real app over the test's journal, driven through TestClient."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from nextyes.config import Settings
from nextyes.web.app import create_app
from tests.conftest import IN_CI
from tests.web.live import CHROMIUM, FLAGS

BASE = "http://127.0.0.1:8765"
_TOKEN = re.compile(r'name="csrf-token" content="([0-9a-f]+)"')


@pytest.fixture
def app(settings: Settings) -> FastAPI:
    return create_app(settings, port=8765)


@dataclass
class Browser:
    """A TestClient with a session: it knows its CSRF token, like a page would."""

    client: TestClient

    @property
    def token(self) -> str:
        found = _TOKEN.search(self.client.get("/settings").text)
        assert found
        return found.group(1)

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get(path, **kwargs)

    def form(self, path: str, data: dict[str, str], *, follow: bool = False) -> Any:
        """Post a form the way a page does, with the token."""
        return self.client.post(
            path, data={"csrf_token": self.token, **data}, follow_redirects=follow
        )

    def api(self, method: str, path: str, json: Any = None) -> Any:
        token = self.client.get("/api/v1/session").json()["csrf_token"]
        return self.client.request(method, path, json=json, headers={"X-CSRF-Token": token})


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, base_url=BASE) as client:
        yield client


@pytest.fixture
def browser(client: TestClient) -> Browser:
    return Browser(client)


@pytest.fixture
def any_browser(any_settings: Settings) -> Iterator[Browser]:
    """A browser session on the app over SQLite, then over PostgreSQL."""
    with TestClient(create_app(any_settings, port=8765), base_url=BASE) as client:
        yield Browser(client)


def flash_of(html: str) -> str:
    found = re.search(r'class="flash" role="status">([^<]*)<', html)
    return found.group(1) if found else ""


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """One headless Chromium for the whole test session (each test opens its own context).

    Skipped when Chromium is missing, except under CI=true, where it is required."""
    if not CHROMIUM.exists():
        if IN_CI:
            pytest.fail(f"Chromium is required in CI but {CHROMIUM} is missing.")
        pytest.skip(f"no Chromium at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        yield browser
        browser.close()
