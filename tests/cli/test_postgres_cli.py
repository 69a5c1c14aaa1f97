"""The same commands on PostgreSQL, given as --db or NEXTYES_DATABASE_URL (either URL style)."""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest

from tests.conftest import Cli

pytestmark = pytest.mark.postgres


def test_db_upgrade_then_the_pipeline_works_on_postgres(
    run: Cli, make_pg_database: Callable[[], str]
) -> None:
    url = make_pg_database()
    assert "nextyes db upgrade" in run.fails("--db", url, "list").output
    assert "Created the nextyes schema" in run.ok("--db", url, "db", "upgrade").output
    assert "up to date" in run.ok("--db", url, "db", "upgrade").output
    sqlalchemy_style = url.replace("postgresql://", "postgresql+psycopg://")
    env = {"NEXTYES_DATABASE_URL": sqlalchemy_style}
    result = run("add", "Acme Robotics", "Data Analyst", "--on", "3 days ago", env=env)
    assert result.exit_code == 0, result.output
    app_id = result.output.strip()
    assert run("move", app_id, "interview", "--on", "tomorrow", env=env).exit_code == 0
    assert run("reject", app_id, "--reason", "budget", env=env).exit_code == 0
    shown = json.loads(run("show", app_id, "--format", "json", env=env).output)
    assert [e["stage"] for e in shown["events"]] == ["applied", "interview", "rejected"]
    assert shown["events"][-1]["from_stage"] == "interview"
    listed = json.loads(run("list", "--format", "json", env=env).output)
    assert listed[0]["applied_on"] == "2026-11-19"


def test_a_password_never_appears_in_error_messages(run: Cli) -> None:
    result = run.fails("--db", "postgresql://sam:s3cret@127.0.0.1:1/none", "list")
    assert "s3cret" not in result.output and "***" in result.output
