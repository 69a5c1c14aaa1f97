"""Writing an export where the user asked: to standard output, or to a file, whole or not at all."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from nextyes import content
from nextyes.errors import InvalidInput


def _said(key: str, **values: object) -> str:
    """A refusal about a named file, from content/common.toml [files]."""
    return content.fill(content.load("common")["files"][key], **values)


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
        example = target / content.load("common")["files"]["example_name"]
        raise InvalidInput(_said("is_a_folder", target=target, example=example))
    folder = target.parent
    if not folder.is_dir():
        raise InvalidInput(_said("no_folder", folder=folder))
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
        raise InvalidInput(_said("cannot_write", target=target, reason=reason.lower())) from None
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
        reason = exc.strerror or str(exc)
        raise InvalidInput(_said("cannot_read", target=target, reason=reason.lower())) from None
    if len(data) > MAX_READ:
        raise InvalidInput(_said("too_large", target=target, mb=MAX_READ // 1_000_000))
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise InvalidInput(_said("not_text", target=target))
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
