"""Spotting small wins in the journal: pure rules over events and feedback text."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from nextyes.domain.models import Origin, StageEvent
from nextyes.domain.stages import RANK, Stage
from nextyes.domain.wins import (
    NewWin,
    WinKind,
    comebacks,
    first_sentence,
    furthest_firsts,
    invitations,
    new_wins_only,
    praise_in,
    taken_back,
)

DAY = date(2026, 11, 2)


def _event(event_id: int, app: int, stage: Stage, day: int, correction: bool = False) -> StageEvent:
    return StageEvent(
        event_id, app, stage, DAY + timedelta(days=day), correction=correction, origin=Origin.CLI
    )


def test_each_stage_reached_for_the_first_time_is_a_win_once() -> None:
    events = [
        _event(1, 1, Stage.APPLIED, 0),
        _event(2, 1, Stage.SCREENING, 2),
        _event(3, 2, Stage.SCREENING, 3),
        _event(4, 1, Stage.INTERVIEW, 5),
        _event(5, 3, Stage.ASSESSMENT, 6),  # not further than an interview
        _event(6, 2, Stage.FINAL, 9),
    ]
    assert [e.id for e in furthest_firsts(events, reached_before=-1)] == [2, 4, 6]
    assert [e.id for e in furthest_firsts(events, RANK[Stage.INTERVIEW])] == [6]


def test_corrections_and_declined_offers_do_not_count_as_getting_further() -> None:
    events = [_event(1, 1, Stage.OFFER, 0, correction=True), _event(2, 2, Stage.DECLINED, 1)]
    assert furthest_firsts(events, RANK[Stage.FINAL]) == []


def test_every_interview_or_final_round_is_an_invitation() -> None:
    events = [_event(1, 1, Stage.SCREENING, 0), _event(2, 1, Stage.INTERVIEW, 1),
              _event(3, 1, Stage.INTERVIEW, 4), _event(4, 1, Stage.FINAL, 8)]  # fmt: skip
    assert [e.id for e in invitations(events)] == [2, 3, 4]


def test_the_first_application_after_a_no_is_a_comeback() -> None:
    events = [
        _event(1, 1, Stage.APPLIED, 0),
        _event(2, 1, Stage.REJECTED, 3),
        _event(3, 2, Stage.REJECTED, 4),
        _event(4, 3, Stage.APPLIED, 4),  # same day as the second no: it counts
        _event(5, 4, Stage.APPLIED, 5),
    ]
    assert [(no.id, applied.id) for no, applied in comebacks(events)] == [(3, 4)]


def test_no_comeback_until_an_application_follows_the_no() -> None:
    assert comebacks([_event(1, 1, Stage.APPLIED, 0), _event(2, 1, Stage.REJECTED, 1)]) == []


@pytest.mark.parametrize(
    ("text", "praise"),
    [
        ("Strong interview, but they need someone who has already owned reporting.",
         "Strong interview"),
        ("The panel liked your approach but felt your SQL needed more fluency.",
         "The panel liked your approach"),
        ("You came across well; in the end they wanted more experience.", "You came across well"),
        ("Your dashboard walkthrough was clear, though the statistics questions exposed gaps.",
         "Your dashboard walkthrough was clear"),
        ("Honestly your portfolio was excellent.", "Honestly your portfolio was excellent"),
        ("Your answers weren’t always clear. But the case study was impressive.",
         "The case study was impressive"),
    ],
)  # fmt: skip
def test_praise_is_found_in_the_clause_that_says_it(text: str, praise: str) -> None:
    assert praise_in(text) == praise


@pytest.mark.parametrize(
    "text",
    [
        "Your SQL was not strong enough for the day-to-day work.",
        "They'd have liked more specific stories about conflict.",
        "We had many strong candidates for this role.",
        "It was great to meet you, and thank you for your time.",
        "Some answers ran long and the main point got lost.",
        "The other candidate had stronger experience.",
        "It would have been good to know more about our customers.",
    ],
)
def test_negated_conditional_or_borrowed_praise_is_not_a_win(text: str) -> None:
    assert praise_in(text) is None


def test_a_quote_stops_at_the_first_sentence_and_at_a_word() -> None:
    assert first_sentence("Clear answers. Needs more SQL.") == "Clear answers."
    long = "word " * 40
    quote = first_sentence(long, limit=30)
    assert quote.endswith("…") and len(quote) <= 31 and "  " not in quote


def test_wins_already_stored_or_repeated_are_dropped_but_manual_ones_stay() -> None:
    found = [NewWin(DAY, "a", WinKind.GOAL, auto_key="goal-x"),
             NewWin(DAY, "b", WinKind.GOAL, auto_key="goal-y"),
             NewWin(DAY, "b again", WinKind.GOAL, auto_key="goal-y"),
             NewWin(DAY, "mine", WinKind.MANUAL)]  # fmt: skip
    assert [w.text for w in new_wins_only(found, {"goal-x"})] == ["b", "mine"]


def test_a_correction_takes_back_the_later_stages_before_it_and_nothing_after() -> None:
    events = [
        _event(1, 1, Stage.APPLIED, 0),
        _event(2, 1, Stage.SCREENING, 1),
        _event(3, 1, Stage.INTERVIEW, 2),
        _event(4, 2, Stage.INTERVIEW, 2),  # another application: untouched
        _event(5, 1, Stage.SCREENING, 2, correction=True),
        _event(6, 1, Stage.INTERVIEW, 4),  # real this time
        _event(7, 2, Stage.GHOSTED, 5, correction=True),  # no rank: takes nothing back
    ]
    assert taken_back(events) == {3}
    assert taken_back(reversed(events)) == {3}  # by id, not by the order given
