"""One small interface over stdlib sqlite3 and psycopg 3.

Repositories write SQL once, with `:name` parameters, in the subset both databases accept
(RETURNING, ON CONFLICT, no casts). Dates and times are passed as Python objects: SQLite stores
them as ISO text (timestamps in UTC), PostgreSQL as DATE / TIMESTAMPTZ; `convert` reads either
back. Rows support `row["column"]` on both.
"""

from __future__ import annotations

import itertools
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from nextyes.errors import (
    DatabaseUnreachable,
    DiskFull,
    JournalBusy,
    JournalReadOnly,
    JournalUnreadable,
)
from nextyes.private_files import private_file, private_folder, tighten
from nextyes.storage.fields import checked_params, clean_params

if TYPE_CHECKING:
    import psycopg

Params = Mapping[str, Any]
SQLITE_MAGIC = b"SQLite format 3\x00"


class Row(Protocol):
    def __getitem__(self, key: str) -> Any: ...
    def keys(self) -> Iterable[str]: ...


class Database(Protocol):
    """What repositories need from a connection.

    `writes` counts the statements that may have changed something (and commits), so a value
    read earlier on this connection (a served request's journal version) can tell it still holds.
    `one_alone` runs one read outside any transaction when none is open: a single statement is
    consistent by itself, and on PostgreSQL that is one round trip instead of three (BEGIN, the
    statement, ROLLBACK). Inside an open transaction it is part of that transaction.
    """

    dialect: str
    writes: int

    def query(self, sql: str, params: Params | None = None) -> list[Row]: ...
    def one(self, sql: str, params: Params | None = None) -> Row | None: ...
    def one_alone(self, sql: str, params: Params | None = None) -> Row | None: ...
    def scalar(self, sql: str, params: Params | None = None) -> Any: ...
    def execute(self, sql: str, params: Params | None = None) -> int: ...
    def executemany(self, sql: str, rows: Sequence[Params]) -> None: ...
    def insert(self, sql: str, params: Params) -> int: ...
    def begin(self) -> None: ...
    def commit(self) -> None: ...
    def rollback(self) -> None: ...
    def close(self) -> None: ...


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC)
        return value.replace(tzinfo=None).isoformat(timespec="seconds") + "+00:00"
    if isinstance(value, date | time):
        return value.isoformat()
    return value


def _sqlite_params(params: Params | None, write_sql: str | None = None) -> dict[str, Any]:
    """Values as SQLite stores them; a write's are first checked against the field limits."""
    values = clean_params(params) if write_sql is None else checked_params(write_sql, params)
    return {k: _sqlite_value(v) for k, v in values.items()}


_SERIALS = itertools.count(1)  # numbers each SQLite connection this process opens

# How long a writer waits for another writer to finish before saying the journal is busy. The
# longest write nextyes makes (a batch of an import) takes well under a second, so a wait this
# long only runs out when another program holds the journal for good.
BUSY_TIMEOUT_SECONDS = 15.0


class SqliteDatabase:
    dialect = "sqlite"

    def __init__(self, path: Path) -> None:
        self.path = path
        self.writes = 0
        self.serial = next(_SERIALS)
        _check_sqlite_file(path)
        self.read_only = path.exists() and not writable(path)
        if not self.read_only:
            try:
                private_folder(path.parent)
                private_file(path)  # created 0600: SQLite gives its -wal and -shm files the same
                for beside in ("-wal", "-shm"):
                    tighten(path.with_name(path.name + beside))
            except OSError as exc:
                raise JournalUnreadable(
                    f"Could not open the journal at {path}: {exc.strerror}. Check the folder "
                    "exists and is writable, or choose another one with --home."
                ) from None
        try:
            self.conn = self._open_read_only() if self.read_only else self._open(str(path))
        except sqlite3.Error as exc:
            raise JournalUnreadable(
                f"Could not open the journal at {path}: {exc}. Check the folder exists and "
                "is writable, or choose another one with --home."
            ) from None
        self.conn.row_factory = sqlite3.Row
        with self._errors():
            self.conn.execute("PRAGMA foreign_keys = ON")

    def _open(self, target: str, *, uri: bool = False) -> sqlite3.Connection:
        return sqlite3.connect(
            target,
            timeout=BUSY_TIMEOUT_SECONDS,
            isolation_level=None,
            check_same_thread=False,
            uri=uri,
        )

    def _open_read_only(self) -> sqlite3.Connection:
        """Reads only: `mode=ro`, or, when the folder takes no new files (a read-only mount,
        where SQLite cannot make its shared-memory file), `immutable=1`."""
        from urllib.parse import quote

        base = "file:" + quote(str(self.path.resolve()))
        conn = self._open(base + "?mode=ro", uri=True)
        try:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            return conn
        except sqlite3.OperationalError:
            conn.close()
            return self._open(base + "?immutable=1", uri=True)

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.OperationalError as exc:
            text = str(exc)
            if "locked" in text or "busy" in text:
                raise JournalBusy(
                    f"The journal at {self.path} is busy: another program is writing to it. "
                    "Wait a moment and try again; if it stays busy, close other nextyes windows."
                ) from None
            if "not a database" in text or "malformed" in text:
                raise JournalUnreadable(_unreadable(self.path)) from None
            if "readonly" in text or "read-only" in text:
                raise JournalReadOnly(read_only_message(self.path)) from None
            if "disk is full" in text or ("disk I/O error" in text and _no_room(self.path)):
                raise DiskFull(str(self.path)) from None
            raise
        except sqlite3.DatabaseError as exc:
            if "not a database" in str(exc) or "malformed" in str(exc):
                raise JournalUnreadable(_unreadable(self.path)) from None
            raise

    def query(self, sql: str, params: Params | None = None) -> list[Row]:
        with self._errors():
            return self.conn.execute(sql, _sqlite_params(params)).fetchall()

    def one(self, sql: str, params: Params | None = None) -> Row | None:
        with self._errors():
            row: Row | None = self.conn.execute(sql, _sqlite_params(params)).fetchone()
            return row

    def one_alone(self, sql: str, params: Params | None = None) -> Row | None:
        # Outside BEGIN, the connection (isolation_level=None) runs each statement on its own,
        # and a read takes no write lock.
        return self.one(sql, params)

    def scalar(self, sql: str, params: Params | None = None) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[next(iter(row.keys()))]

    def execute(self, sql: str, params: Params | None = None) -> int:
        self.writes += 1
        with self._errors():
            return self.conn.execute(sql, _sqlite_params(params, sql)).rowcount

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        self.writes += 1
        with self._errors():
            self.conn.executemany(sql, [_sqlite_params(r, sql) for r in rows])

    def insert(self, sql: str, params: Params) -> int:
        self.writes += 1
        with self._errors():
            row = self.conn.execute(sql, _sqlite_params(params, sql)).fetchone()
        return int(row[0])

    def begin(self) -> None:
        # IMMEDIATE takes the write lock now, waiting (up to the busy timeout) for another
        # writer to finish. A plain BEGIN would read first and then fail at once on its first
        # write if someone else wrote in between: SQLite cannot wait there without losing
        # what the transaction already read.
        with self._errors():
            self.conn.execute("BEGIN IMMEDIATE")

    def commit(self) -> None:
        self.writes += 1
        with self._errors():
            self.conn.execute("COMMIT")

    def rollback(self) -> None:
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def close(self) -> None:
        self.conn.close()


def _no_room(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < 1_000_000
    except OSError:
        return False


def _unreadable(path: Path) -> str:
    return (
        f"{path} is not a nextyes journal (it is not an SQLite database, or it is damaged). "
        "Move it aside, or point --home at another folder; `nextyes restore` can bring back a backup."
    )


def writable(path: Path) -> bool:
    """Whether this process may change the journal: the file, and its folder (SQLite keeps a
    write-ahead log beside it). False on a read-only mount, or an immutable file, even for root."""
    return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)


def read_only_message(path: Path) -> str:
    return (
        f"The journal at {path} is read-only (no permission to write to it or its folder), so "
        "nextyes can show it but not change it. Reading commands (list, show, today, export) "
        "work; to make changes, copy the journal to a folder you can write to and use --home."
    )


def _check_sqlite_file(path: Path) -> None:
    if path.is_dir():
        raise JournalUnreadable(f"{path} is a folder, not a journal file. Choose another --home.")
    try:
        with path.open("rb") as fh:
            head = fh.read(16)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise JournalUnreadable(f"Could not read the journal at {path}: {exc.strerror}.") from None
    if head and head != SQLITE_MAGIC:
        raise JournalUnreadable(_unreadable(path))


_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


@lru_cache(maxsize=1024)
def to_pyformat(sql: str) -> str:
    """`:name` parameters -> psycopg's `%(name)s` (and literal % doubled)."""
    return _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))


class PostgresDatabase:
    dialect = "postgresql"

    def __init__(self, url: str, conn: psycopg.Connection[Any] | None = None) -> None:
        self.url = url
        if conn is None:
            conn = connect_postgres(url)
        self.conn = conn
        self.writes = 0

    def _cursor(self, sql: str, params: Params | None, write: bool = False) -> psycopg.Cursor[Any]:
        values = checked_params(sql, params) if write else clean_params(params)
        return self.conn.execute(to_pyformat(sql), values)

    def query(self, sql: str, params: Params | None = None) -> list[Row]:
        return self._cursor(sql, params).fetchall()

    def one(self, sql: str, params: Params | None = None) -> Row | None:
        row: Row | None = self._cursor(sql, params).fetchone()
        return row

    def one_alone(self, sql: str, params: Params | None = None) -> Row | None:
        from psycopg.pq import TransactionStatus

        if self.conn.info.transaction_status != TransactionStatus.IDLE:
            return self.one(sql, params)
        self.conn.autocommit = True  # a setting of the client: nothing is sent
        try:
            return self.one(sql, params)
        finally:
            self.conn.autocommit = False

    def scalar(self, sql: str, params: Params | None = None) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[next(iter(row.keys()))]

    def execute(self, sql: str, params: Params | None = None) -> int:
        self.writes += 1
        return self._cursor(sql, params, write=True).rowcount

    def executemany(self, sql: str, rows: Sequence[Params]) -> None:
        self.writes += 1
        with self.conn.cursor() as cur:
            cur.executemany(to_pyformat(sql), [checked_params(sql, r) for r in rows])

    def insert(self, sql: str, params: Params) -> int:
        self.writes += 1
        row = self._cursor(sql, params, write=True).fetchone()
        assert row is not None
        return int(next(iter(row.values())))

    def begin(self) -> None:
        # psycopg opens a transaction with the first statement; nothing to do.
        return None

    def commit(self) -> None:
        self.writes += 1
        self.conn.commit()

    def rollback(self) -> None:
        self.conn.rollback()

    def close(self) -> None:
        self.conn.close()


def connect_postgres(url: str) -> psycopg.Connection[Any]:
    import psycopg
    from psycopg.rows import dict_row

    try:
        return psycopg.connect(url, row_factory=dict_row, connect_timeout=5)
    except psycopg.OperationalError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else "no answer"
        raise DatabaseUnreachable(
            f"Could not connect to the database at {redact(url)} ({first}). Check the URL given "
            "with --db or NEXTYES_DATABASE_URL, and that the server is running."
        ) from None
    except psycopg.ProgrammingError as exc:
        raise DatabaseUnreachable(
            f"The database URL {redact(url)} is not valid ({exc}). It looks like "
            "postgresql://user@host:5432/dbname."
        ) from None


def redact(url: str) -> str:
    """A URL safe to print: any password replaced by ***."""
    return re.sub(r"(://[^:/@]+:)[^@]*@", r"\1***@", url)


def connect(url: str) -> Database:
    if url.startswith("sqlite:///"):
        return SqliteDatabase(Path(url.removeprefix("sqlite:///")))
    return PostgresDatabase(url)
