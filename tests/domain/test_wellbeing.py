"""Care, mood and gentle nudges as pure rules."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.domain.errors import InvalidInput
from nextyes.domain.wellbeing import (
    CareKind,
    MoodEntry,
    NudgeKind,
    WellbeingFacts,
    low_mood_streak,
    nudges_for,
    parse_care_kind,
    parse_care_minutes,
    parse_mood,
    split_care_words,
)

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(("text", "score"), [("1", 1), ("3", 3), (" 5 ", 5), ("4/5", 4)])
def test_a_mood_is_a_whole_number_from_one_to_five(text: str, score: int) -> None:
    assert parse_mood(text) == score


@given(st.integers())
def test_moods_outside_one_to_five_are_refused_with_the_scale(n: int) -> None:
    if 1 <= n <= 5:
        assert parse_mood(str(n)) == n
    else:
        with pytest.raises(InvalidInput, match=r"1 \(low\) to 5 \(good\)"):
            parse_mood(str(n))


@given(st.text(max_size=12))
def test_any_text_is_a_mood_or_a_message_about_the_scale(text: str) -> None:
    try:
        assert 1 <= parse_mood(text) <= 5
    except InvalidInput as exc:
        assert "5 (good)" in exc.message


@pytest.mark.parametrize(("text", "minutes"), [("30m", 30), ("1h30m", 90), ("2h", 120),
                                               ("45 min", 45), ("24h", 1440)])  # fmt: skip
def test_care_durations_read_like_the_rest_of_nextyes(text: str, minutes: int) -> None:
    assert parse_care_minutes(text) == minutes


@pytest.mark.parametrize(
    ("text", "message"),
    [("30x", "not a duration"), ("30", "needs a unit"), ("0m", "no time at all"),
     ("25h", "more than a day"), ("-30m", "less than no time")],
)  # fmt: skip
def test_care_durations_that_make_no_sense_are_refused(text: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_care_minutes(text)


def test_after_the_kind_comes_a_duration_then_a_note() -> None:
    assert split_care_words(["30m", "walk", "by the river"]) == (30, "walk by the river")
    assert split_care_words(["dinner with Jo"]) == (None, "dinner with Jo")
    assert split_care_words([]) == (None, None)
    with pytest.raises(InvalidInput, match="not a duration"):
        split_care_words(["30x", "walk"])


def test_care_kinds_accept_everyday_words_and_list_the_kinds_otherwise() -> None:
    assert parse_care_kind("Walk") is CareKind.EXERCISE
    assert parse_care_kind("mindfulness") is CareKind.MINDFULNESS
    with pytest.raises(InvalidInput, match="exercise, hobby, break"):
        parse_care_kind("doomscrolling")


def _moods(*scores: int) -> list[MoodEntry]:
    """Newest first, one a day ending today."""
    return [
        MoodEntry(i, datetime(2026, 11, 22, 20, tzinfo=UTC) - timedelta(days=i), score)
        for i, score in enumerate(scores)
    ]


def test_a_low_mood_streak_counts_consecutive_low_days_newest_first() -> None:
    assert low_mood_streak(_moods(2, 1, 2, 4, 1), at_most=2) == 3
    assert low_mood_streak(_moods(3, 1, 1), at_most=2) == 0
    gap = [_moods(2)[0], MoodEntry(9, datetime(2026, 11, 18, 9, tzinfo=UTC), 1)]
    assert low_mood_streak(gap, at_most=2) == 1


def _facts(**changes: object) -> WellbeingFacts:
    values: dict[str, object] = {"today": TODAY, "noes_this_week": 0, "recent_moods": (),
                                 "last_care_on": TODAY, "active_days": 0}  # fmt: skip
    values.update(changes)
    return WellbeingFacts(**values)  # type: ignore[arg-type]


def test_a_calm_week_brings_no_nudge() -> None:
    assert nudges_for(_facts(noes_this_week=2, recent_moods=_moods(4, 2, 2), active_days=5)) == []


def test_several_noes_a_low_mood_streak_and_no_break_each_bring_a_nudge() -> None:
    assert nudges_for(_facts(noes_this_week=3)) == [NudgeKind.SEVERAL_NOES]
    assert nudges_for(_facts(recent_moods=_moods(2, 1, 2))) == [NudgeKind.LOW_MOOD]
    busy_without_break = _facts(last_care_on=TODAY - timedelta(days=6), active_days=4)
    assert nudges_for(busy_without_break) == [NudgeKind.NO_BREAK]


def test_no_break_is_only_mentioned_when_the_search_has_been_busy() -> None:
    assert nudges_for(_facts(last_care_on=None, active_days=1)) == []
    assert nudges_for(_facts(last_care_on=None, active_days=3)) == [NudgeKind.NO_BREAK]


def test_an_old_low_streak_is_not_brought_up_again() -> None:
    old = [MoodEntry(m.id, m.recorded_at - timedelta(days=5), m.score) for m in _moods(1, 1, 1)]
    assert nudges_for(_facts(recent_moods=old)) == []
