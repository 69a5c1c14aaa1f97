"""A served account's IMAP folder, against the real dovecot the mail tests start: connected with
an app password kept encrypted under the server's key, fetched by a queued job into the right
journal, and the password never in the database in the clear, in a job, or in a log."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from nextyes.config import Settings
from nextyes.errors import NextyesError
from nextyes.server_settings import ServerSettings
from nextyes.services.accounts.sealing import Sealer, server_sealer
from nextyes.services.mail import connection
from tests.mail.test_imap import Server, dovecot, server  # noqa: F401 (the fixtures)
from tests.mailboxes import CONFIRMATION, NEWSLETTER
from tests.team.conftest import Person, Team, make_team

pytestmark = pytest.mark.imap
KEY = "a-server-key-made-of-enough-random-characters-0123456789"


@pytest.fixture
def keyed_team(any_settings: Settings) -> Iterator[Team]:
    yield from make_team(any_settings, secret_key=KEY)


@pytest.fixture
def keyless_team(any_settings: Settings) -> Iterator[Team]:
    yield from make_team(any_settings, secret_key=None)


def _sealer(key: str | None) -> Sealer:
    return server_sealer(ServerSettings(secret_key=key), Path("/nonexistent"))


def _connect(person: Person, imap: Server) -> object:
    return person.form("/mail/imap", {"url": imap.url(), "password": imap.password})


def _finished(person: Person, job: str) -> dict[str, object]:
    deadline = time.monotonic() + 60
    while True:
        status: dict[str, object] = person.get(job + "/status").json()
        if status["finished"]:
            return status
        assert time.monotonic() < deadline, "the fetch did not finish"
        time.sleep(0.2)


def _stored(team: Team, column: str) -> list[str]:
    journal = team.journal()
    try:
        rows = [str(r[column]) for r in journal.db.query(f"SELECT {column} FROM imap_connections")]
        journal.db.rollback()
        return rows
    finally:
        journal.close()


def test_a_person_connects_their_folder_and_fetches_new_mail_into_their_own_journal(
    keyed_team: Team,
    server: Server,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setenv("NEXTYES_IMAP_CAFILE", server.cafile)
    caplog.set_level(logging.DEBUG)
    server.append(CONFIRMATION, "<served-1@x>")
    server.append(NEWSLETTER, "<served-2@x>")
    ada = keyed_team.person("ada@example.org")
    bo = keyed_team.person("bo@example.org")

    connected = _connect(ada, server)
    assert connected.status_code == 303, connected.text  # type: ignore[attr-defined]
    page = ada.get("/mail/import").text
    assert f"imap://{server.user}@127.0.0.1:{server.port}/INBOX" in page
    assert server.password not in page
    [sealed] = _stored(keyed_team, "secret")
    assert server.password not in sealed
    assert connection.unseal(_sealer(KEY), sealed) == server.password

    started = ada.form("/mail/imap/fetch")
    assert started.status_code == 303, started.text
    status = _finished(ada, started.headers["location"])
    assert status["problem"] is None, status
    assert status["read"] == 2
    assert ada.api("GET", "/api/v1/applications").json()["total"] == 1
    assert bo.api("GET", "/api/v1/applications").json()["total"] == 0
    assert bo.form("/mail/imap/fetch").status_code == 404  # Bo connected nothing
    again = ada.form("/mail/imap/fetch")  # only new mail: nothing this time
    assert _finished(ada, again.headers["location"])["read"] == 0
    assert "last fetched" in ada.get("/mail/import").text

    journal = keyed_team.journal()
    try:
        jobs = journal.db.query("SELECT payload, result, problem, title FROM jobs")
        journal.db.rollback()
    finally:
        journal.close()
    assert all(server.password not in str(dict(j)) for j in jobs)
    assert server.password not in caplog.text

    off = ada.form("/mail/imap/off")
    assert off.status_code == 303
    assert _stored(keyed_team, "secret") == []


def test_without_a_server_key_no_password_is_kept(
    keyless_team: Team,
    server: Server,  # noqa: F811
) -> None:
    team = keyless_team
    ada = team.person("ada@example.org")
    refused = _connect(ada, server)
    assert refused.status_code == 400
    assert "administrator needs to give it a secret key" in refused.text
    assert _stored(team, "secret") == []
    page = ada.get("/mail/import").text  # the page says so before anyone types a password
    assert "cannot keep mail passwords yet" in page and 'action="/mail/imap"' not in page


def test_a_wrong_address_or_no_password_is_refused_and_nothing_kept(keyed_team: Team) -> None:
    ada = keyed_team.person("ada@example.org")
    for form, said in (
        ({"url": "mail.example.org", "password": "app-password"}, "not an IMAP address"),
        ({"url": "imap://mail.example.org/INBOX", "password": "app-password"}, "no user name"),
        ({"url": "imap://me@mail.example.org/INBOX", "password": ""}, "app password"),
    ):
        answer = ada.form("/mail/imap", form)
        assert answer.status_code == 400, answer.text
        assert said in answer.text
    assert _stored(keyed_team, "url") == []


def test_a_password_sealed_under_another_key_asks_to_connect_again() -> None:
    sealed = connection.seal(_sealer(KEY), "app-password")
    with pytest.raises(NextyesError, match="Connect the mailbox again"):
        connection.unseal(_sealer(KEY.upper()), sealed)
