"""The journal is its owner's alone: folders nextyes creates are 0700, files 0600.

Other accounts on the same machine cannot list the home, read the journal, its write-ahead log,
its backups or crash logs. Folders the user chose and that already exist (a `--db` path under
/tmp, say) are left as they are; files nextyes writes are tightened even if an older version
created them readable by others.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

FOLDER_MODE = 0o700
FILE_MODE = 0o600


def private_folder(path: Path) -> None:
    """Create `path` (and missing parents) only its owner can open; an existing one is kept."""
    if path.is_dir():
        return
    missing = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    path.mkdir(mode=FOLDER_MODE, parents=True, exist_ok=True)
    for made in missing:  # mkdir's mode is filtered by the umask; say it plainly
        with contextlib.suppress(OSError):
            os.chmod(made, FOLDER_MODE)


def private_file(path: Path) -> None:
    """Make sure `path` exists and only its owner can read or write it."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    except FileExistsError:
        tighten(path)
    else:
        os.close(descriptor)


def tighten(path: Path) -> None:
    """Take away what others may do with an existing file of ours (0644 -> 0600)."""
    with contextlib.suppress(OSError):
        if path.stat().st_mode & 0o077:
            os.chmod(path, FILE_MODE)
