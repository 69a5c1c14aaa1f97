"""The secrets a served nextyes keeps follow one rule, on SQLite and PostgreSQL: what an earlier
version sealed (even with the server.key file it made) still works after an upgrade, a server
without a secret key refuses to seal with a message (a page for a person, exit 2 for a command)
and writes nothing, and `nextyes admin reseal` moves every secret to a new key."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from nextyes.config import Settings
from nextyes.domain.accounts import Role
from nextyes.domain.organisations import SingleSignOn
from nextyes.services.journal import open_journal
from tests.conftest import Cli, snapshot
from tests.services.accounts.test_sealing import OLD_FILE, OLD_KEY, OLD_SSO, OLD_SSO_FROM_FILE
from tests.team.conftest import PASSWORD, SECRET_KEY, Person, Team, make_team
from tests.team.oidc_provider import Provider, run_provider


@pytest.fixture
def provider() -> Iterator[Provider]:
    yield from run_provider()


@pytest.fixture
def keyless(any_settings: Settings) -> Iterator[Team]:
    yield from make_team(any_settings, secret_key=None)


@pytest.fixture
def rekeyed(any_settings: Settings) -> Iterator[Team]:
    """A server whose key changed: the old one is among its previous keys."""
    yield from make_team(any_settings, previous_secret_keys=(OLD_KEY,))


def _organisation(team: Team) -> tuple[int, Person]:
    runner = team.person("runner@example.org", role=Role.ADMIN)
    made = runner.form("/organisations", {"name": "Uni Careers"})
    org_id = int(made.headers["location"].rsplit("/", 1)[1])
    return org_id, runner


def _store_sso(team: Team, org_id: int, provider: Provider, sealed: str) -> None:
    journal = team.journal()
    try:
        uow = journal.uow()
        with uow:
            sso = SingleSignOn(provider.url, provider.client_id, sealed, None)
            uow.organisations.set_sso(org_id, sso)
            uow.commit()
    finally:
        journal.close()


def _signs_on(team: Team, provider: Provider, org_id: int) -> bool:
    import httpx

    provider.user = {"sub": "u-1", "email": "ada@uni.example", "email_verified": True}
    browser = team.browser()
    start = browser.get(f"/sso/{org_id}")
    assert start.status_code == 303, start.text
    back = urlsplit(
        httpx.get(start.headers["location"], follow_redirects=False).headers["location"]
    )
    done = browser.get(f"{back.path}?{back.query}")
    return done.status_code == 303 and browser.get("/api/v1/account").status_code == 200


def test_a_secret_sealed_with_an_earlier_versions_key_file_still_signs_members_in(
    keyless: Team, provider: Provider
) -> None:
    provider.client_secret = "client-secret-sealed-with-server-key-file"
    org_id, _ = _organisation(keyless)
    _store_sso(keyless, org_id, provider, OLD_SSO_FROM_FILE)
    keyless.settings.home.mkdir(parents=True, exist_ok=True)
    (keyless.settings.home / "server.key").write_text(OLD_FILE)
    assert _signs_on(keyless, provider, org_id)


def test_a_secret_sealed_with_a_previous_key_still_signs_members_in(
    rekeyed: Team, provider: Provider
) -> None:
    provider.client_secret = "client-secret-sealed-with-secret-key"
    org_id, _ = _organisation(rekeyed)
    _store_sso(rekeyed, org_id, provider, OLD_SSO)
    assert _signs_on(rekeyed, provider, org_id)


def test_without_a_secret_key_the_sso_form_explains_itself_and_keeps_nothing(
    keyless: Team, provider: Provider
) -> None:
    org_id, runner = _organisation(keyless)
    refused = runner.form(
        f"/organisations/{org_id}/sso",
        {"issuer": provider.url, "client_id": provider.client_id,
         "client_secret": provider.client_secret, "email_domain": ""},
    )  # fmt: skip
    assert refused.status_code == 400, refused.text
    assert "administrator needs to give it a secret key" in refused.text
    assert "NEXTYES_SECRET_KEY" not in refused.text
    assert list(keyless.settings.home.glob("server.key")) == []
    journal = keyless.journal()
    try:
        assert journal.db.scalar("SELECT sso_issuer FROM organisations") is None
        journal.db.rollback()
    finally:
        journal.close()


@pytest.fixture
def admin_cli(run: Cli, any_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("NEXTYES_DATABASE_URL", any_settings.database_url)
    monkeypatch.delenv("NEXTYES_SECRET_KEY", raising=False)
    open_journal(any_settings).close()
    run.ok("admin", "create-user", "runner@example.org", input=PASSWORD + "\n")
    run.ok("admin", "org", "create", "North", "--admin", "runner@example.org")
    return run


def test_a_command_that_would_seal_without_a_key_exits_2_and_writes_nothing(
    admin_cli: Cli, any_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = open_journal(any_settings)
    try:
        before = snapshot(journal)
        refused = admin_cli.fails(
            "admin", "org", "sso", "North", "--issuer", "https://id.example.org",
            "--client-id", "nextyes", input="CLIENT-SECRET\n",
        )  # fmt: skip
        assert "NEXTYES_SECRET_KEY" in refused.output and "nothing was saved" in refused.output
        assert snapshot(journal) == before
        assert list(any_settings.home.glob("server.key")) == []
        assert "NEXTYES_SECRET_KEY" in admin_cli.fails("admin", "reseal").output
        monkeypatch.setenv("NEXTYES_SECRET_KEY", "too short")
        assert "at least 32" in admin_cli.fails("admin", "reseal").output
    finally:
        journal.close()


def test_reseal_moves_every_secret_to_the_new_key(
    admin_cli: Cli, any_settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEXTYES_SECRET_KEY", OLD_KEY)
    admin_cli.ok(
        "admin", "org", "sso", "North", "--issuer", "https://id.example.org",
        "--client-id", "nextyes", input="CLIENT-SECRET\n",
    )  # fmt: skip
    monkeypatch.setenv("NEXTYES_SECRET_KEY", SECRET_KEY)
    assert "NEXTYES_PREVIOUS_SECRET_KEYS" in admin_cli.fails("admin", "reseal").output
    monkeypatch.setenv("NEXTYES_PREVIOUS_SECRET_KEYS", OLD_KEY)
    assert "Sealed 1 secret(s)" in admin_cli.ok("admin", "reseal").output
    monkeypatch.delenv("NEXTYES_PREVIOUS_SECRET_KEYS")
    assert "0 secret(s) with the current key; 1 already" in admin_cli.ok("admin", "reseal").output
