"""Everything due, derived in one place: `nextyes today`, the dashboard and the calendar use it.

Each feature contributes a provider: a function that looks at the journal and adds items (or a
named section, such as the cool-down) to the agenda. `PROVIDERS` lists them in the order they
run, inside one read transaction. Providers depend only on the types in `today/context.py`,
never on this module, so the agenda can import them all without a circle.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from nextyes import content
from nextyes.domain.dates import describe_day
from nextyes.domain.stages import Stage
from nextyes.services.momentum.agenda import add_momentum
from nextyes.services.pipeline.agenda import offer_deadlines
from nextyes.services.recovery.agenda import recovery_agenda
from nextyes.services.settings.preferences import get_preferences
from nextyes.services.today.context import Agenda, AgendaContext, AgendaItem, Provider
from nextyes.storage.uow import UnitOfWork

SHOWN_PER_KIND = 8


def upcoming_interviews(ctx: AgendaContext) -> None:
    words = content.load("pipeline/messages")["today"]
    horizon = ctx.today + timedelta(days=ctx.preferences["upcoming_days"])
    interviews = ctx.uow.interviews.between(ctx.today, horizon)
    apps = ctx.uow.applications.get_many(sorted({i.application_id for i in interviews}))
    for interview in interviews:
        app = apps.get(interview.application_id)
        if app is None or not app.stage.is_open:
            continue
        kind = "Assessment" if interview.kind.value == "assessment" else "Interview"
        if interview.round and kind == "Interview":
            kind = f"Interview round {interview.round}"
        at = interview.scheduled_time.strftime("%H:%M") if interview.scheduled_time else None
        when = describe_day(interview.scheduled_on, ctx.today) + (f" at {at}" if at else "")
        ctx.agenda.add(
            AgendaItem(
                kind="interview",
                title=content.fill(
                    words["interview"], kind=kind, company=app.company, role=app.role, when=when
                ),
                due_on=interview.scheduled_on,
                application_id=app.id,
                key=f"interview-{interview.id}",
                priority=10,
                at=at,
                detail=", ".join(interview.interviewers) or None,
            )
        )
        if interview.scheduled_on == ctx.today + timedelta(days=1):
            ctx.agenda.add(
                AgendaItem(
                    kind="prep",
                    title=content.fill(
                        words["interview_prep"], kind=kind.lower(), company=app.company
                    ),
                    due_on=ctx.today,
                    application_id=app.id,
                    key=f"prep-{interview.id}",
                    priority=20,
                )
            )


def quiet_applications(ctx: AgendaContext) -> None:
    """Applications with no answer for a while: suggest a follow-up, or closing them."""
    words = content.load("pipeline/messages")["today"]
    rules = (
        (
            (Stage.APPLIED, Stage.SCREENING),
            ctx.preferences["follow_up_after_applied_days"],
            "quiet_applied",
        ),
        (
            (Stage.ASSESSMENT, Stage.INTERVIEW, Stage.FINAL),
            ctx.preferences["follow_up_after_interview_days"],
            "quiet_interview",
        ),
    )
    steps: dict[str, str] = content.load("common")["step_reached"]
    for stages, days, template in rules:
        cutoff = ctx.today - timedelta(days=days)
        quiet, total = ctx.uow.applications.quiet_since(stages, cutoff, ctx.today, SHOWN_PER_KIND)
        for app in quiet:
            waited = (ctx.today - app.last_activity_on).days
            ctx.agenda.add(
                AgendaItem(
                    kind="follow_up",
                    title=content.fill(
                        words[template],
                        company=app.company,
                        role=app.role,
                        days=waited,
                        step=steps.get(app.stage.value, steps["interview"]),
                    ),
                    due_on=ctx.today,
                    suggestion=content.fill(words["quiet_suggestion"], id=app.id),
                    application_id=app.id,
                    key=f"quiet-{app.id}-{app.last_activity_on.isoformat()}",
                    priority=40,
                )
            )
        if total > len(quiet):
            ctx.agenda.more[template] = total - len(quiet)


def contact_follow_ups(ctx: AgendaContext) -> None:
    words = content.load("pipeline/messages")["today"]
    horizon = ctx.today + timedelta(days=ctx.preferences["upcoming_days"])
    for contact in ctx.uow.contacts.follow_ups_due(horizon):
        due = contact.next_follow_up_on or ctx.today
        ctx.agenda.add(
            AgendaItem(
                kind="contact",
                title=content.fill(
                    words["contact_follow_up"],
                    name=contact.name,
                    company=f" ({contact.company})" if contact.company else "",
                ),
                due_on=due,
                key=f"contact-{contact.id}-{due.isoformat()}",
                priority=45,
            )
        )


# The agenda's extension point: who adds what to `today`, in this order.
PROVIDERS: tuple[Provider, ...] = (
    recovery_agenda,  # the cool-down first, then the next steps after a no
    upcoming_interviews,
    offer_deadlines,
    quiet_applications,
    contact_follow_ups,
    add_momentum,  # wins, weekly goals, gentle nudges, the why re-check, the weekly review
)


def build_agenda(uow: UnitOfWork, now: datetime, *, days_ahead: int | None = None) -> Agenda:
    """Everything due; `days_ahead` looks further than the `upcoming_days` setting (calendars)."""
    agenda = Agenda(now=now)
    with uow:
        preferences = get_preferences(uow)
        if days_ahead is not None:
            preferences["upcoming_days"] = days_ahead
        ctx = AgendaContext(uow, now, preferences, agenda, every_occurrence=days_ahead is not None)
        for provider in PROVIDERS:
            provider(ctx)
    agenda.items.sort(key=lambda i: (i.due_on, i.priority, i.at or ""))
    return agenda


__all__ = ["PROVIDERS", "Agenda", "AgendaContext", "AgendaItem", "Provider", "build_agenda"]
