"""The weekly review's offers: each open offer and its answer-by date. The pay is kept out of
a shared review unless the user chose to share it (money is private by default)."""

from __future__ import annotations

from nextyes.domain.offers import describe_pay
from nextyes.domain.review import ReviewItem, ReviewSection
from nextyes.services.pipeline.offer_views import open_offers
from nextyes.services.review.context import ReviewContext


def offers(ctx: ReviewContext) -> ReviewSection | None:
    views = open_offers(ctx.uow, ctx.today)
    if not views:
        return None
    items: list[ReviewItem] = []
    for view in views:
        name = f"{view.application.company} · {view.application.role}"
        due = view.offer.terms.answer_by
        if due is not None:
            items.append(
                ReviewItem(
                    ctx.text("offers.answer_by", name=name, day=f"{due:%a} {due.day} {due:%b}")
                )
            )
        else:
            items.append(ReviewItem(ctx.text("offers.open", name=name)))
        pay = describe_pay(view.offer.terms)
        if pay:
            items.append(
                ReviewItem(
                    ctx.text("offers.pay", pay=pay),
                    private=view.offer.terms.pay_private,
                    under_previous=True,
                )
            )
    first = next((v for v in views if v.offer.terms.answer_by is not None), None)
    if first is not None:
        ctx.offer_focus(60, ReviewItem(ctx.text("offers.focus", name=first.application.company)))
    return ReviewSection("offers", ctx.text("offers.title"), None, tuple(items))
