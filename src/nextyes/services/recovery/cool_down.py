"""After a "no": the cool-down, and the next steps that wait until it is over.

`reject_and_recover` records the rejection (through `record_rejection`) and opens the cool-down
in the same transaction, so a cool-down that cannot be used leaves the journal untouched.
What `nextyes today` shows during and after it lives in `services.recovery_agenda`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime
from typing import TYPE_CHECKING

from nextyes import content
from nextyes.domain.cooldown import (
    CoolDownWindow,
    InvalidCoolDown,
    open_window,
    parse_cool_down,
)
from nextyes.domain.models import Application, Origin
from nextyes.domain.recovery import week_of
from nextyes.domain.stages import Stage
from nextyes.errors import Conflict, Words
from nextyes.services.settings.preferences import get_preferences
from nextyes.storage.uow import UnitOfWork
from nextyes.text import templating
from nextyes.text.wording import spoken_date

if TYPE_CHECKING:
    from nextyes.services.momentum.why import WhyReminder
    from nextyes.services.pipeline.applications import RejectionOutcome
    from nextyes.text.recovery import CoolDownMessage

EARLIEST = date(1900, 1, 1)


@dataclass(frozen=True, slots=True)
class Recovery:
    """What recording a "no" did and says: the event, the window and the kind words."""

    outcome: RejectionOutcome
    window: CoolDownWindow | None
    message: CoolDownMessage
    noes_this_week: int
    why: WhyReminder | None = None  # what the search is for, when one is written


def reject_and_recover(
    uow: UnitOfWork,
    application_id: int,
    on: date,
    now: datetime,
    *,
    reason: str | None = None,
    cool_down: str | None = None,
    origin: Origin,
) -> Recovery:
    """Record a rejection and open its cool-down (`cool_down`, or the `cool_down` setting).

    The window starts when the news came: today, now; on an earlier day, at this time of that
    day. A window that would already be over (a no recorded days later) is not opened: the no
    is recorded, with a note that its cool-down time has passed.
    """
    from nextyes.services.pipeline.applications import record_rejection
    from nextyes.text.recovery import compose_cool_down

    with uow:
        spec = parse_cool_down(cool_down if cool_down is not None else _default_spec(uow))
        outcome = record_rejection(uow, application_id, on, now, reason=reason, origin=origin)
        since = now if on >= now.date() else datetime.combine(on, now.timetz())
        passed = False
        try:
            window = open_window(spec, now=now, since=since)
        except InvalidCoolDown:  # a no recorded late: its cool-down time is already behind
            window, passed = None, True
        if window is not None:
            uow.cool_downs.add(
                application_id,
                str(spec),
                window.starts_at,
                window.ends_at,
                now,
                event_id=outcome.event.id,
            )
        monday, sunday = week_of(on)
        that_week = uow.events.with_stage_between([Stage.REJECTED], monday, sunday)
        every_no = uow.events.with_stage_between([Stage.REJECTED], EARLIEST, max(on, now.date()))
        application = outcome.application
        message = compose_cool_down(
            stage=outcome.at_stage.value,
            company=application.company,
            role=application.role,
            noes_this_week=max(len(that_week), 1),
            first_no=len(every_no) == 1,
            window=window,
            now=now,
            seed=application.id,
        )
        if passed:
            text = content.load("recovery/rejection")["window"]["passed"]
            message = replace(message, window=templating.render(text, {"day": spoken_date(on)}))
        uow.commit()
    from nextyes.services.momentum.why import why_after_rejection

    why = why_after_rejection(uow, now)
    return Recovery(outcome, window, message, max(len(that_week), 1), why)


def _default_spec(uow: UnitOfWork) -> str:
    return str(get_preferences(uow)["cool_down"])


def get_rejected_application(uow: UnitOfWork, application_id: int, what: str) -> Application:
    """The application, which must have been turned down, for a step that follows a "no"
    (`what`, a key of [not_rejected.what] in recovery/rejection.toml)."""
    from nextyes.services.pipeline.applications import get_application

    application = get_application(uow, application_id)
    if application.stage is not Stage.REJECTED:
        words = content.load("recovery/rejection")["not_rejected"]
        company, stage = application.company, application.stage.label.lower()
        step = words["what"][what]
        raise Conflict(
            content.fill(words["said"], id=application_id, company=company, stage=stage,
                         what=step),
            web=Words("recovery/web", "not_rejected",
                      {"company": company, "stage": stage, "what": step}),
        )  # fmt: skip
    return application
