"""The eight-week chart compares each week with the goal it had, not today's goal."""

from __future__ import annotations

from datetime import timedelta

from nextyes.domain.review import Week
from nextyes.services.journal import Journal
from nextyes.services.momentum.goals import set_goal
from nextyes.services.review.weekly import weekly_review
from tests.conftest import NOW, TODAY


def test_each_past_week_keeps_the_goal_it_had(journal: Journal) -> None:
    four_weeks_ago = NOW - timedelta(weeks=4)
    set_goal(journal.uow(), "applications", "3/week", four_weeks_ago)
    set_goal(journal.uow(), "applications", "8/week", NOW)
    review = weekly_review(journal.uow(), Week.of(TODAY), NOW)
    (chart,) = [c for s in review.sections for c in s.charts if c.key == "applications_per_week"]
    assert chart.targets[-1] == 8.0
    assert chart.targets[-2] == 3.0
    assert chart.targets[0] is None  # before any goal
