"""What the web app holds between requests: the journal session (origin `web`) and the caches.

Locally, one journal connection serves every request. Routes are `async` and call the services
directly, so the event loop runs one request at a time on it: no two units of work interleave.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from nextyes.config import Settings
from nextyes.domain.models import Origin
from nextyes.services.session import JournalSession
from nextyes.web.jobs import Jobs, QueuedJobs

if TYPE_CHECKING:
    import jinja2

    from nextyes.domain.accounts import SignedIn
    from nextyes.services.journal import Journal, UnitOfWork

T = TypeVar("T")


class VersionedCache:
    """Values computed from the journal, kept until the journal's version moves on.

    Each name keeps one entry: its key (the journal version and whatever else the value
    depends on, such as today's date) and the value.
    """

    def __init__(self) -> None:
        self._entries: dict[str, tuple[tuple[Any, ...], Any]] = {}
        self.computed = 0  # how many times a value was (re)computed: tests check caching with it

    def get(self, name: str, key: tuple[Any, ...], compute: Callable[[], T]) -> T:
        entry = self._entries.get(name)
        if entry is not None and entry[0] == key:
            value: T = entry[1]
            return value
        value = compute()
        self.computed += 1
        self._entries[name] = (key, value)
        return value

    def clear(self) -> None:
        self._entries.clear()


@dataclass
class WebState:
    session: JournalSession
    port: int
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    cache: VersionedCache = field(default_factory=VersionedCache)
    jobs: Jobs | QueuedJobs = field(default_factory=Jobs)
    _templates: jinja2.Environment | None = field(default=None, repr=False)
    # (version, the connection's write count when it was read): read with the session in team
    # mode, it saves a query until this request writes (then the journal may have moved on)
    known_version: tuple[str, int] | None = None

    @classmethod
    def local(cls, settings: Settings, port: int) -> WebState:
        """The local app's state: one session for the app's life, every change from `web`."""
        return cls(JournalSession(settings, Origin.WEB), port)

    @property
    def settings(self) -> Settings:
        return self.session.settings

    @property
    def origin(self) -> Origin:
        return self.session.origin

    @property
    def signed_in(self) -> SignedIn | None:
        return self.session.signed_in

    @property
    def journal(self) -> Journal:
        if not self.session.is_open:
            self.cache.clear()  # a journal opened afresh: nothing cached may be trusted
        return self.session.journal

    def uow(self) -> UnitOfWork:
        return self.journal.uow()

    def now(self) -> datetime:
        return self.session.now()

    def today(self) -> date:
        return self.session.today()

    def version(self) -> str:
        known = self.known_version
        if known is not None and known[1] == self.journal.db.writes:
            return known[0]
        from nextyes.services.journal_version import journal_version

        return journal_version(self.uow())

    @property
    def templates(self) -> jinja2.Environment:
        if self._templates is None:
            from nextyes.web.rendering import environment

            self._templates = environment()
        return self._templates

    def close(self) -> None:
        self.session.close()
