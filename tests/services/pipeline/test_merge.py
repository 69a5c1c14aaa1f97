"""Merging two records of the same job: one application, both histories, all or nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nextyes.domain.models import NewApplication, NewContact, Origin, Relation
from nextyes.domain.offers import OfferTerms
from nextyes.domain.stages import Stage
from nextyes.errors import InvalidInput, NotFound
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.pipeline import offers, records
from nextyes.services.pipeline.merge import merge_applications
from nextyes.services.recovery.cool_down import reject_and_recover
from nextyes.services.recovery.feedback_requests import add_feedback
from tests.conftest import NOW, TODAY, snapshot


def _add(journal: Journal, days_ago: int, **details: object) -> int:
    new = NewApplication("Acme Robotics", "Data Analyst", TODAY - timedelta(days_ago), **details)  # type: ignore[arg-type]
    return svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id


def test_merging_keeps_both_histories_on_one_application(any_journal: Journal) -> None:
    by_hand = _add(any_journal, 20, source="referral")
    imported = _add(any_journal, 20, url="https://jobs.example/acme/1", location="Leeds")
    svc.move_application(
        any_journal.uow(), by_hand, Stage.INTERVIEW, TODAY - timedelta(5), NOW, origin=Origin.CLI
    )
    records.write_note(any_journal.uow(), by_hand, "Ask about dbt", TODAY, NOW)
    records.write_note(any_journal.uow(), imported, "From the confirmation email", TODAY, NOW)
    records.add_question(any_journal.uow(), imported, "Tell me about a hard dataset", NOW)
    uow = any_journal.uow()
    with uow:
        person = uow.contacts.add(NewContact("Priya", Relation.RECRUITER), NOW)
        uow.contacts.link(by_hand, person, "recruiter")
        uow.contacts.link(imported, person, "recruiter")  # the same person twice: kept once
        uow.commit()
    outcome = merge_applications(any_journal.uow(), by_hand, imported, NOW)
    assert outcome.application.id == by_hand and outcome.removed.id == imported
    assert outcome.same_steps == 1, "both said 'applied' on the same day: kept once"
    assert set(outcome.filled) == {"url", "location"}
    detail = svc.application_detail(any_journal.uow(), by_hand)
    assert detail.application.stage is Stage.INTERVIEW
    assert detail.application.source == "referral", "the kept record's own details win"
    assert detail.application.url == "https://jobs.example/acme/1"
    assert [e.stage for e in detail.events] == [Stage.APPLIED, Stage.INTERVIEW]
    assert {n.text for n in detail.notes} == {"Ask about dbt", "From the confirmation email"}
    assert [q.text for q in detail.questions] == ["Tell me about a hard dataset"]
    assert [c.contact.name for c in detail.contacts] == ["Priya"]
    with pytest.raises(NotFound):
        svc.application_detail(any_journal.uow(), imported)


def test_a_no_its_cool_down_feedback_and_offer_follow_the_merge(any_journal: Journal) -> None:
    keep = _add(any_journal, 30)
    other = _add(any_journal, 29)
    reject_and_recover(any_journal.uow(), other, TODAY, NOW, cool_down="24h", origin=Origin.CLI)
    add_feedback(
        any_journal.uow(),
        other,
        "Strong SQL, less stakeholder experience",
        TODAY,
        NOW,
        origin=Origin.CLI,
    )
    merged = merge_applications(any_journal.uow(), keep, other, NOW).application
    assert merged.stage is Stage.REJECTED and merged.applied_on == TODAY - timedelta(30)
    detail = svc.application_detail(any_journal.uow(), keep)
    assert len(detail.cool_downs) == 1  # type: ignore[arg-type]
    assert len(detail.feedback) == 1  # type: ignore[arg-type]


def test_an_offer_moves_with_its_application(any_journal: Journal) -> None:
    keep = _add(any_journal, 30)
    other = _add(any_journal, 30)
    svc.move_application(
        any_journal.uow(), other, Stage.FINAL, TODAY - timedelta(3), NOW, origin=Origin.CLI
    )
    offers.record_offer(
        any_journal.uow(), other, OfferTerms(answer_by=TODAY + timedelta(3)), NOW, origin=Origin.CLI
    )
    merge_applications(any_journal.uow(), keep, other, NOW)
    view = offers.get_offer(any_journal.uow(), keep, TODAY)
    assert view.is_open and view.application.stage is Stage.OFFER


def test_merging_an_application_with_itself_or_a_missing_one_changes_nothing(
    any_journal: Journal,
) -> None:
    keep = _add(any_journal, 3)
    before = snapshot(any_journal)
    with pytest.raises(InvalidInput, match="Both ids are"):
        merge_applications(any_journal.uow(), keep, keep, NOW)
    with pytest.raises(NotFound, match="No application 77"):
        merge_applications(any_journal.uow(), keep, 77, NOW)
    with pytest.raises(NotFound, match="No application 77"):
        merge_applications(any_journal.uow(), 77, keep, NOW)
    assert snapshot(any_journal) == before


def test_a_failure_half_way_through_a_merge_leaves_both_records_as_they_were(
    journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    keep = _add(journal, 10)
    other = _add(journal, 9, url="https://jobs.example/2")
    records.write_note(journal.uow(), other, "kept safe", TODAY, NOW)
    before = snapshot(journal)
    from nextyes.storage.repositories.merging import MergeRepository

    def broken(self: MergeRepository, *args: object, **kwargs: object) -> None:
        raise RuntimeError("the disk filled up")

    monkeypatch.setattr(MergeRepository, "set_standing", broken)
    with pytest.raises(RuntimeError):
        merge_applications(journal.uow(), keep, other, NOW)
    assert snapshot(journal) == before
