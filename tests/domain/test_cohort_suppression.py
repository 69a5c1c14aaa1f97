"""k-anonymity of cohort figures: the one suppression function, property-tested.

Two promises, checked over many generated tables: no number shown is under K (zeros included),
and no hidden number can be worked out from what is shown. The second is checked with an
independent linear-programming solver (HiGHS): for each hidden number, its smallest and largest
possible values over every table of non-negative counts that agrees with all that is shown
(the shown cells, every row's total, the shown column totals and the grand total) must differ.
"""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextyes.domain.cohort import POOL, CountTable, K, Released, suppress


def _bounds(table: Released, entry: tuple[int, int]) -> tuple[float, float]:
    import highspy

    rows, cols = len(table.cells), len(table.columns)
    found = []
    for sense in ("min", "max"):
        h = highspy.Highs()
        h.silent()
        x = [[h.addVariable(lb=0, ub=math.inf) for _ in range(cols)] for _ in range(rows)]
        for r in range(rows):
            h.addConstr(sum(x[r][c] for c in range(cols)) == table.row_totals[r])
            for c in range(cols):
                shown = table.cells[r][c]
                if shown is not None:
                    h.addConstr(x[r][c] == shown)
        for c in range(cols):
            if table.column_totals[c] is not None:
                h.addConstr(sum(x[r][c] for r in range(rows)) == table.column_totals[c])
        assert table.total is not None
        h.addConstr(sum(x[r][c] for r in range(rows) for c in range(cols)) == table.total)
        r, c = entry
        target = sum(x[i][c] for i in range(rows)) if r == -1 else x[r][c]
        (h.minimize if sense == "min" else h.maximize)(target)
        found.append(h.getInfo().objective_function_value)
    return found[0], found[1]


tables = st.integers(1, 4).flatmap(
    lambda rows: st.integers(2, 4).flatmap(
        lambda cols: st.lists(
            st.lists(st.integers(0, 14), min_size=cols, max_size=cols),
            min_size=rows,
            max_size=rows,
        )
    )
)


def _table(cells: list[list[int]]) -> CountTable:
    return CountTable(
        rows=tuple(f"group {i}" for i in range(len(cells))),
        columns=tuple(f"kind {j}" for j in range(len(cells[0]))),
        cells=tuple(tuple(row) for row in cells),
    )


@settings(max_examples=150, deadline=None)
@given(tables)
def test_no_number_shown_is_under_k(cells: list[list[int]]) -> None:
    released = suppress(_table(cells))
    if released.empty:
        assert sum(map(sum, cells)) < K
        return
    shown = [v for row in released.cells for v in row if v is not None]
    shown += [v for v in released.column_totals if v is not None]
    shown += [*released.row_totals, released.total]
    assert all(v >= K for v in shown), released


@pytest.mark.slow
@settings(max_examples=120, deadline=None)
@given(tables)
def test_no_hidden_number_can_be_worked_out_from_what_is_shown(cells: list[list[int]]) -> None:
    released = suppress(_table(cells))
    if released.empty:
        return
    hidden = [
        (r, c)
        for r, row in enumerate(released.cells)
        for c, value in enumerate(row)
        if value is None
    ] + [(-1, c) for c, value in enumerate(released.column_totals) if value is None]
    for entry in hidden:
        low, high = _bounds(released, entry)
        assert high - low >= 0.999, (entry, low, high, released)


@settings(max_examples=100, deadline=None)
@given(tables)
def test_what_is_shown_is_true(cells: list[list[int]]) -> None:
    released = suppress(_table(cells))
    if released.empty:
        return
    assert released.total == sum(map(sum, cells))
    for c, total in enumerate(released.column_totals):
        assert total is None or total == sum(row[c] for row in cells)
    named = {name: i for i, name in enumerate(released.rows) if name != POOL}
    for name, i in named.items():
        original = cells[int(name.split()[-1])]
        assert released.row_totals[i] == sum(original)
        for c, value in enumerate(released.cells[i]):
            assert value is None or value == original[c]


def test_a_group_under_five_is_pooled_and_never_named_alone() -> None:
    released = suppress(
        CountTable(
            rows=("2024", "2025", "2026"),
            columns=("yes", "no"),
            cells=((9, 11), (2, 1), (6, 6)),
        )
    )
    assert "2025" not in released.rows
    assert released.rows[-1] == POOL
    assert "2025" in released.pooled
    assert all(total >= K for total in released.row_totals)


def test_fewer_than_five_people_show_nothing() -> None:
    released = suppress(CountTable(rows=("a",), columns=("yes", "no"), cells=((2, 2),)))
    assert released.empty
    assert released.cells == ()


def test_one_small_cell_takes_a_partner_so_the_totals_do_not_give_it_away() -> None:
    released = suppress(
        CountTable(
            rows=("a", "b", "c"),
            columns=("yes", "no"),
            cells=((3, 17), (10, 10), (12, 8)),
        )
    )
    assert released.cells[0][0] is None
    hidden = sum(v is None for row in released.cells for v in row)
    assert hidden >= 4  # a rectangle at least: (a,yes), (a,no) and a partner row
