"""Agenda items as an iCalendar file (RFC 5545) that calendar apps import.

Each event's UID comes from the item's stable key, so importing a newer export updates the
events already there instead of adding copies. Timed items become events at that time (an hour
long, in UTC, with a reminder the day before for interviews); the rest are all-day events.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

PRODID = "-//nextyes//nextyes agenda//EN"
UID_DOMAIN = "nextyes.local"
TIMED_LENGTH = timedelta(hours=1)


@dataclass(frozen=True, slots=True)
class CalendarEntry:
    """What the calendar needs of an agenda item."""

    key: str
    title: str
    day: date
    at: time | None = None
    detail: str | None = None
    kind: str = ""
    remind_day_before: bool = False


def uid_for(entry: CalendarEntry) -> str:
    key = (
        entry.key
        or "item-"
        + hashlib.sha1(f"{entry.kind}|{entry.day.isoformat()}|{entry.title}".encode()).hexdigest()[
            :16
        ]
    )
    return f"{key}@{UID_DOMAIN}"


def render_calendar(entries: Sequence[CalendarEntry], now: datetime, name: str) -> bytes:
    from icalendar import Alarm, Calendar, Event

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    stamp = now.astimezone(UTC).replace(microsecond=0)
    seen: set[str] = set()
    for entry in entries:
        uid = uid_for(entry)
        if uid in seen:
            continue
        seen.add(uid)
        event = Event()
        event.add("uid", uid)
        event.add("dtstamp", stamp)
        event.add("summary", entry.title)
        if entry.at is not None:
            local = now.tzinfo or UTC
            start = datetime.combine(entry.day, entry.at, local).astimezone(UTC)
            event.add("dtstart", start)
            event.add("dtend", start + TIMED_LENGTH)
        else:
            event.add("dtstart", entry.day)
            event.add("dtend", entry.day + timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        if entry.detail:
            event.add("description", entry.detail)
        if entry.kind:
            event.add("categories", [entry.kind])
        if entry.remind_day_before:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", f"Tomorrow: {entry.title}")
            alarm.add("trigger", timedelta(days=-1))
            event.add_component(alarm)
        calendar.add_component(event)
    data: bytes = calendar.to_ical()
    return data
