"""Rendering shared by every command: --format options, JSON, CSV and tables.

Rich is imported only when a table or styled text is printed, so JSON output stays quick.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, is_dataclass
from datetime import date, datetime, time
from enum import Enum
from typing import TYPE_CHECKING, Any, TypeVar

import click

from nextyes.reports.cells import spreadsheet_safe  # shared with the web app

if TYPE_CHECKING:
    from rich.console import Console

F = TypeVar("F", bound=Callable[..., Any])
FORMAT_HELP = {
    "table": "for people",
    "json": "one JSON document",
    "jsonl": "one JSON object per line",
    "csv": "for spreadsheets",
    "text": "plain text",
}


def format_option(*choices: str, default: str | None = None) -> Callable[[F], F]:
    """The one --format option every listing and report shares."""
    chosen = choices or ("table", "json")
    help_text = "Output format: " + "; ".join(
        f"{c} {FORMAT_HELP.get(c, '')}".strip() for c in chosen
    )
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(chosen),
        default=default or chosen[0],
        show_default=True,
        help=help_text + ".",
    )


def _default(value: Any) -> Any:
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Enum):
        return value.value
    if is_dataclass(value) and not isinstance(value, type):
        return asdict(value)
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")


def to_json(data: Any, indent: int | None = 2) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent, default=_default)


def emit_json(data: Any) -> None:
    click.echo(to_json(data))


def emit_jsonl(rows: Iterable[Any]) -> None:
    for row in rows:
        click.echo(to_json(row, indent=None))


def emit_csv(columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([spreadsheet_safe(v) for v in row])


_console: Console | None = None


def console() -> Console:
    """A rich console, for progress bars and live displays (imported only when used)."""
    global _console
    from rich.console import Console

    if _console is None or _console.file is not sys.stdout:
        _console = Console(file=sys.stdout, highlight=False, soft_wrap=False)
    return _console


def emit_table(
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    title: str | None = None,
    caption: str | None = None,
    justify: dict[str, str] | None = None,
    no_wrap: tuple[str, ...] = (),
) -> None:
    """A table for people, fitted to the terminal's width."""
    from nextyes.cli.tables import render_table

    width = terminal_width()
    text = render_table(columns, rows, width=width, justify=justify or {}, no_wrap=no_wrap)
    if title:
        say(title, style="bold")
    click.echo(text)
    if caption:
        say(caption, style="dim")


def terminal_width(fallback: int = 100) -> int:
    """The terminal's width as `shutil.get_terminal_size` gives it (COLUMNS first), without
    importing shutil, which imports bz2 and lzma: `list` prints a table on every run."""
    import os

    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    stdout = sys.__stdout__
    if stdout is None:
        return fallback
    try:
        columns = os.get_terminal_size(stdout.fileno()).columns
    except (AttributeError, ValueError, OSError):
        columns = 0
    return columns or fallback


STYLES: dict[str, dict[str, Any]] = {"bold": {"bold": True}, "dim": {"dim": True}, "good": {"fg": "green"},
          "warn": {"fg": "yellow"}, "heading": {"bold": True, "underline": True}}  # fmt: skip


def say(text: str = "", style: str | None = None) -> None:
    """Print a line for people (styled only when the terminal shows styles)."""
    click.echo(click.style(text, **STYLES[style]) if style else text)
