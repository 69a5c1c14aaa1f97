"""Recovery repositories on real databases: each test runs on SQLite and on PostgreSQL."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from nextyes.domain.models import NewApplication, NewStageEvent, Origin
from nextyes.domain.recovery import RequestStatus, StageGroup, Tone
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal
from tests.conftest import NOW, TODAY


def _application(journal: Journal) -> int:
    with journal.uow() as uow:
        app_id = uow.applications.add(
            NewApplication("Acme Robotics", "Data Analyst", TODAY),
            stage=Stage.APPLIED,
            stage_on=TODAY,
            now=NOW,
        )
        uow.events.add(NewStageEvent(app_id, Stage.APPLIED, TODAY, origin=Origin.CLI), NOW)
        uow.commit()
    return app_id


def test_a_cool_down_is_active_between_its_start_and_end(any_journal: Journal) -> None:
    app_id = _application(any_journal)
    ends = NOW + timedelta(hours=6)
    with any_journal.uow() as uow:
        uow.cool_downs.add(app_id, "evening", NOW, ends, NOW)
        uow.commit()
    with any_journal.uow() as uow:
        (active,) = uow.cool_downs.active_at(NOW + timedelta(hours=1))
        assert (active.application_id, active.kind) == (app_id, "evening")
        assert active.ends_at == ends
        assert active.ends_at.tzinfo is not None
        assert uow.cool_downs.active_at(ends) == []
        assert uow.cool_downs.active_at(NOW - timedelta(seconds=1)) == []
        assert [c.id for c in uow.cool_downs.for_application(app_id)] == [active.id]


def test_a_cool_down_compares_in_real_time_whatever_the_zone(any_journal: Journal) -> None:
    app_id = _application(any_journal)
    start = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
    with any_journal.uow() as uow:
        uow.cool_downs.add(app_id, "2h", start, start + timedelta(hours=2), NOW)
        uow.commit()
    elsewhere = (start + timedelta(hours=1)).astimezone(datetime.now().astimezone().tzinfo)
    with any_journal.uow() as uow:
        assert len(uow.cool_downs.active_at(elsewhere)) == 1


def test_a_feedback_request_goes_from_waiting_to_followed_up_to_closed(
    any_journal: Journal,
) -> None:
    app_id = _application(any_journal)
    with any_journal.uow() as uow:
        request_id = uow.feedback_requests.add(
            app_id, TODAY, TODAY + timedelta(days=7), NOW, tone=Tone.FORMAL
        )
        uow.commit()
    with any_journal.uow() as uow:
        request = uow.feedback_requests.get(request_id)
        assert request is not None
        assert (request.status, request.tone, request.contact_id) == (
            RequestStatus.WAITING,
            Tone.FORMAL,
            None,
        )
        assert [r.id for r in uow.feedback_requests.open_ones()] == [request_id]
        uow.feedback_requests.record_follow_up(request_id, TODAY + timedelta(days=7))
        uow.feedback_requests.close(request_id, RequestStatus.NO_REPLY, TODAY + timedelta(days=14))
        uow.commit()
    with any_journal.uow() as uow:
        closed = uow.feedback_requests.latest_for(app_id)
        assert closed is not None
        assert closed.followed_up_on == TODAY + timedelta(days=7)
        assert (closed.status, closed.closed_on) == (
            RequestStatus.NO_REPLY,
            TODAY + timedelta(days=14),
        )
        assert uow.feedback_requests.open_ones() == []


def test_drafts_are_kept_by_kind_and_marked_sent(any_journal: Journal) -> None:
    app_id = _application(any_journal)
    with any_journal.uow() as uow:
        first = uow.drafts.add(app_id, "reply", "Thank you", "Hello,\n\nThanks.", NOW)
        uow.drafts.add(app_id, "feedback_request", "Feedback", "Hi", NOW, recipient="a@b.co")
        uow.drafts.mark_sent(first, TODAY)
        uow.commit()
    with any_journal.uow() as uow:
        (reply,) = uow.drafts.for_application(app_id, "reply")
        assert (reply.body, reply.sent_on) == ("Hello,\n\nThanks.", TODAY)
        assert len(uow.drafts.for_application(app_id)) == 2
        (request,) = uow.drafts.for_application(app_id, "feedback_request")
        assert (request.recipient, request.sent_on) == ("a@b.co", None)


def test_a_reflection_keeps_its_answers_and_attributions(any_journal: Journal) -> None:
    app_id = _application(any_journal)
    with any_journal.uow() as uow:
        uow.reflections.add(
            app_id, StageGroup.FINAL, NOW, NOW + timedelta(minutes=12), 15, NOW,
            mood_before=2, mood_after=3, answers={"answers-best": "The SQL one — really"},
            attributions={"salary_budget": "no"},
        )  # fmt: skip
        uow.moods.add(2, NOW, NOW, application_id=app_id, context="before_reflection")
        uow.commit()
    with any_journal.uow() as uow:
        (reflection,) = uow.reflections.for_application(app_id)
        assert reflection.stage_group is StageGroup.FINAL
        assert reflection.answers == {"answers-best": "The SQL one — really"}
        assert reflection.attributions == {"salary_budget": "no"}
        assert (reflection.mood_before, reflection.mood_after) == (2, 3)
        assert reflection.finished_at == NOW + timedelta(minutes=12)
        assert uow.reflections.count() == 1
