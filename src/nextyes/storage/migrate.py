"""Schema versions: a cheap check on every open, Alembic only when a migration is due."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nextyes.errors import JournalUnreadable, SchemaBehind
from nextyes.storage.db import Database, redact

# The newest revision this version of nextyes knows, and every revision before it (oldest
# first). A test checks these against the migration scripts.
HEAD_REVISION = "0008_cohort"
KNOWN_REVISIONS = (
    "0001", "0002_followthrough", "0003_team", "0004_coaching", "0005_coaching2", "0006_team2",
    "0007_mail_correct", "0008_cohort",
)  # fmt: skip
LOCAL_OWNER = "local"

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def current_revision(db: Database) -> str | None:
    """The journal's schema revision, or None for a database nextyes never touched."""
    if db.dialect == "sqlite":
        exists = db.scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
        )
    else:
        exists = db.scalar(
            "SELECT count(*) FROM information_schema.tables "
            "WHERE table_name = 'alembic_version' AND table_schema = current_schema()"
        )
    if not exists:
        return None
    value = db.scalar("SELECT version_num FROM alembic_version")
    if db.dialect == "postgresql":
        db.rollback()  # leave no transaction open behind a read
    return None if value is None else str(value)


def needs_upgrade(revision: str | None) -> bool:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise JournalUnreadable(
            f"This journal was written by a newer nextyes (schema {revision}). "
            "Upgrade nextyes (pip install -U nextyes) to open it."
        )
    return revision != HEAD_REVISION


def sqlalchemy_url(url: str) -> str:
    if url.startswith("postgresql://"):
        return "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def upgrade(url: str, target: str = "head") -> None:
    """Bring the database to the newest schema (imports Alembic and SQLAlchemy).

    All of it happens in one transaction, on SQLite too: a first open or a migration that is
    interrupted (killed, the disk full) leaves the journal as it was before, never half-made.
    """
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = sa.create_engine(sqlalchemy_url(url), poolclass=sa.pool.NullPool)
    if engine.dialect.name == "sqlite":
        _transactional_sqlite_ddl(engine)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, target)
    except sa.exc.OperationalError as exc:
        raise SchemaBehind(
            f"Could not migrate the database at {redact(url)}: {exc.orig}. "
            "Check the server is running and the user may create tables."
        ) from None
    finally:
        engine.dispose()


def _transactional_sqlite_ddl(engine: Any) -> None:
    """Python's sqlite3 commits before nothing and begins before DML only, so each CREATE TABLE
    would stand alone; nextyes begins the transaction itself, and SQLite's DDL is
    transactional."""
    from sqlalchemy import event

    def no_implicit_transactions(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None

    def begin_for_real(connection: Any) -> None:
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    event.listen(engine, "connect", no_implicit_transactions)
    event.listen(engine, "begin", begin_for_real)


def repair_half_made(db: Database, path: Path) -> bool:
    """A journal an older nextyes began to create and never finished (interrupted when each
    table was created on its own): some tables, no schema version. With nothing in it, it is
    cleared so that it can be created afresh (True); with anything in it, it is left alone and
    explained. False when there is nothing to repair."""
    if db.dialect != "sqlite":
        return False
    tables = [
        str(row["name"])
        for row in db.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        )
    ]
    if not tables:
        return False
    from nextyes.storage.schema import metadata

    strangers = sorted(set(tables) - set(metadata.tables) - {"alembic_version"})
    if strangers:
        raise JournalUnreadable(
            f"{path} is an SQLite database of another program (it has tables such as "
            f"{', '.join(strangers[:3])}), not a nextyes journal. Point --home at another folder."
        )
    holding = [t for t in tables if db.scalar(f'SELECT count(*) FROM "{t}"')]
    if holding:
        raise JournalUnreadable(
            f"The journal at {path} was only partly set up, yet it holds some rows (in "
            f"{', '.join(sorted(holding)[:3])}). nextyes leaves it as it is. Move it aside and "
            "open nextyes again to start a new journal, or `nextyes restore` a backup."
        )
    db.execute("PRAGMA foreign_keys = OFF")  # the tables go in any order (and hold nothing)
    db.begin()
    try:
        for table in tables:
            db.execute(f'DROP TABLE "{table}"')
        db.commit()
    except BaseException:
        db.rollback()
        raise
    finally:
        db.execute("PRAGMA foreign_keys = ON")
    return True


def local_owner_id(db: Database) -> int:
    value: Any = db.scalar("SELECT id FROM users WHERE username = :name", {"name": LOCAL_OWNER})
    if db.dialect == "postgresql":
        db.rollback()
    if value is None:
        raise JournalUnreadable("The journal has no local owner; it may be damaged.")
    return int(value)
