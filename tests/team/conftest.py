"""Team mode fixtures: the served app over SQLite and PostgreSQL, accounts, and signed-in people.

`team` builds the served app for a test's database; `team.person(email)` makes an account and
returns a client signed in as it (with its session's CSRF token, like its pages would send).
"""

from __future__ import annotations

import re
import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from nextyes.config import Settings
from nextyes.domain.accounts import Role
from nextyes.server_settings import ServerSettings
from nextyes.services.accounts import admin
from nextyes.services.journal import Journal, open_journal
from nextyes.web.team.app import create_served_app
from tests.conftest import NOW

HOST = "team.test"
BASE = f"http://{HOST}"
PASSWORD = "a long walk by the river"
SECRET_KEY = "a-test-server-key-of-enough-random-characters-42"  # seals what the server keeps
_CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')


@dataclass
class Person:
    """A browser (or script) on the served app."""

    client: TestClient
    email: str = ""
    user_id: int = 0
    token: str | None = None  # a personal API token, when the person is a script

    @property
    def csrf(self) -> str:
        found = _CSRF.search(self.client.get("/account" if self.email else "/sign-in").text)
        assert found, "no CSRF token on the page"
        return found.group(1)

    def get(self, path: str, **kwargs: Any) -> Any:
        return self.client.get(path, headers=self._auth(), follow_redirects=False, **kwargs)

    def form(
        self, path: str, data: dict[str, str] | None = None, *, csrf: str | None = None
    ) -> Any:
        token = self.csrf if csrf is None else csrf
        return self.client.post(
            path, data={"csrf_token": token, **(data or {})}, follow_redirects=False
        )

    def api(self, method: str, path: str, json: Any = None) -> Any:
        headers = self._auth()
        if self.token is None:
            headers["X-CSRF-Token"] = self.client.get("/api/v1/session").json()["csrf_token"]
        return self.client.request(method, path, json=json, headers=headers, follow_redirects=False)

    def _auth(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"} if self.token else {}

    def sign_in(self, email: str, password: str = PASSWORD) -> Any:
        self.client.get("/sign-in")
        response = self.client.post(
            "/sign-in",
            data={"csrf_token": self.csrf, "email": email, "password": password},
            follow_redirects=False,
        )
        return response


@dataclass
class Team:
    settings: Settings
    server: ServerSettings
    app: FastAPI
    clients: list[TestClient] = field(default_factory=list)

    def journal(self) -> Journal:
        return open_journal(self.settings)

    def account(
        self, email: str, *, role: Role = Role.SEEKER, password: str | None = PASSWORD
    ) -> int:
        journal = self.journal()
        try:
            made = admin.create_account(journal.uow(), email, NOW, role=role, password=password)
        finally:
            journal.close()
        return made.id

    def browser(self, address: str = "192.0.2.1") -> Person:
        client = TestClient(self.app, base_url=BASE, client=(address, 50000))
        client.__enter__()
        self.clients.append(client)
        return Person(client)

    def person(self, email: str, *, role: Role = Role.SEEKER) -> Person:
        """A new account, signed in in its own browser."""
        user_id = self.account(email, role=role)
        person = self.browser()
        answer = person.sign_in(email)
        assert answer.status_code == 303, answer.text
        person.email, person.user_id = email, user_id
        return person

    def script(self, email: str) -> Person:
        """A new account, used through a personal API token (no cookies)."""
        from nextyes.services.accounts.tokens import create_token

        user_id = self.account(email)
        journal = self.journal()
        try:
            made = create_token(journal.uow(), user_id, "tests", NOW)
        finally:
            journal.close()
        person = self.browser()
        person.email, person.user_id, person.token = email, user_id, made.token
        return person


def make_team(settings: Settings, **server: Any) -> Iterator[Team]:
    """The served app; with a secret key, as a deployed server has (secret_key=None: without)."""
    open_journal(settings).close()  # creates (SQLite) or checks (PostgreSQL) the schema
    config = ServerSettings(**{"public_url": BASE, "secret_key": SECRET_KEY, **server})
    team = Team(settings, config, create_served_app(settings, config))
    yield team
    for client in team.clients:
        client.__exit__(None, None, None)
    team.app.state.team.pool.close()


@pytest.fixture
def team(any_settings: Settings) -> Iterator[Team]:
    """The served app over SQLite, then over PostgreSQL."""
    yield from make_team(any_settings)


@pytest.fixture
def sqlite_team(settings: Settings) -> Iterator[Team]:
    yield from make_team(settings)


@pytest.fixture
def pg_team(pg_journal_url: str, home: Path) -> Iterator[Team]:
    """The served app over PostgreSQL only (its production database), for the slow tests."""
    from tests.conftest import _empty_pg

    _empty_pg(pg_journal_url)
    yield from make_team(Settings.from_env(db=pg_journal_url))


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def smtp() -> Iterator[list[str]]:
    """A real SMTP server (aiosmtpd) on 127.0.0.1, keeping every message it receives."""
    from aiosmtpd.controller import Controller

    received: list[str] = []

    class Keep:
        async def handle_DATA(self, server: object, session: object, envelope: object) -> str:
            received.append(envelope.content.decode("utf-8", "replace"))  # type: ignore[attr-defined]
            return "250 OK"

    port = _free_port()
    controller = Controller(Keep(), hostname="127.0.0.1", port=port)
    controller.start()
    received.append(f"port:{port}")
    yield received
    controller.stop()
