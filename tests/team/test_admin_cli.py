"""`nextyes admin`: accounts from the server's command line, on SQLite and PostgreSQL."""

from __future__ import annotations

import email
import email.policy
import json
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from nextyes.config import Settings
from tests.conftest import Cli, snapshot
from tests.team.conftest import PASSWORD, Team, make_team


@pytest.fixture
def admin_cli(run: Cli, any_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("NEXTYES_DATABASE_URL", any_settings.database_url)
    monkeypatch.setenv("NEXTYES_PUBLIC_URL", "https://nextyes.example.org")
    return run


@pytest.fixture
def served(any_settings: Settings) -> Iterator[Team]:
    yield from make_team(any_settings)


def test_create_user_reads_the_password_from_standard_input(admin_cli: Cli, served: Team) -> None:
    made = admin_cli.ok(
        "admin", "create-user", "Ada@Example.org", "--name", "Ada", input=PASSWORD + "\n"
    )
    assert "Created the account ada@example.org (seeker)" in made.output
    assert PASSWORD not in made.output
    assert served.browser().sign_in("ada@example.org").status_code == 303
    listed = json.loads(admin_cli.ok("admin", "list-users", "--format", "json").output)
    assert [(u["email"], u["name"], u["role"], u["disabled"]) for u in listed] == [
        ("ada@example.org", "Ada", "seeker", False)
    ]


def test_bad_input_is_refused_with_a_reason_and_nothing_is_written(
    admin_cli: Cli, any_settings: Settings
) -> None:
    from nextyes.services.journal import open_journal

    journal = open_journal(any_settings)
    before = snapshot(journal)
    assert (
        "not an email address"
        in admin_cli.fails("admin", "create-user", "not-an-address", input="x" * 20).output
    )
    assert (
        "at least 12"
        in admin_cli.fails("admin", "create-user", "a@example.org", input="short\n").output
    )
    assert (
        "attackers try first"
        in admin_cli.fails("admin", "create-user", "a@example.org", input="qwertyuiop123\n").output
    )
    assert "no account for" in admin_cli.fails("admin", "disable", "zed@example.org").output
    assert snapshot(journal) == before
    admin_cli.ok("admin", "create-user", "a@example.org", input=PASSWORD + "\n")
    assert (
        "already an account"
        in admin_cli.fails("admin", "create-user", "A@example.org", input=PASSWORD + "\n").output
    )
    journal.close()


def test_an_invitation_link_lets_the_person_choose_a_password(admin_cli: Cli, served: Team) -> None:
    out = admin_cli.ok(
        "admin", "create-user", "bo@example.org", "--role", "coach", "--invite"
    ).output
    link = out.strip().splitlines()[-1]
    assert link.startswith("https://nextyes.example.org/welcome/")
    browser = served.browser()
    path = link.removeprefix("https://nextyes.example.org")
    assert browser.form(path, {"password": PASSWORD, "again": PASSWORD}).status_code == 303
    assert browser.get("/api/v1/account").json()["role"] == "coach"


def test_reset_password_prints_a_one_time_link(admin_cli: Cli, served: Team) -> None:
    admin_cli.ok("admin", "create-user", "ada@example.org", input=PASSWORD + "\n")
    link = (
        admin_cli.ok("admin", "reset-password", "ada@example.org").output.strip().splitlines()[-1]
    )
    path = link.removeprefix("https://nextyes.example.org")
    assert path.startswith("/reset/")
    new = "the owl flies at midnight"
    assert served.browser().form(path, {"password": new, "again": new}).status_code == 303
    assert served.browser().form(path, {"password": new, "again": new}).status_code == 400


def test_token_disable_and_enable(admin_cli: Cli, served: Team) -> None:
    admin_cli.ok("admin", "create-user", "ada@example.org", input=PASSWORD + "\n")
    token = (
        admin_cli.ok("admin", "token", "ada@example.org", "--name", "backup job")
        .output.strip()
        .splitlines()[-1]
    )
    script = served.browser()
    script.token = token
    assert script.get("/api/v1/account").status_code == 200
    assert "can no longer sign in" in admin_cli.ok("admin", "disable", "ada@example.org").output
    assert script.get("/api/v1/account").status_code == 401
    admin_cli.ok("admin", "enable", "ada@example.org")
    assert script.get("/api/v1/account").status_code == 200


def test_delete_user_asks_first_and_removes_the_journal(admin_cli: Cli, served: Team) -> None:
    admin_cli.ok("admin", "create-user", "ada@example.org", input=PASSWORD + "\n")
    ada = served.browser()
    ada.sign_in("ada@example.org")
    ada.token = None
    ada.email = "ada@example.org"
    ada.form("/applications", {"company": "Acme", "role": "Analyst"})
    refused = admin_cli.fails("admin", "delete-user", "ada@example.org")
    assert "--yes" in refused.output
    done = admin_cli.ok("admin", "delete-user", "ada@example.org", "--yes")
    assert "Removed ada@example.org and everything in their journal" in done.output
    assert ada.get("/board").status_code == 303
    assert json.loads(admin_cli.ok("admin", "list-users", "--format", "json").output) == []


# --- mail: invitations and resets through an SMTP server the test starts ---------------------


def test_a_forgotten_password_is_reset_by_mail(settings: Settings, smtp: list[str]) -> None:
    from nextyes.server_settings import SmtpSettings

    port = int(smtp.pop(0).split(":")[1])
    mail = SmtpSettings(host="127.0.0.1", port=port, starttls=False, sender="nextyes <n@team.test>")
    for team in make_team(settings, smtp=mail):
        team.account("ada@example.org")
        asked = team.browser().form("/forgot", {"email": "ada@example.org"})
        unknown = team.browser("192.0.2.3").form("/forgot", {"email": "zed@example.org"})
        assert asked.status_code == unknown.status_code == 200
        assert "If an account has that address" in asked.text
        assert "If an account has that address" in unknown.text
        deadline = time.monotonic() + 5
        while not smtp and time.monotonic() < deadline:
            time.sleep(0.05)
        assert len(smtp) == 1
        # both requests only queued a job (so neither answer nor timing tells them apart);
        # a worker looked each address up and mailed only the one with an account
        journal = team.journal()
        try:
            deadline = time.monotonic() + 10
            done = "SELECT count(*) FROM jobs WHERE state = 'done' AND kind = 'reset_mail'"
            while journal.db.scalar(done) < 2:
                journal.db.rollback()
                assert time.monotonic() < deadline, "the mail jobs did not finish"
                time.sleep(0.05)
            query = "SELECT result FROM jobs WHERE kind = 'reset_mail'"
            results = sorted(str(r["result"]) for r in journal.db.query(query))
            journal.db.rollback()
        finally:
            journal.close()
        assert results == ['{"sent": false}', '{"sent": true}']
        message = email.message_from_string(smtp[0], policy=email.policy.default)
        assert message["To"] == "ada@example.org"
        body = message.get_content()  # type: ignore[attr-defined]
        link = next(line for line in body.splitlines() if "/reset/" in line).strip()
        path = link.removeprefix("http://team.test")
        new = "lighthouse keeper at dawn"
        assert team.browser().form(path, {"password": new, "again": new}).status_code == 303


def test_an_invitation_is_mailed_when_the_server_has_smtp(
    run: Cli, settings: Settings, smtp: list[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    port = int(smtp.pop(0).split(":")[1])
    config = tmp_path / "server.toml"
    config.write_text(
        f'public_url = "https://nextyes.example.org"\n[smtp]\nhost = "127.0.0.1"\nport = {port}\n'
        'starttls = false\nsender = "nextyes <n@example.org>"\n',
        encoding="utf-8",
    )
    out = run.ok(
        "admin", "--config", str(config), "create-user", "bo@example.org", "--invite"
    ).output
    assert "Sent it to bo@example.org as well." in out
    link = next(line for line in out.splitlines() if "/welcome/" in line)
    deadline = time.monotonic() + 5
    while not smtp and time.monotonic() < deadline:
        time.sleep(0.05)
    message = email.message_from_string(smtp[0], policy=email.policy.default)
    assert message["Subject"] == "Your nextyes journal is ready"
    assert link in message.get_content()  # type: ignore[attr-defined]
