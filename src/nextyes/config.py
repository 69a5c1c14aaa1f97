"""Settings built once at the edge (CLI or web app) and passed down.

- NEXTYES_HOME (or --home): the folder holding journal.db, backups and logs; by default the
  platform's user data folder.
- NEXTYES_DATABASE_URL (or --db): another database: postgresql://..., postgresql+psycopg://...,
  or sqlite:///path/to/journal.db.
- NEXTYES_NOW: pins "now" to an ISO date-time (for demos, tests and reproducible examples).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from nextyes.errors import InvalidInput

JOURNAL_FILE = "journal.db"


def default_home() -> Path:
    import platformdirs  # only when no home was given: it costs an import

    return Path(platformdirs.user_data_dir("nextyes", appauthor=False))


@dataclass(frozen=True, slots=True)
class Settings:
    home: Path
    database_url: str
    fixed_now: datetime | None = None

    @classmethod
    def from_env(
        cls,
        home: str | os.PathLike[str] | None = None,
        db: str | None = None,
        env: Mapping[str, str] | None = None,
    ) -> Settings:
        env = os.environ if env is None else env
        home_text = home or env.get("NEXTYES_HOME")
        home_path = Path(home_text).expanduser() if home_text else default_home()
        url = db or env.get("NEXTYES_DATABASE_URL") or ""
        url = normalise_database_url(url) if url else f"sqlite:///{home_path / JOURNAL_FILE}"
        fixed = env.get("NEXTYES_NOW")
        return cls(home=home_path, database_url=url, fixed_now=_parse_now(fixed) if fixed else None)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite:")

    @property
    def sqlite_path(self) -> Path:
        if not self.is_sqlite:
            raise ValueError("not an SQLite journal")
        return Path(self.database_url.removeprefix("sqlite:///"))

    @property
    def backups_dir(self) -> Path:
        return self.home / "backups"

    @property
    def logs_dir(self) -> Path:
        """Crash logs: the home's logs folder when NEXTYES_HOME is set, else the user's state
        folder (see nextyes.crash_logs)."""
        from nextyes.crash_logs import logs_folder

        return self.home / "logs" if os.environ.get("NEXTYES_HOME") else logs_folder({})

    def now(self) -> datetime:
        """The current local time, as an aware datetime."""
        if self.fixed_now is not None:
            return self.fixed_now
        return datetime.now().astimezone()

    def today(self) -> date:
        return self.now().date()


def normalise_database_url(url: str) -> str:
    """Accept postgresql://, postgres://, postgresql+psycopg:// and sqlite:/// URLs alike."""
    text = url.strip()
    for prefix in ("postgresql+psycopg://", "postgresql+psycopg2://", "postgres://"):
        if text.startswith(prefix):
            return "postgresql://" + text.removeprefix(prefix)
    if text.startswith("postgresql://"):
        return text
    if text.startswith("sqlite:///"):
        if text == "sqlite:///":
            raise InvalidInput("The SQLite URL names no file. Use sqlite:///path/to/journal.db.")
        return text
    raise InvalidInput(
        f"'{url}' is not a database URL nextyes can use. Give postgresql://user@host/dbname "
        "or sqlite:///path/to/journal.db (or leave it out to use the journal in your home)."
    )


def _parse_now(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            f"NEXTYES_NOW='{text}' is not an ISO date-time such as 2026-11-22T09:30."
        ) from None
    return value if value.tzinfo else value.astimezone()
