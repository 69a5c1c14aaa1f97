"""Plain descriptions of what a listing asks for."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from nextyes.domain.stages import Stage


@dataclass(frozen=True, slots=True)
class ApplicationQuery:
    stages: Sequence[Stage] = ()
    company: str | None = None
    since: date | None = None
    limit: int | None = None
    offset: int = 0
    exclude_stages: Sequence[Stage] = ()
