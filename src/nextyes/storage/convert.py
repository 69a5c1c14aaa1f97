"""Read values back the same way whichever database stored them."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time
from typing import Any


def as_date(value: Any) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def as_date_or_none(value: Any) -> date | None:
    return None if value is None else as_date(value)


def as_datetime(value: Any) -> datetime:
    if isinstance(value, datetime):
        result = value
    else:
        result = datetime.fromisoformat(str(value))
    if result.tzinfo is None:
        result = result.replace(tzinfo=UTC)
    return result


def as_datetime_or_none(value: Any) -> datetime | None:
    return None if value is None else as_datetime(value)


def as_time_or_none(value: Any) -> time | None:
    if value is None or value == "":
        return None
    if isinstance(value, time):
        return value
    return time.fromisoformat(str(value))


def as_bool(value: Any) -> bool:
    return bool(value)


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def from_json(value: Any, default: Any = None) -> Any:
    if value is None or value == "":
        return default
    if isinstance(value, list | dict):
        return value
    return json.loads(value)
