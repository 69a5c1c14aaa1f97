"""A command that makes a new journal leaves none behind when it fails.

`demo` and `import json` fill an empty journal; opening it creates the file. When the command
then fails, a newcomer should find the home as it was, not an empty journal that the next
try refuses or mistakes for theirs.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

from nextyes.cli.context import AppContext

SIDE_FILES = ("", "-wal", "-shm", "-journal")


@contextmanager
def no_journal_left_if_failed(app: AppContext) -> Iterator[None]:
    """Run the body; if it fails and the SQLite journal did not exist before, remove it."""
    settings = app.settings
    path = settings.sqlite_path if settings.is_sqlite else None
    if path is None or path.exists():
        yield
        return
    home_existed = settings.home.exists()
    try:
        yield
    except BaseException:
        app.close()
        _remove(path, settings.home if not home_existed else None)
        raise


def _remove(path: Path, new_home: Path | None) -> None:
    for suffix in SIDE_FILES:
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    if new_home is not None:
        with suppress(OSError):
            new_home.rmdir()  # only when nothing else was put there
