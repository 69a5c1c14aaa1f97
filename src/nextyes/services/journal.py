"""Opening the journal: the composition root that hands storage to the services.

SQLite journals are created and migrated on open (after a backup, when one already exists);
PostgreSQL databases are migrated explicitly with `nextyes db upgrade`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nextyes.config import Settings
from nextyes.errors import SchemaBehind
from nextyes.storage import migrate
from nextyes.storage.backup import backup_sqlite
from nextyes.storage.db import Database, connect, redact
from nextyes.storage.uow import UnitOfWork


@dataclass
class Journal:
    settings: Settings
    db: Database
    owner_id: int
    migrated: bool = False
    backups: list[str] = field(default_factory=list)

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.db, self.owner_id)

    def close(self) -> None:
        self.db.close()


def open_journal(settings: Settings) -> Journal:
    db = connect(settings.database_url)
    try:
        revision = migrate.current_revision(db)
        migrated = False
        backups: list[str] = []
        if migrate.needs_upgrade(revision):
            if db.dialect != "sqlite":
                raise SchemaBehind(
                    f"The database at {redact(settings.database_url)} needs its schema set up or "
                    "upgraded. Run `nextyes db upgrade` (with the same --db), then try again."
                )
            if revision is None:
                db.execute("PRAGMA journal_mode = WAL")
            else:
                backups.append(str(backup_sqlite(settings.sqlite_path, settings.backups_dir)))
            migrate.upgrade(settings.database_url)
            migrated = True
        owner_id = migrate.local_owner_id(db)
    except BaseException:
        db.close()
        raise
    return Journal(settings, db, owner_id, migrated, backups)


def upgrade_database(settings: Settings) -> tuple[str | None, str]:
    """Migrate the configured database to the newest schema; returns (before, after)."""
    db = connect(settings.database_url)
    try:
        before = migrate.current_revision(db)
        if migrate.needs_upgrade(before):
            if db.dialect == "sqlite" and before is not None:
                backup_sqlite(settings.sqlite_path, settings.backups_dir)
            migrate.upgrade(settings.database_url)
        return before, migrate.HEAD_REVISION
    finally:
        db.close()


__all__ = ["Journal", "UnitOfWork", "open_journal", "upgrade_database"]
