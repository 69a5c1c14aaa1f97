"""Cohort figures for an organisation's admins: over consenting members only, never a name.

The facts of every active consenting member (and the anonymous copies kept of members who left)
are sorted into the combinations of their groups (cohort, programme, year), counted into one
table per question, and `domain.cohort.release` releases every grouping of that table together
here, before any edge sees it: no group and no number under 5, and no hidden number that the
shown ones give away, even across groupings. What leaves this module is `Released` tables and
medians computed only over groups whose counts are shown.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import secrets
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime

from nextyes.domain.accounts import SignedIn
from nextyes.domain.cohort import K, Released, grouping, release
from nextyes.domain.organisations import (
    FURTHEST,
    NO_AT,
    NO_STAGES,
    SIGNALS,
    THEME,
    GroupKind,
    MemberFacts,
)
from nextyes.domain.themes import Theme
from nextyes.services.coaching.policy import organisation_role
from nextyes.services.organisations.membership import months_back
from nextyes.storage.uow import UnitOfWork

EVERYONE = "everyone"
YES_NO = ("yes", "no")


@dataclass(frozen=True, slots=True)
class Timing:
    row: str
    reached: int | None  # people who got this far (from the shown funnel), None when hidden
    median_days: int | None


@dataclass(frozen=True, slots=True)
class CohortReport:
    organisation: str
    by: str  # everyone | cohort | programme | year
    funnel: Released
    noes: list[tuple[str, Released]]
    themes: list[tuple[str, Released]]
    months: list[tuple[str, str, Released]]  # (signal, month, table)
    to_interview: list[Timing]
    to_offer: list[Timing]
    as_of: datetime | None = None  # when the oldest facts counted were read, when some are behind
    stale: int = 0  # members counted from facts kept before their journal last changed
    uncounted: int = 0  # members not counted until the queued refresh has read them
    refresh_queued: bool = False

    @property
    def shown(self) -> bool:
        return not self.funnel.empty


def _rows(
    facts: list[MemberFacts], groups: dict[int, str], kind: str
) -> tuple[list[str], list[int]]:
    """Row names of a kind of group and, per member, their row: the first group of the kind
    they are in, or "no <kind>"."""
    names = sorted(set(groups.values()))
    index = {name: i for i, name in enumerate(names)}
    placed = []
    for member in facts:
        mine = sorted(g for g in member.groups if g in groups)
        placed.append(index[groups[mine[0]]] if mine else len(names))
    return [*names, f"no {kind}"], placed


def _combinations(
    placements: list[list[int]], count: int
) -> tuple[list[tuple[int, ...]], list[int]]:
    """The combinations of rows members are in (one row of each kind), and each member's."""
    if not placements:
        return ([()] if count else []), [0] * count
    index: dict[tuple[int, ...], int] = {}
    found = [index.setdefault(key, len(index)) for key in zip(*placements, strict=True)]
    return list(index), found


def _answers(facts: list[MemberFacts], placed: list[int], width: int) -> dict[str, list[int]]:
    """For each yes/no question (a member's mark: "no-at:stage", "theme:name", "signal:month"),
    how many people in each combination answer yes: one pass over the members."""
    yes: dict[str, list[int]] = defaultdict(lambda: [0] * width)
    for member, at in zip(facts, placed, strict=True):
        for mark in member.marks:
            yes[mark][at] += 1
    return yes


def _timing(
    funnel: Released, facts: list[MemberFacts], rows: list[str], placed: list[int], at: int,
    days: list[int | None],
) -> list[Timing]:  # fmt: skip
    """Median days to a stage, per shown row, only where the funnel shows how many got there."""
    kinds = range(at, len(FURTHEST))
    found = []
    for i, name in enumerate(funnel.rows):
        counts = [funnel.cells[i][k] for k in kinds]
        reached = None if any(c is None for c in counts) else sum(c for c in counts if c)
        members = [
            d for d, row in zip(days, placed, strict=True)
            if d is not None and rows[row] == name
        ]  # fmt: skip
        median = int(statistics.median(members)) if reached and len(members) >= K else None
        found.append(Timing(name, reached, median))
    totals = [funnel.column_totals[k] for k in kinds]
    reached_all = None if any(t is None for t in totals) else sum(t for t in totals if t)
    every = [d for d in days if d is not None]
    median_all = int(statistics.median(every)) if reached_all and len(every) >= K else None
    found.append(Timing("all", reached_all, median_all))
    return found


READ_IN_REQUEST = 500
"""Members with nothing kept that a report reads itself (a few who joined since the last
refresh: a few milliseconds each); beyond that (after a bulk import) the queued refresh reads
them, and the report says they are not counted yet."""
REFRESH = "cohort:{organisation}"  # the key of an organisation's queued refresh


def cohort_report(
    uow: UnitOfWork, viewer: SignedIn, organisation_id: int, by: str, now: datetime
) -> CohortReport:
    """The organisation's figures, grouped `by` a kind of group (or for everyone).

    Only reads: kept facts are counted as they are; when some are behind the members' journals
    (or missing), a refresh is queued, once per organisation (`refresh` runs it), and the report
    says how old its figures are. Queuing the refresh is the only row it may write."""
    organisation_role(uow, viewer, organisation_id, ("admin",))
    chosen = by if by in (EVERYONE, *(k.value for k in GroupKind)) else EVERYONE
    months = months_back(now.astimezone(UTC).date())
    since = date.fromisoformat(months[0] + "-01")
    queued = False
    with uow:
        org = uow.organisations.get(organisation_id)
        assert org is not None
        kinds: dict[str, dict[int, str]] = {kind.value: {} for kind in GroupKind}
        for g in uow.organisations.groups(organisation_id):
            kinds[g.kind.value][g.id] = g.name
        kept = uow.cohort.kept_facts(organisation_id, months, since, READ_IN_REQUEST)
        facts = kept.facts + list(uow.cohort.archived(organisation_id))
        if kept.behind:
            queued = _queue_refresh(uow, organisation_id, now)
    report = build_report(org.name, chosen, kinds, months, facts)
    return dataclasses.replace(
        report, as_of=kept.as_of, stale=kept.stale, uncounted=kept.uncounted,
        refresh_queued=queued,
    )  # fmt: skip


def _queue_refresh(uow: UnitOfWork, organisation_id: int, now: datetime) -> bool:
    """Queue the organisation's refresh unless one is queued already; True when one is."""
    from nextyes.services.jobs.queue import Kind

    once = REFRESH.format(organisation=organisation_id)
    if uow.jobs.pending(once):  # the usual case: a read, nothing written
        return True
    payload = json.dumps({"organisation": organisation_id, "now": now.isoformat()})
    uow.jobs.add_pending(once, secrets.token_hex(16), Kind.COHORT, "Cohort figures", payload, now)
    uow.commit()
    return True


def behind(report: CohortReport) -> list[str]:
    """What the page says about figures behind the members' journals (nothing when current)."""
    from nextyes import content

    words = content.load("organisations/messages")["report"]
    said = []
    if report.stale and report.as_of is not None:
        time = report.as_of.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
        form = words["as_of"][0 if report.stale == 1 else 1]
        said.append(content.fill(form, n=report.stale, time=time))
    elif report.stale:
        said.append(content.counted(words["as_of_unknown"], report.stale))
    if report.uncounted:
        said.append(content.counted(words["uncounted"], report.uncounted))
    if said and report.refresh_queued:
        said.append(words["refresh_queued"])
    return said


def refresh(uow: UnitOfWork, organisation_id: int, now: datetime) -> int:
    """Bring the kept facts of every consenting member of the organisation up to date (what
    the queued refresh and `nextyes admin org refresh` run); the number of members counted."""
    months = months_back(now.astimezone(UTC).date())
    with uow:
        if uow.organisations.get(organisation_id) is None:
            return 0  # gone since the refresh was queued
        found = uow.cohort.member_facts(
            organisation_id, months, date.fromisoformat(months[0] + "-01"), now
        )
        uow.commit()
    return len(found)


def build_report(
    organisation: str, by: str, kinds: dict[str, dict[int, str]], months: list[str],
    facts: list[MemberFacts],
) -> CohortReport:  # fmt: skip
    """Every table of the report from the members' facts, grouped `by` one of `kinds` (kind ->
    group id -> name) or for everyone.

    Each question is counted once over the combinations of groups (a cohort, a programme and a
    year), and `release` releases the table for everyone and the table of every kind together,
    so that the report by one kind set beside the report by another, or by everyone, tells
    nothing that any of them hides. Which kind is asked for only picks the table shown.
    """
    names = sorted(kind for kind, groups in kinds.items() if groups)  # others: one row, everyone
    rows_of = [_rows(facts, kinds[kind], kind) for kind in names]
    keys, placed = _combinations([placed for _, placed in rows_of], len(facts))
    sizes = [0] * len(keys)
    for at in placed:
        sizes[at] += 1
    groupings = [
        grouping(rows, [key[i] for key in keys], sizes) for i, (rows, _) in enumerate(rows_of)
    ]
    pick = names.index(by) if by in names else -1
    alone = "everyone" if by == EVERYONE else f"no {by}"  # a kind with no groups: one row
    rows, member_rows = ([alone], [0] * len(facts)) if pick < 0 else rows_of[pick]

    def released(columns: tuple[str, ...], cells: list[list[int]]) -> Released:
        whole, tables = release(columns, cells, groupings)
        if pick >= 0:
            return tables[pick]
        return dataclasses.replace(whole, rows=(alone,)) if whole.rows else whole

    furthest = [[0] * len(FURTHEST) for _ in keys]
    for member, at in zip(facts, placed, strict=True):
        furthest[at][member.furthest] += 1
    funnel = released(FURTHEST, furthest)
    yes = _answers(facts, placed, len(keys))
    none = [0] * len(keys)

    def yes_no(mark: str) -> Released:
        counts = yes.get(mark, none)
        return released(YES_NO, [[y, size - y] for y, size in zip(counts, sizes, strict=True)])

    return CohortReport(
        organisation=organisation,
        by=by,
        funnel=funnel,
        noes=[(stage, yes_no(NO_AT + stage)) for stage in NO_STAGES],
        themes=[(theme.value, yes_no(THEME + theme.value)) for theme in Theme],
        months=[
            (signal, month, yes_no(f"{signal}:{month}")) for signal in SIGNALS for month in months
        ],
        to_interview=_timing(
            funnel, facts, rows, member_rows, FURTHEST.index("interview"),
            [f.days_to_interview for f in facts],
        ),
        to_offer=_timing(
            funnel, facts, rows, member_rows, FURTHEST.index("offer"),
            [f.days_to_offer for f in facts],
        ),
    )  # fmt: skip


def report_csv(report: CohortReport) -> str:
    """The same figures as CSV: one line per shown or hidden number (hidden ones left empty)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["table", "group", "column", "people"])

    def table(name: str, released: Released, columns: tuple[str, ...] | None = None) -> None:
        for i, row in enumerate(released.rows):
            for j, column in enumerate(columns or released.columns):
                value = released.cells[i][j]
                writer.writerow([name, row, column, "" if value is None else value])
            writer.writerow([name, row, "total", released.row_totals[i]])
        for j, column in enumerate(columns or released.columns):
            value = released.column_totals[j]
            writer.writerow([name, "all", column, "" if value is None else value])

    table("funnel", report.funnel)
    for stage, released in report.noes:
        table(f"noes at {stage}", released, ("yes", "no"))
    for theme, released in report.themes:
        table(f"theme {theme}", released, ("yes", "no"))
    for signal, month, released in report.months:
        table(f"{signal} in {month}", released, ("yes", "no"))
    for name, timings in (
        ("days to interview", report.to_interview),
        ("days to offer", report.to_offer),
    ):
        for t in timings:
            writer.writerow([name, t.row, "median", "" if t.median_days is None else t.median_days])
    return out.getvalue()
