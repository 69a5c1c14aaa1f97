"""`nextyes web` is its user's alone: a one-time key, its cookie, or the home's token; loopback only.

Another account on the same machine can reach 127.0.0.1 as well as its owner can, so every
request must bring a secret only the owner has.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextyes.config import Settings
from nextyes.services.settings.local_access import api_token
from nextyes.web.app import create_app
from nextyes.web.security import LocalAccess

BASE = "http://127.0.0.1:8765"
KEY = "one-time-key-for-this-test-0123456789"


@pytest.fixture
def access(settings: Settings) -> LocalAccess:
    token, path = api_token(settings.home)
    return LocalAccess(KEY, token, path)


def _client(settings: Settings, access: LocalAccess, host: str = "127.0.0.1") -> TestClient:
    app = create_app(settings, port=8765, access=access)
    return TestClient(app, base_url=BASE, client=(host, 50000), follow_redirects=False)


@pytest.fixture
def stranger(settings: Settings, access: LocalAccess) -> Iterator[TestClient]:
    with _client(settings, access) as client:
        yield client


def test_without_the_key_nothing_of_the_journal_is_served(stranger: TestClient) -> None:
    for path in ("/", "/api/v1/applications", "/api/v1/session", "/settings", "/review"):
        answer = stranger.get(path)
        assert answer.status_code == 401, path
        assert "nextyes web" in answer.text
    assert (
        stranger.post("/api/v1/applications", json={"company": "X", "role": "Y"}).status_code == 401
    )
    assert stranger.get("/static/app.css").status_code in (200, 404)  # no journal in there


def test_the_one_time_key_becomes_the_access_cookie_once(
    settings: Settings, access: LocalAccess
) -> None:
    with _client(settings, access) as browser:
        entered = browser.get(f"/review?key={KEY}&week=last")
        assert entered.status_code == 303
        assert entered.headers["location"] == "/review?week=last"  # the key leaves the address
        assert "HttpOnly" in entered.headers["set-cookie"]
        assert browser.get("/").status_code == 200
        token = browser.get("/api/v1/session").json()["csrf_token"]
        added = browser.post(
            "/api/v1/applications",
            json={"company": "Acme", "role": "Analyst"},
            headers={"X-CSRF-Token": token},
        )
        assert added.status_code == 201
    with _client(settings, access) as someone_else:
        assert someone_else.get(f"/?key={KEY}").status_code == 401  # used already


def test_scripts_use_the_token_from_the_home_without_csrf(
    stranger: TestClient, access: LocalAccess
) -> None:
    assert access.token_file.stat().st_mode & 0o777 == 0o600
    bearer = {"Authorization": f"Bearer {access.api_token}"}
    added = stranger.post(
        "/api/v1/applications", json={"company": "Acme", "role": "Analyst"}, headers=bearer
    )
    assert added.status_code == 201
    assert stranger.get("/api/v1/applications", headers=bearer).json()["items"][0]["company"] == (
        "Acme"
    )
    wrong = {"Authorization": f"Bearer {access.api_token[:-1]}x"}
    assert stranger.get("/api/v1/applications", headers=wrong).status_code == 401


def test_the_token_in_the_home_is_kept_across_restarts(settings: Settings) -> None:
    first, path = api_token(settings.home)
    assert api_token(settings.home) == (first, path)


@pytest.mark.parametrize("host", ["192.168.1.20", "10.0.0.2", "203.0.113.9", "testclient"])
def test_clients_other_than_this_computer_are_refused_even_with_the_token(
    settings: Settings, access: LocalAccess, host: str
) -> None:
    with _client(settings, access, host) as remote:
        bearer = {"Authorization": f"Bearer {access.api_token}"}
        answer = remote.get("/api/v1/applications", headers=bearer)
        assert answer.status_code == 403
        assert remote.get(f"/?key={KEY}").status_code == 403
    assert not access.key_used


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    key=st.text(max_size=60),
    token=st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=60),
)
def test_no_guessed_key_or_token_opens_it(stranger: TestClient, key: str, token: str) -> None:
    answer = stranger.get(
        "/api/v1/applications", params={"key": key}, headers={"Authorization": f"Bearer {token}"}
    )
    assert answer.status_code == 401


def test_team_mode_is_not_asked_for_the_local_key(tmp_path: Path) -> None:
    """`nextyes serve` has accounts of its own; the local key is for `nextyes web` only."""
    from nextyes.web.app import create_app as local_app

    app = local_app(Settings.from_env(home=tmp_path / "plain"), port=8765)
    with TestClient(app, base_url=BASE) as client:
        assert client.get("/api/v1/applications").status_code == 200


def test_a_browser_not_let_in_is_told_how_in_words_that_fit_a_page(stranger: TestClient) -> None:
    """A page that was only looked at is not "Not saved", and a page shows no Markdown."""
    page = stranger.get("/settings").text
    assert "<h1>Not saved</h1>" not in page and "`" not in page, page
    assert "nextyes web" in page and "one browser" in page
    refused = stranger.post("/settings", data={"your_name": "Ada"}).text
    assert "<h1>Not saved</h1>" in refused


def test_a_refusal_offers_no_way_back_that_meets_the_same_refusal(
    stranger: TestClient, settings: Settings, access: LocalAccess
) -> None:
    """The dashboard would refuse a browser not let in (or another computer) just the same."""
    assert "href=/" not in stranger.get("/settings").text
    with _client(settings, access, "192.0.2.7") as remote:
        page = remote.get("/settings").text
        assert "href=/" not in page and "`" not in page, page
