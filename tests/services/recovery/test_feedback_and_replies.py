"""Feedback requests (draft, sent, the one follow-up, replies) and gracious replies."""

from __future__ import annotations

from datetime import time, timedelta
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from nextyes.domain.models import InterviewKind, NewApplication, NewContact, Origin, Relation
from nextyes.domain.recovery import RequestStatus
from nextyes.domain.stages import Stage
from nextyes.errors import Conflict, InvalidInput
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.recovery.cool_down import reject_and_recover
from nextyes.services.recovery.feedback_requests import (
    add_feedback,
    draft_feedback_request,
    export_draft,
    record_request_sent,
)
from nextyes.services.recovery.replies import draft_reply
from nextyes.services.settings.preferences import set_preference
from nextyes.services.today.agenda import build_agenda
from tests.conftest import NOW, TODAY, snapshot


def _rejected_after_interview(
    journal: Journal, *, interviewers: tuple[str, ...] = ("Priya Shah",), stage: Stage = Stage.INTERVIEW
) -> int:  # fmt: skip
    new = NewApplication("Acme Robotics", "Data Analyst", TODAY - timedelta(days=30))
    app_id = svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id
    svc.move_application(
        journal.uow(),
        app_id,
        stage,
        TODAY - timedelta(days=6),
        NOW,
        details=svc.InterviewDetails(
            kind=InterviewKind.PANEL, at=time(14), interviewers=interviewers
        ),
        origin=Origin.CLI,
    )
    reject_and_recover(
        journal.uow(), app_id, TODAY - timedelta(days=2), NOW, cool_down="none", origin=Origin.CLI
    )
    return app_id


def test_a_request_names_the_interviewer_the_interview_and_its_day(journal: Journal) -> None:
    app_id = _rejected_after_interview(journal)
    set_preference(journal.uow(), "your_name", "Sam Lee", NOW)
    composed = draft_feedback_request(journal.uow(), app_id, NOW, about="the SQL case study")
    body = composed.draft.body
    assert body.startswith("Hi Priya,")
    assert "panel interview on 16 November" in body
    assert "the SQL case study" in body
    assert body.endswith("Sam Lee")
    assert composed.flags == ()
    with journal.uow() as uow:
        (kept,) = uow.drafts.for_application(app_id, "feedback_request")
    assert kept.body == body


def test_a_linked_recruiter_is_preferred_to_an_interviewer(journal: Journal) -> None:
    app_id = _rejected_after_interview(journal)
    with journal.uow() as uow:
        recruiter = uow.contacts.add(
            NewContact("Elena Petrova", Relation.RECRUITER, email="elena@example.com"), NOW
        )
        uow.contacts.link(app_id, recruiter, "recruiter")
        uow.commit()
    composed = draft_feedback_request(journal.uow(), app_id, NOW, tone="formal")
    assert composed.draft.body.startswith("Dear Elena Petrova,")
    assert composed.recipient.email == "elena@example.com"


def test_a_request_before_any_no_is_refused(journal: Journal) -> None:
    new = NewApplication("Acme", "Analyst", TODAY)
    app_id = svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id
    with pytest.raises(Conflict, match="follows a no"):
        draft_feedback_request(journal.uow(), app_id, NOW)


def test_a_bad_email_address_is_explained(journal: Journal) -> None:
    app_id = _rejected_after_interview(journal)
    with pytest.raises(InvalidInput, match=r"name@example\.com"):
        draft_feedback_request(journal.uow(), app_id, NOW, email="priya at acme")


def test_sent_then_sent_again_is_the_one_follow_up_and_a_third_is_refused(
    journal: Journal,
) -> None:
    app_id = _rejected_after_interview(journal)
    first = record_request_sent(journal.uow(), app_id, TODAY - timedelta(days=1), NOW)
    assert (first.follow_up, first.request.follow_up_on) == (False, TODAY + timedelta(days=6))
    again = record_request_sent(journal.uow(), app_id, TODAY, NOW)
    assert again.follow_up
    assert again.request.status is RequestStatus.FOLLOWED_UP
    before = snapshot(journal)
    with pytest.raises(Conflict, match="followed up with Acme Robotics once"):
        record_request_sent(journal.uow(), app_id, TODAY, NOW)
    assert snapshot(journal) == before


def test_once_the_follow_up_is_due_the_draft_is_the_follow_up(journal: Journal) -> None:
    app_id = _rejected_after_interview(journal)
    record_request_sent(journal.uow(), app_id, TODAY - timedelta(days=1), NOW)
    early = draft_feedback_request(journal.uow(), app_id, NOW)
    assert early.kind == "feedback_request"
    assert any("follow-up will be suggested" in note for note in early.notes)
    due = draft_feedback_request(journal.uow(), app_id, NOW + timedelta(days=6))
    assert due.kind == "feedback_follow_up"
    assert "follow" in due.draft.subject.lower()
    assert due.flags == ()


def test_after_the_follow_up_nextyes_stops_drafting(journal: Journal) -> None:
    app_id = _rejected_after_interview(journal)
    record_request_sent(journal.uow(), app_id, TODAY - timedelta(days=8), NOW)
    record_request_sent(journal.uow(), app_id, TODAY, NOW)
    with pytest.raises(Conflict, match="never nags"):
        draft_feedback_request(journal.uow(), app_id, NOW)


def test_once_the_followed_up_request_has_closed_nothing_offers_another_one(
    journal: Journal,
) -> None:
    app_id = _rejected_after_interview(journal)
    record_request_sent(journal.uow(), app_id, TODAY - timedelta(days=1), NOW)
    record_request_sent(journal.uow(), app_id, TODAY, NOW)
    weeks_later = NOW + timedelta(days=21)  # the follow-up went unanswered: closed as no reply
    with pytest.raises(Conflict, match="never nags"):
        record_request_sent(journal.uow(), app_id, weeks_later.date(), weeks_later)
    with pytest.raises(Conflict, match="never nags"):
        draft_feedback_request(journal.uow(), app_id, weeks_later)
    with journal.uow() as uow:
        (request,) = uow.feedback_requests.all()
    assert request.status_on(weeks_later.date()) is RequestStatus.NO_REPLY
    kinds = {i.kind for i in build_agenda(journal.uow(), weeks_later).items}
    assert not kinds & {"recovery_request_feedback", "recovery_follow_up"}


def test_a_request_sent_to_someone_new_keeps_them_as_a_contact(journal: Journal) -> None:
    app_id = _rejected_after_interview(journal)
    sent = record_request_sent(
        journal.uow(), app_id, TODAY, NOW, to="Jordan Blake", email="jordan@example.com"
    )
    assert sent.contact_created
    with journal.uow() as uow:
        (contact,) = uow.contacts.find_by_name("Jordan Blake")
        linked = uow.contacts.for_application(app_id)
    assert (contact.company, contact.email) == ("Acme Robotics", "jordan@example.com")
    assert sent.request.contact_id == contact.id
    assert [(c.contact.id, c.role) for c in linked] == [(contact.id, "feedback")]


def test_a_reply_with_feedback_answers_the_request(any_journal: Journal) -> None:
    app_id = _rejected_after_interview(any_journal)
    record_request_sent(any_journal.uow(), app_id, TODAY - timedelta(days=1), NOW)
    added = add_feedback(any_journal.uow(), app_id, "Strong SQL; the case study lacked structure.",
                         TODAY, NOW, giver="recruiter", origin=Origin.CLI)  # fmt: skip
    assert added.feedback_id is not None
    assert not added.declined
    assert added.closed_request is not None
    assert added.closed_request.status is RequestStatus.ANSWERED


def test_we_dont_give_feedback_closes_the_request_without_keeping_it_as_feedback(
    journal: Journal,
) -> None:
    app_id = _rejected_after_interview(journal)
    record_request_sent(journal.uow(), app_id, TODAY - timedelta(days=1), NOW)
    added = add_feedback(
        journal.uow(),
        app_id,
        "Unfortunately we don't provide individual feedback.",
        TODAY,
        NOW,
        origin=Origin.CLI,
    )
    assert (added.feedback_id, added.declined) == (None, True)
    assert added.closed_request is not None
    assert added.closed_request.status is RequestStatus.NO_REPLY
    with journal.uow() as uow:
        assert uow.feedback.for_application(app_id) == []


@pytest.mark.parametrize(
    ("text", "giver", "on_days", "message"),
    [
        ("   ", "interviewer", 0, "feedback is empty"),
        ("Fine", "boss", 0, "--from is one of"),
        ("Fine", "self", -2, "in the future"),
    ],
)
def test_bad_feedback_is_refused_and_nothing_is_written(
    journal: Journal, text: str, giver: str, on_days: int, message: str
) -> None:
    app_id = _rejected_after_interview(journal)
    before = snapshot(journal)
    with pytest.raises(InvalidInput, match=message):
        add_feedback(
            journal.uow(),
            app_id,
            text,
            TODAY - timedelta(days=on_days),
            NOW,
            giver=giver,
            origin=Origin.CLI,
        )
    assert snapshot(journal) == before


def test_a_draft_becomes_an_unsent_eml_or_a_mailto_link(journal: Journal, tmp_path: Path) -> None:
    app_id = _rejected_after_interview(journal)
    composed = draft_feedback_request(journal.uow(), app_id, NOW, email="priya@acme.example")
    path = tmp_path / "drafts" / "request.eml"
    assert export_draft(composed, "eml", path=path, now=NOW) == str(path)
    message = message_from_bytes(path.read_bytes(), policy=policy.default)
    assert message["X-Unsent"] == "1"
    assert message["To"].addresses[0].addr_spec == "priya@acme.example"
    url = export_draft(composed, "mailto", path=None, now=NOW)
    assert url.startswith("mailto:priya@acme.example?subject=")


def test_a_reply_keeps_the_interviewers_as_contacts_at_the_company(any_journal: Journal) -> None:
    app_id = _rejected_after_interview(any_journal, interviewers=("Priya Shah", "Tom Haddad"))
    composed = draft_reply(any_journal.uow(), app_id, NOW, ask_future_roles=True)
    assert composed.draft.body.startswith("Hi Priya,")
    assert "considered" in composed.draft.body
    assert set(composed.kept_contacts) == {"Priya Shah", "Tom Haddad"}
    with any_journal.uow() as uow:
        people = {c.contact.name: c.contact for c in uow.contacts.for_application(app_id)}
    assert set(people) == {"Priya Shah", "Tom Haddad"}
    assert {p.company for p in people.values()} == {"Acme Robotics"}
    again = draft_reply(any_journal.uow(), app_id, NOW)
    assert again.kept_contacts == ()


def test_a_reply_with_nobody_to_write_to_is_refused_and_changes_nothing(journal: Journal) -> None:
    app_id = _rejected_after_interview(journal, interviewers=())
    before = snapshot(journal)
    with pytest.raises(InvalidInput, match="nobody to reply to"):
        draft_reply(journal.uow(), app_id, NOW)
    assert snapshot(journal) == before


def test_two_contacts_with_one_name_ask_for_the_id(journal: Journal) -> None:
    app_id = _rejected_after_interview(journal, interviewers=())
    with journal.uow() as uow:
        uow.contacts.add(NewContact("Alex Kim", company="Acme Robotics"), NOW)
        uow.contacts.add(NewContact("Alex Kim", company="Acme Robotics"), NOW)
        uow.commit()
    with pytest.raises(Conflict, match="Give the id of the one you mean"):
        draft_reply(journal.uow(), app_id, NOW, to="Alex Kim")


def test_the_reply_to_a_role_put_on_hold_does_not_wish_luck_with_the_hire(
    journal: Journal,
) -> None:
    new = NewApplication("Acme Robotics", "Data Analyst", TODAY - timedelta(days=30))
    app_id = svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id
    reject_and_recover(
        journal.uow(), app_id, TODAY - timedelta(days=2), NOW, cool_down="none",
        reason="The role has been put on hold after a budget review.", origin=Origin.CLI,
    )  # fmt: skip
    composed = draft_reply(journal.uow(), app_id, NOW, to="Priya Shah")
    assert "hire" not in composed.draft.subject + composed.draft.body
    assert "comes back when the time is right" in composed.draft.body
    other = svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id
    reject_and_recover(
        journal.uow(), other, TODAY - timedelta(days=2), NOW, cool_down="none",
        reason="They went with someone more senior.", origin=Origin.CLI,
    )  # fmt: skip
    usual = draft_reply(journal.uow(), other, NOW, to="Priya Shah")
    assert "the Data Analyst hire" in usual.draft.body
