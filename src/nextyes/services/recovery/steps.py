"""What the web app's recovery wizard shows at each step (reads only)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from nextyes import content
from nextyes.domain.cooldown import CoolDownWindow, InvalidCoolDown, parse_cool_down
from nextyes.domain.models import Application
from nextyes.domain.recovery import FeedbackRequest, Reflection
from nextyes.services.recovery.cool_down import get_rejected_application
from nextyes.storage.uow import UnitOfWork
from nextyes.text.recovery import cool_down_suggestions, describe_window


@dataclass(frozen=True, slots=True)
class RecoveryState:
    """Where the recovery after one no stands: its cool-down, request, reply and reflection."""

    application: Application
    window_text: str
    cooling_down: bool
    during: str | None
    suggestions_intro: str
    suggestions: tuple[str, ...]
    requests: tuple[FeedbackRequest, ...]
    replied: bool
    reflections: tuple[Reflection, ...]


def recovery_state(uow: UnitOfWork, application_id: int, now: datetime) -> RecoveryState:
    with uow:
        app = get_rejected_application(uow, application_id, "step")
        records = uow.cool_downs.for_application(app.id)
        window = None
        if records:
            latest = records[-1]
            try:
                spec = parse_cool_down(latest.kind)
                window = CoolDownWindow(spec, latest.starts_at, latest.ends_at)
            except InvalidCoolDown:
                window = None
        requests = tuple(uow.feedback_requests.for_application(app.id))
        replied = bool(uow.drafts.for_application(app.id, "reply"))
        reflections = tuple(uow.reflections.for_application(app.id))
    words = content.load("recovery/rejection")
    active = window is not None and window.is_active(now)
    return RecoveryState(
        application=app,
        window_text=describe_window(window, now=now),
        cooling_down=active,
        during=str(words["window"]["during"]) if active else None,
        suggestions_intro=str(words["suggestions"]["intro"]),
        suggestions=cool_down_suggestions(window, seed=app.id),
        requests=requests,
        replied=replied,
        reflections=reflections,
    )
