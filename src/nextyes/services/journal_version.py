"""The journal's version: caches (charts, the dashboard) are keyed by it, never by time."""

from __future__ import annotations

from nextyes.storage.uow import UnitOfWork


def journal_version(uow: UnitOfWork) -> str:
    """A value that changes whenever the journal may have changed, whoever changed it."""
    with uow:
        return uow.state.version()
