"""What `nextyes today` shows about offers: each answer-by date, with the days left.

An open offer with an answer-by date shows as due on that day (in "coming up" until then, so
the days left are always in view), with a reminder the day before; once the day has passed,
a gentle item asks whether it is still open. The calendar file takes the same items.
"""

from __future__ import annotations

from datetime import date, timedelta

from nextyes import content
from nextyes.domain.dates import describe_day
from nextyes.services.today.context import AgendaContext, AgendaItem

SHOWN = 8


def offer_deadlines(ctx: AgendaContext) -> None:
    """Agenda provider (see services/today/agenda.py): open offers' answer-by dates."""
    from nextyes.services.pipeline.offer_views import open_offers

    offers = [o for o in open_offers(ctx.uow, ctx.today) if o.offer.terms.answer_by is not None]
    if not offers:
        return
    words = content.load("pipeline/offers")["today"]
    for view in offers[:SHOWN]:
        app, due, left = view.application, view.offer.terms.answer_by, view.days_left
        assert due is not None
        assert left is not None
        values = {"company": app.company, "role": app.role, "day": describe_day(due, ctx.today)}
        if left >= 0:
            values["day"] = by_day(due, ctx.today)
        if left < 0:
            ctx.agenda.add(
                AgendaItem(
                    kind="offer_deadline",
                    title=content.fill(words["answer_by_passed"], **values),
                    due_on=ctx.today,
                    application_id=app.id,
                    key=f"offer-{view.offer.id}-passed",
                    priority=15,
                )
            )
            continue
        if left == 0:
            days = words["days_left_0"]
        elif left == 1:
            days = words["days_left_1"]
        else:
            days = content.fill(words["days_left_n"], days=left)
        ctx.agenda.add(
            AgendaItem(
                kind="offer_deadline",
                title=content.fill(words["answer_by"], left=days, **values),
                due_on=due,
                suggestion=words["suggestion"] if len(offers) > 1 else None,
                application_id=app.id,
                key=f"offer-{view.offer.id}-{due.isoformat()}",
                priority=12,
            )
        )
        if due - timedelta(days=1) == ctx.today:
            ctx.agenda.add(
                AgendaItem(
                    kind="offer_reminder",
                    title=content.fill(words["answer_by_tomorrow"], **values),
                    due_on=ctx.today,
                    application_id=app.id,
                    key=f"offer-reminder-{view.offer.id}-{due.isoformat()}",
                    priority=14,
                )
            )
    if len(offers) > SHOWN:
        ctx.agenda.more["offer_deadline"] = len(offers) - SHOWN


def by_day(due: date, today: date) -> str:
    """How "answer by ..." reads: today, tomorrow, Friday, or Fri 4 Dec."""
    delta = (due - today).days
    if delta == 0:
        return "today"
    if delta == 1:
        return "tomorrow"
    if 1 < delta <= 6:
        return f"{due:%A}"
    return f"{due:%a} {due.day} {due:%b}"
