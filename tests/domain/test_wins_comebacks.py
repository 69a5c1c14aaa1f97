"""A comeback is a new application sent after a no; the no's own application never counts."""

from __future__ import annotations

from datetime import date

from nextyes.domain.models import Origin, StageEvent
from nextyes.domain.stages import Stage
from nextyes.domain.wins import comebacks

DAY = date(2026, 11, 16)


def test_an_application_logged_the_day_it_was_turned_down_is_not_its_own_comeback() -> None:
    applied = StageEvent(1, 7, Stage.APPLIED, DAY, origin=Origin.CLI)
    rejected = StageEvent(2, 7, Stage.REJECTED, DAY, origin=Origin.CLI)
    assert comebacks([applied, rejected]) == []


def test_another_application_the_same_day_is_a_comeback() -> None:
    rejected = StageEvent(2, 7, Stage.REJECTED, DAY, origin=Origin.CLI)
    other = StageEvent(3, 8, Stage.APPLIED, DAY, origin=Origin.CLI)
    assert comebacks(
        [StageEvent(1, 7, Stage.APPLIED, DAY, origin=Origin.CLI), rejected, other]
    ) == [(rejected, other)]
