"""Members join by signing in with their organisation's OpenID Connect provider (a small one
the test starts on 127.0.0.1): the code flow with PKCE, the ID token's signature, nonce,
audience and issuer checked, a verified address inside the organisation's domain required."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from nextyes.domain.accounts import Role
from tests.team.conftest import Person, Team
from tests.team.oidc_provider import Provider, run_provider


@pytest.fixture
def provider() -> Iterator[Provider]:
    yield from run_provider()


def _organisation_with_sso(team: Team, provider: Provider, domain: str = "") -> int:
    runner = team.person("runner@example.org", role=Role.ADMIN)
    made = runner.form("/organisations", {"name": "Uni Careers"})
    org_id = int(made.headers["location"].rsplit("/", 1)[1])
    saved = runner.form(
        f"/organisations/{org_id}/sso",
        {"issuer": provider.url, "client_id": provider.client_id,
         "client_secret": provider.client_secret, "email_domain": domain},
    )  # fmt: skip
    assert saved.status_code == 303, saved.text
    return org_id


def _sign_on(team: Team, provider: Provider, org_id: int) -> tuple[Person, object]:
    import httpx

    browser = team.browser()
    start = browser.get(f"/sso/{org_id}")
    assert start.status_code == 303, start.text
    assert start.headers["location"].startswith(f"{provider.url}/authorize?")
    back = httpx.get(start.headers["location"], follow_redirects=False)
    assert back.status_code == 302
    callback = urlsplit(back.headers["location"])
    assert callback.path == f"/sso/{org_id}/callback"
    return browser, browser.get(f"{callback.path}?{callback.query}")


def test_a_member_signs_in_with_the_organisations_provider(
    sqlite_team: Team, provider: Provider
) -> None:
    org_id = _organisation_with_sso(sqlite_team, provider, "uni.example")
    provider.user = {
        "sub": "u-1",
        "email": "Ada@uni.example",
        "email_verified": True,
        "name": "Ada",
    }
    journal = sqlite_team.journal()
    try:  # the client secret is kept sealed; the sign-in below opens it with the server's key
        stored = str(journal.db.scalar("SELECT sso_client_secret FROM organisations"))
        journal.db.rollback()
    finally:
        journal.close()
    assert stored.startswith("sealed:v1:") and provider.client_secret not in stored
    browser, done = _sign_on(sqlite_team, provider, org_id)
    assert done.status_code == 303, done.text  # type: ignore[attr-defined]
    assert browser.get("/api/v1/account").json()["email"] == "ada@uni.example"
    page = browser.get("/organisations")
    assert "Uni Careers" in page.text and "is not counted" in page.text.replace(
        "not counted in", "is not counted"
    )
    # signing in again finds the same account and membership
    again, done = _sign_on(sqlite_team, provider, org_id)
    assert done.status_code == 303  # type: ignore[attr-defined]
    assert again.get("/api/v1/account").json()["id"] == browser.get("/api/v1/account").json()["id"]


def test_an_address_outside_the_domain_or_unverified_is_refused(
    sqlite_team: Team, provider: Provider
) -> None:
    org_id = _organisation_with_sso(sqlite_team, provider, "uni.example")
    provider.user = {"sub": "u-2", "email": "eve@elsewhere.example", "email_verified": True}
    browser, done = _sign_on(sqlite_team, provider, org_id)
    assert done.status_code == 400  # type: ignore[attr-defined]
    assert browser.get("/api/v1/account").status_code == 401
    provider.user = {"sub": "u-3", "email": "bob@uni.example", "email_verified": False}
    _, done = _sign_on(sqlite_team, provider, org_id)
    assert done.status_code == 400  # type: ignore[attr-defined]


def test_a_forged_or_replayed_answer_is_refused(sqlite_team: Team, provider: Provider) -> None:
    import httpx

    org_id = _organisation_with_sso(sqlite_team, provider)
    provider.user = {"sub": "u-4", "email": "cy@uni.example", "email_verified": True}
    browser = sqlite_team.browser()
    start = browser.get(f"/sso/{org_id}")
    back = urlsplit(httpx.get(start.headers["location"]).headers["location"])
    forged = back.query.replace("state=", "state=x")
    assert browser.get(f"{back.path}?{forged}").status_code == 400
    other = sqlite_team.browser()  # another browser: no state cookie of its own
    assert other.get(f"{back.path}?{back.query}").status_code == 400
    assert browser.get("/api/v1/account").status_code == 401
    kept = browser.client.cookies.get("nextyes_sso")
    assert kept
    assert browser.get(f"{back.path}?{back.query}").status_code == 303  # the real answer
    replay = sqlite_team.browser()
    replay.client.cookies.set("nextyes_sso", kept)
    assert replay.get(f"{back.path}?{back.query}").status_code == 400  # used once
