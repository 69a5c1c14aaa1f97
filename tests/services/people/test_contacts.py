"""The network: adding people, finding them by name, interactions, follow-ups, referrals."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nextyes.domain.contacts import ContactChanges
from nextyes.domain.errors import Conflict, InvalidInput, NotFound
from nextyes.domain.models import Relation
from nextyes.services.journal import Journal
from nextyes.services.people import contacts
from nextyes.services.today.agenda import build_agenda
from tests.conftest import NOW, TODAY, snapshot
from tests.services.momentum.momentum_helpers import applied


def _priya(journal: Journal) -> int:
    return contacts.add_contact(journal.uow(), "Priya Natarajan", NOW, relation="former colleague",
                                company="Lumen", email="priya@example.com").id  # fmt: skip


def test_a_contact_is_found_by_id_full_name_or_a_unique_part_of_it(journal: Journal) -> None:
    priya = _priya(journal)
    contacts.add_contact(journal.uow(), "Sam Priyanka", NOW)
    with journal.uow() as uow:
        assert contacts.find_contact(uow, str(priya)).id == priya
        assert contacts.find_contact(uow, "priya natarajan").id == priya
        assert contacts.find_contact(uow, "Natarajan").id == priya
        with pytest.raises(Conflict, match="More than one"):
            contacts.find_contact(uow, "Priya")
        with pytest.raises(NotFound, match="contact add"):
            contacts.find_contact(uow, "Nobody")
        with pytest.raises(NotFound, match="No contact 99"):
            contacts.find_contact(uow, "99")


def test_the_same_person_twice_is_refused_and_bad_details_write_nothing(journal: Journal) -> None:
    _priya(journal)
    before = snapshot(journal)
    with pytest.raises(Conflict, match="already in your contacts"):
        contacts.add_contact(journal.uow(), "priya  natarajan", NOW, company="lumen")
    for kwargs in ({"relation": "nemesis"}, {"email": "not-an-email"}):
        with pytest.raises(InvalidInput):
            contacts.add_contact(journal.uow(), "Someone", NOW, **kwargs)  # type: ignore[arg-type]
    with pytest.raises(InvalidInput, match="empty"):
        contacts.add_contact(journal.uow(), "  ", NOW)
    assert snapshot(journal) == before


def test_logging_contact_clears_a_due_follow_up_and_can_set_the_next(journal: Journal) -> None:
    priya = contacts.add_contact(journal.uow(), "Priya", NOW, relation="mentor",
                                 follow_up_on=TODAY - timedelta(days=1))  # fmt: skip
    due = [i for i in build_agenda(journal.uow(), NOW).items if i.kind == "contact"]
    assert [i.title for i in due] == ["Follow up with Priya"]
    logged = contacts.log_interaction(journal.uow(), "Priya", NOW, kind="coffee", note="chat")
    assert logged.follow_up_on is None
    assert not [i for i in build_agenda(journal.uow(), NOW).items if i.kind == "contact"]
    nxt = TODAY + timedelta(days=14)
    logged = contacts.log_interaction(journal.uow(), str(priya.id), NOW, follow_up_on=nxt)
    assert logged.follow_up_on == nxt
    detail = contacts.contact_detail(journal.uow(), "Priya")
    assert [i.kind.value for i in detail.interactions] == ["message", "coffee"]
    assert detail.in_circle


def test_contact_in_the_future_or_about_an_unknown_application_writes_nothing(
    journal: Journal,
) -> None:
    _priya(journal)
    before = snapshot(journal)
    with pytest.raises(InvalidInput, match="--follow-up"):
        contacts.log_interaction(journal.uow(), "Priya", NOW, on=TODAY + timedelta(days=1))
    with pytest.raises(NotFound, match="No application 7"):
        contacts.log_interaction(journal.uow(), "Priya", NOW, application_id=7)
    with pytest.raises(InvalidInput, match="not a kind of contact"):
        contacts.log_interaction(journal.uow(), "Priya", NOW, kind="telepathy")
    with pytest.raises(NotFound):
        contacts.log_interaction(journal.uow(), "Nobody", NOW)
    assert snapshot(journal) == before


def test_a_referral_links_the_person_and_makes_referral_the_source(journal: Journal) -> None:
    _priya(journal)
    app_id = applied(journal, "Acme Robotics")
    person, application = contacts.record_referral(journal.uow(), "Priya", app_id, NOW)
    assert application.referral_contact_id == person.id and application.source == "referral"
    detail = contacts.contact_detail(journal.uow(), "Priya")
    assert [(a.id, role) for a, role in detail.applications] == [(app_id, "referrer")]
    assert [i.kind.value for i in detail.interactions] == ["referral"]


def test_editing_changes_only_what_is_given(journal: Journal) -> None:
    priya = _priya(journal)
    updated = contacts.edit_contact(journal.uow(), str(priya),
                                    ContactChanges(relation=Relation.COACH, notes="Ask about dbt"),
                                    NOW)  # fmt: skip
    assert (updated.relation, updated.notes, updated.company) == (Relation.COACH, "Ask about dbt",
                                                                  "Lumen")  # fmt: skip
    with pytest.raises(InvalidInput, match="Nothing to change"):
        contacts.edit_contact(journal.uow(), str(priya), ContactChanges(), NOW)


def test_the_support_circle_is_mentors_coaches_and_friends(journal: Journal) -> None:
    for name, relation in (("A", "mentor"), ("B", "recruiter"), ("C", "friend"), ("D", "coach")):
        contacts.add_contact(journal.uow(), name, NOW, relation=relation)
    circle = contacts.list_contacts(journal.uow(), circle=True)
    assert [s.contact.name for s in circle] == ["A", "C", "D"]
    assert [s.contact.name for s in contacts.list_contacts(journal.uow(), relation="recruiter")] == [
        "B"]  # fmt: skip


def test_a_note_given_without_a_kind_is_kept_as_a_message(journal: Journal) -> None:
    _priya(journal)
    contacts.log_interaction(journal.uow(), "Priya", NOW, kind="talked about dbt", note="today")
    (interaction,) = contacts.contact_detail(journal.uow(), "Priya").interactions
    assert (interaction.kind.value, interaction.note) == ("message", "talked about dbt today")
