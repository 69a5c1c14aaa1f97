from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.domain.dates import (
    describe_day,
    format_duration,
    is_bare_weekday,
    parse_date,
    parse_duration,
)
from nextyes.domain.errors import InvalidInput

SUNDAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-11-03", date(2026, 11, 3)),
        ("today", SUNDAY),
        ("Yesterday", date(2026, 11, 21)),
        ("tomorrow", date(2026, 11, 23)),
        ("3 days ago", date(2026, 11, 19)),
        ("2 weeks ago", date(2026, 11, 8)),
        ("a week ago", date(2026, 11, 15)),
        ("in 3 days", date(2026, 11, 25)),
        ("last friday", date(2026, 11, 20)),
        ("friday", date(2026, 11, 20)),
        ("sunday", SUNDAY),
        ("last sunday", date(2026, 11, 15)),
        ("next monday", date(2026, 11, 23)),
        ("next sunday", date(2026, 11, 29)),
        ("  Last   Fri ", date(2026, 11, 20)),
    ],
)
def test_dates_read_the_way_people_write_them(text: str, expected: date) -> None:
    assert parse_date(text, SUNDAY) == expected


@pytest.mark.parametrize("text", ["", "soon", "2026-13-01", "31/02/2026", "3 fortnights ago"])
def test_unreadable_dates_say_what_forms_work(text: str) -> None:
    with pytest.raises(InvalidInput, match="2026-11-03"):
        parse_date(text, SUNDAY)


@given(st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)))
def test_every_iso_date_round_trips(day: date) -> None:
    assert parse_date(day.isoformat(), SUNDAY) == day


@given(st.integers(min_value=0, max_value=3000), st.dates(min_value=date(2000, 1, 1)))
def test_n_days_ago_is_exactly_n_days_before_today(n: int, today: date) -> None:
    assert parse_date(f"{n} days ago", today) == today - timedelta(days=n)


@given(st.text(max_size=40))
def test_any_text_either_parses_or_raises_invalid_input(text: str) -> None:
    try:
        result = parse_date(text, SUNDAY)
    except InvalidInput as exc:
        assert "date" in exc.message
    else:
        assert isinstance(result, date)


@given(st.sampled_from(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]),
       st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)))  # fmt: skip
def test_last_weekday_is_within_the_past_week(day: str, today: date) -> None:
    result = parse_date(f"last {day}", today)
    assert 1 <= (today - result).days <= 7
    assert result.strftime("%A").lower() == day


@pytest.mark.parametrize(
    ("text", "minutes"),
    [("30m", 30), ("90 min", 90), ("2h", 120), ("1h30m", 90), ("24h", 1440), ("2d", 2880),
     ("1w", 10080), ("1.5h", 90), ("2 hours", 120)],
)  # fmt: skip
def test_durations(text: str, minutes: int) -> None:
    assert parse_duration(text) == timedelta(minutes=minutes)


@pytest.mark.parametrize("text", ["30x", "", "30", "-2h", "0m", "h", "2 years", "9999d"])
def test_bad_durations_say_what_works(text: str) -> None:
    with pytest.raises(InvalidInput, match="30m"):
        parse_duration(text)


@given(st.text(max_size=20))
def test_any_text_is_a_duration_or_a_clear_error(text: str) -> None:
    try:
        assert parse_duration(text) > timedelta(0)
    except InvalidInput:
        pass


def test_durations_and_days_read_kindly() -> None:
    assert format_duration(timedelta(minutes=45)) == "45 min"
    assert format_duration(timedelta(minutes=90)) == "1 h 30 min"
    assert format_duration(timedelta(days=2)) == "2 days"
    assert describe_day(SUNDAY, SUNDAY) == "today"
    assert describe_day(date(2026, 11, 23), SUNDAY) == "tomorrow"
    assert describe_day(date(2026, 11, 25), SUNDAY) == "on Wednesday"
    assert describe_day(date(2026, 11, 17), SUNDAY) == "5 days ago"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("monday", date(2026, 11, 23)),
        ("friday", date(2026, 11, 27)),
        ("sunday", SUNDAY),
        ("last friday", date(2026, 11, 20)),
        ("next monday", date(2026, 11, 23)),
        ("2026-11-03", date(2026, 11, 3)),
    ],
)
def test_a_bare_weekday_looking_ahead_is_the_coming_one(text: str, expected: date) -> None:
    assert parse_date(text, SUNDAY, ahead=True) == expected


@given(
    st.sampled_from(["monday", "tue", "Wednesday", "thursday", "fri", "saturday", "sunday"]),
    st.dates(min_value=date(2000, 1, 1), max_value=date(2100, 1, 1)),
)
def test_a_bare_weekday_is_within_a_week_on_the_side_asked_for(day: str, today: date) -> None:
    ahead = parse_date(day, today, ahead=True)
    past = parse_date(day, today)
    assert 0 <= (ahead - today).days <= 6
    assert 0 <= (today - past).days <= 6
    assert ahead.weekday() == past.weekday()
    assert is_bare_weekday(day)
    assert not is_bare_weekday(f"last {day}")
    assert not is_bare_weekday("today")
