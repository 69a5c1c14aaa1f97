"""Every journal row of one owner, table by table, as JSON-ready values (export and import).

The tables and their columns come from `storage/schema/`, so a table or column added there is
exported and imported without further work. A journal table is one with an `owner_id`, except
the team server's sharing records (`coach_shares`), which name other accounts. SQLAlchemy is
imported here only for the metadata, so only export and import pay for it.

Values are written the same way whichever database holds them: dates as `YYYY-MM-DD`, moments
as ISO 8601 in UTC with the offset, flags as true/false, numbers as numbers, text as text (the
columns that hold JSON, such as feedback themes, stay JSON text, exactly as stored).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from functools import cache
from typing import TYPE_CHECKING, Any

from nextyes.errors import InvalidInput
from nextyes.storage.convert import as_date, as_datetime
from nextyes.storage.repositories.base import Repository

if TYPE_CHECKING:
    import sqlalchemy as sa

NOT_JOURNAL_ROWS = frozenset({"coach_shares"})


def journal_tables() -> list[sa.Table]:
    """The tables holding an owner's journal, parents before children."""
    from nextyes.storage.schema import metadata

    return [
        t
        for t in metadata.sorted_tables
        if "owner_id" in t.columns and t.name not in NOT_JOURNAL_ROWS
    ]


def _kind(column: sa.Column[Any]) -> str:
    import sqlalchemy as sa

    kind = column.type
    if isinstance(kind, sa.DateTime):
        return "moment"
    if isinstance(kind, sa.Date):
        return "date"
    if isinstance(kind, sa.Boolean):
        return "flag"
    if isinstance(kind, sa.Integer):
        return "integer"
    if isinstance(kind, sa.Float):
        return "number"
    return "text"


@dataclass(frozen=True, slots=True)
class ColumnSpec:
    name: str
    kind: str  # text | integer | number | flag | date | moment
    nullable: bool
    length: int | None
    refers_to: str | None  # the journal table an id column points at
    largest: int = 2**31 - 1  # for whole numbers: what the column's type can hold


@dataclass(frozen=True, slots=True)
class TableSpec:
    name: str
    columns: tuple[ColumnSpec, ...]
    has_id: bool

    def column(self, name: str) -> ColumnSpec | None:
        return next((c for c in self.columns if c.name == name), None)


@cache
def table_specs() -> tuple[TableSpec, ...]:
    """What the export format holds: each journal table and its columns (owner_id left out)."""
    import sqlalchemy as sa

    specs = []
    for table in journal_tables():
        columns = []
        for column in table.columns:
            if column.name == "owner_id":
                continue
            refers = next(iter(column.foreign_keys), None)
            big = isinstance(column.type, sa.BigInteger)
            columns.append(
                ColumnSpec(
                    name=column.name,
                    kind=_kind(column),
                    nullable=bool(column.nullable) and not column.primary_key,
                    length=getattr(column.type, "length", None),
                    refers_to=refers.column.table.name if refers is not None else None,
                    largest=2**63 - 1 if big else 2**31 - 1,
                )
            )
        specs.append(TableSpec(table.name, tuple(columns), "id" in table.columns))
    return tuple(specs)


def _date_out(value: Any) -> str:
    if isinstance(value, str) and len(value) == 10:
        return value  # SQLite keeps dates as ISO text already
    return as_date(value).isoformat()


def _moment_out(value: Any) -> str:
    if isinstance(value, str) and len(value) == 25 and value.endswith("+00:00"):
        return value  # SQLite keeps moments as ISO text in UTC already
    return as_datetime(value).astimezone(UTC).isoformat()


_OUT: dict[str, Callable[[Any], Any]] = {
    "date": _date_out,
    "moment": _moment_out,
    "flag": bool,
    "integer": int,
    "number": float,
    "text": str,
}


def _out(kind: str, value: Any) -> Any:
    return None if value is None else _OUT[kind](value)


class _Refused(Exception):
    pass


def _in(column: ColumnSpec, value: Any) -> Any:
    """A value from the file as the database takes it; _Refused says why it cannot be used."""
    if value is None:
        if not column.nullable:
            raise _Refused("is empty, and it must have a value")
        return None
    kind = column.kind
    if kind in ("date", "moment"):
        if not isinstance(value, str):
            raise _Refused(f"should be an ISO {kind} in quotes, not {value!r}")
        try:
            if kind == "date":
                return date.fromisoformat(value)
            moment = datetime.fromisoformat(value)
        except ValueError:
            raise _Refused(f"is not an ISO {kind}: {value!r}") from None
        return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
    if kind == "flag":
        if not isinstance(value, bool):
            raise _Refused(f"should be true or false, not {value!r}")
        return value
    if kind == "integer":
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Refused(f"should be a whole number, not {value!r}")
        if not -column.largest - 1 <= value <= column.largest:
            raise _Refused(f"is too large a number: {value}")
        return value
    if kind == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise _Refused(f"should be a number, not {value!r}")
        return float(value)
    if not isinstance(value, str):
        raise _Refused(f"should be text in quotes, not {value!r}")
    if "\x00" in value:
        raise _Refused("contains a NUL character, which no journal can store")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _Refused("contains a broken character (a lone surrogate)") from None
    if column.length is not None and len(value) > column.length:
        raise _Refused(f"is longer than {column.length} characters")
    return value


@dataclass(frozen=True, slots=True)
class PreparedRows:
    """Rows checked against the schema, as the database takes them, ready to insert."""

    tables: Mapping[str, list[dict[str, Any]]]

    @property
    def total(self) -> int:
        return sum(len(rows) for rows in self.tables.values())


class JournalRows(Repository):
    """All of one owner's journal rows, for `nextyes export json` and `import json`."""

    def dump(self) -> dict[str, list[dict[str, Any]]]:
        result: dict[str, list[dict[str, Any]]] = {}
        for spec in table_specs():
            names = ", ".join(c.name for c in spec.columns)
            order = "id" if spec.has_id else ", ".join(c.name for c in spec.columns)
            rows = self.db.query(
                f"SELECT {names} FROM {spec.name} WHERE owner_id = :owner ORDER BY {order}",
                {"owner": self.owner_id},
            )
            convert = [(c.name, _OUT[c.kind]) for c in spec.columns]
            result[spec.name] = [
                {name: None if (v := row[name]) is None else out(v) for name, out in convert}
                for row in rows
            ]
        return result

    def counts(self) -> dict[str, int]:
        """How many rows the owner has in each journal table."""
        return {
            spec.name: int(
                self.db.scalar(
                    f"SELECT count(*) FROM {spec.name} WHERE owner_id = :owner",
                    {"owner": self.owner_id},
                )
            )
            for spec in table_specs()
        }

    def check(self, tables: Mapping[str, Sequence[Any]]) -> PreparedRows:
        """Check every row of an export against the schema, before anything is written."""
        specs = table_specs()
        known = {spec.name for spec in specs}
        for name in tables:
            if name not in known:
                raise InvalidInput(
                    f"The file has a table '{name}' this nextyes does not know. It was written "
                    "by a newer nextyes (upgrade to import it) or changed by hand."
                )
        prepared = {
            spec.name: [_prepare(spec, i, row) for i, row in enumerate(tables.get(spec.name, ()))]
            for spec in specs
        }
        _check_references(specs, prepared)
        return PreparedRows(prepared)

    def load(self, rows: PreparedRows) -> dict[str, int]:
        """Insert checked rows for this owner; returns how many went into each table.

        Ids are kept where the table has none of them already (a fresh journal always), so
        "application 12" stays application 12; where another account holds an id (a team
        server), the rows get new ids and every reference to them follows.
        """
        return self.load_with_ids(rows)[0]

    def load_with_ids(self, rows: PreparedRows) -> tuple[dict[str, int], dict[str, dict[int, int]]]:
        """`load`, and each table's new id for each id in the file (for rows outside the
        journal tables that point into them)."""
        new_ids: dict[str, dict[int, int]] = {}
        counts = {}
        try:
            for spec in table_specs():
                table = [dict(row) for row in rows.tables[spec.name]]
                counts[spec.name] = len(table)
                if table:
                    new_ids[spec.name] = self._insert(spec, table, new_ids)
        except Exception as exc:
            if not _is_constraint_error(exc):
                raise
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else "a constraint"
            raise InvalidInput(
                f"Some rows in the file clash with each other ({first}); the file is damaged."
            ) from None
        return counts, new_ids

    def _insert(
        self, spec: TableSpec, rows: list[dict[str, Any]], new_ids: dict[str, dict[int, int]]
    ) -> dict[int, int]:
        for row in rows:
            for column in spec.columns:
                target = column.refers_to
                if target in new_ids and row[column.name] is not None:
                    row[column.name] = new_ids[target][row[column.name]]
        if not spec.has_id:
            if spec.name == "settings":
                self.db.execute(
                    "DELETE FROM settings WHERE owner_id = :owner", {"owner": self.owner_id}
                )
            self._insert_rows(spec, [c.name for c in spec.columns], rows)
            return {}
        wanted = [row["id"] for row in rows]
        taken = {r["id"] for r in self.db.query(f"SELECT id FROM {spec.name}")}
        if not taken.intersection(wanted):
            self._insert_rows(spec, [c.name for c in spec.columns], rows)
            if self.db.dialect == "postgresql":
                self.db.execute(
                    f"SELECT setval(pg_get_serial_sequence('{spec.name}', 'id'), "
                    f"(SELECT max(id) FROM {spec.name}))"
                )
            return {i: i for i in wanted}
        names = [c.name for c in spec.columns if c.name != "id"]
        sql = (
            f"INSERT INTO {spec.name} (owner_id, {', '.join(names)}) VALUES (:owner_id, "
            f"{', '.join(':' + n for n in names)}) RETURNING id"
        )
        return {row["id"]: self.db.insert(sql, {**row, "owner_id": self.owner_id}) for row in rows}

    def _insert_rows(self, spec: TableSpec, names: list[str], rows: list[dict[str, Any]]) -> None:
        sql = (
            f"INSERT INTO {spec.name} (owner_id, {', '.join(names)}) VALUES (:owner_id, "
            f"{', '.join(':' + n for n in names)})"
        )
        self.db.executemany(sql, [{**row, "owner_id": self.owner_id} for row in rows])


def _prepare(spec: TableSpec, index: int, row: Any) -> dict[str, Any]:
    where = f"Row {index + 1} of '{spec.name}'"
    if not isinstance(row, Mapping):
        raise InvalidInput(f"{where} is not an object with named fields; the file is damaged.")
    unknown = sorted(set(row) - {c.name for c in spec.columns})
    if unknown:
        raise InvalidInput(
            f"{where} has fields this nextyes does not know ({', '.join(unknown)}). The file "
            "was written by a newer nextyes (upgrade to import it) or changed by hand."
        )
    values = {}
    for column in spec.columns:
        try:
            values[column.name] = _in(column, row.get(column.name))
        except _Refused as why:
            raise InvalidInput(f"{where}: '{column.name}' {why}. The file is damaged.") from None
    return values


def _check_references(
    specs: Sequence[TableSpec], prepared: Mapping[str, list[dict[str, Any]]]
) -> None:
    ids: dict[str, set[int]] = {}
    for spec in specs:
        if not spec.has_id:
            continue
        seen: set[int] = set()
        for index, row in enumerate(prepared[spec.name]):
            if row["id"] in seen:
                raise InvalidInput(
                    f"Row {index + 1} of '{spec.name}' repeats id {row['id']}; the file is damaged."
                )
            seen.add(row["id"])
        ids[spec.name] = seen
    for spec in specs:
        for column in spec.columns:
            if column.refers_to is None:
                continue
            present = ids.get(column.refers_to, set())
            for index, row in enumerate(prepared[spec.name]):
                value = row[column.name]
                if value is not None and value not in present:
                    raise InvalidInput(
                        f"Row {index + 1} of '{spec.name}' points at {column.refers_to} {value}, "
                        "which the file does not hold; the file is damaged or incomplete."
                    )
    if any(prepared.values()) and "settings" in prepared:
        keys = [row["key"] for row in prepared["settings"]]
        if len(keys) != len(set(keys)):
            raise InvalidInput("The file lists a setting twice; the file is damaged.")


def _is_constraint_error(exc: Exception) -> bool:
    import sqlite3

    if isinstance(exc, sqlite3.IntegrityError):
        return True
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency
        return False
    return isinstance(exc, psycopg.IntegrityError)
