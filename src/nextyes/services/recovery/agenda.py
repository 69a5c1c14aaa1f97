"""What `nextyes today` shows after a "no": the running cool-down, then the next steps.

During a cool-down the window is shown (under the agenda's `cool_down` section) and the
analytical steps wait; after it, `today` suggests asking for feedback, replying and reflecting
for recent noes, and the one follow-up of a feedback request when it is due. Kept light: it
runs on every `today`, so the cool-down and text modules are imported only when a window is
running.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

from nextyes import content
from nextyes.domain.recovery import CoolDownRecord, StageGroup, stage_group
from nextyes.domain.stages import Stage
from nextyes.services.today.context import AgendaContext, AgendaItem
from nextyes.storage.uow import UnitOfWork

RECENT_NOES = timedelta(days=21)
"""How long after a "no" its next steps are suggested in `today`."""

SHOWN_PER_STEP = 3
"""Next steps of one kind shown at once (the most recent noes); the rest are counted."""


class CoolDownState(NamedTuple):
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
    shown: list[NextStep] = []
    per_kind: dict[str, int] = {}
    for step in next_steps(ctx.uow, ctx.today):
        if step.application_id in cooling:
            continue
        kind = f"recovery_{step.kind}"
        per_kind[kind] = per_kind.get(kind, 0) + 1
        if per_kind[kind] > SHOWN_PER_STEP:
            ctx.agenda.more[kind] = per_kind[kind] - SHOWN_PER_STEP
            continue
        shown.append(step)
    if not shown:
        return
    words = content.load("recovery/next_steps")["next_steps"]
    minutes = int(ctx.preferences.get("reflection_minutes", 15))
    # Only the applications shown are read whole: a busy month can hold hundreds of noes.
    applications = ctx.uow.applications.get_many(sorted({s.application_id for s in shown}))
    for step in shown:
        app = applications[step.application_id]
        values = {
            "company": app.company,
            "role": app.role,
            "id": str(app.id),
            "minutes": str(minutes),
            "sent_on": step.sent_on.isoformat() if step.sent_on else "",
        }
        ctx.agenda.add(
            AgendaItem(
                kind=f"recovery_{step.kind}",
                title=content.fill(words[step.kind], **values),
                due_on=ctx.today,
                suggestion=content.fill(words[f"{step.kind}_how"], **values),
                application_id=app.id,
                key=f"recovery-{step.kind}-{app.id}",
                priority=step.priority,
            )
        )


class NextStep(NamedTuple):
    kind: str  # request_feedback | reply | reflect | follow_up
    application_id: int
    priority: int
    sent_on: date | None = None


def next_steps(uow: UnitOfWork, today: date) -> list[NextStep]:
    """What is left to do after recent noes, inside an open uow (reads only), most recent no
    first.

    A feedback request followed up once with no answer counts as closed, so it is never
    suggested again.
    """
    steps: list[NextStep] = []
    noes = uow.recovery_progress.recent_noes(today - RECENT_NOES, today)
    requests = uow.recovery_progress.latest_requests(today - RECENT_NOES, today)
    for no in noes:
        app_id = no.application_id
        group = stage_group((no.from_stage or Stage.APPLIED).value)
        request = requests.get(app_id)
        talked = group is not StageGroup.SCREEN_OUT  # after a screen-out there's little to ask
        if request is not None and request.follow_up_due(today):
            steps.append(NextStep("follow_up", app_id, 25, request.sent_on))
        elif talked and request is None and not no.with_feedback:
            steps.append(NextStep("request_feedback", app_id, 30))
        if talked and not no.with_reply:
            steps.append(NextStep("reply", app_id, 32))
        if not no.with_reflection:
            steps.append(NextStep("reflect", app_id, 34))
    seen = {no.application_id for no in noes}
    due = [r for r in uow.feedback_requests.open_ones()
           if r.follow_up_due(today) and r.application_id not in seen]  # fmt: skip
    existing = uow.applications.get_many(sorted({r.application_id for r in due}))
    steps.extend(
        NextStep("follow_up", r.application_id, 25, r.sent_on)
        for r in due
        if r.application_id in existing
    )
    return steps
