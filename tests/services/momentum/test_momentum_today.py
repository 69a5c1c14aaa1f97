"""What momentum adds to `today`: wins and goals first, nudges, the why re-check, the review."""

from __future__ import annotations

from datetime import timedelta

from nextyes.domain.stages import Stage
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import Journal
from nextyes.services.momentum.goals import set_goal
from nextyes.services.momentum.why import set_why
from nextyes.services.momentum.wins import list_wins
from nextyes.services.settings.preferences import set_preference
from nextyes.services.today.agenda import build_agenda
from tests.conftest import NOW, TODAY, snapshot
from tests.services.momentum.momentum_helpers import applied, moved


def test_today_shows_this_weeks_wins_and_goals_without_writing(journal: Journal) -> None:
    set_goal(journal.uow(), "applications", "3/week", NOW - timedelta(days=2))
    app_id = applied(journal, "Acme", TODAY - timedelta(days=2))
    moved(journal, app_id, Stage.INTERVIEW, TODAY + timedelta(days=2))
    before = snapshot(journal)
    agenda = build_agenda(journal.uow(), NOW)
    assert snapshot(journal) == before
    wins = agenda.sections["wins"]
    assert wins["this_week"] == 1 and "interview at Acme" in wins["items"][0]["text"]
    (goal,) = agenda.sections["goals"]
    assert (goal["metric"], goal["done"], goal["remaining"], goal["met"]) == ("applications", 1, 2,
                                                                               False)  # fmt: skip
    assert agenda.sections["nudges"] == []


def test_the_weekly_review_comes_on_the_chosen_day_once_there_is_a_week_to_review(
    journal: Journal,
) -> None:
    set_preference(journal.uow(), "weekly_review_day", "fri", NOW)
    assert not [i for i in build_agenda(journal.uow(), NOW).items if i.kind == "review"]
    applied(journal, "Acme", TODAY - timedelta(days=3))
    reviews = [i for i in build_agenda(journal.uow(), NOW).items if i.kind == "review"]
    assert [(i.due_on.strftime("%A"), i.suggestion) for i in reviews] == [
        ("Friday", "nextyes review week")]  # fmt: skip


def test_the_why_recheck_is_an_item_with_a_stable_key(journal: Journal) -> None:
    set_why(journal.uow(), "Work that matters", NOW - timedelta(days=40))
    (item,) = [i for i in build_agenda(journal.uow(), NOW).items if i.kind == "why"]
    assert "40 days" in (item.detail or "") and item.key.startswith("why-check-")
    later = build_agenda(journal.uow(), NOW + timedelta(days=1)).items
    assert [i.key for i in later if i.kind == "why"] == [item.key]


def test_the_demo_has_something_to_show_for_every_momentum_feature(journal: Journal) -> None:
    fill_demo(journal.uow(), NOW, seed=3)
    with journal.uow() as uow:
        assert len(uow.goals.active()) == 3
        assert uow.whys.current() is not None
        assert uow.care.last_on(TODAY) is not None
        assert uow.moods.latest(1, NOW)
        assert uow.contacts.last_interactions()
    kinds = {w.kind.value for w in list_wins(journal.uow(), NOW)}
    assert {"manual", "interview", "furthest", "goal", "contact", "referral"} <= kinds
    agenda = build_agenda(journal.uow(), NOW)
    assert agenda.sections["wins"]["this_week"] > 0
    assert agenda.sections["nudges"]  # the last break was a week ago


def test_a_week_of_momentum_comes_in_one_call_for_the_review(journal: Journal) -> None:
    from nextyes.services.momentum.week import week_momentum
    from nextyes.services.momentum.wellbeing import log_care, log_mood
    from nextyes.services.momentum.wins import record_win

    set_goal(journal.uow(), "applications", "1/week", NOW - timedelta(days=20))
    applied(journal, "Acme", TODAY - timedelta(days=8))  # last week
    record_win(journal.uow(), "Kind reply from Brightwell", TODAY - timedelta(days=9), NOW)
    log_care(journal.uow(), "rest", [], TODAY - timedelta(days=10), NOW)
    log_mood(journal.uow(), "3", "steady", NOW, on=TODAY - timedelta(days=9))
    set_why(journal.uow(), "Work that matters", NOW)
    week = week_momentum(journal.uow(), TODAY - timedelta(days=7), NOW)
    assert week.week == TODAY - timedelta(days=13)
    assert [w.text for w in week.wins][-1] == "Kind reply from Brightwell"
    assert "Weekly goal met: 1 application" in [w.text for w in week.wins]
    ((metric, result),) = week.goals
    assert (metric.value, result.done, result.met) == ("applications", 1, True)
    assert [c.kind.value for c in week.care] == ["rest"]
    assert [m.note for m in week.moods] == ["steady"]
    assert week.why is not None and week.why.text == "Work that matters"
    this_week = week_momentum(journal.uow(), TODAY, NOW)
    assert this_week.care == [] and this_week.goals[0][1].done == 0
