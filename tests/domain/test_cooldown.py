from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.domain.cooldown import (
    CoolDownKind,
    CoolDownSpec,
    InvalidCoolDown,
    compact_duration,
    open_window,
    parse_cool_down,
)

LONDON = ZoneInfo("Europe/London")
# 2026-11-03 is a Tuesday.
TUESDAY_AFTERNOON = datetime(2026, 11, 3, 14, 5, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("evening", CoolDownSpec(CoolDownKind.EVENING)),
        (" Weekend ", CoolDownSpec(CoolDownKind.WEEKEND)),
        ("NONE", CoolDownSpec(CoolDownKind.NONE)),
        ("24h", CoolDownSpec(CoolDownKind.DURATION, timedelta(hours=24))),
        ("2d", CoolDownSpec(CoolDownKind.DURATION, timedelta(days=2))),
        ("90m", CoolDownSpec(CoolDownKind.DURATION, timedelta(minutes=90))),
        ("1h30m", CoolDownSpec(CoolDownKind.DURATION, timedelta(minutes=90))),
        ("1 day 12 hours", CoolDownSpec(CoolDownKind.DURATION, timedelta(hours=36))),
        ("1w", CoolDownSpec(CoolDownKind.DURATION, timedelta(weeks=1))),
    ],
)
def test_cool_downs_are_read_from_their_written_forms(text: str, expected: CoolDownSpec) -> None:
    assert parse_cool_down(text) == expected


@pytest.mark.parametrize("text", ["", "tonight-ish", "24", "h", "-2h", "2x", "2h bananas"])
def test_an_unreadable_cool_down_says_which_forms_work(text: str) -> None:
    with pytest.raises(InvalidCoolDown, match="evening, weekend, none, or a duration"):
        parse_cool_down(text)


def test_a_zero_cool_down_is_not_one_nextyes_understands() -> None:
    with pytest.raises(InvalidCoolDown, match="none"):
        parse_cool_down("0h")


def test_a_cool_down_longer_than_two_weeks_is_refused() -> None:
    with pytest.raises(InvalidCoolDown, match="at most 14 days"):
        parse_cool_down("15d")


def test_specs_print_in_their_compact_form() -> None:
    assert str(parse_cool_down("90 minutes")) == "1h30m"
    assert str(parse_cool_down("48h")) == "2d"
    assert str(parse_cool_down("evening")) == "evening"


@given(st.timedeltas(min_value=timedelta(minutes=1), max_value=timedelta(days=14)))
def test_a_formatted_duration_reads_back_to_the_same_minutes(duration: timedelta) -> None:
    whole_minutes = timedelta(minutes=duration // timedelta(minutes=1))
    assert parse_cool_down(compact_duration(whole_minutes)).duration == whole_minutes


def test_evening_runs_until_nine_tonight() -> None:
    window = open_window(parse_cool_down("evening"), now=TUESDAY_AFTERNOON)
    assert window is not None
    assert window.starts_at == TUESDAY_AFTERNOON
    assert window.ends_at == datetime(2026, 11, 3, 21, 0, tzinfo=LONDON)


def test_evening_moves_to_tomorrow_when_tonight_is_nearly_over() -> None:
    late = datetime(2026, 11, 3, 20, 30, tzinfo=LONDON)
    window = open_window(parse_cool_down("evening"), now=late)
    assert window is not None
    assert window.ends_at == datetime(2026, 11, 4, 21, 0, tzinfo=LONDON)


def test_evening_after_midnight_means_the_coming_evening() -> None:
    small_hours = datetime(2026, 11, 4, 1, 0, tzinfo=LONDON)
    window = open_window(parse_cool_down("evening"), now=small_hours)
    assert window is not None
    assert window.ends_at == datetime(2026, 11, 4, 21, 0, tzinfo=LONDON)


def test_weekend_runs_until_sunday_evening() -> None:
    window = open_window(parse_cool_down("weekend"), now=TUESDAY_AFTERNOON)
    assert window is not None
    assert window.ends_at == datetime(2026, 11, 8, 21, 0, tzinfo=LONDON)


def test_weekend_on_a_sunday_afternoon_ends_that_evening() -> None:
    sunday = datetime(2026, 11, 8, 15, 0, tzinfo=LONDON)
    window = open_window(parse_cool_down("weekend"), now=sunday)
    assert window is not None
    assert window.ends_at == datetime(2026, 11, 8, 21, 0, tzinfo=LONDON)


def test_weekend_late_on_sunday_means_the_next_weekend() -> None:
    sunday_night = datetime(2026, 11, 8, 22, 0, tzinfo=LONDON)
    window = open_window(parse_cool_down("weekend"), now=sunday_night)
    assert window is not None
    assert window.ends_at == datetime(2026, 11, 15, 21, 0, tzinfo=LONDON)


def test_a_duration_counts_real_hours_across_the_clock_change() -> None:
    # The clocks went back at 02:00 on 2026-10-25 in London: 24 real hours end at 13:00.
    before = datetime(2026, 10, 24, 14, 0, tzinfo=LONDON)
    window = open_window(parse_cool_down("24h"), now=before)
    assert window is not None
    assert window.ends_at.astimezone(UTC) - before.astimezone(UTC) == timedelta(hours=24)
    assert window.ends_at.hour == 13


def test_evening_is_nine_local_time_even_on_the_day_the_clocks_change() -> None:
    change_day = datetime(2026, 10, 25, 10, 0, tzinfo=LONDON)
    window = open_window(parse_cool_down("evening"), now=change_day)
    assert window is not None
    assert (window.ends_at.hour, window.ends_at.utcoffset()) == (21, timedelta(0))


def test_naive_times_are_read_as_local_wall_clock_time() -> None:
    window = open_window(parse_cool_down("evening"), now=datetime(2026, 11, 3, 9, 0))
    assert window is not None
    assert window.ends_at == datetime(2026, 11, 3, 21, 0)


def test_none_opens_no_window() -> None:
    assert open_window(parse_cool_down("none"), now=TUESDAY_AFTERNOON) is None


def test_a_window_anchored_at_the_news_starts_then() -> None:
    heard = TUESDAY_AFTERNOON - timedelta(hours=2)
    window = open_window(parse_cool_down("24h"), now=TUESDAY_AFTERNOON, since=heard)
    assert window is not None
    assert (window.starts_at, window.ends_at) == (heard, heard + timedelta(hours=24))
    assert window.is_active(TUESDAY_AFTERNOON)


def test_a_window_that_would_already_be_over_is_refused() -> None:
    three_days_ago = TUESDAY_AFTERNOON - timedelta(days=3)
    with pytest.raises(InvalidCoolDown, match="already be over"):
        open_window(parse_cool_down("evening"), now=TUESDAY_AFTERNOON, since=three_days_ago)


def test_a_window_cannot_start_in_the_future() -> None:
    tomorrow = TUESDAY_AFTERNOON + timedelta(days=1)
    with pytest.raises(InvalidCoolDown, match="future"):
        open_window(parse_cool_down("2h"), now=TUESDAY_AFTERNOON, since=tomorrow)


def test_remaining_time_shrinks_to_zero_and_the_window_closes() -> None:
    window = open_window(parse_cool_down("90m"), now=TUESDAY_AFTERNOON)
    assert window is not None
    assert window.remaining(TUESDAY_AFTERNOON) == timedelta(minutes=90)
    later = TUESDAY_AFTERNOON + timedelta(hours=2)
    assert window.remaining(later) == timedelta(0)
    assert not window.is_active(later)


@given(
    st.sampled_from(["evening", "weekend", "30m", "24h", "3d"]),
    st.datetimes(
        min_value=datetime(2020, 1, 1),
        max_value=datetime(2035, 12, 31),
        timezones=st.just(LONDON),
    ),
)
def test_every_window_starts_now_and_ends_at_least_a_minute_later(spec: str, now: datetime) -> None:
    window = open_window(parse_cool_down(spec), now=now)
    assert window is not None
    assert window.starts_at == now
    assert window.ends_at.astimezone(UTC) - now.astimezone(UTC) >= timedelta(minutes=30)
    assert window.ends_at.astimezone(UTC) - now.astimezone(UTC) <= timedelta(days=7, hours=2)


def test_a_short_window_in_the_repeated_hour_when_clocks_go_back_is_still_ahead() -> None:
    # 01:45 summer time; thirty minutes later the wall clock reads 01:15 winter time.
    now = datetime(2026, 10, 25, 1, 45, fold=0, tzinfo=LONDON)
    window = open_window(parse_cool_down("30m"), now=now)
    assert window is not None
    assert (window.ends_at.hour, window.ends_at.minute) == (1, 15)
    assert window.is_active(now)
    assert window.remaining(now) == timedelta(minutes=30)
