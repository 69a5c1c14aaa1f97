"""Demo data for offers: each demo application at the offer stage gets its terms and an
answer-by date a few days ahead, so `nextyes offers` and `today` have something to show."""

from __future__ import annotations

from datetime import timedelta

from nextyes.domain.offers import OfferTerms, PayPeriod, WorkPlace
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import Stage
from nextyes.services.demo.context import DemoContext


def pipeline_demo(ctx: DemoContext) -> None:
    at_offer = ctx.uow.applications.find(ApplicationQuery(stages=(Stage.OFFER,)))
    for n, app in enumerate(sorted(at_offer, key=lambda a: a.id)):
        if ctx.uow.offers.for_application(app.id) is not None:
            continue
        terms = OfferTerms(
            answer_by=ctx.today + timedelta(days=2 + 4 * n + ctx.rng.randint(0, 2)),
            pay_amount=float(ctx.rng.randrange(38_000, 58_000, 500)),
            pay_currency="GBP",
            pay_period=PayPeriod.YEAR,
            leave_days=ctx.rng.choice((25, 27, 28, 30)),
            location=app.location,
            remote=WorkPlace.REMOTE
            if "remote" in (app.location or "").lower()
            else ctx.rng.choice((WorkPlace.ONSITE, WorkPlace.HYBRID)),
            start_on=ctx.today + timedelta(days=ctx.rng.choice((28, 35, 42))),
        )
        ctx.uow.offers.add(app.id, terms, ctx.now)
