"""Momentum's repositories on real databases: each test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest

from nextyes.domain.contacts import ContactChanges, InteractionKind
from nextyes.domain.goals import Metric
from nextyes.domain.models import NewApplication, NewContact, NewStageEvent, Origin, Relation
from nextyes.domain.stages import Stage
from nextyes.domain.wellbeing import CareKind
from nextyes.domain.wins import NewWin, WinKind
from nextyes.services.journal import Journal
from tests.conftest import NOW, TODAY


def _application(journal: Journal, company: str, day: date, stage: Stage = Stage.APPLIED) -> int:
    with journal.uow() as uow:
        app_id = uow.applications.add(NewApplication(company, "Analyst", day), stage=stage,
                                      stage_on=day, now=NOW)  # fmt: skip
        uow.events.add(NewStageEvent(app_id, Stage.APPLIED, day, origin=Origin.CLI), NOW)
        uow.commit()
    return app_id


def _contact(journal: Journal, name: str, relation: Relation = Relation.MENTOR) -> int:
    with journal.uow() as uow:
        contact_id = uow.contacts.add(NewContact(name, relation, company="Lumen"), NOW)
        uow.commit()
    return contact_id


def test_goals_keep_their_history_and_count_each_metric_by_day(any_journal: Journal) -> None:
    monday = TODAY - timedelta(days=TODAY.weekday())
    _application(any_journal, "Acme", monday)
    _application(any_journal, "Brightwell", monday)
    priya = _contact(any_journal, "Priya")
    with any_journal.uow() as uow:
        first = uow.goals.add(Metric.APPLICATIONS, 10, monday - timedelta(days=14), NOW)
        uow.goals.end(first, monday - timedelta(days=1))
        uow.goals.add(Metric.APPLICATIONS, 5, monday, NOW)
        uow.contacts.add_interaction(priya, monday + timedelta(days=1), InteractionKind.CALL,
                                     None, NOW)  # fmt: skip
        uow.db.execute(
            "INSERT INTO practice_sessions (owner_id, practiced_on, question_text, created_at) "
            "VALUES (:owner, :on, 'Tell me about yourself', :now)",
            {"owner": any_journal.owner_id, "on": monday + timedelta(days=2), "now": NOW},
        )
        uow.commit()
    with any_journal.uow() as uow:
        assert [(g.target, g.ended_on is None) for g in uow.goals.all()] == [(10, False), (5, True)]
        assert [g.target for g in uow.goals.active()] == [5]
        week = (monday, monday + timedelta(days=6))
        assert uow.goals.daily_counts(Metric.APPLICATIONS, *week) == {monday: 2}
        assert uow.goals.daily_counts(Metric.NETWORKING, *week) == {monday + timedelta(days=1): 1}
        assert uow.goals.daily_counts(Metric.PRACTICE, *week) == {monday + timedelta(days=2): 1}


def test_an_automatic_win_is_stored_once_whatever_happens(any_journal: Journal) -> None:
    win = NewWin(TODAY, "Invited to an interview", WinKind.INTERVIEW, None, "invite-1")
    with any_journal.uow() as uow:
        assert uow.wins.add_if_new(win, NOW) is True
        assert uow.wins.add_if_new(win, NOW) is False
        uow.wins.add(NewWin(TODAY, "Mine", WinKind.MANUAL), NOW)
        uow.wins.add(NewWin(TODAY, "Mine again", WinKind.MANUAL), NOW)
        uow.commit()
    with any_journal.uow() as uow:
        assert uow.wins.count() == 3
        assert uow.wins.known_keys(["invite-1", "invite-2"]) == {"invite-1"}
        assert [w.text for w in uow.wins.between(TODAY, TODAY)][-1] == "Invited to an interview"
        assert len(uow.wins.recent(limit=2)) == 2


def test_care_moods_and_the_why_round_trip(any_journal: Journal) -> None:
    with any_journal.uow() as uow:
        uow.care.add(TODAY - timedelta(days=3), CareKind.EXERCISE, 30, "run", NOW)
        uow.care.add(TODAY, CareKind.REST, None, None, NOW)
        evening = datetime.combine(TODAY - timedelta(days=1), time(20), NOW.tzinfo)
        uow.moods.add(2, evening, NOW, note="tired")
        uow.moods.add(4, NOW, NOW, context="cli")
        uow.whys.add("Work that matters, near home", TODAY - timedelta(days=40), NOW)
        uow.whys.add("Work that matters", TODAY, NOW)
        uow.commit()
    with any_journal.uow() as uow:
        care = uow.care.between(TODAY - timedelta(days=7), TODAY)
        assert [(c.kind, c.minutes) for c in care] == [
            (CareKind.REST, None),
            (CareKind.EXERCISE, 30),
        ]
        assert uow.care.last_on(TODAY - timedelta(days=1)) == TODAY - timedelta(days=3)
        moods = uow.moods.latest(5, NOW + timedelta(seconds=1))
        assert [m.score for m in moods] == [4, 2]
        assert moods[0].recorded_at == NOW
        assert uow.moods.between(evening, NOW) == [moods[1]]
        current = uow.whys.current()
        assert current is not None and current.text == "Work that matters"
        assert len(uow.whys.history()) == 2


def test_contacts_change_log_interactions_and_know_their_applications(any_journal: Journal) -> None:
    priya = _contact(any_journal, "Priya Natarajan")
    _contact(any_journal, "Priya Shah", Relation.FRIEND)
    app_id = _application(any_journal, "Acme", TODAY - timedelta(days=3))
    with any_journal.uow() as uow:
        uow.contacts.update(priya, ContactChanges(company="Acme Robotics", relation=Relation.COACH,
                                                  next_follow_up_on=TODAY), NOW)  # fmt: skip
        uow.contacts.add_interaction(priya, TODAY - timedelta(days=2), InteractionKind.COFFEE,
                                     "chat", NOW, app_id)  # fmt: skip
        uow.contacts.add_interaction(priya, TODAY, InteractionKind.CALL, None, NOW)
        uow.applications.update_fields(app_id, {"referral_contact_id": priya,
                                                "source": "referral"}, NOW)  # fmt: skip
        uow.contacts.link(app_id, priya, "recruiter")
        uow.commit()
    with any_journal.uow() as uow:
        contact = uow.contacts.get(priya)
        assert contact is not None
        assert (contact.company, contact.relation, contact.next_follow_up_on) == (
            "Acme Robotics", Relation.COACH, TODAY)  # fmt: skip
        assert [i.kind for i in uow.contacts.interactions(priya)] == [
            InteractionKind.CALL, InteractionKind.COFFEE]  # fmt: skip
        assert uow.contacts.last_interactions() == {priya: TODAY}
        assert sorted(role for _, role in uow.contacts.applications_of(priya)) == [
            "recruiter", "referrer"]  # fmt: skip
        assert [c.name for c in uow.contacts.matching("priya")] == ["Priya Natarajan", "Priya Shah"]
        assert uow.contacts.matching("100%") == []
        uow.contacts.update(priya, ContactChanges(cleared=frozenset({"next_follow_up_on"})), NOW)
        uow.commit()
    with any_journal.uow() as uow:
        contact = uow.contacts.get(priya)
        assert contact is not None and contact.next_follow_up_on is None


@pytest.mark.parametrize("gap", [0, 3])
def test_the_momentum_queries_see_what_was_added_and_when_it_happened(
    any_journal: Journal, gap: int
) -> None:
    early = _application(any_journal, "Acme", TODAY - timedelta(days=20))
    with any_journal.uow() as uow:
        marks = uow.momentum.last_ids()
        uow.events.add(
            NewStageEvent(early, Stage.INTERVIEW, TODAY - timedelta(days=15), origin=Origin.CLI),
            NOW,
        )
        uow.events.add(
            NewStageEvent(early, Stage.REJECTED, TODAY - timedelta(days=gap), origin=Origin.CLI),
            NOW,
        )
        uow.feedback.add(early, "Clear answers", "interviewer", TODAY, NOW, origin="cli")
        uow.feedback.add(early, "My own notes", "self", TODAY, NOW, origin="cli")
        uow.contacts.add(NewContact("Priya", Relation.MENTOR, company="Lumen"), NOW)
        uow.commit()
    with any_journal.uow() as uow:
        assert [e.event.stage for e in uow.momentum.events_after(marks["events"])] == [
            Stage.INTERVIEW, Stage.REJECTED]  # fmt: skip
        assert uow.momentum.events_after(uow.momentum.last_ids()["events"]) == []
        furthest_first = [Stage.OFFER, Stage.INTERVIEW, Stage.APPLIED]
        before = TODAY - timedelta(days=16)
        assert uow.momentum.first_reached_before(before, furthest_first) is Stage.APPLIED
        assert uow.momentum.first_reached_before(before, [Stage.OFFER]) is None
        assert uow.momentum.last_rejection_before(TODAY + timedelta(days=1)) == TODAY - timedelta(
            days=gap
        )
        assert [f.text for f in uow.momentum.feedback_after(marks["feedback"])] == ["Clear answers"]
        assert [c[1:3] for c in uow.momentum.contacts_after(marks["contacts"])] == [
            ("Priya", "Lumen")]  # fmt: skip
        assert uow.momentum.noes_between(TODAY - timedelta(days=6), TODAY) == 1
        assert uow.momentum.active_days(TODAY - timedelta(days=30), TODAY) == 3
        assert [r.company for r in uow.momentum.rejections()] == ["Acme"]
        stages = (Stage.APPLIED, Stage.REJECTED)
        assert len(uow.momentum.events_from(TODAY - timedelta(days=20), stages)) == 2


def test_referrals_are_found_for_the_applications_asked_about(any_journal: Journal) -> None:
    priya = _contact(any_journal, "Priya")
    referred = _application(any_journal, "Acme", TODAY)
    other = _application(any_journal, "Brightwell", TODAY)
    with any_journal.uow() as uow:
        marks = uow.momentum.last_ids()
        uow.applications.update_fields(referred, {"referral_contact_id": priya}, NOW)
        uow.contacts.add_interaction(priya, TODAY, InteractionKind.REFERRAL, None, NOW, referred)
        uow.commit()
    with any_journal.uow() as uow:
        assert uow.momentum.referral_interactions_after(marks["interactions"]) == [referred]
        assert [r[0] for r in uow.momentum.referrals([referred, other])] == [referred]
        assert uow.momentum.referrals([]) == []
