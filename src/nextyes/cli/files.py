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


MAX_READ = 5_000_000


def read_text_file(path: str) -> str:
    """A saved page or text file as text (UTF-8, else the charset its HTML names, else Latin-1),
    or a message saying what to do."""
    import re

    target = Path(path).expanduser()
    try:
        with target.open("rb") as fh:
            data = fh.read(MAX_READ + 1)
    except OSError as exc:
        raise InvalidInput(f"Could not read {target}: {exc.strerror or exc}.") from None
    if len(data) > MAX_READ:
        raise InvalidInput(
            f"{target} is larger than {MAX_READ // 1_000_000} MB, far more than a job posting. "
            "Save just the posting's page (in your browser: Save Page As, HTML only)."
        )
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidInput(f"{target} is not a text or HTML file. Give a saved page (.html).")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    found = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.I)
    if found:
        try:
            return data.decode(found.group(1).decode("ascii"), errors="replace")
        except LookupError:
            pass
    return data.decode("latin-1")
