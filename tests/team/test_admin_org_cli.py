"""`nextyes admin org`: organisations from the server's command line, on SQLite and PostgreSQL.
People added there belong at once but are counted only once they consent; bad input is refused
with a reason and writes nothing."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from nextyes.config import Settings
from nextyes.services.journal import open_journal
from tests.conftest import Cli, snapshot
from tests.team.conftest import PASSWORD, SECRET_KEY, Team, make_team


@pytest.fixture
def admin_cli(run: Cli, any_settings: Settings, monkeypatch: pytest.MonkeyPatch) -> Cli:
    monkeypatch.setenv("NEXTYES_DATABASE_URL", any_settings.database_url)
    monkeypatch.setenv("NEXTYES_PUBLIC_URL", "https://nextyes.example.org")
    monkeypatch.setenv("NEXTYES_SECRET_KEY", SECRET_KEY)
    return run


@pytest.fixture
def served(any_settings: Settings) -> Iterator[Team]:
    yield from make_team(any_settings)


def _accounts(cli: Cli, *emails: str) -> None:
    for email in emails:
        cli.ok("admin", "create-user", email, input=PASSWORD + "\n")


def test_an_organisation_is_made_filled_and_shown_from_the_command_line(
    admin_cli: Cli, served: Team
) -> None:
    _accounts(admin_cli, "runner@example.org", "cora@example.org", "mo@example.org")
    made = admin_cli.ok("admin", "org", "create", "North Careers", "--admin", "runner@example.org")
    assert "North Careers is ready" in made.output
    admin_cli.ok("admin", "org", "add-group", "North Careers", "cohort", "2026")
    admin_cli.ok("admin", "org", "add", "North Careers", "cora@example.org", "--role", "coach")
    added = admin_cli.ok("admin", "org", "add", "1", "mo@example.org", "--group", "cohort:2026")
    assert "only once they consent" in added.output
    listed = json.loads(admin_cli.ok("admin", "org", "list", "--format", "json").output)
    assert [(o["name"], o["admins"], o["coaches"], o["members"], o["consenting"], o["groups"])
            for o in listed] == [("North Careers", 1, 1, 1, 0, 1)]  # fmt: skip
    shown = json.loads(
        admin_cli.ok("admin", "org", "show", "North Careers", "--format", "json").output
    )
    people = {p["email"]: (p["role"], p["consent"], p["groups"]) for p in shown["people"]}
    assert people == {
        "runner@example.org": ("admin", False, []),
        "cora@example.org": ("coach", False, []),
        "mo@example.org": ("member", False, ["cohort:2026"]),
    }
    assert shown["groups"] == [{"kind": "cohort", "name": "2026", "size": 1}]

    link = admin_cli.ok("admin", "org", "invite", "North Careers", "--group", "2026").output
    token = link.strip().splitlines()[-1]
    assert token.startswith("https://nextyes.example.org/join/organisation/")
    newcomer = served.person("new@example.org")
    joined = newcomer.form(token.removeprefix("https://nextyes.example.org"), {"consent": "yes"})
    assert joined.status_code == 303, joined.text
    listed = json.loads(admin_cli.ok("admin", "org", "list", "--format", "json").output)
    assert (listed[0]["members"], listed[0]["consenting"]) == (2, 1)
    refreshed = admin_cli.ok("admin", "org", "refresh", "North Careers").output
    assert "consenting members counted: 1" in refreshed

    removed = admin_cli.ok("admin", "org", "remove", "North Careers", "mo@example.org")
    assert "journal stays theirs" in removed.output
    shown = json.loads(admin_cli.ok("admin", "org", "show", "1", "--format", "json").output)
    assert "mo@example.org" not in {p["email"] for p in shown["people"]}

    secret = "CLIENT-SECRET-VALUE"
    admin_cli.ok(
        "admin", "org", "sso", "North Careers", "--issuer", "https://id.example.org",
        "--client-id", "nextyes", "--email-domain", "example.org", input=secret + "\n",
    )  # fmt: skip
    shown = admin_cli.ok("admin", "org", "show", "North Careers", "--format", "json").output
    assert json.loads(shown)["single_sign_on"]["issuer"] == "https://id.example.org"
    assert secret not in shown
    journal = served.journal()
    try:
        stored = str(journal.db.scalar("SELECT sso_client_secret FROM organisations"))
        journal.db.rollback()
    finally:
        journal.close()
    assert stored.startswith("sealed:v1:") and secret not in stored
    admin_cli.ok("admin", "org", "sso", "North Careers", "--off")
    shown = admin_cli.ok("admin", "org", "show", "North Careers", "--format", "json").output
    assert json.loads(shown)["single_sign_on"] is None


def test_bad_organisation_commands_are_refused_and_write_nothing(
    admin_cli: Cli, any_settings: Settings
) -> None:
    _accounts(admin_cli, "runner@example.org")
    admin_cli.ok("admin", "org", "create", "North Careers", "--admin", "runner@example.org")
    admin_cli.ok("admin", "org", "add-group", "North Careers", "cohort", "2026")
    admin_cli.ok("admin", "org", "add-group", "North Careers", "year", "2026")
    journal = open_journal(any_settings)
    try:
        before = snapshot(journal)
        for args, said in (
            (("create", "South", "--admin", "nobody@example.org"), "nobody@example.org"),
            (("create", "North Careers", "--admin", "runner@example.org"), "already"),
            (("create", "   ", "--admin", "runner@example.org"), "empty"),
            (("show", "Nowhere"), "admin org list"),
            (("add", "North Careers", "runner@example.org"), "already"),
            (("invite", "North Careers", "--group", "2026"), "cohort:2026"),
            (("invite", "North Careers", "--group", "2030"), "No group named 2030"),
            (("remove", "North Careers", "nobody@example.org"), "nobody@example.org"),
            (("sso", "North Careers", "--issuer", "ftp://id"), "https://"),
            (("sso", "North Careers"), "--issuer"),
        ):
            failed = admin_cli.fails("admin", "org", *args, input="\n")
            assert said in failed.output, (args, failed.output)
        assert snapshot(journal) == before
    finally:
        journal.close()


@pytest.mark.slow
def test_any_organisation_group_or_address_given_is_answered_without_a_traceback(
    run: Cli, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    from hypothesis import HealthCheck, given
    from hypothesis import settings as hypothesis_settings
    from hypothesis import strategies as st

    monkeypatch.setenv("NEXTYES_DATABASE_URL", settings.database_url)
    _accounts(run, "runner@example.org")
    run.ok("admin", "org", "create", "North Careers", "--admin", "runner@example.org")
    run.ok("admin", "org", "add-group", "North Careers", "cohort", "2026")
    journal = open_journal(settings)
    try:
        before = snapshot(journal)
    finally:
        journal.close()
    text = st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=40
    )

    @hypothesis_settings(max_examples=40, deadline=None,
                         suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
    @given(ref=text, group=text, email=text)
    def answered(ref: str, group: str, email: str) -> None:
        for args in (
            ("show", ref),
            ("add", "North Careers", email, "--group", group),
            ("remove", ref, email),
        ):
            result = run("admin", "org", *args)
            assert result.exit_code in (0, 2), (args, result.output, result.exception)
            assert "Traceback" not in result.output

    answered()
    journal = open_journal(settings)
    try:
        assert snapshot(journal) == before  # none of those could name a real person
    finally:
        journal.close()
