"""Crash logs: one private file per crash, under the user's own state folder.

A log holds a traceback, and a traceback can hold a piece of the journal, so it is written as a
file only its owner can read (0600) in a folder only its owner can open (0700). Each crash gets
a file of its own: the name carries the time to the microsecond and the process id, and the
file is created exclusively, so two crashes in one second never overwrite each other.
"""

from __future__ import annotations

import os
from datetime import datetime
from pathlib import Path


def logs_folder(environ: os._Environ[str] | dict[str, str] | None = None) -> Path:
    """NEXTYES_HOME/logs when a home is given (so tests and demos keep to it), else the
    platform's user state folder (~/.local/state/nextyes/logs on Linux)."""
    env = os.environ if environ is None else environ
    home = env.get("NEXTYES_HOME")
    if home:
        return Path(home).expanduser() / "logs"
    import platformdirs

    return Path(platformdirs.user_state_dir("nextyes", appauthor=False)) / "logs"


def write_crash_log(folder: Path, kind: str, text: str) -> Path:
    """Write `text` to a new private file in `folder`; OSError when that cannot be done."""
    from nextyes.private_files import private_folder

    private_folder(folder)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    for attempt in range(100):
        path = folder / f"{kind}-{stamp}-{os.getpid()}{f'-{attempt}' if attempt else ''}.log"
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        with os.fdopen(descriptor, "w", encoding="utf-8") as out:
            out.write(text)
        return path
    raise FileExistsError(f"no free crash log name in {folder}")
