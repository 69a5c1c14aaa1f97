"""`nextyes backup` and `nextyes restore`: whole-journal copies in the home's backups folder."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, emit_table, format_option, say
from nextyes.services.portability import backups as service


def _words() -> dict[str, Any]:
    words: dict[str, Any] = content.load("portability/messages")["backup"]
    return words


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KB" if n < 1024 * 1024 else f"{n / 1024 / 1024:.1f} MB"


@click.command()
@click.option(
    "--keep", type=int, default=service.DEFAULT_KEEP, show_default=True,
    help="Keep only this many of the newest backups (older ones are deleted).",
)  # fmt: skip
@click.option("--list", "list_", is_flag=True, help="List the backups instead of taking one.")
@format_option("text", "json")
@pass_app
def backup(app: AppContext, keep: int, list_: bool, fmt: str) -> None:
    """Take a consistent copy of your journal, even while it is in use.

    Backups go into the `backups` folder of your home, named by the time they were taken.
    nextyes also takes one by itself before every upgrade, and before an import or a restore
    into a journal that holds anything. Bring one back with `nextyes restore FILE`.
    """
    if list_:
        found = service.list_backups(app.settings)
        if fmt == "json":
            emit_json([{"path": str(b.path), "size": b.size, "taken_at": b.taken_at,
                        "label": b.label} for b in found])  # fmt: skip
        elif not found:
            say(content.fill(_words()["none"], folder=app.settings.backups_dir))
        else:
            rows = [(b.taken_at.strftime("%Y-%m-%d %H:%M:%S"), b.label, _size(b.size), str(b.path))
                    for b in found]  # fmt: skip
            emit_table(("taken", "why", "size", "file"), rows, no_wrap=("taken", "file"))
        return
    taken = service.take_backup(app.settings, keep=keep)
    if fmt == "json":
        emit_json({"path": str(taken.path), "size": taken.size, "kept": taken.kept,
                   "removed": [str(p) for p in taken.removed]})  # fmt: skip
        return
    words = _words()
    say(content.fill(words["taken"], path=taken.path, size=_size(taken.size)))
    if taken.removed:
        pruned = words["pruned"][0 if len(taken.removed) == 1 else 1]
        say(content.fill(pruned, n=len(taken.removed), kept=taken.kept))


@click.command()
@click.argument("file", type=click.Path(path_type=Path, dir_okay=True))
@format_option("text", "json")
@pass_app
def restore(app: AppContext, file: Path, fmt: str) -> None:
    """Put a backup back in place of your journal.

    The file is checked first (an intact nextyes journal this version can open); then your
    current journal is backed up, so a restore can be undone with another restore.

    \b
    Example:
      nextyes backup --list
      nextyes restore ~/.local/share/nextyes/backups/journal-20261122-093000-000000-manual.db
    """
    done = service.restore_backup(app.settings, file)
    if fmt == "json":
        emit_json({"restored": str(done.source), "schema": done.revision,
                   "applications": done.applications,
                   "previous": str(done.previous) if done.previous else None})  # fmt: skip
        return
    words = _words()
    count = content.counted(content.load("portability/messages")["counts"]["applications"],
                            done.applications)  # fmt: skip
    say(content.fill(words["restored"], file=done.source, applications=count))
    if done.previous:
        say(content.fill(words["replaced"], path=done.previous))
