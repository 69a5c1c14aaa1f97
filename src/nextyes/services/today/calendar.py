"""`nextyes calendar export`: everything due, from the one agenda, as an iCalendar file."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any

from nextyes import content
from nextyes.domain.errors import InvalidInput
from nextyes.reports.ics import CalendarEntry, render_calendar
from nextyes.services.today.agenda import build_agenda
from nextyes.storage.uow import UnitOfWork

DEFAULT_DAYS = 60
MAX_DAYS = 366
CALENDAR_NAME = "nextyes"


def export_calendar(uow: UnitOfWork, now: datetime, *, days: int = DEFAULT_DAYS) -> bytes:
    """Agenda items from today to `days` ahead, as an .ics file's bytes."""
    if not 1 <= days <= MAX_DAYS:
        said = content.load("momentum/messages")["calendar_export"]["days_range"]
        raise InvalidInput(content.fill(said, max=MAX_DAYS))
    agenda = build_agenda(uow, now, days_ahead=days)
    entries = [
        CalendarEntry(
            key=item.key,
            title=item.title,
            day=item.due_on,
            at=time.fromisoformat(item.at) if item.at else None,
            detail="\n".join(p for p in (item.detail, item.suggestion) if p) or None,
            kind=item.kind,
            remind_day_before=item.kind in ("interview", "offer_deadline"),
        )
        for item in agenda.items
    ]
    cool_down = agenda.sections.get("cool_down")
    if cool_down:
        entries.append(_cool_down_end(cool_down))
    return render_calendar(entries, now, CALENDAR_NAME)


def _cool_down_end(state: dict[str, Any]) -> CalendarEntry:
    """The end of the running cool-down: when the next steps after a no are ready."""
    from nextyes import content

    ends = datetime.fromisoformat(str(state["ends_at"]))
    words = content.load("momentum/messages")["calendar"]
    return CalendarEntry(
        key=f"cool-down-end-{state['application_id']}-{ends.date().isoformat()}",
        title=content.fill(words["cool_down_end"], company=state["company"]),
        day=ends.date(),
        at=ends.time().replace(second=0, microsecond=0),
        detail=words["cool_down_end_detail"],
        kind="cool_down",
    )
