"""Opening the journal: the composition root that hands storage to the services.

SQLite journals are created and migrated on open (after a backup, when one already exists);
PostgreSQL databases are migrated explicitly with `nextyes db upgrade`.
"""

from __future__ import annotations

import contextlib
import threading
from dataclasses import dataclass, field, replace
from typing import Any

from nextyes import content
from nextyes.config import Settings
from nextyes.errors import JournalReadOnly, SchemaBehind
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

    def for_owner(self, owner_id: int) -> Journal:
        """The same connection, scoped to another owner (team mode: the signed-in person)."""
        return replace(self, owner_id=owner_id)


class JournalPool:
    """Connections for a served app's requests (team mode): one pool per worker process.

    `borrow()` hands out a Journal on a connection of its own, scoped to the local owner until
    the edge knows who is asking (`Journal.for_owner`); `give_back()` returns the connection,
    with any transaction left open rolled back. PostgreSQL uses psycopg_pool; SQLite keeps up to
    `size` open connections (a household or a trial). A server opens all `size` PostgreSQL
    connections at the start (`open_all`): grown on demand, one at a time, they were made while
    the first burst of requests waited for them.
    """

    def __init__(self, settings: Settings, size: int = 8, *, open_all: bool = False) -> None:
        self.settings = settings
        self.size = size
        check = open_journal(settings)  # migrates SQLite; refuses a PostgreSQL schema behind
        self.local_owner = check.owner_id
        check.close()
        self._idle: list[Database] = []
        self._lock = threading.Lock()
        self._pg: Any = None
        if not settings.is_sqlite:
            from psycopg.rows import dict_row
            from psycopg_pool import ConnectionPool

            self._pg = ConnectionPool(
                settings.database_url,
                min_size=size if open_all else 1,
                max_size=size,
                kwargs={"row_factory": dict_row, "connect_timeout": 5},
                timeout=10,
                open=True,
                name="nextyes",
            )

    def wait_until_open(self, timeout: float = 10.0) -> bool:
        """Wait (at most `timeout` seconds) until every connection is made; True when they are.
        A server calls this before its first request."""
        if self._pg is None:
            return True
        from psycopg_pool import PoolTimeout

        try:
            self._pg.wait(timeout=timeout)
        except PoolTimeout:
            return False
        return True

    def borrow(self) -> Journal:
        if self._pg is not None:
            from nextyes.storage.db import PostgresDatabase

            conn = self._pg.getconn()
            return Journal(
                self.settings, PostgresDatabase(self.settings.database_url, conn), self.local_owner
            )
        with self._lock:
            db = self._idle.pop() if self._idle else None
        return Journal(self.settings, db or connect(self.settings.database_url), self.local_owner)

    def give_back(self, journal: Journal) -> None:
        db = journal.db
        with contextlib.suppress(Exception):  # a broken connection: the pool replaces it
            db.rollback()
        if self._pg is not None:
            self._pg.putconn(db.conn)  # type: ignore[attr-defined]
            return
        with self._lock:
            if len(self._idle) < self.size:
                self._idle.append(db)
                return
        db.close()

    def close(self) -> None:
        if self._pg is not None:
            self._pg.close()
        with self._lock:
            for db in self._idle:
                db.close()
            self._idle.clear()


def open_journal(settings: Settings) -> Journal:
    db = connect(settings.database_url)
    try:
        revision = migrate.current_revision(db)
        migrated = False
        backups: list[str] = []
        if migrate.needs_upgrade(revision):
            if getattr(db, "read_only", False):
                said = content.load("common")["journal"]["read_only_upgrade"]
                raise JournalReadOnly(content.fill(said, path=settings.sqlite_path))
            if db.dialect != "sqlite":
                said = content.load("common")["journal"]["schema_behind"]
                raise SchemaBehind(content.fill(said, url=redact(settings.database_url)))
            if revision is None:
                migrate.repair_half_made(db, settings.sqlite_path)
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
            elif db.dialect == "sqlite":
                migrate.repair_half_made(db, settings.sqlite_path)
            migrate.upgrade(settings.database_url)
        return before, migrate.HEAD_REVISION
    finally:
        db.close()


__all__ = ["Journal", "JournalPool", "UnitOfWork", "open_journal", "upgrade_database"]
