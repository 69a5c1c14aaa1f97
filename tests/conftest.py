"""Shared fixtures: every test gets its own home (NEXTYES_HOME) and a fixed clock.

PostgreSQL tests use a throwaway database per test worker on the server at 127.0.0.1:5432
(NEXTYES_TEST_PG to point elsewhere). They skip when no server answers, except under CI=true,
where a missing server is a failure.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from nextyes.cli.main import cli
from nextyes.config import Settings
from nextyes.services.journal import Journal, open_journal

NOW_TEXT = "2026-11-22T10:00:00"
NOW = datetime.fromisoformat(NOW_TEXT).astimezone()
TODAY = NOW.date()
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
PG_ADMIN_URL = os.environ.get("NEXTYES_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(autouse=True)
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("NEXTYES_HOME", str(home))
    monkeypatch.setenv("NEXTYES_NOW", NOW_TEXT)
    monkeypatch.delenv("NEXTYES_DATABASE_URL", raising=False)
    monkeypatch.setenv("COLUMNS", "200")  # tables print whole names in tests
    return home


@pytest.fixture
def settings(home: Path) -> Settings:
    return Settings.from_env()


@pytest.fixture
def journal(settings: Settings) -> Iterator[Journal]:
    journal = open_journal(settings)
    yield journal
    journal.close()


@dataclass
class Cli:
    runner: CliRunner

    def __call__(
        self, *args: str, input: str | None = None, env: dict[str, str] | None = None
    ) -> Result:
        return self.runner.invoke(cli, list(args), input=input, env=env, catch_exceptions=True)

    def ok(self, *args: str, input: str | None = None) -> Result:
        result = self(*args, input=input)
        assert result.exit_code == 0, (result.output, result.exception)
        return result

    def fails(self, *args: str, input: str | None = None) -> Result:
        """A user error: exit code 2, a message, and no traceback."""
        result = self(*args, input=input)
        assert result.exit_code == 2, (result.exit_code, result.output, result.exception)
        assert "Traceback" not in result.output
        return result


@pytest.fixture
def run() -> Cli:
    return Cli(CliRunner())


# --- PostgreSQL -----------------------------------------------------------------------------


def _pg_available() -> bool:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN_URL, connect_timeout=3):
            return True
    except Exception:
        return False


@pytest.fixture(scope="session")
def pg_server() -> str:
    if not _pg_available():
        if IN_CI:
            pytest.fail(f"PostgreSQL is required in CI but {PG_ADMIN_URL} did not answer.")
        pytest.skip(f"no PostgreSQL server at {PG_ADMIN_URL}")
    return PG_ADMIN_URL


def _admin(url: str, sql: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)  # type: ignore[arg-type]


def _database_url(admin_url: str, name: str) -> str:
    return admin_url.rsplit("/", 1)[0] + "/" + name


@pytest.fixture(scope="session")
def make_pg_database(pg_server: str) -> Iterator[Callable[[], str]]:
    """Create empty throwaway databases; all are dropped at the end of the session."""
    created: list[str] = []

    def make() -> str:
        name = f"nextyes_test_{uuid.uuid4().hex[:12]}"
        _admin(pg_server, f'CREATE DATABASE "{name}"')
        created.append(name)
        return _database_url(pg_server, name)

    yield make
    for name in created:
        _admin(pg_server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_journal_url(make_pg_database: Callable[[], str]) -> str:
    """One migrated PostgreSQL journal per test worker; tests empty it before use."""
    from nextyes.storage.migrate import upgrade

    url = make_pg_database()
    upgrade(url)
    return url


def _empty_pg(url: str) -> None:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() "
                "AND tablename NOT IN ('alembic_version', 'users')"
            )
        ]
        if tables:
            conn.execute(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE")  # type: ignore[arg-type]
        conn.execute("DELETE FROM users WHERE username <> 'local'")


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_settings(request: pytest.FixtureRequest, home: Path) -> Settings:
    """Settings for an empty journal on SQLite, then on PostgreSQL."""
    if request.param == "sqlite":
        return Settings.from_env()
    url: str = request.getfixturevalue("pg_journal_url")
    _empty_pg(url)
    return Settings.from_env(db=url)


@pytest.fixture
def any_journal(any_settings: Settings) -> Iterator[Journal]:
    journal = open_journal(any_settings)
    yield journal
    journal.close()


def snapshot(journal: Journal) -> dict[str, Any]:
    """Every row of every journal table, to prove a failed command changed nothing."""
    db = journal.db
    if db.dialect == "sqlite":
        names = [
            r["name"]
            for r in db.query("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        ]
    else:
        names = [
            r["tablename"]
            for r in db.query(
                "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
            )
        ]
    result = {
        name: [tuple(r[k] for k in r.keys()) for r in db.query(f"SELECT * FROM {name}")]
        for name in names
    }
    if db.dialect == "postgresql":
        db.rollback()
    return result
