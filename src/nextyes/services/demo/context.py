"""What a feature's demo extension gets (a leaf module: the features' demos depend on it, and
`demo/build.py` lists them)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from nextyes.storage.uow import UnitOfWork


@dataclass
class DemoContext:
    """What a feature's demo extension gets: the open uow, the randomness, and what exists."""

    uow: UnitOfWork
    rng: random.Random
    now: datetime
    words: dict[str, Any]
    applications: list[int] = field(default_factory=list)
    rejections: list[int] = field(default_factory=list)
    contacts: dict[str, int] = field(default_factory=dict)

    @property
    def today(self) -> date:
        return self.now.date()


Extension = Callable[[DemoContext], None]
