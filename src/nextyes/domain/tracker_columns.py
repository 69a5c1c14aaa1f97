"""How other trackers' spreadsheets name things: column presets, statuses and dates.

Pure rules for `nextyes import csv`: which column holds which field (a preset, adjusted with
`--map column=field`), which of our stages a tracker's status means, and how a column's dates
are written. Unknown columns are not lost: they become a note on the application.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime

from nextyes.domain.errors import InvalidInput, Words
from nextyes.domain.stages import Stage

# Fields an application can take from a spreadsheet; "note" collects text, "skip" drops a column.
FIELDS: dict[str, str] = {
    "company": "the employer (required)",
    "role": "the job title (required)",
    "stage": "where it stands: applied, interview, rejected, offer...",
    "applied_on": "the day you applied",
    "stage_on": "the day it reached its current stage",
    "source": "where you found it",
    "url": "link to the job ad",
    "location": "where the job is",
    "salary": "advertised salary or range",
    "resume_version": "which résumé you sent",
    "cover_letter_version": "which cover letter you sent",
    "note": "kept as a note on the application",
    "skip": "left out",
}
REQUIRED = ("company", "role")
# A field more than one column can feed (the others are joined into the note).
REPEATABLE = frozenset({"note", "skip"})

_GENERIC: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organisation", "organization"),
    "role": ("role", "title", "job title", "position", "job position", "job", "role title"),
    "stage": ("stage", "status", "state", "current stage", "application status"),
    "applied_on": ("applied on", "applied", "date applied", "applied date", "application date",
                   "date of application", "date"),
    "stage_on": ("stage on", "stage date", "status date", "date of last status"),
    "source": ("source", "channel", "found via", "found on", "where found", "job board"),
    "url": ("url", "link", "job link", "job url", "posting", "job posting", "posting url"),
    "location": ("location", "city", "place", "job location"),
    "salary": ("salary", "pay", "compensation", "salary range"),
    "resume_version": ("resume version", "resume", "résumé", "cv", "cv version"),
    "cover_letter_version": ("cover letter version", "cover letter"),
    "note": ("notes", "note", "comments", "comment"),
    "skip": ("id", "last activity on"),
}  # fmt: skip

# Column names as the two trackers' exports commonly write them; the preview shows how each
# column was read, and --map corrects any that differ.
_HUNTR: dict[str, tuple[str, ...]] = {
    "role": ("job title", "title"),
    "stage": ("list", "list name", "status"),
    "applied_on": ("date applied", "applied at", "applied date"),
    "url": ("url", "job url", "post url"),
    "skip": ("description", "job description", "html description"),
}
_TEAL: dict[str, tuple[str, ...]] = {
    "role": ("job position", "position", "job title"),
    "stage": ("status",),
    "applied_on": ("date applied", "applied date"),
    "url": ("job link", "url", "posting url"),
    "salary": ("salary", "min salary", "max salary"),
    "skip": ("job description",),
}
PRESETS: dict[str, Mapping[str, tuple[str, ...]]] = {
    "generic": _GENERIC,
    "huntr": _HUNTR,
    "teal": _TEAL,
}

# Statuses other trackers and people use, read as our stages.
_STATUS_ALIASES: dict[str, Stage] = {
    "wishlist": Stage.SAVED, "bookmarked": Stage.SAVED, "saved": Stage.SAVED,
    "applying": Stage.SAVED, "to apply": Stage.SAVED, "interested": Stage.SAVED,
    "draft": Stage.SAVED,
    "applied": Stage.APPLIED, "submitted": Stage.APPLIED, "sent": Stage.APPLIED,
    "in review": Stage.APPLIED, "under review": Stage.APPLIED, "pending": Stage.APPLIED,
    "screening": Stage.SCREENING, "phone screen": Stage.SCREENING, "screen": Stage.SCREENING,
    "recruiter call": Stage.SCREENING, "recruiter screen": Stage.SCREENING,
    "assessment": Stage.ASSESSMENT, "test": Stage.ASSESSMENT, "take home": Stage.ASSESSMENT,
    "technical test": Stage.ASSESSMENT, "coding challenge": Stage.ASSESSMENT,
    "interview": Stage.INTERVIEW, "interviewing": Stage.INTERVIEW,
    "interviews": Stage.INTERVIEW, "first interview": Stage.INTERVIEW,
    "second interview": Stage.INTERVIEW,
    "final": Stage.FINAL, "final round": Stage.FINAL, "final interview": Stage.FINAL,
    "onsite": Stage.FINAL,
    "offer": Stage.OFFER, "offered": Stage.OFFER, "negotiating": Stage.OFFER,
    "negotiation": Stage.OFFER,
    "accepted": Stage.ACCEPTED, "hired": Stage.ACCEPTED, "offer accepted": Stage.ACCEPTED,
    "declined": Stage.DECLINED, "offer declined": Stage.DECLINED,
    "i declined": Stage.DECLINED,
    "rejected": Stage.REJECTED, "rejection": Stage.REJECTED, "not selected": Stage.REJECTED,
    "declined by company": Stage.REJECTED, "unsuccessful": Stage.REJECTED,
    "no": Stage.REJECTED, "not this time": Stage.REJECTED,
    "withdrawn": Stage.WITHDRAWN, "withdrew": Stage.WITHDRAWN, "i withdrew": Stage.WITHDRAWN,
    "archived": Stage.WITHDRAWN,
    "ghosted": Stage.GHOSTED, "no response": Stage.GHOSTED, "no answer": Stage.GHOSTED,
    "no reply": Stage.GHOSTED,
}  # fmt: skip

_NON_WORD = re.compile(r"[^\w]+")


def header_key(name: str) -> str:
    """A column name compared loosely: "Date Applied" = "date_applied" = "date-applied:"."""
    return " ".join(_NON_WORD.sub(" ", name.casefold()).replace("_", " ").split())


@dataclass(frozen=True, slots=True)
class ColumnMap:
    """Which field each column feeds, in the file's column order."""

    columns: tuple[str, ...]
    fields: tuple[str, ...]  # a FIELDS key per column; "note" for columns nobody named

    def index(self, field: str) -> int | None:
        return self.fields.index(field) if field in self.fields else None

    @property
    def as_notes(self) -> tuple[int, ...]:
        return tuple(i for i, f in enumerate(self.fields) if f == "note")


def parse_map_option(items: Iterable[str]) -> dict[str, str]:
    """`--map "Job Title=role"` options as {column: field}; bad ones say how to write them."""
    result: dict[str, str] = {}
    for item in items:
        column, sep, field = item.rpartition("=")
        field = field.strip().lower().replace("-", "_")
        if not sep or not column.strip():
            raise InvalidInput(
                f"--map '{item}' needs the form COLUMN=FIELD, for example --map \"Employer=company\"."
            )
        if field not in FIELDS:
            raise InvalidInput(
                f"--map '{item}': '{field}' is not a field. Use one of: {', '.join(FIELDS)}."
            )
        result[column.strip()] = field
    return result


def map_columns(header: Sequence[str], preset: str, overrides: Mapping[str, str]) -> ColumnMap:
    """Decide what each column holds: --map first, then the preset's names, then generic ones."""
    if preset not in PRESETS:
        raise InvalidInput(f"There is no preset '{preset}'. Use one of: {', '.join(PRESETS)}.")
    keys = [header_key(h) for h in header]
    by_key = {header_key(c): f for c, f in overrides.items()}
    missing = [c for c in overrides if header_key(c) not in keys]
    if missing:
        raise InvalidInput(
            f"--map names a column the file does not have: {', '.join(missing)}. "
            f"Its columns are: {', '.join(header)}."
        )
    fields: list[str | None] = [by_key.get(k) for k in keys]
    for aliases in (PRESETS[preset], _GENERIC):
        for field, names in aliases.items():
            for name in names:
                for i, key in enumerate(keys):
                    taken = field not in REPEATABLE and field in fields
                    if fields[i] is None and key == header_key(name) and not taken:
                        fields[i] = field
    result = tuple(f or "note" for f in fields)
    for field in FIELDS:
        if field in REPEATABLE:
            continue
        claimed = [header[i] for i, f in enumerate(result) if f == field]
        if len(claimed) > 1:
            raise InvalidInput(
                f"Both {' and '.join(repr(c) for c in claimed)} would fill '{field}'. "
                f'Keep one with --map, for example --map "{claimed[1]}=note".',
                web=Words(
                    "portability/web",
                    "two_columns_for_one",
                    {"columns": " and ".join(repr(c) for c in claimed), "field": field},
                ),
            )
    absent = [f for f in REQUIRED if f not in result]
    if absent:
        raise InvalidInput(
            f"No column holds the {' or the '.join(absent)}. The file's columns are: "
            f"{', '.join(header)}. Name the right one with --map, for example "
            f'--map "{header[0] if header else "Employer"}={absent[0]}".',
            web=Words(
                "portability/web",
                "no_column_for",
                {
                    "fields": " or the ".join(absent),
                    "columns": ", ".join(header),
                    "first": absent[0],
                },
            ),
        )
    return ColumnMap(tuple(header), result)


def stage_from_status(text: str) -> Stage | None:
    """Our stage for a tracker's status ("Not Selected" -> rejected); None when unknown."""
    key = header_key(text)
    if key in _STATUS_ALIASES:
        return _STATUS_ALIASES[key]
    try:
        return Stage(key)
    except ValueError:
        return None


_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip
_MONTHS = {
    name: n
    for n, names in enumerate(
        [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"),
         ("may",), ("jun", "june"), ("jul", "july"), ("aug", "august"),
         ("sep", "sept", "september"), ("oct", "october"), ("nov", "november"),
         ("dec", "december")],
        start=1,
    )
    for name in names
}  # fmt: skip
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$")
_YMD_SLASH = re.compile(r"^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2}|\d{4})(?: .*)?$")
_WORDY = re.compile(
    r"^(?:[a-z]+,? )?(?:(\d{1,2}) ([a-z]+)\.?|([a-z]+)\.? (\d{1,2})(?:st|nd|rd|th)?),? (\d{4})$"
)
_DMY_DASH = re.compile(r"^(\d{1,2})-([a-z]+)-(\d{2}|\d{4})$")

DAY_ORDERS = ("dmy", "mdy")


def _year(text: str) -> int:
    year = int(text)
    return year + 2000 if year < 100 else year


def _make(year: int, month: int, day: int, raw: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise InvalidInput(f"'{raw}' is not a real date.") from None


def day_order(values: Iterable[str]) -> str | None:
    """ "dmy" or "mdy" when a column's numeric dates show which (a part above 12), else None."""
    firsts, seconds = False, False
    for value in values:
        m = _NUMERIC.match(value.strip().lower())
        if m:
            firsts |= int(m[1]) > 12
            seconds |= int(m[3]) > 12
    if firsts and not seconds:
        return "dmy"
    if seconds and not firsts:
        return "mdy"
    return None


def parse_sheet_date(value: str, order: str | None) -> date:
    """A date as spreadsheets write them: 2026-11-03, 2026-11-03T09:00Z, 3 Nov 2026,
    Nov 3, 2026, 03/11/2026 (with `order` "dmy" or "mdy" when it could read both ways)."""
    raw = " ".join(value.strip().lower().split())
    if m := _ISO.match(raw):
        if "t" in raw or " " in raw:
            try:
                return datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
            except ValueError:
                pass
        return _make(int(m[1]), int(m[2]), int(m[3]), value)
    if m := _YMD_SLASH.match(raw):
        return _make(int(m[1]), int(m[2]), int(m[3]), value)
    if m := _NUMERIC.match(raw):
        first, second, year = int(m[1]), int(m[3]), _year(m[4])
        if first == second:
            return _make(year, first, first, value)
        chosen = order or ("dmy" if first > 12 else "mdy" if second > 12 else None)
        if chosen is None:
            as_dmy = f"{first} {_MONTH_NAMES[second - 1]}"
            as_mdy = f"{_MONTH_NAMES[first - 1]} {second}"
            raise InvalidInput(
                f"'{value}' could be read as day/month or month/day. Say which with "
                f"--dates dmy ({as_dmy}) or --dates mdy ({as_mdy}).",
                web=Words("portability/web", "dates_both_ways", {"value": value}),
            )
        if chosen == "dmy":
            return _make(year, second, first, value)
        return _make(year, first, second, value)
    if m := _WORDY.match(raw):
        day_text, month_text = (m[1], m[2]) if m[1] else (m[4], m[3])
        if month_text in _MONTHS:
            return _make(int(m[5]), _MONTHS[month_text], int(day_text), value)
    if (m := _DMY_DASH.match(raw)) and m[2] in _MONTHS:
        return _make(_year(m[3]), _MONTHS[m[2]], int(m[1]), value)
    raise InvalidInput(f"'{value}' is not a date nextyes can read; write it as 2026-11-03.")
