"""Every value on its way into the database passes the domain's field limits.

Whatever the edge (a command, a form, the API, an import), a write reaches the database through
`Database.execute / insert / executemany`, so the check lives there, once: text is made
storable (no NUL, no lone surrogate) and a value longer than its column is refused with a
message that names the field, before SQLite stores it (SQLite would keep it, and the journal's
own export would then fail to import) or PostgreSQL refuses it with an error.

Which parameter fills which column is read from the statement itself (`INSERT INTO t (a, b)
VALUES (:a, :b)`, `UPDATE t SET a = :a`), once per statement text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from nextyes.domain.errors import InvalidInput
from nextyes.domain.limits import storable, too_long

_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)\s*\(([^)]*)\)\s*VALUES\s*\((.*)\)", re.I | re.S)
_UPDATE = re.compile(r"^\s*UPDATE\s+(\w+)\s+SET\s+(.*?)(?:\s+WHERE\s|$)", re.I | re.S)
_ASSIGN = re.compile(r"(\w+)\s*=\s*:(\w+)\b")
_PARAM = re.compile(r"^:(\w+)$")


def _split_top(text: str) -> list[str]:
    """`a, f(b, c), d` -> ["a", "f(b, c)", "d"]."""
    parts: list[str] = []
    depth = start = 0
    for i, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                return [*parts, text[start:i]]
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    return [*parts, text[start:]]


@lru_cache(maxsize=2048)
def columns_of(sql: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """(table, ((parameter, column), ...)) for a write statement; ("", ()) for anything else."""
    found = _INSERT.match(sql)
    if found:
        columns = [c.strip() for c in found[2].split(",")]
        values = [v.strip() for v in _split_top(found[3])]
        pairs = []
        for column, value in zip(columns, values, strict=False):
            param = _PARAM.match(value)
            if param:
                pairs.append((param[1], column))
        return found[1], tuple(pairs)
    found = _UPDATE.match(sql)
    if found:
        return found[1], tuple((p, c) for c, p in _ASSIGN.findall(found[2]))
    return "", ()


def clean_params(params: Mapping[str, Any] | None) -> dict[str, Any]:
    """The parameters with every text storable (reads too: a search for a NUL finds nothing,
    instead of failing)."""
    if not params:
        return {}
    return {k: storable(v) if isinstance(v, str) else v for k, v in params.items()}


def checked_params(sql: str, params: Mapping[str, Any] | None) -> dict[str, Any]:
    """The parameters of a write, cleaned, after refusing any value longer than its column."""
    values = clean_params(params)
    table, pairs = columns_of(sql)
    for param, column in pairs:
        value = values.get(param)
        if isinstance(value, str):
            message = too_long(table, column, value)
            if message is not None:
                raise InvalidInput(message)
    return values
