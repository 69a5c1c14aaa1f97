"""One journal session per edge: the settings, the owner, the clock and the origin of a change.

Both edges hold one. The CLI makes one per command (`cli/context.py`, origin `cli`); the local
web app one for its whole life (`web/state.py`, origin `web`); a served app one per request,
on a pooled connection scoped to the signed-in person. Services never see the session: the
edge hands them what they need from it (a unit of work, now, today, the origin), so a service
that records a change is always told where the change came from; it never assumes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from nextyes.config import Settings
from nextyes.domain.models import Origin

if TYPE_CHECKING:
    from nextyes.domain.accounts import SignedIn
    from nextyes.services.journal import Journal, UnitOfWork


@dataclass
class JournalSession:
    settings: Settings
    origin: Origin
    signed_in: SignedIn | None = None  # team mode: the person the session acts for
    _journal: Journal | None = field(default=None, repr=False)
    _borrowed: bool = field(default=False, repr=False)  # the connection is the pool's to close

    @classmethod
    def borrowing(
        cls, settings: Settings, journal: Journal, origin: Origin, signed_in: SignedIn | None
    ) -> JournalSession:
        """A session on a connection lent by a pool, scoped to `signed_in` when there is one."""
        scoped = journal.for_owner(signed_in.user_id) if signed_in is not None else journal
        return cls(settings, origin, signed_in, scoped, _borrowed=True)

    @property
    def is_open(self) -> bool:
        return self._journal is not None

    @property
    def journal(self) -> Journal:
        """The journal, opened (and migrated, for SQLite) on first use."""
        if self._journal is None:
            from nextyes.services.journal import open_journal

            self._journal = open_journal(self.settings)
        return self._journal

    @property
    def owner_id(self) -> int:
        return self.journal.owner_id

    def uow(self) -> UnitOfWork:
        return self.journal.uow()

    def now(self) -> datetime:
        return self.settings.now()

    def today(self) -> date:
        return self.settings.today()

    def close(self) -> None:
        if self._journal is not None and not self._borrowed:
            self._journal.close()
        self._journal = None
