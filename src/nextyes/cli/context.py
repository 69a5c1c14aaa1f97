"""What every command gets: a journal session (settings, the journal on first use, origin `cli`)."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from nextyes.config import Settings

if TYPE_CHECKING:
    from nextyes.domain.models import Origin
    from nextyes.services.journal import Journal, UnitOfWork
    from nextyes.services.session import JournalSession

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class AppContext:
    home: str | None = None
    db: str | None = None
    _session: JournalSession | None = field(default=None, repr=False)

    @property
    def session(self) -> JournalSession:
        if self._session is None:  # imported here: `nextyes --help` never needs them
            from nextyes.domain.models import Origin
            from nextyes.services.session import JournalSession

            settings = Settings.from_env(home=self.home, db=self.db)
            self._session = JournalSession(settings, Origin.CLI)
        return self._session

    @property
    def settings(self) -> Settings:
        return self.session.settings

    @property
    def origin(self) -> Origin:
        return self.session.origin

    @property
    def journal(self) -> Journal:
        return self.session.journal

    def uow(self) -> UnitOfWork:
        return self.session.uow()

    def now(self) -> datetime:
        return self.session.now()

    def today(self) -> date:
        return self.session.today()

    def close(self) -> None:
        if self._session is not None:
            self._session.close()


def get_app() -> AppContext:
    ctx = click.get_current_context()
    app = ctx.find_object(AppContext)
    if app is None:  # a command invoked on its own (tests of a single command)
        app = ctx.ensure_object(AppContext)
        ctx.call_on_close(app.close)
    return app


def pass_app(f: F) -> F:
    """Hand the command its AppContext as the first argument."""

    @functools.wraps(f)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return f(get_app(), *args, **kwargs)

    return cast(F, wrapper)
