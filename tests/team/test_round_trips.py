"""What a served request asks of the database before its route runs, and that it stays right.

The guard reads the session, its account and the person's journal version in one statement
outside any transaction, in the same thread hop that borrows the connection. A round trip is one
exchange with PostgreSQL: libpq's trace shows one `ReadyForQuery` for each.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient

from nextyes.services.journal import Journal, JournalPool
from nextyes.web.team.app import create_served_app
from tests.conftest import NOW
from tests.team.conftest import BASE, Person, Team


@contextmanager
def round_trips(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[int]]:
    """The round trips of each connection the served app borrows while the block runs."""
    import psycopg

    counted: list[int] = []
    borrow, give_back = JournalPool.borrow, JournalPool.give_back
    traces: dict[int, Any] = {}

    def traced_borrow(pool: JournalPool) -> Journal:
        journal = borrow(pool)
        trace = traces[id(journal.db)] = tempfile.TemporaryFile()  # noqa: SIM115 (closed below)
        conn = journal.db.conn  # type: ignore[attr-defined]
        conn.pgconn.trace(trace.fileno())
        conn.pgconn.set_trace_flags(psycopg.pq.Trace.SUPPRESS_TIMESTAMPS)
        return journal

    def traced_give_back(pool: JournalPool, journal: Journal) -> None:
        give_back(pool, journal)
        journal.db.conn.pgconn.untrace()  # type: ignore[attr-defined]
        with traces.pop(id(journal.db)) as trace:
            trace.seek(0)
            lines = trace.read().decode("utf-8", "replace").splitlines()
        counted.append(sum(1 for line in lines if "\tReadyForQuery\t" in line))

    monkeypatch.setattr(JournalPool, "borrow", traced_borrow)
    monkeypatch.setattr(JournalPool, "give_back", traced_give_back)
    yield counted


def _add(person: Person, company: str) -> None:
    csrf = person.client.get("/api/v1/session").json()["csrf_token"]
    made = person.client.post(
        "/api/v1/applications",
        json={"company": company, "role": "Analyst"},
        headers={"X-CSRF-Token": csrf},
    )
    assert made.status_code == 201, made.text


def _companies(client: TestClient, headers: dict[str, str] | None = None) -> list[str]:
    listed = client.get("/api/v1/applications", headers=headers or {})
    assert listed.status_code == 200, listed.text
    return [a["company"] for a in listed.json()["items"]]


def _sql(team: Team, sql: str, params: dict[str, Any]) -> Any:
    journal = team.journal()
    try:
        journal.db.begin()
        row = journal.db.one(sql, params) if sql.startswith("SELECT") else None
        if row is None:
            journal.db.execute(sql, params)
        journal.db.commit()
        return row
    finally:
        journal.close()


@pytest.mark.postgres
def test_a_cached_list_costs_one_round_trip_and_a_write_then_a_read_two_more(
    pg_team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    ana = pg_team.person("ana@example.org")
    _add(ana, "Acme")
    assert _companies(ana.client) == ["Acme"]  # fills the cache
    with round_trips(monkeypatch) as counted:
        assert _companies(ana.client) == ["Acme"]
    assert counted == [1]  # was 6: BEGIN, SELECT, ROLLBACK for the session and for the version


@pytest.mark.postgres
def test_a_script_with_a_token_also_costs_one_round_trip_for_a_cached_list(
    pg_team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    bot = pg_team.script("bot@example.org")
    auth = {"Authorization": f"Bearer {bot.token}"}
    assert _companies(bot.client, auth) == []
    with round_trips(monkeypatch) as counted:
        assert _companies(bot.client, auth) == []
    assert counted == [1]


def test_a_write_is_seen_by_the_next_read_on_another_worker(team: Team) -> None:
    """Two workers, each with its own pool and caches, on one database."""
    ana = team.person("ana@example.org")
    other = create_served_app(team.settings, team.server)
    try:
        with TestClient(other, base_url=BASE, cookies=dict(ana.client.cookies)) as elsewhere:
            assert _companies(ana.client) == []
            assert _companies(elsewhere) == []  # both workers now hold the empty page
            _add(ana, "Acme")
            assert _companies(elsewhere) == ["Acme"]
            _add(ana, "Globex")
            assert sorted(_companies(ana.client)) == ["Acme", "Globex"]
            assert sorted(_companies(elsewhere)) == ["Acme", "Globex"]
    finally:
        other.state.team.pool.close()


def test_the_version_read_with_the_session_stands_only_until_the_request_writes(
    team: Team,
) -> None:
    from nextyes.domain.accounts import Account, Role
    from nextyes.services.accounts.sessions import signed_in_as

    served = team.app.state.team
    user_id = team.account("ana@example.org")
    journal = served.pool.borrow()
    try:
        journal = journal.for_owner(user_id)
        who = signed_in_as(
            Account(user_id, "ana@example.org", None, Role.SEEKER, False, NOW, True, False)
        )
        web = served.view_for(journal, who, "read-with-the-session")
        assert web.version() == "read-with-the-session"  # no query: the guard's value
        with journal.uow() as uow:
            uow.settings.set("theme", "dark", NOW)
            uow.commit()
        assert web.version() not in ("read-with-the-session", "")  # read again after a write
    finally:
        served.pool.give_back(journal)


def test_last_seen_is_written_at_most_once_a_minute_and_an_idle_session_ends(team: Team) -> None:
    ana = team.person("ana@example.org")
    idle = timedelta(hours=team.server.session_idle_hours)
    row = "SELECT last_seen_at, expires_at FROM auth_sessions WHERE user_id = :u"
    set_seen = (
        "UPDATE auth_sessions SET last_seen_at = :seen, expires_at = :ends WHERE user_id = :u"
    )

    # seen 30 seconds ago: not written again
    _sql(team, set_seen, {"seen": NOW - timedelta(seconds=30), "ends": NOW + timedelta(hours=1),
                          "u": ana.user_id})  # fmt: skip
    assert ana.get("/api/v1/session").status_code == 200
    seen = _sql(team, row, {"u": ana.user_id})
    assert _aware(seen["last_seen_at"]) == NOW - timedelta(seconds=30)
    assert _aware(seen["expires_at"]) == NOW + timedelta(hours=1)

    # seen two minutes ago: written now, and the idle end moves with it
    _sql(team, set_seen, {"seen": NOW - timedelta(minutes=2), "ends": NOW + timedelta(hours=1),
                          "u": ana.user_id})  # fmt: skip
    assert ana.get("/api/v1/session").status_code == 200
    seen = _sql(team, row, {"u": ana.user_id})
    assert _aware(seen["last_seen_at"]) == NOW
    assert _aware(seen["expires_at"]) == NOW + idle

    # idle past its end: refused, whatever the last write said
    _sql(team, set_seen, {"seen": NOW - idle - timedelta(seconds=1),
                          "ends": NOW - timedelta(seconds=1), "u": ana.user_id})  # fmt: skip
    assert ana.get("/api/v1/session").status_code == 401
    assert ana.get("/api/v1/applications").status_code == 401


def _aware(value: Any) -> Any:
    from nextyes.storage.convert import as_datetime

    return as_datetime(value)


def test_signing_in_holds_no_connection_while_the_password_is_checked(
    team: Team, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nextyes.services.accounts import sessions

    team.account("ana@example.org")
    out: list[int] = [0]
    during: list[int] = []
    borrow, give_back = JournalPool.borrow, JournalPool.give_back
    verify = sessions.verify_password

    def counted_borrow(pool: JournalPool) -> Journal:
        out[0] += 1
        return borrow(pool)

    def counted_give_back(pool: JournalPool, journal: Journal) -> None:
        out[0] -= 1
        give_back(pool, journal)

    def watched_verify(stored: str | None, password: str) -> bool:
        during.append(out[0])
        return verify(stored, password)

    monkeypatch.setattr(JournalPool, "borrow", counted_borrow)
    monkeypatch.setattr(JournalPool, "give_back", counted_give_back)
    monkeypatch.setattr(sessions, "verify_password", watched_verify)
    browser = team.browser()
    refused = browser.sign_in("ana@example.org", "not the password at all")
    assert refused.status_code == 400
    assert browser.sign_in("ana@example.org").status_code == 303
    assert browser.client.get("/api/v1/session").status_code == 200
    assert during == [0, 0]  # both checks ran with no connection borrowed
    assert out == [0]
