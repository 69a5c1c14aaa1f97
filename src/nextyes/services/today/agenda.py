"""Everything due, derived in one place: `nextyes today`, the dashboard and the calendar use it.

Each feature contributes a provider: a function that looks at the journal and adds items (or a
named section, such as the cool-down) to the agenda. Providers run in order inside one read
transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from nextyes import content
from nextyes.domain.dates import describe_day
from nextyes.domain.stages import Stage
from nextyes.services.pipeline.agenda import offer_deadlines
from nextyes.services.recovery.agenda import recovery_agenda
from nextyes.services.settings.preferences import get_preferences
from nextyes.storage.uow import UnitOfWork

SHOWN_PER_KIND = 8


@dataclass(frozen=True, slots=True)
class AgendaItem:
    kind: str
    title: str
    due_on: date
    detail: str | None = None
    suggestion: str | None = None
    application_id: int | None = None
    key: str = ""  # stable identity (calendar UIDs, dismissals)
    priority: int = 50  # lower comes first on the same day
    at: str | None = None  # "14:00" when known


@dataclass
class Agenda:
    now: datetime
    items: list[AgendaItem] = field(default_factory=list)
    sections: dict[str, Any] = field(default_factory=dict)
    more: dict[str, int] = field(default_factory=dict)

    @property
    def today(self) -> date:
        return self.now.date()

    def add(self, item: AgendaItem) -> None:
        self.items.append(item)


@dataclass
class AgendaContext:
    uow: UnitOfWork
    now: datetime
    preferences: dict[str, Any]
    agenda: Agenda
    every_occurrence: bool = False
    """True for a calendar: each weekly event within the span, not only the next one."""

    @property
    def today(self) -> date:
        return self.now.date()


Provider = Callable[[AgendaContext], None]


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
        ((Stage.APPLIED, Stage.SCREENING), ctx.preferences["follow_up_after_applied_days"],
         "quiet_applied"),
        ((Stage.ASSESSMENT, Stage.INTERVIEW, Stage.FINAL),
         ctx.preferences["follow_up_after_interview_days"], "quiet_interview"),
    )  # fmt: skip
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


def momentum(ctx: AgendaContext) -> None:
    """Wins, weekly goals, gentle nudges, the why re-check and the weekly review."""
    from nextyes.services.momentum.agenda import add_momentum

    add_momentum(ctx)


PROVIDERS: list[Provider] = [
    recovery_agenda,
    upcoming_interviews,
    offer_deadlines,
    quiet_applications,
    contact_follow_ups,
    momentum,
]


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
