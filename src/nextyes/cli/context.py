"""What every command gets: the settings, and the journal opened on first use."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any, TypeVar, cast

import click

from nextyes.config import Settings

if TYPE_CHECKING:
    from nextyes.services.journal import Journal, UnitOfWork

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class AppContext:
    home: str | None = None
    db: str | None = None
    _settings: Settings | None = field(default=None, repr=False)
    _journal: Journal | None = field(default=None, repr=False)

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            self._settings = Settings.from_env(home=self.home, db=self.db)
        return self._settings

    @property
    def journal(self) -> Journal:
        if self._journal is None:
            from nextyes.services.journal import open_journal

            self._journal = open_journal(self.settings)
        return self._journal

    def uow(self) -> UnitOfWork:
        return self.journal.uow()

    def now(self) -> datetime:
        return self.settings.now()

    def today(self) -> date:
        return self.settings.today()

    def close(self) -> None:
        if self._journal is not None:
            self._journal.close()
            self._journal = None


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
