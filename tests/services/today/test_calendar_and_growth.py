"""The calendar export and the growth record, on real journals."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from icalendar import Calendar

from nextyes.domain.errors import InvalidInput
from nextyes.domain.models import Origin
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal
from nextyes.services.momentum.growth import growth_record
from nextyes.services.people import contacts
from nextyes.services.pipeline import applications as apps
from nextyes.services.today.calendar import export_calendar
from tests.conftest import NOW, TODAY
from tests.services.momentum.momentum_helpers import (
    applied,
    moved,
    plan_item,
    practice,
    reflection,
    rejected,
)


def _events(data: bytes) -> dict[str, dict[str, object]]:
    calendar = Calendar.from_ical(data)
    return {
        str(e["UID"]): {"summary": str(e["SUMMARY"]), "start": e.decoded("DTSTART"),
                        "alarms": len(e.subcomponents)}
        for e in calendar.walk("VEVENT")
    }  # fmt: skip


def _interview(journal: Journal, at: time) -> int:
    app_id = applied(journal, "Acme", TODAY - timedelta(days=5), role="Data Analyst")
    apps.move_application(journal.uow(), app_id, Stage.INTERVIEW, TODAY + timedelta(days=10), NOW,
                          details=apps.InterviewDetails(at=at), origin=Origin.CLI)  # fmt: skip
    return app_id


def test_the_export_is_a_calendar_with_timed_interviews_and_all_day_reminders(
    journal: Journal,
) -> None:
    _interview(journal, time(14, 30))
    contacts.add_contact(journal.uow(), "Priya", NOW, follow_up_on=TODAY + timedelta(days=20))
    events = _events(export_calendar(journal.uow(), NOW))
    interview = next(e for uid, e in events.items() if uid.startswith("interview-"))
    start = interview["start"]
    assert isinstance(start, datetime)
    assert start == datetime.combine(TODAY + timedelta(days=10), time(14, 30), NOW.tzinfo)
    assert interview["alarms"] == 1  # a reminder the day before
    assert "Follow up with Priya" in [e["summary"] for e in events.values()]
    reviews = [uid for uid in events if uid.startswith("review-")]
    assert len(reviews) == 9  # a weekly review on each Sunday in the next 60 days


def test_uids_stay_the_same_from_one_export_to_the_next(journal: Journal) -> None:
    app_id = _interview(journal, time(9))
    first = _events(export_calendar(journal.uow(), NOW))
    with journal.uow() as uow:
        (interview,) = uow.interviews.for_application(app_id)
        uow.db.execute("UPDATE interviews SET scheduled_time = '11:00' WHERE id = :id",
                       {"id": interview.id})  # fmt: skip
        uow.commit()
    second = _events(export_calendar(journal.uow(), NOW + timedelta(hours=2)))
    assert set(first) == set(second)
    uid = f"interview-{interview.id}@nextyes.local"
    assert first[uid]["start"] != second[uid]["start"]


def test_an_export_too_far_ahead_is_refused(journal: Journal) -> None:
    with pytest.raises(InvalidInput, match="--days"):
        export_calendar(journal.uow(), NOW, days=0)


def test_each_no_shows_what_it_taught_and_what_followed(journal: Journal) -> None:
    acme = applied(journal, "Acme", TODAY - timedelta(days=40))
    moved(journal, acme, Stage.INTERVIEW, TODAY - timedelta(days=35))
    rejected(journal, acme, TODAY - timedelta(days=30))
    with journal.uow() as uow:
        uow.feedback.add(acme, "Clear answers. The SQL exercise needed more fluency.",
                         "interviewer", TODAY - timedelta(days=28), NOW,
                         themes=("technical_skills", "salary_budget"), origin="cli")  # fmt: skip
        uow.commit()
    reflection(journal, acme, TODAY - timedelta(days=27),
               '{"salary_budget":"no","communication":"partly"}')  # fmt: skip
    plan_item(journal, "Practise window functions", TODAY - timedelta(days=20), acme)
    practice(journal, TODAY - timedelta(days=19))
    later = applied(journal, "Brightwell", TODAY - timedelta(days=15))
    moved(journal, later, Stage.FINAL, TODAY - timedelta(days=5))
    record = growth_record(journal.uow())
    (stone,) = record.growth.stones
    assert [lesson.text for lesson in stone.taught] == [
        "They said: “Clear answers.”",
        f"You reflected on it ({(TODAY - timedelta(days=27)).isoformat()}).",
        "Technical skills: something you can work on",
        "Salary or budget: not yours to control",
        "Communication: partly yours to work on",  # as marked in the reflection
    ]
    assert [(f.kind, f.text) for f in stone.followed] == [
        ("plan", "Practise window functions"), ("further", "Brightwell")]  # fmt: skip
    assert record.summary.startswith(f"Since your first reflection ({TODAY - timedelta(days=27)})")
    assert "0 noes, 0 interviews, 1 final round, 1 plan item done, 1 practice session" in (
        record.summary
    )


def test_a_journal_without_noes_says_so_kindly(journal: Journal) -> None:
    applied(journal, "Acme")
    record = growth_record(journal.uow())
    assert record.growth.stones == () and "No noes recorded yet" in record.summary


def test_the_end_of_a_running_cool_down_is_in_the_calendar(journal: Journal) -> None:
    from nextyes.services.recovery.cool_down import reject_and_recover

    app_id = applied(journal, "Acme", TODAY - timedelta(days=9))
    reject_and_recover(journal.uow(), app_id, TODAY, NOW, cool_down="24h", origin=Origin.CLI)
    events = _events(export_calendar(journal.uow(), NOW))
    (uid,) = [uid for uid in events if uid.startswith("cool-down-end-")]
    assert events[uid]["summary"] == "Cool-down after the no from Acme ends"
    assert events[uid]["start"] == NOW + timedelta(hours=24)
