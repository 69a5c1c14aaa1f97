"""Cohort figures that name nobody: the one suppression function every aggregate passes.

Every figure an organisation sees is a count of people in a table whose rows are groups (a
cohort, a programme, a year) that together hold every consenting member once, and whose
columns sort those people into kinds that also hold each person once (how far their search
got; or, for a yes/no question such as "had feedback about communication", yes and no). So each
row adds up to the group's size and each column to the column's total: the relations anyone can
use to work a hidden number out from the numbers shown.

An organisation has several ways to group the same people (by cohort, by programme, by year, and
everyone together), and an admin may ask for each in turn and set them side by side: a cohort of
12 beside a year holding the same 12 and one more tells that one person's answer by subtraction.
So the tables of every grouping are released together, from one table of the finest groups,
the *combinations*: people who share their cohort, their programme and their year (each
grouping's rows are unions of combinations). `release` makes sure that, taken together:

1. Groups under K people are pooled ("smaller groups together"), with the next smallest group
   added until the pool holds K; with fewer than K people in all, nothing is shown.
2. Every count under K is hidden: a cell, a column total (the row of "everyone"), and the zeros
   too (a shown 0 would tell that nobody in a group did something).
3. Complementary suppression across groupings: a hidden number stays hidden only if another
   table of combinations, with every combination's size as it is and every number any grouping
   shows unchanged, differs from the true one in that number. For each hidden number the
   function finds such a change, moving one person between two kinds, either within one
   combination or in two combinations in opposite directions, and hides whatever else that change
   touches in any grouping, choosing the change that hides the least.
4. The same holds for the combinations themselves, which are never shown: no count under K of a
   combination (and so nothing about a combination under K people, whose every count is under
   K) can be worked out from all the groupings together.

The property tests check these promises with an independent solver over any two (indeed all)
released groupings: no shown number is under K, every hidden number can take at least two
values, and no set of 1 to K-1 people made of combinations has a count that follows from what
is shown.
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


@dataclass(frozen=True, slots=True)
class Grouping:
    """One way to group the people: its rows (after pooling) and each combination's row."""

    rows: tuple[str, ...]
    pooled: tuple[str, ...]
    row_of: tuple[int, ...]  # per combination, the index of its row


def grouping(
    names: Sequence[str], row_of: Sequence[int], sizes: Sequence[int], k: int = K
) -> Grouping:
    """The grouping with rows `names`, combination i in row `row_of[i]` with `sizes[i]` people:
    rows under k people pooled into one last row, topped up to k with the smallest others.
    A row holding nobody is left out (combinations hold somebody)."""
    people = [0] * len(names)
    for row, size in zip(row_of, sizes, strict=True):
        people[row] += size
    present = [i for i in range(len(names)) if people[i] > 0]
    small = [i for i in present if people[i] < k]
    pooled: set[int] = set()
    if small:
        pooled = set(small)
        for i in sorted(present, key=lambda i: (people[i], names[i])):
            if sum(people[j] for j in pooled) >= k:
                break
            pooled.add(i)
    keep = [i for i in present if i not in pooled]
    index = {old: new for new, old in enumerate(keep)}
    for old in pooled:
        index[old] = len(keep)
    rows = tuple(names[i] for i in keep) + ((POOL,) if pooled else ())
    return Grouping(
        rows=rows,
        pooled=tuple(sorted(names[i] for i in pooled)),
        row_of=tuple(index[r] for r in row_of),
    )


Key = tuple[int, int, int]
"""(grouping, row, column) of a number a grouping shows or hides, grouping 0 being everyone;
(-1, combination, column) for a count of a combination, never shown."""
Move = tuple[tuple[int, ...], tuple[int, ...], int, int]
"""(ups, downs, column, other column): one person moved from the other column to the column in
each combination of `ups`, and one moved back in each combination of `downs` (or the reverse)."""


class _Tables:
    """The combinations' counts and every grouping's view of them, for `release`."""

    def __init__(self, cells: Sequence[Sequence[int]], groupings: Sequence[Grouping]) -> None:
        self.cells = cells
        self.width = len(cells[0])
        self.views = [Grouping(("everyone",), (), (0,) * len(cells)), *groupings]
        self.members = [
            [[a for a, r in enumerate(view.row_of) if r == row] for row in range(len(view.rows))]
            for view in self.views
        ]
        self.values: dict[Key, int] = {}
        for g, view in enumerate(self.views):
            for a, row in enumerate(view.row_of):
                for c in range(self.width):
                    key = (g, row, c)
                    self.values[key] = self.values.get(key, 0) + cells[a][c]
        self.places = [tuple(v.row_of[a] for v in self.views[1:]) for a in range(len(cells))]
        self.at: dict[tuple[int, ...], list[int]] = {}
        for a, place in enumerate(self.places):
            self.at.setdefault(place, []).append(a)
        self._seen: dict[tuple[tuple[int, ...], int, int], list[tuple[int, list[int]]]] = {}

    def possible(self, move: Move) -> bool:
        ups, downs, c, d = move
        x = self.cells
        if len(ups) == 1 and len(downs) <= 1:  # the usual moves, without the general loops
            a = x[ups[0]]
            if not downs:
                return a[c] >= 1 or a[d] >= 1
            b = x[downs[0]]
            return (a[d] >= 1 and b[c] >= 1) or (a[c] >= 1 and b[d] >= 1)
        return (all(x[a][d] >= 1 for a in ups) and all(x[b][c] >= 1 for b in downs)) or (
            all(x[a][c] >= 1 for a in ups) and all(x[b][d] >= 1 for b in downs)
        )

    def touched(self, move: Move) -> set[Key]:
        """The numbers, in every grouping, that the move changes."""
        ups, downs, c, d = move
        found: set[Key] = set()
        if len(ups) == 1 and len(downs) <= 1:
            a = ups[0]
            b = downs[0] if downs else -1
            for g, view in enumerate(self.views):
                here = view.row_of[a]
                if b == -1:
                    found.update(((g, here, c), (g, here, d)))
                elif view.row_of[b] != here:
                    there = view.row_of[b]
                    found.update(((g, here, c), (g, here, d), (g, there, c), (g, there, d)))
            return found
        for g, view in enumerate(self.views):
            net: dict[int, int] = {}
            for a in ups:
                net[view.row_of[a]] = net.get(view.row_of[a], 0) + 1
            for b in downs:
                net[view.row_of[b]] = net.get(view.row_of[b], 0) - 1
            for row, change in net.items():
                if change:
                    found.update({(g, row, c), (g, row, d)})
        return found

    def moves(self, key: Key, near: bool = True) -> Iterator[Move]:
        """The moves that change this number, those that change the fewest others first.

        In one combination; between two combinations (with `near`, only two that differ in one
        grouping, the number's own for a number of a grouping); and, for a combination's count,
        around four combinations that differ in two groupings, two by two, which changes no
        number of any grouping at all."""
        g, row, c = key
        inside = [row] if g == -1 else self.members[g][row]
        others = [d for d in range(self.width) if d != c]
        if g == -1:
            for d in others:
                yield from self._squares(row, c, d)
        for d in others:
            for a in inside:
                yield ((a,), (), c, d)
                if g == 0:  # everyone's: a move between two combinations keeps every total
                    continue
                partners = (self._near(a) if g == -1 else self._near(a, g)) if near else None
                for b in range(len(self.cells)) if partners is None else partners:
                    if b != a and (g <= 0 or self.views[g].row_of[b] != row):
                        yield ((a,), (b,), c, d)

    def _near(self, a: int, only: int | None = None) -> list[int]:
        """Combinations placed as `a` in every grouping but one (but `only`)."""
        place = self.places[a]
        found: list[int] = []
        for i in range(len(place)) if only is None else (only - 1,):
            for row in range(len(self.views[i + 1].rows)):
                found.extend(self.at.get((*place[:i], row, *place[i + 1 :]), ()))
        return [b for b in found if b != a]

    def _squares(self, a: int, c: int, d: int) -> Iterator[Move]:
        """Possible moves around four combinations: `a` and b2 take one person into column c
        from d (or the reverse), b1 and b3 give one back, where b1 is placed as `a` but in one
        grouping, b3 as `a` but in another, and b2 as b1 but in that other one as b3."""
        x = self.cells
        place = self.places[a]
        for give, take in ((c, d), (d, c)):  # b1, b3 need someone in `give`; a, b2 in `take`
            if x[a][take] < 1:
                continue
            for i in range(len(place)):
                ones = self._along(place, i, give)
                for j in range(i + 1, len(place)) if ones else ():
                    others = self._along(place, j, give)
                    for ri, b1s in ones:
                        for rj, b3s in others:
                            both = list(place)
                            both[i], both[j] = ri, rj
                            for b2 in self.at.get(tuple(both), ()):
                                if x[b2][take] >= 1:
                                    yield ((a, b2), (b1s[0], b3s[0]), c, d)

    def _along(self, place: tuple[int, ...], i: int, column: int) -> list[tuple[int, list[int]]]:
        """Other rows of grouping i+1 with combinations placed as `place` but there, those of
        them with someone in `column`."""
        known = self._seen.get((place, i, column))
        if known is not None:
            return known
        found = []
        for row in range(len(self.views[i + 1].rows)):
            if row != place[i]:
                there = [
                    b
                    for b in self.at.get((*place[:i], row, *place[i + 1 :]), ())
                    if self.cells[b][column] >= 1
                ]
                if there:
                    found.append((row, there))
        self._seen[(place, i, column)] = found
        return found


def release(
    columns: tuple[str, ...], cells: Sequence[Sequence[int]], groupings: Sequence[Grouping],
    k: int = K,
) -> tuple[Released, list[Released]]:  # fmt: skip
    """The table for everyone and one table per grouping, from the counts of the combinations
    (`cells[i]`, one count per column, for combination i): see the module's documentation.
    Released together, so that setting any of them side by side gives nothing away."""
    if any(len(row) != len(columns) for row in cells):
        raise ValueError("every combination needs one count per column")
    if any(v < 0 for row in cells for v in row):
        raise ValueError("counts cannot be negative")
    if any(len(g.row_of) != len(cells) for g in groupings):
        raise ValueError("every grouping places every combination")
    total = sum(sum(row) for row in cells)
    if total < k or not columns:
        nothing = Released(
            rows=(), pooled=(), columns=columns, cells=(), row_totals=(),
            column_totals=tuple(None for _ in columns), total=None,
        )  # fmt: skip
        return nothing, [nothing for _ in groupings]
    tables = _Tables(cells, groupings)
    hidden = {key for key, value in tables.values.items() if value < k}
    if len(columns) == 1:
        hidden = set()  # one kind: every number is a group's size, shown already
    sensitive = {
        (-1, a, c) for a, row in enumerate(cells) for c, value in enumerate(row) if value < k
    } if len(columns) > 1 else set()  # fmt: skip
    # the numbers of groupings first (popped from the end), then the combinations'
    waiting = sorted(hidden | sensitive, key=lambda key: (key[0] < 0, key), reverse=True)
    while waiting:
        key = waiting.pop()
        best: tuple[int, int, list[Key]] | None = None
        for near in (True, False):
            for move in tables.moves(key, near):
                if not tables.possible(move):
                    continue
                if len(move[0]) == 2:  # around four combinations: changes no grouping's number
                    best = (0, 0, [])
                    break
                new = tables.touched(move) - hidden
                if not new:
                    best = (0, 0, [])
                    break  # protected already
                if best is not None and len(new) > best[0]:
                    continue
                cost = (len(new), sum(tables.values[e] for e in new))
                if best is None or cost < best[:2]:
                    best = (cost[0], cost[1], sorted(new))
            if best is not None:
                break  # the near moves are enough: the others change more numbers
        fresh = list(tables.values) if best is None else best[2]
        fresh = [e for e in fresh if e not in hidden]
        hidden.update(fresh)
        waiting.extend(fresh)  # each newly hidden number needs a change of its own
    return _released(tables, columns, hidden, 0, total), [
        _released(tables, columns, hidden, g, total) for g in range(1, len(tables.views))
    ]


def _released(
    tables: _Tables, columns: tuple[str, ...], hidden: set[Key], g: int, total: int
) -> Released:
    view = tables.views[g]
    width = len(columns)

    def shown(key: Key) -> int | None:
        return None if key in hidden else tables.values[key]

    return Released(
        rows=view.rows,
        pooled=view.pooled,
        columns=columns,
        cells=tuple(tuple(shown((g, r, c)) for c in range(width)) for r in range(len(view.rows))),
        row_totals=tuple(
            sum(tables.values[(g, r, c)] for c in range(width)) for r in range(len(view.rows))
        ),
        column_totals=tuple(shown((0, 0, c)) for c in range(width)),
        total=total,
    )


def suppress(table: CountTable, k: int = K) -> Released:
    """One table as it may be shown (its groups, and its column totals as everyone's row)."""
    if any(len(row) != len(table.columns) for row in table.cells) or len(table.cells) != len(
        table.rows
    ):
        raise ValueError("every row needs one count per column")
    held = [i for i, row in enumerate(table.cells) if sum(row) > 0]  # empty groups: no row
    cells = [table.cells[i] for i in held]
    names = [table.rows[i] for i in held]
    by_row = grouping(names, range(len(names)), [sum(row) for row in cells], k)
    whole, (released,) = release(table.columns, cells, [by_row], k)
    if released.empty:
        return Released(
            rows=(), pooled=(), columns=table.columns, cells=(), row_totals=(),
            column_totals=whole.column_totals, total=None,
        )  # fmt: skip
    return released
