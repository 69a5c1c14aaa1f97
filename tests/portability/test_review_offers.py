"""Offers in the weekly review: the answer-by date for anyone, the pay only for you."""

from __future__ import annotations

from datetime import timedelta

from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.offers import OfferTerms, PayPeriod
from nextyes.domain.review import week_of
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.pipeline import offers
from nextyes.services.review.weekly import weekly_review
from tests.conftest import NOW, TODAY


def _offer(journal: Journal, company: str, **terms: object) -> None:
    new = NewApplication(company, "Data Analyst", TODAY - timedelta(days=20))
    app_id = svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id
    svc.move_application(
        journal.uow(), app_id, Stage.FINAL, TODAY - timedelta(days=3), NOW, origin=Origin.CLI
    )
    offers.record_offer(journal.uow(), app_id, OfferTerms(**terms), NOW, origin=Origin.CLI)  # type: ignore[arg-type]


def test_a_shared_review_keeps_the_pay_private_unless_it_was_shared(any_journal: Journal) -> None:
    due = TODAY + timedelta(days=4)
    _offer(any_journal, "Acme", answer_by=due, pay_amount=65000, pay_period=PayPeriod.YEAR)
    _offer(any_journal, "Brightwell", pay_amount=52000, pay_private=False)
    review = weekly_review(any_journal.uow(), week_of(TODAY), NOW)
    mine = [i.text for i in review.section("offers").items]  # type: ignore[union-attr]
    assert "Acme · Data Analyst: answer by Thu 26 Nov" in mine
    assert "Pay: 65,000 a year" in mine and "Pay: 52,000" in mine
    shared = review.shared()
    theirs = [i.text for i in shared.section("offers").items]  # type: ignore[union-attr]
    assert "Acme · Data Analyst: answer by Thu 26 Nov" in theirs
    assert "Pay: 65,000 a year" not in theirs, "money is private by default"
    assert "Pay: 52,000" in theirs, "unless the user chose to share it"
