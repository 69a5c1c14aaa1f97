"""Care, mood, gentle nudges and the why, through the services."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nextyes.domain.errors import InvalidInput, NotFound
from nextyes.domain.wellbeing import NudgeKind, NudgeRules
from nextyes.services.journal import Journal
from nextyes.services.momentum.wellbeing import (
    log_care,
    log_mood,
    nudges,
    recent_care,
    recent_moods,
)
from nextyes.services.momentum.why import keep_why, set_why, show_why, why_after_rejection
from nextyes.services.people import contacts
from nextyes.services.settings.preferences import set_preference
from tests.conftest import NOW, TODAY, snapshot
from tests.services.momentum.momentum_helpers import MONDAY, applied, rejected


def test_care_is_logged_with_its_length_and_note(journal: Journal) -> None:
    logged = log_care(journal.uow(), "exercise", ["30m", "walk", "by the river"], TODAY, NOW)
    assert "exercise (walk by the river), 30 min" in logged.message
    log_care(journal.uow(), "social", ["dinner with Jo"], TODAY - timedelta(days=20), NOW)
    entries = recent_care(journal.uow(), TODAY)
    assert [(e.kind.value, e.minutes, e.note) for e in entries] == [
        ("exercise", 30, "walk by the river")]  # fmt: skip


@pytest.mark.parametrize(("kind", "words", "message"), [
    ("exercise", ["30x"], "not a duration"),
    ("exercise", ["25h"], "more than a day"),
    ("doomscrolling", [], "exercise, hobby, break"),
])  # fmt: skip
def test_care_that_cannot_be_read_writes_nothing(
    journal: Journal, kind: str, words: list[str], message: str
) -> None:
    before = snapshot(journal)
    with pytest.raises(InvalidInput, match=message):
        log_care(journal.uow(), kind, words, TODAY, NOW)
    assert snapshot(journal) == before


def test_a_mood_is_kept_with_its_note_and_answered_kindly(journal: Journal) -> None:
    low = log_mood(journal.uow(), "2", "tired after the panel", NOW)
    assert "gentle" in low.message
    log_mood(journal.uow(), "4", None, NOW, on=TODAY - timedelta(days=1))
    moods = recent_moods(journal.uow(), NOW)
    assert [(m.score, m.note) for m in moods] == [(2, "tired after the panel"), (4, None)]


@pytest.mark.parametrize(("score", "app", "error"), [("0", None, InvalidInput),
                                                     ("6", None, InvalidInput),
                                                     ("three", None, InvalidInput),
                                                     ("3", 42, NotFound)])  # fmt: skip
def test_a_mood_outside_the_scale_writes_nothing(
    journal: Journal, score: str, app: int | None, error: type[Exception]
) -> None:
    before = snapshot(journal)
    with pytest.raises(error):
        log_mood(journal.uow(), score, None, NOW, application_id=app)
    assert snapshot(journal) == before


def test_several_noes_suggest_reaching_out_to_the_support_circle_by_name(
    journal: Journal,
) -> None:
    contacts.add_contact(journal.uow(), "Elena Petrova", NOW, relation="recruiter")
    contacts.add_contact(journal.uow(), "Ruth Adeyemi", NOW, relation="mentor")
    contacts.add_contact(journal.uow(), "Jo Campbell", NOW, relation="friend")
    contacts.log_interaction(journal.uow(), "Ruth", NOW, kind="coffee")
    for n in range(3):
        app_id = applied(journal, f"Company {n}", MONDAY)
        rejected(journal, app_id, MONDAY + timedelta(days=n + 1))
    log_care(journal.uow(), "break", ["20m"], TODAY, NOW)
    with journal.uow() as uow:
        found = nudges(uow, NOW, NudgeRules())
    assert [n.kind for n in found] == [NudgeKind.SEVERAL_NOES]
    assert "3 noes this week" in found[0].text
    assert "Jo Campbell (friend)" in found[0].suggestion  # the one not talked to lately


def test_a_low_mood_streak_and_a_busy_stretch_without_a_break_are_noticed(
    journal: Journal,
) -> None:
    for days_ago, score in ((2, 2), (1, 1), (0, 2)):
        log_mood(journal.uow(), str(score), None, NOW, on=TODAY - timedelta(days=days_ago))
    for days_ago in range(4):
        applied(journal, f"Busy {days_ago}", TODAY - timedelta(days=days_ago))
    with journal.uow() as uow:
        found = nudges(uow, NOW, NudgeRules())
    assert [n.kind for n in found] == [NudgeKind.LOW_MOOD, NudgeKind.NO_BREAK]
    assert "friend or mentor" in found[0].suggestion  # nobody in the circle yet
    assert "nextyes care break" in found[1].suggestion
    for text in (n.text + n.suggestion for n in found):
        assert not any(word in text.lower() for word in ("depress", "disorder", "symptom"))


def test_the_why_is_kept_with_its_history_and_shown_after_a_no(journal: Journal) -> None:
    assert why_after_rejection(journal.uow(), NOW) is None
    assert "Saved" in set_why(journal.uow(), "Work near home that changes decisions", NOW)
    assert "already" in set_why(journal.uow(), "Work near home that changes decisions", NOW)
    reminder = why_after_rejection(journal.uow(), NOW)
    assert reminder is not None and reminder.text == "Work near home that changes decisions"
    assert reminder.recheck is None
    with pytest.raises(InvalidInput, match="empty"):
        set_why(journal.uow(), "   ", NOW)
    assert len(show_why(journal.uow(), TODAY).history) == 1


def test_the_why_is_rechecked_after_enough_noes_then_kept(journal: Journal) -> None:
    set_why(journal.uow(), "Analytics that matters", NOW - timedelta(days=10))
    set_preference(journal.uow(), "why_check_noes", "2", NOW)
    for n in range(2):
        app_id = applied(journal, f"Co {n}", TODAY - timedelta(days=5), role="Reporting Analyst")
        rejected(journal, app_id, TODAY - timedelta(days=n))
    view = show_why(journal.uow(), TODAY)
    assert view.recheck is not None
    assert "2 noes" in view.recheck.reason and view.recheck.roles == ("Reporting Analyst",)
    assert "still your why" in keep_why(journal.uow(), NOW)
    assert show_why(journal.uow(), TODAY + timedelta(days=1)).recheck is None


def test_the_why_is_rechecked_after_a_month_even_without_noes(journal: Journal) -> None:
    set_why(journal.uow(), "Analytics that matters", NOW - timedelta(days=31))
    view = show_why(journal.uow(), TODAY)
    assert view.recheck is not None and "31 days" in view.recheck.reason


def test_keeping_a_why_that_was_never_written_says_how_to_write_one(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="nextyes why set"):
        keep_why(journal.uow(), NOW)
