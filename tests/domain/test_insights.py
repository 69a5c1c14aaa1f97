"""The pure calculations behind `nextyes insights`."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.domain.insights import (
    MIN_GROUP,
    ApplicationFacts,
    Rate,
    ThemeMention,
    conversions,
    funnel,
    ghosted_after_interview,
    noes_by_stage,
    response_time,
    standouts,
    theme_trends,
    unanswered,
)
from nextyes.domain.stages import Stage
from nextyes.domain.themes import Control, Theme

TODAY = date(2026, 11, 22)


def fact(
    n: int = 1,
    *,
    days_ago: int = 40,
    stage: Stage = Stage.APPLIED,
    furthest: Stage = Stage.APPLIED,
    answered_after: int | None = None,
    rejected_at: Stage | None = None,
    source: str | None = None,
) -> ApplicationFacts:
    applied = TODAY - timedelta(days=days_ago)
    answered = None if answered_after is None else applied + timedelta(days=answered_after)
    return ApplicationFacts(
        id=n, applied_on=applied, stage=stage, furthest=furthest, first_response_on=answered,
        rejected_at=rejected_at, source=source, role="Data Analyst",
    )  # fmt: skip


def test_the_funnel_counts_how_far_each_sent_application_got() -> None:
    facts = [
        fact(1),
        fact(2, answered_after=5, stage=Stage.REJECTED, rejected_at=Stage.APPLIED),
        fact(3, answered_after=3, furthest=Stage.INTERVIEW, stage=Stage.INTERVIEW),
        fact(4, answered_after=2, furthest=Stage.OFFER, stage=Stage.ACCEPTED),
    ]
    steps = {s.key: (s.count, s.rate.value) for s in funnel(facts)}
    assert steps == {
        "applied": (4, 1.0),
        "response": (3, 0.75),
        "interview": (2, 0.5),
        "final": (1, 0.25),
        "offer": (1, 0.25),
    }


def test_noes_are_counted_by_the_step_they_came_at_in_pipeline_order() -> None:
    facts = [
        fact(1, rejected_at=Stage.INTERVIEW),
        fact(2, rejected_at=Stage.APPLIED),
        fact(3, rejected_at=Stage.INTERVIEW),
        fact(4),
    ]
    assert list(noes_by_stage(facts).items()) == [(Stage.APPLIED, 1), (Stage.INTERVIEW, 2)]


def test_a_wilson_interval_is_wide_for_few_applications_and_narrow_for_many() -> None:
    few, many = Rate(1, 4), Rate(250, 1000)
    assert few.value == many.value == 0.25
    assert few.interval[1] - few.interval[0] > 0.5
    assert many.interval[1] - many.interval[0] < 0.06


@given(st.integers(0, 500), st.integers(0, 500))
def test_a_rate_interval_holds_the_rate_and_stays_within_zero_and_one(a: int, b: int) -> None:
    rate = Rate(min(a, b), max(a, b))
    low, high = rate.interval
    assert 0.0 <= low <= rate.value <= high <= 1.0


def groups_with(linkedin_interviews: int, referral_interviews: int, size: int = 20) -> list:
    facts = [
        fact(i, source="linkedin", furthest=Stage.INTERVIEW if i < linkedin_interviews
             else Stage.APPLIED)
        for i in range(size)
    ] + [
        fact(100 + i, source="referral", furthest=Stage.INTERVIEW if i < referral_interviews
             else Stage.APPLIED)
        for i in range(size)
    ] + [fact(999, source=None)]  # fmt: skip
    return conversions(facts, {"source": lambda f: f.source})["source"]


def test_conversion_groups_leave_out_applications_without_a_value() -> None:
    groups = groups_with(2, 10)
    assert {g.group: g.applications for g in groups} == {"linkedin": 20, "referral": 20}


def test_a_group_stands_out_only_when_the_gap_is_clearly_bigger_than_chance() -> None:
    clear = standouts(groups_with(1, 12))
    assert [s.group.group for s in clear] == ["referral"]
    assert standouts(groups_with(3, 6)) == []


def test_a_small_group_is_never_called_a_standout_however_good() -> None:
    facts = [fact(i, source="linkedin") for i in range(30)]
    facts += [fact(100 + i, source="referral", furthest=Stage.OFFER) for i in range(MIN_GROUP - 1)]
    groups = conversions(facts, {"source": lambda f: f.source})["source"]
    assert standouts(groups) == []


def test_response_times_need_enough_answers() -> None:
    assert response_time([fact(i, answered_after=3) for i in range(4)]) is None
    timing = response_time([fact(i, answered_after=d) for i, d in enumerate([2, 4, 6, 8, 30])])
    assert timing is not None
    assert timing.median_days == 6
    assert timing.answered == 5


def test_only_applications_older_than_30_days_count_as_unanswered() -> None:
    facts = [
        fact(1, days_ago=45),
        fact(2, days_ago=45, answered_after=10),
        fact(3, days_ago=10),
        fact(4, days_ago=60, stage=Stage.WITHDRAWN),
        fact(5, days_ago=50, stage=Stage.GHOSTED),
    ]
    assert unanswered(facts, TODAY) == Rate(2, 3)


def test_silence_after_an_interview_counts_only_ended_applications() -> None:
    facts = [
        fact(1, furthest=Stage.INTERVIEW, stage=Stage.GHOSTED),
        fact(2, furthest=Stage.FINAL, stage=Stage.REJECTED),
        fact(3, furthest=Stage.INTERVIEW, stage=Stage.INTERVIEW),
        fact(4, stage=Stage.GHOSTED),
    ]
    assert ghosted_after_interview(facts) == Rate(1, 2)


def test_themes_are_counted_in_the_last_30_and_90_days_and_before() -> None:
    def on(days: int) -> date:
        return TODAY - timedelta(days=days)

    mentions = [
        ThemeMention(Theme.EXPERIENCE_LEVEL, on(3)),
        ThemeMention(Theme.EXPERIENCE_LEVEL, on(60)),
        ThemeMention(Theme.EXPERIENCE_LEVEL, on(200)),
        ThemeMention(Theme.SALARY_BUDGET, on(10)),
        ThemeMention(Theme.COMMUNICATION, on(100)),
        ThemeMention(Theme.COMMUNICATION, on(120)),
    ]
    trends = {t.theme: t for t in theme_trends(mentions, TODAY)}
    experience = trends[Theme.EXPERIENCE_LEVEL]
    assert (experience.last_30, experience.last_90, experience.before) == (1, 2, 1)
    assert experience.recurring
    assert experience.control is Control.PARTLY
    assert not trends[Theme.SALARY_BUDGET].recurring
    assert (trends[Theme.COMMUNICATION].last_90, trends[Theme.COMMUNICATION].before) == (0, 2)
    assert next(iter(theme_trends(mentions, TODAY))).theme is Theme.EXPERIENCE_LEVEL


@pytest.mark.parametrize("days", [0, 29])
def test_a_theme_from_today_or_last_month_counts_in_both_windows(days: int) -> None:
    (trend,) = theme_trends([ThemeMention(Theme.CULTURE_FIT, TODAY - timedelta(days))], TODAY)
    assert (trend.last_30, trend.last_90) == (1, 1)
