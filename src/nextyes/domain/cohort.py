"""Cohort figures that name nobody: the one suppression function every aggregate passes.

Every figure an organisation sees is a count of people in a table whose rows are groups (a
cohort, a programme, a year) that together hold every consenting member once, and whose
columns sort those people into kinds that also hold each person once (how far their search
got; or, for a yes/no question such as "had feedback about communication", yes and no). So each
row adds up to the group's size and each column to the column's total: the relations anyone can
use to work a hidden number out from the numbers shown. `suppress` makes sure they cannot:

1. Groups under K people are pooled ("smaller groups together"), with the next smallest group
   added until the pool holds K; with fewer than K people in all, nothing is shown.
2. Every count under K is hidden: a cell, a column total, and the zeros too (a shown 0 would
   tell that nobody in a group did something).
3. Complementary suppression: a hidden number stays hidden only if another table, consistent
   with everything shown, differs from the true one in that number. For each hidden number the
   function finds such a change, moving one person between two kinds in two groups (a
   "rectangle") or, when two column totals are hidden, between two kinds in one group, and
   hides whatever else that change touches, choosing the change that hides the least.

The property tests check both promises with an independent solver: no shown number is under
K, and every hidden number can take at least two values given all that is shown.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

K = 5
"""No group and no number shown is smaller than this."""

Entry = tuple[int, int]
"""(row, column) of a cell; (-1, column) is that column's total."""


@dataclass(frozen=True, slots=True)
class CountTable:
    """People counted by group (rows) and kind (columns); each row adds up to its group."""

    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[int, ...], ...]


@dataclass(frozen=True, slots=True)
class Released:
    """What may be shown: None where a number is hidden."""

    rows: tuple[str, ...]  # after pooling
    pooled: tuple[str, ...]  # the groups in the last row, when it is a pool
    columns: tuple[str, ...]
    cells: tuple[tuple[int | None, ...], ...]
    row_totals: tuple[int, ...]
    column_totals: tuple[int | None, ...]
    total: int | None

    @property
    def empty(self) -> bool:
        return self.total is None

    def column(self, name: str) -> list[int | None]:
        at = self.columns.index(name)
        return [row[at] for row in self.cells]


POOL = "smaller groups together"


def pool_rows(table: CountTable, k: int = K) -> tuple[CountTable, tuple[str, ...]]:
    """Groups under k people pooled into one row, topped up to k with the smallest others."""
    sizes = [sum(row) for row in table.cells]
    small = [i for i, size in enumerate(sizes) if size < k]
    if not small:
        return table, ()
    order = sorted(range(len(sizes)), key=lambda i: (sizes[i], table.rows[i]))
    pooled = set(small)
    for i in order:
        if sum(sizes[j] for j in pooled) >= k:
            break
        pooled.add(i)
    width = len(table.columns)
    keep = [i for i in range(len(sizes)) if i not in pooled]
    pool_cells = tuple(sum(table.cells[i][c] for i in pooled) for c in range(width))
    names = tuple(sorted(table.rows[i] for i in pooled))
    rows = (*tuple(table.rows[i] for i in keep), POOL)
    cells = (*tuple(table.cells[i] for i in keep), pool_cells)
    return CountTable(rows, table.columns, cells), names


def _moves(cells: Sequence[Sequence[int]], entry: Entry) -> Iterator[tuple[frozenset[Entry], bool]]:
    """Every change that keeps all row totals and the grand total and moves `entry`, as the
    entries it touches and whether it is possible (no count goes below zero)."""
    rows, cols = len(cells), len(cells[0])
    r, c = entry
    if r == -1:  # a column total: move one person of some row between c and another column
        for row in range(rows):
            for other in range(cols):
                if other != c:
                    touched = frozenset({(row, c), (row, other), (-1, c), (-1, other)})
                    yield touched, cells[row][other] >= 1 or cells[row][c] >= 1
        return
    for other in range(cols):
        if other == c:
            continue
        for row in range(rows):
            if row != r:  # a rectangle: totals of rows and columns all stay
                touched = frozenset({(r, c), (r, other), (row, c), (row, other)})
                up = cells[r][other] >= 1 and cells[row][c] >= 1
                down = cells[r][c] >= 1 and cells[row][other] >= 1
                yield touched, up or down
        # within the row, when both column totals move (they must both be hidden)
        touched = frozenset({(r, c), (r, other), (-1, c), (-1, other)})
        yield touched, cells[r][other] >= 1 or cells[r][c] >= 1


def _value(cells: Sequence[Sequence[int]], entry: Entry) -> int:
    r, c = entry
    if r == -1:
        return sum(row[c] for row in cells)
    return cells[r][c]


def _protected(cells: Sequence[Sequence[int]], entry: Entry, hidden: set[Entry]) -> bool:
    return any(ok and touched <= hidden for touched, ok in _moves(cells, entry))


def suppress(table: CountTable, k: int = K, totals: Sequence[int | None] | None = None) -> Released:
    """The table as it may be shown: see the module's documentation for the rules.

    `totals`: the column totals as another released table of the same people shows them (the
    same question for everyone, when this table splits it by group). Those shown there are
    shown here too and no change may move them; those hidden there stay hidden here. So the two
    tables together tell no more than this one alone, and differencing them gives nothing away.
    """
    if any(len(row) != len(table.columns) for row in table.cells) or len(table.cells) != len(
        table.rows
    ):
        raise ValueError("every row needs one count per column")
    if any(v < 0 for row in table.cells for v in row):
        raise ValueError("counts cannot be negative")
    total = sum(sum(row) for row in table.cells)
    width = len(table.columns)
    if total < k or not table.rows or width == 0:
        return Released(
            rows=(), pooled=(), columns=table.columns, cells=(), row_totals=(),
            column_totals=tuple(None for _ in table.columns), total=None,
        )  # fmt: skip
    pooled_table, pooled = pool_rows(table, k)
    cells = pooled_table.cells
    rows = len(cells)
    everything = {(r, c) for r in range(rows) for c in range(width)} | {
        (-1, c) for c in range(width)
    }
    hidden = {e for e in everything if _value(cells, e) < k}
    known: set[Entry] = set()
    if totals is not None:
        if len(totals) != width or any(
            t is not None and t != _value(cells, (-1, c)) for c, t in enumerate(totals)
        ):
            raise ValueError("the totals shown elsewhere must be this table's own")
        known = {(-1, c) for c, t in enumerate(totals) if t is not None}
        hidden = (hidden - known) | {(-1, c) for c, t in enumerate(totals) if t is None}
    if width == 1:
        hidden = set()  # one kind: every cell is its row's total, shown already
    while True:
        exposed = sorted(e for e in hidden if not _protected(cells, e, hidden))
        if not exposed:
            break
        entry = exposed[0]
        best: tuple[int, int, list[Entry]] | None = None
        for touched, ok in _moves(cells, entry):
            if not ok or touched & known:
                continue
            new = sorted(touched - hidden)
            cost = (len(new), sum(_value(cells, e) for e in new))
            if best is None or cost < best[:2]:
                best = (cost[0], cost[1], new)
        if best is None:  # no change is possible: hide every cell and unknown column total
            if hidden == everything - known:
                break
            hidden = everything - known
            continue
        hidden.update(best[2])
    shown_cells = tuple(
        tuple(None if (r, c) in hidden else cells[r][c] for c in range(width)) for r in range(rows)
    )
    column_totals = tuple(
        None if (-1, c) in hidden else _value(cells, (-1, c)) for c in range(width)
    )
    return Released(
        rows=pooled_table.rows,
        pooled=pooled,
        columns=table.columns,
        cells=shown_cells,
        row_totals=tuple(sum(row) for row in cells),
        column_totals=column_totals,
        total=total,
    )
