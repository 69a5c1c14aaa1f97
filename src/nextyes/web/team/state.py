"""What a served app holds between requests: the pool, the rules and per-person caches."""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING

from nextyes.domain.accounts import SignedIn
from nextyes.domain.models import Origin
from nextyes.server_settings import ServerSettings
from nextyes.services.accounts.sessions import SessionRules
from nextyes.services.session import JournalSession
from nextyes.web.jobs import QueuedJobs
from nextyes.web.state import VersionedCache, WebState

if TYPE_CHECKING:
    from nextyes.services.accounts.sealing import Sealer
    from nextyes.services.journal import Journal, JournalPool, UnitOfWork

CACHED_PEOPLE = 512  # per worker: each keeps its dashboard, board and charts until they change


@dataclass
class ServedState:
    base: WebState  # the settings and the templates every request shares
    server: ServerSettings
    pool: JournalPool
    rules: SessionRules
    _caches: OrderedDict[int, VersionedCache] = field(default_factory=OrderedDict)
    _turns: asyncio.Semaphore | None = None

    @property
    def turns(self) -> asyncio.Semaphore:
        """Turns to hold one of the pool's connections (made on first use, in the event loop)."""
        if self._turns is None:
            self._turns = asyncio.Semaphore(self.server.pool_size)
        return self._turns

    @contextmanager
    def lend(self) -> Iterator[UnitOfWork]:
        """For a route that holds no connection (`guard.LENDS_ITS_OWN`), from its worker thread:
        wait for a turn and a connection, for one unit of work, and give both back after."""
        from anyio import from_thread

        from_thread.run(self.turns.acquire)
        try:
            journal = self.pool.borrow()
            try:
                yield journal.uow()
            finally:
                self.pool.give_back(journal)
        finally:
            from_thread.run_sync(self.turns.release)

    @classmethod
    def build(cls, base: WebState, server: ServerSettings, pool: JournalPool) -> ServedState:
        rules = SessionRules(
            lifetime=timedelta(hours=server.session_hours),
            idle=timedelta(hours=server.session_idle_hours),
        )
        return cls(base=base, server=server, pool=pool, rules=rules)

    def cache_for(self, owner_id: int) -> VersionedCache:
        cache = self._caches.get(owner_id)
        if cache is None:
            cache = self._caches[owner_id] = VersionedCache()
            while len(self._caches) > CACHED_PEOPLE:
                self._caches.popitem(last=False)
        else:
            self._caches.move_to_end(owner_id)
        return cache

    @property
    def sealer(self) -> Sealer:
        """Seals and opens the secrets the server keeps (services/accounts/sealing.py)."""
        from nextyes.services.accounts.sealing import server_sealer

        return server_sealer(self.server, self.base.settings.home)

    def view_for(
        self, journal: Journal, signed_in: SignedIn, version: str | None = None
    ) -> WebState:
        """The routes' WebState for one request: this person's session, caches and clock.
        `version`: their journal's version, read by the guard with the session; it stands until
        this request writes anything."""
        session = JournalSession.borrowing(self.base.settings, journal, Origin.WEB, signed_in)
        known = None if version is None else (version, journal.db.writes)
        return WebState(
            session=session,
            port=self.base.port,
            secret=b"",
            cache=self.cache_for(signed_in.user_id),
            jobs=QueuedJobs(session.journal),  # in the database: any worker runs them, any answers
            _templates=self.base.templates,
            known_version=known,
        )

    @property
    def cookie(self) -> str:
        return "__Host-nextyes" if self.server.secure else "nextyes_id"

    @property
    def pre_cookie(self) -> str:
        return "__Host-nextyes-pre" if self.server.secure else "nextyes_pre"

    def cookie_header(self, name: str, value: str, *, max_age: int | None = None) -> str:
        parts = [f"{name}={value}", "Path=/", "HttpOnly", "SameSite=Lax"]
        if self.server.secure:
            parts.append("Secure")
        if max_age is not None:
            parts.append(f"Max-Age={max_age}")
        return "; ".join(parts)
