"""Schema versions: a cheap check on every open, Alembic only when a migration is due."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from nextyes.errors import JournalUnreadable, SchemaBehind
from nextyes.storage.db import Database, redact

# The newest revision this version of nextyes knows, and every revision before it (oldest
# first). A test checks these against the migration scripts.
HEAD_REVISION = "0005_team2"
KNOWN_REVISIONS = ("0001", "0002_followthrough", "0003_team", "0004_coaching", "0005_team2")
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


def upgrade(url: str) -> None:
    """Bring the database to the newest schema (imports Alembic and SQLAlchemy)."""
    import sqlalchemy as sa
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = sa.create_engine(sqlalchemy_url(url), poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except sa.exc.OperationalError as exc:
        raise SchemaBehind(
            f"Could not migrate the database at {redact(url)}: {exc.orig}. "
            "Check the server is running and the user may create tables."
        ) from None
    finally:
        engine.dispose()


def local_owner_id(db: Database) -> int:
    value: Any = db.scalar("SELECT id FROM users WHERE username = :name", {"name": LOCAL_OWNER})
    if db.dialect == "postgresql":
        db.rollback()
    if value is None:
        raise JournalUnreadable("The journal has no local owner; it may be damaged.")
    return int(value)
