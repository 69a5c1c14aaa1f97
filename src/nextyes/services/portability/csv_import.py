"""Applications from a spreadsheet or another tracker's CSV export.

`plan_csv_import` reads and checks the whole file and decides, row by row, what would happen
(a new application, or one already in the journal); nothing is written. `apply_csv_import`
backs the journal up and writes the plan in one transaction. A file with a problem (wrong
delimiter or encoding, a row repeated, a date or status nextyes cannot read) is refused whole,
with the line to fix.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from nextyes import content
from nextyes.domain.companies import clean_text, company_key
from nextyes.domain.errors import InvalidInput, Words
from nextyes.domain.links import check_link
from nextyes.domain.models import Application, NewApplication, NewStageEvent, Origin
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import Stage
from nextyes.domain.tracker_columns import (
    DAY_ORDERS,
    ColumnMap,
    day_order,
    map_columns,
    parse_sheet_date,
    stage_from_status,
)
from nextyes.reports.spreadsheet import read_sheet
from nextyes.services.journal import Journal
from nextyes.services.portability.backups import backup_before_import
from nextyes.storage.uow import UnitOfWork

MAX_TEXT = {"company": 200, "role": 200, "source": 60, "location": 200, "salary": 100,
            "resume_version": 60, "cover_letter_version": 60}  # fmt: skip


@dataclass(frozen=True, slots=True)
class CsvOptions:
    preset: str = "generic"
    mapping: Mapping[str, str] = field(default_factory=dict)
    delimiter: str = ","
    encoding: str | None = None
    dates: str | None = None  # "dmy" | "mdy" for numeric dates that read both ways


@dataclass(frozen=True, slots=True)
class ImportRow:
    line: int
    company: str
    role: str
    stage: Stage
    applied_on: date | None
    stage_on: date
    source: str | None = None
    url: str | None = None
    location: str | None = None
    salary: str | None = None
    resume_version: str | None = None
    cover_letter_version: str | None = None
    extras: tuple[tuple[str, str], ...] = ()  # (column, value) kept as a note
    existing_id: int | None = None  # the application already in the journal

    @property
    def is_new(self) -> bool:
        return self.existing_id is None


@dataclass(frozen=True, slots=True)
class CsvPlan:
    name: str
    columns: ColumnMap
    rows: tuple[ImportRow, ...]

    @property
    def new(self) -> tuple[ImportRow, ...]:
        return tuple(r for r in self.rows if r.is_new)

    @property
    def known(self) -> tuple[ImportRow, ...]:
        return tuple(r for r in self.rows if not r.is_new)


@dataclass(frozen=True, slots=True)
class CsvImported:
    added: tuple[int, ...]
    skipped: int
    backup: Path | None


def _said(key: str, **values: object) -> str:
    """A refused row, from content/portability/messages.toml [csv_import.problems]."""
    words = content.load("portability/messages")["csv_import"]["problems"]
    return content.fill(words[key], **values)


def _key(company: str, role: str) -> tuple[str, str]:
    return company_key(company), " ".join(role.casefold().split())


def _differ(a: str | None, b: str | None) -> bool:
    """Two values that are both known and not the same (an unknown one matches anything)."""
    return a is not None and b is not None and a.strip().casefold() != b.strip().casefold()


class _Matcher:
    """Finds the application a row stands for: same employer and role, same day applied (any
    day when the row has none), and no link or location telling them apart. Each application
    answers for one row at most."""

    def __init__(self, applications: Sequence[Application]) -> None:
        self.by_key: dict[tuple[str, str], list[Application]] = {}
        for a in sorted(applications, key=lambda a: a.id):
            self.by_key.setdefault(_key(a.company, a.role), []).append(a)
        self.claimed: set[int] = set()

    def match(self, row: ImportRow) -> int | None:
        for a in self.by_key.get(_key(row.company, row.role), ()):
            if a.id in self.claimed or (row.applied_on and a.applied_on != row.applied_on):
                continue
            if _differ(a.url, row.url) or _differ(a.location, row.location):
                continue
            self.claimed.add(a.id)
            return a.id
        return None


def read_columns(data: bytes, name: str, options: CsvOptions) -> tuple[str, ...]:
    """The file's column names, read with `options`' delimiter and encoding (for a form that
    lets the user say what each column holds)."""
    return read_sheet(data, name, delimiter=options.delimiter, encoding=options.encoding).header


def plan_csv_import(
    uow: UnitOfWork, data: bytes, name: str, options: CsvOptions, today: date
) -> CsvPlan:
    """Read the file, check every row, and match each against the journal (writes nothing)."""
    if options.dates is not None and options.dates not in DAY_ORDERS:
        raise InvalidInput(_said("day_orders", orders=" or ".join(DAY_ORDERS)))
    sheet = read_sheet(data, name, delimiter=options.delimiter, encoding=options.encoding)
    columns = map_columns(sheet.header, options.preset, options.mapping)
    if not sheet.rows:
        raise InvalidInput(_said("no_rows", name=name))
    orders = {
        f: options.dates or day_order(cells[i] for _, cells in sheet.rows)
        for f in ("applied_on", "stage_on")
        if (i := columns.index(f)) is not None
    }
    rows = [_read_row(line, cells, columns, orders, today) for line, cells in sheet.rows]
    _refuse_repeats(rows, name)
    with uow:
        matcher = _Matcher(uow.applications.find(ApplicationQuery()))
    matched = [replace(row, existing_id=matcher.match(row)) for row in rows]
    return CsvPlan(Path(name).name, columns, tuple(matched))


def _read_row(
    line: int,
    cells: Sequence[str],
    columns: ColumnMap,
    orders: Mapping[str, str | None],
    today: date,
) -> ImportRow:
    def cell(name: str) -> str | None:
        i = columns.index(name)
        return clean_text(cells[i]) if i is not None else None

    def text(name: str) -> str | None:
        value = cell(name)
        limit = MAX_TEXT.get(name)
        if value is not None and limit is not None and len(value) > limit:
            raise InvalidInput(
                _said("too_long", line=line, what=name.replace("_", " "), limit=limit),
                web=Words(
                    "portability/web",
                    "too_long",
                    {"line": line, "what": name.replace("_", " "), "limit": limit},
                ),
            )
        return value

    def day(name: str) -> date | None:
        value = cell(name)
        if value is None:
            return None
        try:
            parsed = parse_sheet_date(value, orders.get(name))
        except InvalidInput as exc:
            problem = exc.web or exc.message
            web = Words("portability/web", "on_line", {"line": line, "problem": problem})
            raise InvalidInput(_said("on_line", line=line, problem=exc.message), web=web) from None
        if parsed > today:
            raise InvalidInput(_said("in_future", line=line, day=parsed.isoformat()))
        return parsed

    company, role = text("company"), text("role")
    if company is None or role is None:
        missing = "company" if company is None else "role"
        raise InvalidInput(_said("missing", line=line, what=missing))
    status = cell("stage")
    stage = Stage.APPLIED
    if status is not None:
        found = stage_from_status(status)
        if found is None:
            names = ", ".join(s.value for s in Stage)
            raise InvalidInput(
                _said("unknown_status", line=line, status=status, names=names),
                web=Words(
                    "portability/web",
                    "unknown_status",
                    {"line": line, "status": status, "names": names},
                ),
            )
        stage = found
    applied_on, stage_on = day("applied_on"), day("stage_on")
    if applied_on and stage_on and stage_on < applied_on:
        raise InvalidInput(
            _said("stage_before_applied", line=line, stage_on=stage_on.isoformat(),
                  applied_on=applied_on.isoformat())
        )  # fmt: skip
    if stage is Stage.SAVED:
        applied_on = None
    extras = tuple(
        (columns.columns[i], value)
        for i in columns.as_notes
        if (value := clean_text(cells[i])) is not None
    )
    return ImportRow(
        line=line, company=company, role=role, stage=stage, applied_on=applied_on,
        stage_on=stage_on or applied_on or today, source=text("source"), url=check_link(cell("url")),
        location=text("location"), salary=text("salary"),
        resume_version=text("resume_version"),
        cover_letter_version=text("cover_letter_version"), extras=extras,
    )  # fmt: skip


def _same_application(a: ImportRow, b: ImportRow) -> bool:
    return not (_differ(a.url, b.url) or _differ(a.location, b.location))


def _refuse_repeats(rows: Sequence[ImportRow], name: str) -> None:
    """Two rows for one application (same employer, role and day, nothing telling them apart)."""
    groups: dict[tuple[str, str, date | None], list[ImportRow]] = {}
    for row in rows:
        group = groups.setdefault((*_key(row.company, row.role), row.applied_on), [])
        first = next((other for other in group if _same_application(other, row)), None)
        if first is not None:
            when = _said("applied_when", day=row.applied_on.isoformat()) if row.applied_on else ""
            raise InvalidInput(
                _said("repeated", first=first.line, second=row.line, name=name,
                      company=row.company, role=row.role, when=when)
            )  # fmt: skip
        group.append(row)


# Rows written per transaction. A long import commits in batches, so other writers wait a
# fraction of a second, not the whole import; a batch is all or nothing, and running an
# interrupted import again adds only the rows it had not reached (rows are matched).
BATCH = 500
BATCH_PAUSE_SECONDS = 0.05


def apply_csv_import(journal: Journal, plan: CsvPlan, now: datetime) -> CsvImported:
    """Back the journal up, then add the plan's new applications, a batch per transaction."""
    if not plan.new:
        return CsvImported((), len(plan.rows), None)
    backup = backup_before_import(journal.settings)
    words = content.load("portability/messages")["csv_import"]
    uow = journal.uow()
    added: list[int] = []
    for start in range(0, len(plan.new), BATCH):
        if start:
            time.sleep(BATCH_PAUSE_SECONDS)  # let a waiting writer (the web app) have its turn
        with uow:
            matcher = _Matcher(uow.applications.find(ApplicationQuery()))
            for row in plan.new[start : start + BATCH]:
                if matcher.match(row) is not None:
                    continue  # added since the preview (or by an interrupted run of this import)
                added.append(_add(uow, row, plan.name, words, now))
            uow.commit()
    return CsvImported(tuple(added), len(plan.rows) - len(added), backup)


def _add(
    uow: UnitOfWork, row: ImportRow, name: str, words: Mapping[str, str], now: datetime
) -> int:
    new = NewApplication(
        company=row.company, role=row.role, applied_on=row.applied_on, source=row.source,
        url=row.url, resume_version=row.resume_version,
        cover_letter_version=row.cover_letter_version, location=row.location, salary=row.salary,
    )  # fmt: skip
    first_day = row.applied_on or row.stage_on
    application_id = uow.applications.add(new, stage=row.stage, stage_on=row.stage_on, now=now)
    first = Stage.SAVED if row.stage is Stage.SAVED else Stage.APPLIED
    uow.events.add(NewStageEvent(application_id, first, first_day, origin=Origin.IMPORT), now)
    if row.stage is not first:
        uow.events.add(
            NewStageEvent(
                application_id, row.stage, row.stage_on, from_stage=first, origin=Origin.IMPORT
            ),
            now,
        )
    if row.extras:
        lines = [content.fill(words["note_intro"], file=Path(name).name)]
        lines += [content.fill(words["note_line"], column=c, value=v) for c, v in row.extras]
        uow.notes.add(application_id, "\n".join(lines), first_day, now)
    return application_id
