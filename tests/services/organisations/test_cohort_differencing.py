"""Two reports of the same people grouped two ways give nothing away by differencing.

An admin can ask for the figures by cohort, then by year, then for everyone, and subtract: a
cohort of 12 beside a year that holds the same 12 and one more tells that one person's answer.
The reports are released together from the combinations of groups (see `domain.cohort`); these
tests take the strongest reader, who also knows how many people each combination holds, and
check with an independent linear-programming solver (HiGHS) over what all the reports (and the
totals) show together, which is more than any two show:

- every number either report hides can still take at least two values;
- no count under K of a combination can be worked out;
- no set of 1 to K-1 people (any union of combinations that small) has a count that follows.
"""

from __future__ import annotations

import itertools
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextyes.domain.cohort import POOL, K, Released
from nextyes.domain.organisations import MemberFacts
from nextyes.services.organisations.cohort import CohortReport, build_report

KINDS = {
    "cohort": {1: "A", 2: "B", 3: "C"},
    "programme": {21: "Data"},
    "year": {11: "2025", 12: "2026"},
}
MONTHS = ["2026-11"]
MARKS = ("no-at:interview", "theme:communication")
BY = ("everyone", "cohort", "programme", "year")

members = st.lists(
    st.builds(
        lambda cohort, programme, year, furthest, marks: MemberFacts(
            groups=tuple(g for g in (cohort, programme, year) if g),
            furthest=furthest,
            marks=tuple(sorted(marks)),
            days_to_interview=None,
            days_to_offer=None,
        ),
        st.sampled_from([0, 1, 2, 3]),
        st.sampled_from([0, 21]),
        st.sampled_from([0, 11, 12]),
        st.sampled_from([0, 1, 3, 5]),
        st.frozensets(st.sampled_from(MARKS)),
    ),
    min_size=K,
    max_size=30,
)


def _row(member: MemberFacts, by: str, table: Released) -> int:
    """The row of `table` (released by `by`) that counts this member."""
    if by == "everyone":
        return 0
    mine = sorted(g for g in member.groups if g in KINDS[by])
    name = KINDS[by][mine[0]] if mine else f"no {by}"
    return table.rows.index(POOL if name in table.pooled else name)


def _tables(report: CohortReport) -> dict[str, Released]:
    found = {"funnel": report.funnel}
    found.update({f"no-at:{stage}": t for stage, t in report.noes if stage == "interview"})
    found.update({f"theme:{theme}": t for theme, t in report.themes if theme == "communication"})
    return found


def _kind(member: MemberFacts, question: str) -> int:
    if question == "funnel":
        return member.furthest
    return 0 if question in member.marks else 1


class Reader:
    """What someone who holds several released tables of one question can work out, over the
    counts of every combination (cohort x programme x year) whose sizes they know."""

    def __init__(self, facts: list[MemberFacts], question: str, width: int) -> None:
        self.facts = facts
        self.question = question
        self.width = width
        self.combos = sorted({self._combo(m) for m in facts})
        self.sizes = [sum(self._combo(m) == c for m in facts) for c in self.combos]
        self.truth = [[0] * width for _ in self.combos]
        for m in facts:
            self.truth[self.combos.index(self._combo(m))][_kind(m, question)] += 1
        self.known: list[tuple[list[tuple[int, int]], int]] = []  # (cells summed, value)
        self._model: tuple[Any, list[list[Any]]] | None = None  # built at the first question

    @staticmethod
    def _combo(member: MemberFacts) -> tuple[int, ...]:
        return tuple(
            next((g for g in sorted(member.groups) if g in groups), 0) for groups in KINDS.values()
        )

    def reads(self, by: str, table: Released) -> None:
        """Everything `table` shows: its cells, its rows' sizes, its column totals."""
        rows: list[list[int]] = [[] for _ in table.rows]
        for m in self.facts:
            at = self.combos.index(self._combo(m))
            if at not in rows[_row(m, by, table)]:
                rows[_row(m, by, table)].append(at)
        for r, row in enumerate(table.cells):
            for c, value in enumerate(row):
                if value is not None:
                    self.known.append(([(a, c) for a in rows[r]], value))
        for c, value in enumerate(table.column_totals):
            if value is not None:
                self.known.append(([(a, c) for a in range(len(self.combos))], value))

    def span(self, cells: list[tuple[int, int]]) -> float:
        """How far apart the smallest and largest possible sums of these cells are."""
        import highspy

        if self._model is None:
            h = highspy.Highs()
            h.silent()
            x = [[h.addVariable(lb=0, ub=math.inf) for _ in range(self.width)] for _ in self.combos]
            for a, size in enumerate(self.sizes):
                h.addConstr(sum(x[a]) == size)
            for summed, value in self.known:
                h.addConstr(sum(x[a][c] for a, c in summed) == value)
            self._model = (h, x)
        h, x = self._model
        target = sum(x[a][c] for a, c in cells)
        h.minimize(target)
        low = h.getInfo().objective_function_value
        h.maximize(target)
        return float(h.getInfo().objective_function_value - low)


def _hidden_cells(facts: list[MemberFacts], by: str, table: Released, reader: Reader) -> list:
    """Each number `table` hides, as the cells of combinations it sums."""
    rows: list[set[int]] = [set() for _ in table.rows]
    for m in facts:
        rows[_row(m, by, table)].add(reader.combos.index(reader._combo(m)))
    found = [
        [(a, c) for a in sorted(rows[r])]
        for r, row in enumerate(table.cells)
        for c, value in enumerate(row)
        if value is None
    ]
    found += [
        [(a, c) for a in range(len(reader.combos))]
        for c, value in enumerate(table.column_totals)
        if value is None
    ]
    return found


@pytest.mark.slow
@settings(max_examples=30, deadline=None)
@given(members)
def test_the_reports_side_by_side_isolate_nobody(facts: list[MemberFacts]) -> None:
    """The reader holds every report at once (everyone, by cohort, by programme, by year):
    more than any two of them, so what holds here holds for every pair."""
    reports = {by: _tables(build_report("North", by, KINDS, MONTHS, facts)) for by in BY}
    for question, first in reports["everyone"].items():
        if first.empty:
            assert all(reports[by][question].empty for by in BY)
            continue
        reader = Reader(facts, question, len(first.columns))
        for by in BY:
            reader.reads(by, reports[by][question])
        for by in BY:
            for cells in _hidden_cells(facts, by, reports[by][question], reader):
                assert reader.span(cells) >= 0.999, (question, by, cells)
        for a, row in enumerate(reader.truth):
            for c, value in enumerate(row):
                if value < K:
                    assert reader.span([(a, c)]) >= 0.999, (question, a, c)
        tiny = [a for a, size in enumerate(reader.sizes) if size < K]
        for n in range(2, K):  # one combination alone is checked just above
            for chosen in itertools.combinations(tiny, n):
                if sum(reader.sizes[a] for a in chosen) >= K:
                    continue
                for c in range(reader.width):
                    assert reader.span([(a, c) for a in chosen]) >= 0.999, (question, chosen, c)


def _member(cohort: int, year: int, said_yes: bool) -> MemberFacts:
    marks = ("theme:communication",) if said_yes else ()
    return MemberFacts((cohort, year), 1, marks, None, None)


def test_a_year_holding_a_cohort_and_one_more_does_not_tell_that_person_s_answer() -> None:
    """Cohort A: 12 people, all in 2025, 6 heard about communication. 2025 holds them and one
    person of cohort B, who heard it too. Shown both ways, the two counts of 2025 and of A would
    differ by that one person; released together, one of them is hidden or both agree."""
    facts = [_member(1, 11, n < 6) for n in range(12)]  # no programme: all in one row
    facts.append(_member(2, 11, True))
    facts += [_member(2, 12, n < 7) for n in range(14)]
    tables = {
        by: dict(build_report("North", by, KINDS, MONTHS, facts).themes)["communication"]
        for by in BY
    }
    a = tables["cohort"].cells[tables["cohort"].rows.index("A")][0]
    y2025 = tables["year"].cells[tables["year"].rows.index("2025")][0]
    assert a is None or y2025 is None
