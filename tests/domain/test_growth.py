"""The growth record pairs each no with what it taught and what came after it."""

from __future__ import annotations

from datetime import date, timedelta

from nextyes.domain.growth import (
    Lesson,
    NoFact,
    PlanFact,
    StepFact,
    build_growth,
    count_since,
)
from nextyes.domain.stages import Stage

D = date(2026, 9, 1)


def _day(n: int) -> date:
    return D + timedelta(days=n)


NOES = [
    NoFact(1, "Acme", "Analyst", _day(0), Stage.INTERVIEW),
    NoFact(2, "Brightwell", "Analyst", _day(10), Stage.APPLIED),
]
STEPS = [
    StepFact(1, "Acme", Stage.INTERVIEW, _day(-5)),
    StepFact(3, "Cobalt", Stage.SCREENING, _day(4)),  # not further than an interview
    StepFact(4, "Daybreak", Stage.FINAL, _day(12)),
    StepFact(4, "Daybreak", Stage.OFFER, _day(20)),
]
PLANS = [
    PlanFact("Practise SQL window functions", _day(8), 1),
    PlanFact("Rewrite the CV summary", None, 1),
    PlanFact("Unrelated item", _day(9), None),
]


def test_each_no_gets_its_lessons_and_what_followed_newest_first() -> None:
    lessons = {1: [Lesson("feedback", "They said: more SQL", _day(2))]}
    counts = count_since(None, NOES, STEPS, PLANS, [], [], "nothing")
    growth = build_growth(NOES, lessons, PLANS, STEPS, counts)
    assert [s.no.application_id for s in growth.stones] == [2, 1]
    acme = growth.stones[1]
    assert [lesson.text for lesson in acme.taught] == ["They said: more SQL"]
    assert [(f.kind, f.text, f.days_after) for f in acme.followed] == [
        ("plan", "Practise SQL window functions", 8),
        ("further", "Daybreak", 12),
        ("offer", "Daybreak", 20),
    ]
    brightwell = growth.stones[0]
    assert brightwell.taught == ()
    assert [(f.kind, f.stage) for f in brightwell.followed] == [
        ("further", Stage.FINAL),
        ("offer", Stage.OFFER),
    ]


def test_an_offer_that_is_the_first_step_further_is_told_once() -> None:
    no = NoFact(9, "Ember", "Analyst", _day(0), Stage.FINAL)
    steps = [StepFact(5, "Foxglove", Stage.OFFER, _day(30))]
    counts = count_since(None, [no], steps, [], [], [], "first_no")
    growth = build_growth([no], {}, [], steps, counts)
    assert [f.kind for f in growth.stones[0].followed] == ["further"]


def test_counts_start_at_the_anchor_and_count_everything_honestly() -> None:
    counts = count_since(_day(5), NOES, STEPS, PLANS, [_day(1), _day(6), _day(7)], [_day(5)],
                         "first_reflection")  # fmt: skip
    assert (counts.noes, counts.interviews, counts.finals, counts.offers) == (1, 0, 1, 1)
    assert (counts.plan_done, counts.practice, counts.reflections) == (2, 2, 1)
