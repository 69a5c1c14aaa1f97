"""Applications and their stages as CSV, safe to open in a spreadsheet."""

from __future__ import annotations

from nextyes.domain.models import StageEvent
from nextyes.domain.queries import ApplicationQuery
from nextyes.reports.spreadsheet import csv_text
from nextyes.storage.uow import UnitOfWork

APPLICATION_COLUMNS = (
    "id", "company", "role", "stage", "stage_on", "applied_on", "last_activity_on", "source",
    "url", "location", "salary", "resume_version", "cover_letter_version", "history",
)  # fmt: skip
STAGE_COLUMNS = (
    "application_id", "company", "role", "stage", "occurred_on", "from_stage", "round", "note",
    "reason",
)  # fmt: skip
ROW_KINDS = ("applications", "stages")


def _history(events: list[StageEvent]) -> str:
    return "; ".join(f"{e.stage.value} {e.occurred_on.isoformat()}" for e in events)


def export_csv(uow: UnitOfWork, rows: str = "applications") -> str:
    """One row per application (with its stage history), or one row per stage change."""
    if rows not in ROW_KINDS:
        raise ValueError(f"rows must be one of {ROW_KINDS}")
    with uow:
        applications = sorted(uow.applications.find(ApplicationQuery()), key=lambda a: a.id)
        events: dict[int, list[StageEvent]] = {a.id: [] for a in applications}
        for event in uow.events.all():
            events[event.application_id].append(event)
    if rows == "stages":
        by_id = {a.id: a for a in applications}
        stage_table: list[tuple[object, ...]] = [
            (e.application_id, by_id[e.application_id].company, by_id[e.application_id].role,
             e.stage.value, e.occurred_on, e.from_stage.value if e.from_stage else None,
             e.round, e.note, e.reason)
            for a in applications
            for e in events[a.id]
        ]  # fmt: skip
        return csv_text(STAGE_COLUMNS, stage_table)
    table: list[tuple[object, ...]] = [
        (a.id, a.company, a.role, a.stage.value, a.stage_on, a.applied_on, a.last_activity_on,
         a.source, a.url, a.location, a.salary, a.resume_version, a.cover_letter_version,
         _history(events[a.id]))
        for a in applications
    ]  # fmt: skip
    return csv_text(APPLICATION_COLUMNS, table)
