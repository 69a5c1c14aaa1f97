"""Files people upload (a spreadsheet, a backup, a mailbox): written to the home's `uploads/`
folder as they arrive, so a large mailbox never sits in memory."""

from __future__ import annotations

import secrets
import time
from pathlib import Path

from starlette.datastructures import UploadFile

from nextyes.config import Settings
from nextyes.errors import InvalidInput

CHUNK = 1024 * 1024
KEEP_SECONDS = 24 * 3600  # an upload nobody came back for is removed after a day


def uploads_dir(settings: Settings) -> Path:
    return settings.home / "uploads"


def upload_of(value: object, missing: str) -> UploadFile:
    """The file a form field holds; InvalidInput (`missing`) when no file was chosen."""
    if not isinstance(value, UploadFile) or not value.filename:
        raise InvalidInput(missing)
    return value


async def save_upload(settings: Settings, upload: UploadFile, suffix: str = "") -> Path:
    """Copy an uploaded file into the uploads folder, under a name nobody can guess."""
    folder = uploads_dir(settings)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    forget_old_uploads(folder)
    path = folder / f"{secrets.token_hex(16)}{suffix}"
    with path.open("xb") as out:
        while chunk := await upload.read(CHUNK):
            out.write(chunk)
    path.chmod(0o600)
    return path


def find_upload(settings: Settings, token: str, suffix: str) -> Path | None:
    """An upload kept for a later step (the import after its preview), by its name."""
    if len(token) != 32 or any(c not in "0123456789abcdef" for c in token):
        return None
    path = uploads_dir(settings) / f"{token}{suffix}"
    return path if path.is_file() else None


def forget_old_uploads(folder: Path, now: float | None = None) -> None:
    cutoff = (now if now is not None else time.time()) - KEEP_SECONDS
    for path in folder.glob("*"):
        try:
            if path.is_file() and path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            continue  # another request removed it first
