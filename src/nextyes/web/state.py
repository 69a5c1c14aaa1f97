"""What the web app holds between requests: the settings, the journal and the caches.

One journal connection serves every request. Routes are `async` and call the services
directly, so the event loop runs one request at a time on it: no two units of work interleave.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar

from nextyes.config import Settings
from nextyes.web.jobs import Jobs, QueuedJobs

if TYPE_CHECKING:
    import jinja2

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
    settings: Settings
    port: int
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    cache: VersionedCache = field(default_factory=VersionedCache)
    jobs: Jobs | QueuedJobs = field(default_factory=Jobs)
    _journal: Journal | None = field(default=None, repr=False)
    _templates: jinja2.Environment | None = field(default=None, repr=False)

    @property
    def journal(self) -> Journal:
        if self._journal is None:
            from nextyes.services.journal import open_journal

            self._journal = open_journal(self.settings)
            self.cache.clear()
        return self._journal

    def uow(self) -> UnitOfWork:
        return self.journal.uow()

    def now(self) -> datetime:
        return self.settings.now()

    def today(self) -> date:
        return self.settings.today()

    def version(self) -> str:
        from nextyes.services.journal_version import journal_version

        return journal_version(self.uow())

    @property
    def templates(self) -> jinja2.Environment:
        if self._templates is None:
            from nextyes.web.rendering import environment

            self._templates = environment()
        return self._templates

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None
