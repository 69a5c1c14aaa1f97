"""Consistent copies of an SQLite journal, taken with SQLite's online backup."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path


def backup_sqlite(source: Path, folder: Path, label: str = "auto") -> Path:
    """Copy the journal at `source` into `folder` with a timestamped name; returns the copy."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"journal-{stamp}-{label}.db"
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    return target
