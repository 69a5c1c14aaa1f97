"""Offers: recording, the answer-by date in today and the calendar, comparing, deciding."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.offers import OfferTerms, PayPeriod, WorkPlace, parse_amount
from nextyes.domain.stages import Stage
from nextyes.errors import Conflict, InvalidInput, NotFound
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.pipeline import offers
from nextyes.services.today.agenda import build_agenda
from nextyes.services.today.calendar import export_calendar
from tests.conftest import NOW, TODAY, snapshot


def _app(journal: Journal, company: str, stage: Stage | None = None) -> int:
    new = NewApplication(company, "Data Analyst", TODAY - timedelta(days=20))
    app_id = svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id
    if stage is not None:
        svc.move_application(
            journal.uow(), app_id, stage, TODAY - timedelta(days=5), NOW, origin=Origin.CLI
        )
    return app_id


def _offer(journal: Journal, app_id: int, days: int | None = 5, **terms: object) -> None:
    answer_by = None if days is None else TODAY + timedelta(days=days)
    offers.record_offer(
        journal.uow(), app_id, OfferTerms(answer_by=answer_by, **terms), NOW, origin=Origin.CLI
    )  # type: ignore[arg-type]


def test_an_offer_moves_its_application_and_keeps_every_term(any_journal: Journal) -> None:
    app_id = _app(any_journal, "Acme", Stage.FINAL)
    start = TODAY + timedelta(days=40)
    _offer(
        any_journal, app_id, 5, pay_amount=65000, pay_currency="eur", pay_period=PayPeriod.YEAR,
        leave_days=28, location=" Berlin ", remote=WorkPlace.HYBRID, start_on=start,
        notes="Bonus 10%",
    )  # fmt: skip
    view = offers.get_offer(any_journal.uow(), app_id, TODAY)
    assert view.application.stage is Stage.OFFER
    assert view.is_open and view.days_left == 5
    terms = view.offer.terms
    assert (terms.pay_amount, terms.pay_currency, terms.pay_period) == (
        65000,
        "EUR",
        PayPeriod.YEAR,
    )
    assert (terms.leave_days, terms.location, terms.remote, terms.start_on, terms.notes) == (
        28, "Berlin", WorkPlace.HYBRID, start, "Bonus 10%",
    )  # fmt: skip
    assert terms.pay_private, "money is private unless the user says otherwise"


def test_an_expired_answer_by_date_and_other_bad_terms_change_nothing(
    any_journal: Journal,
) -> None:
    app_id = _app(any_journal, "Acme", Stage.FINAL)
    before = snapshot(any_journal)
    with pytest.raises(InvalidInput, match="already passed"):
        _offer(any_journal, app_id, -1)
    with pytest.raises(InvalidInput, match="amount too"):
        _offer(any_journal, app_id, 3, pay_currency="EUR")
    with pytest.raises(InvalidInput, match="currency code"):
        _offer(any_journal, app_id, 3, pay_amount=10, pay_currency="euro")
    with pytest.raises(InvalidInput, match="Leave"):
        _offer(any_journal, app_id, 3, leave_days=400)
    with pytest.raises(NotFound, match="No application 99"):
        _offer(any_journal, 99, 3)
    assert snapshot(any_journal) == before


def test_an_edit_keeps_a_passed_answer_by_date_it_does_not_touch(any_journal: Journal) -> None:
    app_id = _app(any_journal, "Acme", Stage.FINAL)
    _offer(any_journal, app_id, 0)
    later = NOW + timedelta(days=3)
    view = offers.update_offer(any_journal.uow(), app_id, {"leave_days": 25}, later)
    assert view.offer.terms.leave_days == 25
    with pytest.raises(InvalidInput, match="already passed"):
        offers.update_offer(any_journal.uow(), app_id, {"answer_by": TODAY + timedelta(1)}, later)
    with pytest.raises(InvalidInput, match="not part of an offer"):
        offers.update_offer(any_journal.uow(), app_id, {"bonus": 5}, NOW)
    with pytest.raises(Conflict, match="already has an offer"):
        _offer(any_journal, app_id, 3)


def test_the_answer_by_date_shows_in_today_with_days_left_and_a_reminder_the_day_before(
    any_journal: Journal,
) -> None:
    soon = _app(any_journal, "Acme", Stage.FINAL)
    later = _app(any_journal, "Brightwell", Stage.FINAL)
    gone = _app(any_journal, "Corvid", Stage.FINAL)
    _offer(any_journal, soon, 1)
    _offer(any_journal, later, 5)
    _offer(any_journal, gone, 0)
    agenda = build_agenda(any_journal.uow(), NOW + timedelta(days=1))  # a day on
    by_kind = [(i.kind, i.application_id, i.title) for i in agenda.items]
    reminders = [t for kind, _, t in by_kind if kind == "offer_reminder"]
    assert reminders == []  # a day on, Acme's date is today and Brightwell's is in 4 days
    titles = {app: title for kind, app, title in by_kind if kind == "offer_deadline"}
    assert titles[soon].endswith("by today: today")
    assert "4 days left" in titles[later]
    assert "was yesterday" in titles[gone]
    today = build_agenda(any_journal.uow(), NOW)
    assert [i.application_id for i in today.items if i.kind == "offer_reminder"] == [soon]


def test_the_calendar_file_has_the_answer_by_date_with_an_alarm_the_day_before(
    journal: Journal,
) -> None:
    app_id = _app(journal, "Acme", Stage.FINAL)
    _offer(journal, app_id, 4)
    import icalendar

    calendar = icalendar.Calendar.from_ical(export_calendar(journal.uow(), NOW))
    [event] = [e for e in calendar.walk("VEVENT") if "Acme's offer" in str(e["SUMMARY"])]
    assert event.decoded("DTSTART") == TODAY + timedelta(days=4)
    [alarm] = event.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -timedelta(days=1)


def test_accepting_drafts_a_kind_note_for_each_other_open_application_and_closes_them(
    any_journal: Journal,
) -> None:
    chosen = _app(any_journal, "Acme", Stage.FINAL)
    rival = _app(any_journal, "Brightwell", Stage.FINAL)
    waiting = _app(any_journal, "Corvid", Stage.INTERVIEW)
    bookmark = svc.add_application(
        any_journal.uow(),
        NewApplication("Dovetail", "Analyst", None, saved_only=True),
        NOW,
        origin=Origin.CLI,
    ).id
    _offer(any_journal, chosen, 3, pay_amount=60000)
    _offer(any_journal, rival, 6)
    decision = offers.accept_offer(any_journal.uow(), chosen, NOW, origin=Origin.CLI)
    assert decision.offer.application.stage is Stage.ACCEPTED and not decision.closed
    drafts = {d.application.id: d for d in decision.others}
    assert set(drafts) == {rival, waiting}, "a saved one was never sent: nobody to write to"
    assert drafts[rival].kind == "decline" and "offer" in drafts[rival].body
    assert drafts[waiting].kind == "withdrawal" and "Corvid" in drafts[waiting].body
    assert svc.application_detail(any_journal.uow(), waiting).application.stage is Stage.INTERVIEW
    closed = offers.close_other_applications(any_journal.uow(), chosen, NOW, origin=Origin.CLI)
    assert {d.application.id for d in closed} == {rival, waiting}
    stages = {
        i: svc.application_detail(any_journal.uow(), i).application.stage
        for i in (rival, waiting, bookmark)
    }
    assert stages == {rival: Stage.DECLINED, waiting: Stage.WITHDRAWN, bookmark: Stage.SAVED}
    assert offers.list_offers(any_journal.uow(), TODAY) == []
    decided = offers.list_offers(any_journal.uow(), TODAY, include_decided=True)
    assert {v.offer.status.value for v in decided} == {"accepted", "declined"}
    with pytest.raises(Conflict, match="already decided"):
        offers.decline_offer(any_journal.uow(), chosen, NOW, origin=Origin.CLI)


def test_closing_others_in_the_same_step_is_all_or_nothing(any_journal: Journal) -> None:
    chosen = _app(any_journal, "Acme", Stage.FINAL)
    other = _app(any_journal, "Brightwell", Stage.INTERVIEW)
    _offer(any_journal, chosen, 3)
    with pytest.raises(Conflict, match="not accepted"):
        offers.close_other_applications(any_journal.uow(), chosen, NOW, origin=Origin.CLI)
    before = snapshot(any_journal)
    with pytest.raises(InvalidInput, match="future"):
        offers.accept_offer(
            any_journal.uow(), chosen, NOW, on=TODAY + timedelta(1), origin=Origin.CLI
        )
    assert snapshot(any_journal) == before
    decision = offers.accept_offer(
        any_journal.uow(), chosen, NOW, close_others=True, origin=Origin.CLI
    )
    assert decision.closed and [d.application.id for d in decision.others] == [other]
    assert all(d.draft_id for d in decision.others), "the drafts are kept with each application"


def test_declining_keeps_a_warm_note_and_a_moved_offer_no_longer_counts_as_open(
    any_journal: Journal,
) -> None:
    first = _app(any_journal, "Acme", Stage.FINAL)
    second = _app(any_journal, "Brightwell", Stage.FINAL)
    _offer(any_journal, first, 3)
    _offer(any_journal, second, 3)
    decision = offers.decline_offer(any_journal.uow(), first, NOW, origin=Origin.CLI)
    assert decision.offer.application.stage is Stage.DECLINED
    assert decision.others[0].kind == "decline" and decision.others[0].draft_id
    svc.move_application(any_journal.uow(), second, Stage.WITHDRAWN, TODAY, NOW, origin=Origin.CLI)
    assert offers.list_offers(any_journal.uow(), TODAY) == []
    kinds = {i.kind for i in build_agenda(any_journal.uow(), NOW).items}
    assert "offer_deadline" not in kinds


@pytest.mark.parametrize(
    ("text", "value"),
    [("65000", 65000), ("65,000", 65000), ("65 000", 65000), ("65k", 65000), ("4200.50", 4200.5),
     ("4.200,50", 4200.5), ("65.000", 65000), ("42,50", 42.5), ("1,5k", 1500)],
)  # fmt: skip
def test_amounts_read_the_way_people_write_them(text: str, value: float) -> None:
    assert parse_amount(text) == value


@given(st.text(max_size=30))
def test_any_typed_amount_is_a_positive_number_or_a_clear_refusal(text: str) -> None:
    try:
        value = parse_amount(text)
    except InvalidInput as exc:
        assert "amount" in str(exc) or "pay should be" in str(exc)
    else:
        assert 0 < value <= 100_000_000


def test_days_left_counts_to_the_answer_by_date() -> None:
    from nextyes.domain.offers import Offer, OfferStatus

    offer = Offer(1, 1, OfferStatus.OPEN, OfferTerms(answer_by=date(2026, 11, 25)))
    assert offer.days_left(date(2026, 11, 22)) == 3
    assert offer.days_left(date(2026, 11, 26)) == -1
    monthly = Offer(1, 1, OfferStatus.OPEN, OfferTerms(pay_amount=5000, pay_period=PayPeriod.MONTH))
    assert monthly.yearly_pay == 60000
    hourly = Offer(1, 1, OfferStatus.OPEN, OfferTerms(pay_amount=40, pay_period=PayPeriod.HOUR))
    assert hourly.yearly_pay is None, "hours a year depend on the contract: no guess"
