"""The agenda's types: what a provider gets and what it adds.

A leaf module: it imports nothing of the features, so every feature's provider can depend on
it while `today/agenda.py` lists the providers.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, NamedTuple

from nextyes.storage.uow import UnitOfWork


class AgendaItem(NamedTuple):
    """One thing due. A NamedTuple: `nextyes today` defines it on every run, and a NamedTuple
    costs a fraction of a frozen dataclass to define."""

    kind: str
    title: str
    due_on: date
    detail: str | None = None
    suggestion: str | None = None
    application_id: int | None = None
    key: str = ""  # stable identity (calendar UIDs, dismissals)
    priority: int = 50  # lower comes first on the same day
    at: str | None = None  # "14:00" when known


@dataclass
class Agenda:
    now: datetime
    items: list[AgendaItem] = field(default_factory=list)
    sections: dict[str, Any] = field(default_factory=dict)
    more: dict[str, int] = field(default_factory=dict)

    @property
    def today(self) -> date:
        return self.now.date()

    def add(self, item: AgendaItem) -> None:
        self.items.append(item)


@dataclass
class AgendaContext:
    uow: UnitOfWork
    now: datetime
    preferences: dict[str, Any]
    agenda: Agenda
    every_occurrence: bool = False
    """True for a calendar: each weekly event within the span, not only the next one."""

    @property
    def today(self) -> date:
        return self.now.date()


Provider = Callable[[AgendaContext], None]
