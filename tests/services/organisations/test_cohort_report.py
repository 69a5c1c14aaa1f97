"""The cohort report as a whole, property-tested over generated members: no number shown is
under K in any table of a report by everyone or by group; a median is shown only over K people
or more and is the true one; and setting the report by everyone beside the report by group
(differencing them) works out no number under K that either hides.

The last is checked with an independent linear-programming solver (HiGHS), over the union of
what both reports show of the same question: for each hidden number under K in either table, its
smallest and largest possible values must differ.
"""

from __future__ import annotations

import math
import statistics

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextyes.domain.cohort import POOL, K, Released
from nextyes.domain.organisations import FURTHEST, MemberFacts
from nextyes.services.organisations.cohort import CohortReport, build_report

GROUPS = {1: "A", 2: "B", 3: "C"}
MONTHS = ["2026-11"]
MARKS = ("no-at:applied", "no-at:interview", "theme:communication", "applied:2026-11")

members = st.lists(
    st.builds(
        lambda group, furthest, marks, days: MemberFacts(
            groups=() if group == 0 else (group,),
            furthest=furthest,
            marks=tuple(sorted(marks)),
            days_to_interview=days if furthest >= FURTHEST.index("interview") else None,
            days_to_offer=days + 10 if days is not None and furthest == len(FURTHEST) - 1 else None,
        ),
        st.integers(0, 3),
        st.integers(0, len(FURTHEST) - 1),
        st.frozensets(st.sampled_from(MARKS)),
        st.one_of(st.none(), st.integers(0, 90)),
    ),
    max_size=45,
)


def _tables(report: CohortReport) -> list[tuple[str, Released]]:
    found = [("funnel", report.funnel)]
    found += [(f"no-at:{stage}", t) for stage, t in report.noes]
    found += [(f"theme:{theme}", t) for theme, t in report.themes]
    found += [(f"{signal}:{month}", t) for signal, month, t in report.months]
    return found


def _row_of(member: MemberFacts, released: Released) -> str:
    name = GROUPS[member.groups[0]] if member.groups else "no cohort"
    return POOL if name in released.pooled else name


def _truth(facts: list[MemberFacts], name: str, released: Released) -> list[list[int]]:
    """The true counts behind a released table, row by row as released."""
    cells = [[0] * len(released.columns) for _ in released.rows]
    for member in facts:
        row = released.rows.index(_row_of(member, released)) if len(released.rows) > 1 else 0
        kind = member.furthest if name == "funnel" else (0 if name in member.marks else 1)
        cells[row][kind] += 1
    return cells


def _shown_numbers(released: Released) -> list[int]:
    found = [v for row in released.cells for v in row if v is not None]
    found += [v for v in released.column_totals if v is not None]
    return [*found, *released.row_totals, *([released.total] if released.total else [])]


@settings(max_examples=120, deadline=None)
@given(members)
def test_no_number_shown_is_under_k_and_every_median_is_over_k_true_values(
    facts: list[MemberFacts],
) -> None:
    for by in ("everyone", "cohort"):
        report = build_report("North", by, {"cohort": GROUPS}, MONTHS, facts)
        for name, released in _tables(report):
            assert all(v >= K for v in _shown_numbers(released)), (name, released)
        for timings, days_of in (
            (report.to_interview, lambda m: m.days_to_interview),
            (report.to_offer, lambda m: m.days_to_offer),
        ):
            for timing in timings:
                if timing.median_days is None:
                    continue
                behind = [
                    days_of(m) for m in facts
                    if days_of(m) is not None
                    and (timing.row in ("all", "everyone") or _row_of(m, report.funnel) == timing.row)
                ]  # fmt: skip
                assert timing.row != POOL
                assert len(behind) >= K, (timing, behind)
                assert timing.median_days == int(statistics.median(behind))


def _bounds(grouped: Released, whole: Released, entry: tuple[int, int]) -> tuple[float, float]:
    """Smallest and largest value of `entry` of the table by group, given everything both the
    table by group and the table for everyone show."""
    import highspy

    rows, cols = len(grouped.cells), len(grouped.columns)
    found = []
    for sense in ("min", "max"):
        h = highspy.Highs()
        h.silent()
        x = [[h.addVariable(lb=0, ub=math.inf) for _ in range(cols)] for _ in range(rows)]
        for r in range(rows):
            h.addConstr(sum(x[r][c] for c in range(cols)) == grouped.row_totals[r])
            for c in range(cols):
                if grouped.cells[r][c] is not None:
                    h.addConstr(x[r][c] == grouped.cells[r][c])
        for table in (grouped, whole):
            for c in range(cols):
                if table.column_totals[c] is not None:
                    h.addConstr(sum(x[r][c] for r in range(rows)) == table.column_totals[c])
        for c in range(cols):  # the table for everyone: one row, each cell a column's total
            if whole.cells and whole.cells[0][c] is not None:
                h.addConstr(sum(x[r][c] for r in range(rows)) == whole.cells[0][c])
        r, c = entry
        target = sum(x[i][c] for i in range(rows)) if r == -1 else x[r][c]
        (h.minimize if sense == "min" else h.maximize)(target)
        found.append(h.getInfo().objective_function_value)
    return found[0], found[1]


@pytest.mark.slow
@settings(max_examples=60, deadline=None)
@given(members)
def test_the_report_by_group_beside_the_one_for_everyone_gives_no_hidden_number_away(
    facts: list[MemberFacts],
) -> None:
    everyone = dict(_tables(build_report("North", "everyone", {"cohort": GROUPS}, MONTHS, facts)))
    grouped = dict(_tables(build_report("North", "cohort", {"cohort": GROUPS}, MONTHS, facts)))
    for name, table in grouped.items():
        whole = everyone[name]
        if table.empty:
            assert whole.empty
            continue
        truth = _truth(facts, name, table)
        small = [
            (r, c)
            for r, row in enumerate(table.cells)
            for c, value in enumerate(row)
            if value is None and truth[r][c] < K
        ]
        small += [
            (-1, c)
            for c in range(len(table.columns))
            if table.column_totals[c] is None and sum(row[c] for row in truth) < K
        ]
        for entry in small:
            low, high = _bounds(table, whole, entry)
            assert high - low >= 0.999, (name, entry, low, high, table, whole)


def test_a_column_total_hidden_for_everyone_stays_hidden_by_group() -> None:
    """Two with an offer among 30: the report for everyone hides it (and a partner); the report
    by group must not show either total, or the hidden one follows from the group total."""
    facts = [
        MemberFacts((1 + n % 3,), 5 if n < 2 else 3 if n < 14 else 1, (), None, None)
        for n in range(30)
    ]
    whole = build_report("North", "everyone", {"cohort": GROUPS}, MONTHS, facts).funnel
    grouped = build_report("North", "cohort", {"cohort": GROUPS}, MONTHS, facts).funnel
    assert whole.column_totals[5] is None
    for c, total in enumerate(whole.column_totals):
        assert grouped.column_totals[c] == total
