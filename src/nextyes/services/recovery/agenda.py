"""What `nextyes today` shows after a "no": the running cool-down, then the next steps.

During a cool-down the window is shown (under the agenda's `cool_down` section) and the
analytical steps wait; after it, `today` suggests asking for feedback, replying and reflecting
for recent noes, and the one follow-up of a feedback request when it is due. Kept light: it
runs on every `today`, so the cool-down and text modules are imported only when a window is
running.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from nextyes import content
from nextyes.domain.models import Application
from nextyes.domain.recovery import CoolDownRecord, StageGroup, stage_group
from nextyes.domain.stages import Stage
from nextyes.services.today.context import AgendaContext, AgendaItem
from nextyes.storage.uow import UnitOfWork

RECENT_NOES = timedelta(days=21)
"""How long after a "no" its next steps are suggested in `today`."""

SHOWN_PER_STEP = 3
"""Next steps of one kind shown at once (the most recent noes); the rest are counted."""


@dataclass(frozen=True, slots=True)
class CoolDownState:
    """A cool-down running now, as `today` shows it."""

    application_id: int
    company: str
    role: str
    kind: str
    starts_at: datetime
    ends_at: datetime
    text: str
    remaining_minutes: int

    def as_json(self) -> dict[str, Any]:
        return {
            "application_id": self.application_id,
            "company": self.company,
            "role": self.role,
            "kind": self.kind,
            "starts_at": self.starts_at.isoformat(),
            "ends_at": self.ends_at.isoformat(),
            "text": self.text,
            "remaining_minutes": self.remaining_minutes,
        }


def active_cool_down(uow: UnitOfWork, now: datetime) -> CoolDownState | None:
    """The cool-down running now (the one ending last, if several), inside an open uow."""
    return _state_of(uow, uow.cool_downs.active_at(now), now)


def _state_of(
    uow: UnitOfWork, records: list[CoolDownRecord], now: datetime
) -> CoolDownState | None:
    if not records:
        return None
    from nextyes.domain.cooldown import (
        CoolDownKind,
        CoolDownSpec,
        CoolDownWindow,
        InvalidCoolDown,
        parse_cool_down,
    )
    from nextyes.text.recovery import describe_window

    for record in records:
        application = uow.applications.get(record.application_id)
        if application is None:
            continue
        try:
            spec = parse_cool_down(record.kind)
        except InvalidCoolDown:  # written by another version: the dates are what count
            spec = CoolDownSpec(CoolDownKind.DURATION, record.ends_at - record.starts_at)
        window = CoolDownWindow(spec, record.starts_at, record.ends_at)
        local_end = record.ends_at.astimezone(now.tzinfo) if now.tzinfo else record.ends_at
        return CoolDownState(
            application_id=application.id,
            company=application.company,
            role=application.role,
            kind=record.kind,
            starts_at=record.starts_at.astimezone(now.tzinfo) if now.tzinfo else record.starts_at,
            ends_at=local_end,
            text=describe_window(window, now=now),
            remaining_minutes=int(window.remaining(now).total_seconds() // 60),
        )
    return None


# The agenda ---------------------------------------------------------------------------------


def recovery_agenda(ctx: AgendaContext) -> None:
    """Agenda provider (see services/today/agenda.py): the cool-down section, then the next steps."""
    running = ctx.uow.cool_downs.active_at(ctx.now)
    state = _state_of(ctx.uow, running, ctx.now)
    ctx.agenda.sections["cool_down"] = state.as_json() if state else None
    cooling = {record.application_id for record in running}  # feel it first: each no's
    # analysis waits until its own window is over; other noes' steps carry on
    words = content.load("recovery/next_steps")["next_steps"]
    today = ctx.today
    minutes = int(ctx.preferences.get("reflection_minutes", 15))
    shown: dict[str, int] = {}
    for step in next_steps(ctx.uow, today):
        if step.application.id in cooling:
            continue
        kind = f"recovery_{step.kind}"
        shown[kind] = shown.get(kind, 0) + 1
        if shown[kind] > SHOWN_PER_STEP:
            ctx.agenda.more[kind] = shown[kind] - SHOWN_PER_STEP
            continue
        app = step.application
        values = {
            "company": app.company,
            "role": app.role,
            "id": str(app.id),
            "minutes": str(minutes),
            "sent_on": step.sent_on.isoformat() if step.sent_on else "",
        }
        ctx.agenda.add(
            AgendaItem(
                kind=kind,
                title=content.fill(words[step.kind], **values),
                due_on=today,
                suggestion=content.fill(words[f"{step.kind}_how"], **values),
                application_id=app.id,
                key=f"recovery-{step.kind}-{app.id}",
                priority=step.priority,
            )
        )


@dataclass(frozen=True, slots=True)
class NextStep:
    kind: str  # request_feedback | reply | reflect | follow_up
    application: Application
    priority: int
    sent_on: date | None = None


def next_steps(uow: UnitOfWork, today: date) -> list[NextStep]:
    """What is left to do after recent noes, inside an open uow (reads only).

    A feedback request followed up once with no answer counts as closed, so it is never
    suggested again.
    """
    steps: list[NextStep] = []
    events = uow.events.with_stage_between([Stage.REJECTED], today - RECENT_NOES, today)
    ids = sorted({e.application_id for e in events})
    applications = uow.applications.get_many(ids)
    done = uow.recovery_progress.for_applications(ids)
    seen: set[int] = set()
    for event in sorted(events, key=lambda e: (e.occurred_on, e.id), reverse=True):
        app = applications.get(event.application_id)
        if app is None or app.stage is not Stage.REJECTED or app.id in seen:
            continue
        seen.add(app.id)
        group = stage_group((event.from_stage or Stage.APPLIED).value)
        request = done.latest_request.get(app.id)
        talked = group is not StageGroup.SCREEN_OUT  # after a screen-out there's little to ask
        if request is not None and request.follow_up_due(today):
            steps.append(NextStep("follow_up", app, 25, request.sent_on))
        elif talked and request is None and app.id not in done.with_feedback:
            steps.append(NextStep("request_feedback", app, 30))
        if talked and app.id not in done.with_reply:
            steps.append(NextStep("reply", app, 32))
        if app.id not in done.with_reflection:
            steps.append(NextStep("reflect", app, 34))
    for request in uow.feedback_requests.open_ones():
        if request.follow_up_due(today) and request.application_id not in seen:
            other = uow.applications.get(request.application_id)
            if other is not None:
                steps.append(NextStep("follow_up", other, 25, request.sent_on))
    return steps
