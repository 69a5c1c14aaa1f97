"""CSV in and out: cells a spreadsheet will not run as formulas, and files read carefully.

Reading refuses what would import garbage (a wrong delimiter, a wrong encoding, a workbook
saved under a .csv name, rows wider than the header) with a message that says how to fix the
file, rather than guessing.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from nextyes.domain.errors import InvalidInput, Words
from nextyes.reports.cells import FORMULA_START, spreadsheet_safe

DELIMITER_NAMES = {",": "commas", ";": "semicolons", "\t": "tabs", "|": "vertical bars"}


def csv_text(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """A CSV document (a header, then the rows), every cell spreadsheet-safe."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([spreadsheet_safe(c) for c in columns])
    for row in rows:
        writer.writerow([spreadsheet_safe(v) for v in row])
    return out.getvalue()


@dataclass(frozen=True, slots=True)
class Sheet:
    """A CSV file's header and rows; each row keeps its line number for messages."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]


def decode(data: bytes, name: str, encoding: str | None) -> str:
    """The file's text; a byte-order mark decides, else `encoding` (UTF-8 by default)."""
    if data.startswith(b"PK\x03\x04"):
        raise InvalidInput(
            f"{name} is a spreadsheet workbook (.xlsx), not CSV. Open it and save a copy as "
            "'CSV UTF-8', then import that."
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        chosen = "utf-16"
    elif data.startswith(b"\xef\xbb\xbf"):
        chosen = "utf-8-sig"
    else:
        chosen = encoding or "utf-8"
    try:
        codec = codecs.lookup(chosen)
    except (LookupError, ValueError):  # ValueError: a name with a NUL in it
        codec = None
    if codec is None or not getattr(codec, "_is_text_encoding", True):
        raise InvalidInput(
            f"'{encoding}' is not an encoding nextyes knows. Try utf-8, cp1252 or latin-1."
        )
    try:
        text = data.decode(chosen)
    except LookupError:
        raise InvalidInput(
            f"'{encoding}' is not an encoding nextyes knows. Try utf-8, cp1252 or latin-1."
        ) from None
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        hint = (
            "Save it from your spreadsheet as 'CSV UTF-8', or name its encoding, for example "
            "--encoding cp1252 (Excel on Windows) or --encoding latin-1."
            if encoding is None
            else "Check the encoding given with --encoding."
        )
        raise InvalidInput(
            f"{name} is not {chosen.upper()} text (byte 0x{data[exc.start]:02x} on line {line}). "
            + hint,
            web=Words(
                "portability/web",
                "not_text_in",
                {
                    "name": name,
                    "encoding": chosen.upper(),
                    "byte": f"0x{data[exc.start]:02x}",
                    "line": line,
                },
            ),
        ) from None
    except UnicodeError:  # an encoding that is not for files (punycode, undefined, idna)
        raise InvalidInput(
            f"'{encoding}' cannot read a file nextyes imports. Try utf-8, cp1252 or latin-1."
        ) from None
    if "\x00" in text:
        raise InvalidInput(
            f"{name} holds binary data, not CSV text. Export it from your tracker or spreadsheet "
            "as CSV and import that file."
        )
    return text


def _looks_separated_by(line: str, delimiter: str) -> str | None:
    counts = {d: line.count(d) for d in DELIMITER_NAMES if d != delimiter}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] > 0 and line.count(delimiter) == 0 else None


def read_sheet(
    data: bytes, name: str, *, delimiter: str = ",", encoding: str | None = None
) -> Sheet:
    """Parse a CSV file with a header row; blank lines are skipped."""
    if len(delimiter) != 1:
        raise InvalidInput("--delimiter takes one character, for example --delimiter ';'.")
    text = decode(data, name, encoding)
    lines = text.splitlines()
    first = next((line for line in lines if line.strip()), None)
    if first is None:
        raise InvalidInput(f"{name} is empty. Export your applications to CSV and try again.")
    other = _looks_separated_by(first, delimiter)
    if other is not None:
        flag = "'\\t'" if other == "\t" else f"'{other}'"
        raise InvalidInput(
            f"{name} looks separated by {DELIMITER_NAMES[other]}, not "
            f"{DELIMITER_NAMES.get(delimiter, repr(delimiter))}: its header is one column. "
            f"Run it again with --delimiter {flag}.",
            web=Words(
                "portability/web",
                "separated_by",
                {
                    "name": name,
                    "other": DELIMITER_NAMES[other],
                    "chosen": DELIMITER_NAMES.get(delimiter, repr(delimiter)),
                },
            ),
        )
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, tuple[str, ...]]] = []
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            cells = tuple(_unquoted(cell.strip()) for cell in record)
            if header is None:
                header = _check_header(cells, name)
                continue
            if len(cells) > len(header) and any(cells[len(header) :]):
                raise InvalidInput(
                    f"Line {line} of {name} has {len(cells)} values but the header names "
                    f"{len(header)} columns. A value with a '{delimiter}' inside needs quotes "
                    "around it; fix that line and try again."
                )
            padded = cells[: len(header)] + ("",) * (len(header) - len(cells))
            rows.append((line, padded))
    except csv.Error as exc:
        raise InvalidInput(
            f"{name} is not well-formed CSV near line {reader.line_num} ({exc}). Check the "
            "quotes on that line."
        ) from None
    if header is None:
        raise InvalidInput(f"{name} is empty. Export your applications to CSV and try again.")
    return Sheet(header, tuple(rows))


def _unquoted(cell: str) -> str:
    """Undo `spreadsheet_safe`: "'=SUM" was written as a safe cell and means "=SUM"."""
    return cell[1:] if cell.startswith("'") and cell[1:2] in FORMULA_START[:4] else cell


def _check_header(cells: tuple[str, ...], name: str) -> tuple[str, ...]:
    named = [c for c in cells if c]
    seen: set[str] = set()
    for cell in named:
        key = cell.casefold()
        if key in seen:
            raise InvalidInput(
                f"The header of {name} names '{cell}' twice. Rename one of them and try again."
            )
        seen.add(key)
    return tuple(c or f"column {i + 1}" for i, c in enumerate(cells))
