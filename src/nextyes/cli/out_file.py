"""Where exports and reports go: standard output, or a file given with --out."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from nextyes.errors import InvalidInput

F = TypeVar("F", bound=Callable[..., Any])
OUT_HELP = "Write to this file instead of standard output."


def out_option(help_text: str = OUT_HELP) -> Callable[[F], F]:
    """The --out option every export and report shares."""
    return click.option("--out", type=click.Path(path_type=Path), help=help_text)


def write_output(data: str | bytes, out: Path | None) -> None:
    """Print `data`, or write it whole to `out` (a half-written file never replaces a good one)."""
    if out is None:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            click.echo(data, nl=False)
        return
    if out.is_dir():
        raise InvalidInput(f"{out} is a folder. Give a file name, for example {out / 'export'}.")
    partial = out.with_name(f".{out.name}.partial")
    try:
        if isinstance(data, bytes):
            partial.write_bytes(data)
        else:
            partial.write_text(data, encoding="utf-8", newline="")
        os.replace(partial, out)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise InvalidInput(
            f"Could not write {out} ({exc.strerror or exc}). Choose a folder you can write to."
        ) from None
