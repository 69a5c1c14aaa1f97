from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from nextyes import content
from nextyes.domain.cooldown import CoolDownWindow, open_window, parse_cool_down
from nextyes.domain.recovery import StageGroup
from nextyes.domain.themes import Theme
from nextyes.text.recovery import (
    all_reflection_questions,
    compose_cool_down,
    cool_down_suggestions,
    describe_window,
    reflection_set,
    rejection_message,
)

LONDON = ZoneInfo("Europe/London")
TUESDAY_AFTERNOON = datetime(2026, 11, 3, 14, 5, tzinfo=LONDON)


def _message_id(stage: str, noes: int, first: bool, seed: int = 0) -> str:
    message_id, _ = rejection_message(
        stage=stage,
        company="Northwind",
        role="Analyst",
        noes_this_week=noes,
        first_no=first,
        seed=seed,
    )
    return message_id


def test_the_first_no_in_the_journal_gets_its_own_message() -> None:
    assert _message_id("interview", 1, True) == "first"


def test_a_final_round_no_speaks_to_coming_close() -> None:
    assert {_message_id("final", 1, False, seed) for seed in range(20)} == {"final-1", "final-2"}


def test_a_screen_out_gets_a_screen_out_message() -> None:
    assert _message_id("applied", 1, False).startswith("screen-out")


def test_several_noes_in_a_week_are_acknowledged() -> None:
    assert _message_id("interview", 4, False) == "several-this-week"
    _, text = rejection_message(
        stage="applied", company="Northwind", role="Analyst", noes_this_week=4, first_no=False
    )
    assert "four noes this week" in text


def test_a_second_final_round_no_this_week_is_the_most_specific_message() -> None:
    assert _message_id("final", 2, False) == "several-this-week-final"


def test_the_seed_varies_the_wording_between_equally_fitting_messages() -> None:
    assert len({_message_id("interview", 1, False, seed) for seed in range(20)}) == 2


def test_noes_this_week_include_this_one() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        _message_id("interview", 0, False)


@pytest.mark.parametrize("group", ["applied", "interview", "final"])
@pytest.mark.parametrize("noes", [1, 2, 3, 12])
@pytest.mark.parametrize("first", [True, False])
def test_every_rejection_message_reads_well(
    group: str, noes: int, first: bool, assert_reads_well: Callable[[str], None]
) -> None:
    for seed in range(6):
        _, text = rejection_message(
            stage=group,
            company="Northwind",
            role="Analyst",
            noes_this_week=noes,
            first_no=first,
            seed=seed,
        )
        assert_reads_well(text)


def _window(spec: str, now: datetime = TUESDAY_AFTERNOON) -> CoolDownWindow | None:
    return open_window(parse_cool_down(spec), now=now)


@pytest.mark.parametrize(
    ("spec", "now", "words"),
    [
        ("evening", TUESDAY_AFTERNOON, "until 21:00 this evening"),
        ("evening", TUESDAY_AFTERNOON.replace(hour=20, minute=30), "until 21:00 tomorrow evening"),
        ("90m", TUESDAY_AFTERNOON, "until 15:35 today"),
        ("24h", TUESDAY_AFTERNOON, "until 14:05 tomorrow."),
        ("weekend", TUESDAY_AFTERNOON, "until Sunday at 21:00"),
        ("10d", TUESDAY_AFTERNOON, "until Friday 13 November at 14:05"),
    ],
)
def test_the_window_is_described_relative_to_now(spec: str, now: datetime, words: str) -> None:
    assert words in describe_window(_window(spec, now), now=now)


def test_no_window_and_a_finished_window_are_described_plainly() -> None:
    assert "No cool-down" in describe_window(None, now=TUESDAY_AFTERNOON)
    later = TUESDAY_AFTERNOON + timedelta(hours=3)
    assert "is over" in describe_window(_window("90m"), now=later)


def test_suggestions_fit_the_length_of_the_window() -> None:
    data = content.load("recovery/rejection")["suggestion"]
    fits = {s["text"]: set(s["fits"]) for s in data}
    for spec, size in (("90m", "short"), ("evening", "day"), ("weekend", "long")):
        for seed in range(10):
            chosen = cool_down_suggestions(_window(spec), seed=seed)
            assert len(chosen) == 3
            assert all(size in fits[s] for s in chosen)
    assert len(cool_down_suggestions(None)) == 2


@pytest.mark.parametrize("spec", ["evening", "weekend", "2h", "none"])
def test_the_cool_down_message_has_words_a_window_and_suggestions(
    spec: str, assert_reads_well: Callable[[str], None]
) -> None:
    message = compose_cool_down(
        stage="final",
        company="Northwind",
        role="Analyst",
        noes_this_week=1,
        first_no=False,
        window=_window(spec),
        now=TUESDAY_AFTERNOON,
        seed=3,
    )
    assert_reads_well(message.as_text())
    assert 2 <= len(message.suggestions) <= 3
    assert (message.during is None) == (spec == "none")


def test_reflection_after_a_screen_out_asks_about_materials_and_alignment() -> None:
    topics = [q.topic for q in reflection_set("applied").questions]
    assert "materials" in topics
    assert "role_alignment" in topics
    assert "answers" not in topics


def test_reflection_after_interviews_covers_answers_presence_and_company() -> None:
    topics = {q.topic for q in reflection_set("interview").questions}
    assert {"qualifications", "answers", "hard_questions", "presence", "company"} <= topics
    assert "red_flags" not in topics


def test_reflection_after_a_final_round_also_asks_about_red_flags_and_fit() -> None:
    topics = {q.topic for q in reflection_set("final").questions}
    assert {"answers", "red_flags", "fit"} <= topics


def test_a_second_reflection_asks_differently_worded_questions() -> None:
    first = [q.id for q in reflection_set("interview", seed=0).questions]
    second = [q.id for q in reflection_set("interview", seed=1).questions]
    assert first != second


@pytest.mark.parametrize("group", list(StageGroup))
def test_every_question_in_a_set_fits_its_stage_group(group: StageGroup) -> None:
    for seed in range(5):
        chosen = reflection_set(group.value, seed=seed)
        assert all(group in q.groups for q in chosen.questions)
        assert len(chosen.questions) == len({q.topic for q in chosen.questions})


def test_the_time_box_appears_in_the_intro_and_the_gentle_close(
    assert_reads_well: Callable[[str], None],
) -> None:
    chosen = reflection_set("final", minutes=10)
    assert "10 minutes" in chosen.intro
    assert "10 minutes" in chosen.gentle_close
    assert chosen.time_left(3) == "3 minutes left."
    for text in (chosen.intro, chosen.gentle_close, chosen.closing, chosen.attribution_intro):
        assert_reads_well(text)
    assert set(chosen.attribution_labels) == {"yes", "partly", "no"}
    assert len(chosen.mood_labels) == 5


def test_a_reflection_needs_at_least_a_minute() -> None:
    with pytest.raises(ValueError, match="at least one minute"):
        reflection_set("final", minutes=0)


def test_reflection_questions_name_only_real_feedback_themes() -> None:
    known = {t.value for t in Theme}
    for question in all_reflection_questions():
        assert set(question.themes) <= known, question.id


def test_a_window_stored_in_utc_is_described_in_local_time() -> None:
    from datetime import UTC

    window = _window("evening")
    assert window is not None
    stored = CoolDownWindow(
        window.spec, window.starts_at.astimezone(UTC), window.ends_at.astimezone(UTC)
    )
    winter_evening = TUESDAY_AFTERNOON.astimezone(ZoneInfo("America/New_York"))
    assert "until 16:00 today" in describe_window(stored, now=winter_evening)
    assert "until 21:00 this evening" in describe_window(stored, now=TUESDAY_AFTERNOON)
