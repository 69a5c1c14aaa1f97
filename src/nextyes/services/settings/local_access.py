"""The secrets that open `nextyes web` to its user and nobody else on the machine.

- a one-time key, new each time the app starts, in the URL it prints and opens;
- the scripts' token, kept in the home as `web-token` (0600) across restarts, so a script of the
  user's can call the JSON API with `Authorization: Bearer TOKEN`.
"""

from __future__ import annotations

import secrets
from pathlib import Path

from nextyes.private_files import private_file, private_folder

TOKEN_FILE = "web-token"


def one_time_key() -> str:
    return secrets.token_urlsafe(24)


def api_token(home: Path) -> tuple[str, Path]:
    """The scripts' token and the file that holds it (made on first use, readable by its
    owner only)."""
    path = home / TOKEN_FILE
    try:
        token = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        token = ""
    if len(token) < 32:
        private_folder(home)
        private_file(path)
        token = secrets.token_urlsafe(32)
        path.write_text(token + "\n", encoding="ascii")
    else:
        private_file(path)  # tightened if something loosened it
    return token, path
