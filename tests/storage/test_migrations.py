"""Migrations are tested code: an empty database upgraded to head has exactly the models' schema."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory

from nextyes.config import Settings
from nextyes.errors import JournalUnreadable, SchemaBehind
from nextyes.services.journal import open_journal, upgrade_database
from nextyes.storage import migrate
from nextyes.storage.schema import metadata


def _diff(url: str) -> list[object]:
    engine = sa.create_engine(migrate.sqlalchemy_url(url), poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            return list(compare_metadata(context, metadata))
    finally:
        engine.dispose()


def test_the_known_revisions_match_the_migration_scripts() -> None:
    config = Config()
    config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
    scripts = ScriptDirectory.from_config(config)
    assert scripts.get_current_head() == migrate.HEAD_REVISION
    chain = [s.revision for s in scripts.walk_revisions()][::-1]
    assert tuple(chain) == migrate.KNOWN_REVISIONS


def test_a_new_sqlite_journal_is_created_in_wal_mode_with_exactly_the_models_schema(
    settings: Settings,
) -> None:
    journal = open_journal(settings)
    journal.close()
    assert journal.migrated
    assert _diff(settings.database_url) == []
    with sqlite3.connect(settings.sqlite_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_opening_an_up_to_date_journal_does_not_import_alembic(settings: Settings) -> None:
    open_journal(settings).close()
    import subprocess
    import sys

    code = (
        "import sys; from nextyes.config import Settings; "
        "from nextyes.services.journal import open_journal; "
        "open_journal(Settings.from_env()).close(); "
        "print('alembic' in sys.modules, 'sqlalchemy' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["False", "False"]


@pytest.mark.postgres
def test_postgres_upgrade_gives_exactly_the_models_schema(
    make_pg_database: Callable[[], str],
) -> None:
    url = make_pg_database()
    settings = Settings.from_env(db=url)
    with pytest.raises(SchemaBehind, match="nextyes db upgrade"):
        open_journal(settings)
    assert upgrade_database(settings) == (None, migrate.HEAD_REVISION)
    assert upgrade_database(settings) == (migrate.HEAD_REVISION, migrate.HEAD_REVISION)
    assert _diff(url) == []
    open_journal(settings).close()


def test_a_journal_from_a_newer_nextyes_is_refused_not_damaged(settings: Settings) -> None:
    open_journal(settings).close()
    with sqlite3.connect(settings.sqlite_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = settings.sqlite_path.read_bytes()
    with pytest.raises(JournalUnreadable, match="newer nextyes"):
        open_journal(settings)
    assert settings.sqlite_path.read_bytes() == before


def test_a_file_that_is_not_sqlite_is_refused_untouched(settings: Settings) -> None:
    path: Path = settings.sqlite_path
    path.parent.mkdir(parents=True)
    path.write_text("my shopping list\n")
    with pytest.raises(JournalUnreadable, match="not a nextyes journal"):
        open_journal(settings)
    assert path.read_text() == "my shopping list\n"


@pytest.mark.postgres
def test_every_journal_table_moves_its_owners_version_on_postgresql(pg_journal_url: str) -> None:
    """A journal table without the triggers would leave cached pages stale after a write."""
    import psycopg

    owner_tables = {t.name for t in metadata.sorted_tables if "owner_id" in t.columns}
    with psycopg.connect(pg_journal_url) as conn:
        rows = conn.execute(
            "SELECT event_object_table, event_manipulation FROM information_schema.triggers "
            "WHERE trigger_name LIKE 'nextyes_version_%'"
        ).fetchall()
    found: dict[str, set[str]] = {}
    for table, event in rows:
        found.setdefault(table, set()).add(event)
    missing = sorted(t for t in owner_tables if found.get(t) != {"INSERT", "UPDATE", "DELETE"})
    assert not missing, f"add version_triggers(...) in a migration for: {missing}"
