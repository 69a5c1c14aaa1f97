"""Writing an export where the user asked: to standard output, or to a file, whole or not at all."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from nextyes.errors import InvalidInput


def write_output(data: bytes, path: str | None) -> Path | None:
    """Print `data` (no path, or "-"), or write it to `path` atomically; a path that cannot be
    written gets a message saying what to do, and no partial file is left behind."""
    if path is None or path == "-":
        sys.stdout.buffer.write(data) if hasattr(sys.stdout, "buffer") else sys.stdout.write(
            data.decode("utf-8")
        )
        sys.stdout.flush()
        return None
    target = Path(path).expanduser()
    if target.is_dir():
        raise InvalidInput(
            f"{target} is a folder. Give a file name, such as {target / 'nextyes.ics'}."
        )
    folder = target.parent
    if not folder.is_dir():
        raise InvalidInput(
            f"The folder {folder} does not exist. Create it first, or choose another place."
        )
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=folder)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp_name, target)
    except OSError as exc:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
        reason = exc.strerror or str(exc)
        raise InvalidInput(
            f"Could not write {target} ({reason.lower()}). Choose a place you can write to, "
            "or leave the file out to print to the screen."
        ) from None
    return target
