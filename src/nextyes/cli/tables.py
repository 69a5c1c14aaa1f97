"""Plain-text tables with box-drawing lines, fitted to a width.

Small and quick on purpose: printing a 20-row listing must not cost more than the query.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import click


def cell_width(text: str) -> int:
    """Columns a string takes in a terminal (wide East Asian characters count twice)."""
    if text.isascii():
        return len(text)
    return sum(
        0
        if unicodedata.combining(ch)
        else 2
        if unicodedata.east_asian_width(ch) in ("W", "F")
        else 1
        for ch in text
    )


def _wrap(text: str, width: int) -> list[str]:
    """Split `text` into lines of at most `width` columns, at spaces where possible."""
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        line = ""
        for word in paragraph.split(" "):
            while cell_width(word) > width:
                room = width - cell_width(line) - (1 if line else 0)
                if room <= 0:
                    lines.append(line)
                    line, room = "", width
                cut = _cut(word, room)
                lines.append((line + " " if line else "") + word[:cut])
                line, word = "", word[cut:]
            candidate = f"{line} {word}" if line else word
            if cell_width(candidate) <= width:
                line = candidate
            else:
                lines.append(line)
                line = word
        lines.append(line)
    return lines


def _cut(word: str, room: int) -> int:
    used = 0
    for i, ch in enumerate(word):
        used += cell_width(ch)
        if used > room:
            return max(i, 1)
    return len(word)


def _fit(natural: list[int], minimum: list[int], width: int) -> list[int]:
    """Shrink the widest columns until the table fits `width` (never below their minimum)."""
    widths = list(natural)
    overhead = 3 * len(widths) + 1
    while sum(widths) + overhead > width:
        candidates = [i for i, w in enumerate(widths) if w > minimum[i]]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def render_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    width: int = 100,
    justify: Mapping[str, str] | None = None,
    no_wrap: Sequence[str] = (),
) -> str:
    body = [["" if v is None else str(v) for v in row] for row in rows]
    natural = [
        max(
            [cell_width(c)] + [cell_width(line) for r in body for line in r[i].splitlines() or [""]]
        )
        for i, c in enumerate(columns)
    ]
    minimum = [
        n if c in no_wrap else min(n, max(6, cell_width(c)))
        for c, n in zip(columns, natural, strict=True)
    ]
    widths = _fit(natural, minimum, width)
    right = {c for c, j in (justify or {}).items() if j == "right"}

    def line(left: str, mid: str, end: str) -> str:
        return left + mid.join("─" * (w + 2) for w in widths) + end

    def render_row(cells: Sequence[str], bold: bool = False) -> list[str]:
        wrapped = [_wrap(c, w) for c, w in zip(cells, widths, strict=True)]
        height = max(len(w) for w in wrapped)
        out = []
        for n in range(height):
            parts = []
            for i, lines in enumerate(wrapped):
                text = lines[n] if n < len(lines) else ""
                pad = " " * (widths[i] - cell_width(text))
                text = pad + text if columns[i] in right else text + pad
                parts.append(click.style(text, bold=True) if bold else text)
            out.append("│ " + " │ ".join(parts) + " │")
        return out

    out = [line("┌", "┬", "┐"), *render_row(list(columns), bold=True), line("├", "┼", "┤")]
    for row in body:
        out.extend(render_row(row))
    out.append(line("└", "┴", "┘"))
    return "\n".join(out)
