"""Errors a user can fix, each with a message that says what to do next.

Raise these from services; edges translate them once (CLI: exit code 2; web: a 4xx answer).
"""

from __future__ import annotations

from nextyes.domain.errors import Conflict, InvalidInput, NextyesError, NotFound, Words

__all__ = [
    "Conflict",
    "DatabaseUnreachable",
    "DiskFull",
    "InvalidInput",
    "JournalBusy",
    "JournalReadOnly",
    "JournalUnreadable",
    "MailboxError",
    "ModelUnavailable",
    "NextyesError",
    "NotFound",
    "SchemaBehind",
    "Words",
]


class JournalUnreadable(NextyesError):
    """The journal file exists but is not a nextyes journal (or not SQLite at all)."""


class JournalBusy(NextyesError):
    """Another program holds a lock on the journal for longer than we can wait."""


class JournalReadOnly(NextyesError):
    """The journal can be read but not written (no write permission, a read-only mount)."""


class DiskFull(NextyesError):
    """The disk holding the journal (or a file being written) has no room left."""

    def __init__(self, where: str) -> None:
        super().__init__(
            f"The disk holding {where} is full, so nothing was written; the journal is as it "
            "was before. Free some space (empty the trash, delete old backups), then try again."
        )


class DatabaseUnreachable(NextyesError):
    """The database URL points at a server we cannot reach or log in to."""


class SchemaBehind(NextyesError):
    """A PostgreSQL database needs `nextyes db upgrade` before use."""


class MailboxError(InvalidInput):
    """A path that nextyes cannot read as a mailbox."""


class ModelUnavailable(NextyesError):
    """A shipped model (such as the feedback-theme classifier) is missing or out of date."""
