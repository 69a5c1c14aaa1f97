"""`nextyes plan`: an improvement plan drawn from recurring themes, with evidence of progress.

Suggestions come from themes that keep coming up in feedback and lie at least partly within
the user's control, drawn from the action library (``content/learning/actions.toml``); each links back
to the most recent feedback that prompted it. Items then move planned -> started -> done (or
dropped), and collect evidence along the way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from nextyes import content
from nextyes.domain.errors import Conflict, InvalidInput, NotFound
from nextyes.domain.insights import theme_trends
from nextyes.domain.plan import (
    Evidence,
    EvidenceKind,
    NewPlanItem,
    PlanItem,
    PlanKind,
    PlanStatus,
    check_day,
    check_move,
    clean_evidence,
    clean_title,
)
from nextyes.domain.themes import Control, Theme, ThemedText
from nextyes.services.learning.themed_texts import theme_mentions, with_themes
from nextyes.services.pipeline.applications import get_application
from nextyes.storage.uow import UnitOfWork

PER_THEME = 2
"""Suggestions offered per theme at a time."""
RECENT = timedelta(days=90)
"""Recurring means in this window (the insights' "last 90 days")."""


@dataclass(frozen=True, slots=True)
class Action:
    """One step from the action library."""

    key: str
    theme: Theme
    kind: PlanKind
    title: str
    detail: str


@dataclass(frozen=True, slots=True)
class Suggestion:
    action: Action
    mentions: int
    """How often the theme came up in the last 90 days."""
    because: ThemedText | None
    """The most recent feedback (or rejection reason) that raised the theme."""


def _said(key: str, **values: object) -> str:
    """A refusal from content/learning/plan.toml [problems]."""
    return content.fill(content.load("learning/plan")["problems"][key], **values)


def action_library() -> dict[str, Action]:
    from nextyes import content

    words = content.load("learning/actions")
    return {
        entry["key"]: Action(entry["key"], Theme(theme), PlanKind(entry["kind"]), entry["title"],
                             entry["detail"])
        for theme, entries in words.items()
        for entry in entries
    }  # fmt: skip


def suggest_plan_items(uow: UnitOfWork, today: date) -> list[Suggestion]:
    """Library actions for recurring themes within the user's control, not yet in the plan."""
    with uow:
        texts = with_themes(uow.insights.themed_texts(since=today - RECENT))
        taken = uow.plans.action_keys()
    mentions = [(theme, text) for text, themes in texts for theme in themes]
    trends = theme_trends(theme_mentions(texts), today)
    library = action_library()
    found = []
    for trend in trends:
        if not trend.recurring or trend.control is Control.NO:
            continue
        latest = max((t for theme, t in mentions if theme is trend.theme), key=_recency)
        fresh = [a for a in library.values() if a.theme is trend.theme and a.key not in taken]
        found += [Suggestion(a, trend.last_90, latest) for a in fresh[:PER_THEME]]
    return found


def _recency(text: ThemedText) -> tuple[date, int, int]:
    return (text.on, text.origin == "feedback", text.feedback_id or 0)


def add_plan_item(
    uow: UnitOfWork,
    what: str,
    today: date,
    now: datetime,
    *,
    theme: str | None = None,
    kind: str | None = None,
    detail: str | None = None,
    feedback_id: int | None = None,
    application_id: int | None = None,
) -> PlanItem:
    """Add a library action (by its key) or an item of the user's own (by its title)."""
    library = action_library()
    action = library.get(what.strip())
    chosen_theme = _theme(theme) if theme else (action.theme if action else None)
    chosen_kind = _kind(kind) if kind else (action.kind if action else PlanKind.PRACTICE)
    with uow:
        if action and action.key in uow.plans.action_keys():
            existing = next(i for i in uow.plans.find() if i.action_key == action.key)
            raise Conflict(_said("already_planned", id=existing.id, status=existing.status.value))
        if feedback_id is not None:
            found = uow.feedback.get(feedback_id)
            if found is None:
                raise NotFound(_said("no_feedback", id=feedback_id))
            application_id = application_id or found.application_id
        elif chosen_theme is not None:
            latest = _latest_about(uow, chosen_theme)
            if latest is not None:
                feedback_id, application_id = (
                    latest.feedback_id,
                    application_id or latest.application_id,
                )
        if application_id is not None:
            get_application(uow, application_id)
        new = NewPlanItem(
            title=action.title if action else clean_title(what),
            kind=chosen_kind,
            theme=chosen_theme.value if chosen_theme else None,
            detail=(detail or "").strip() or (action.detail if action else None),
            action_key=action.key if action else None,
            source_feedback_id=feedback_id,
            source_application_id=application_id,
        )
        item_id = uow.plans.add(new, today, now)
        item = _get(uow, item_id)
        uow.commit()
    return item


def _latest_about(uow: UnitOfWork, theme: Theme) -> ThemedText | None:
    about = [text for text, themes in with_themes(uow.insights.themed_texts()) if theme in themes]
    return max(about, key=_recency) if about else None


def _theme(name: str) -> Theme:
    try:
        return Theme(name.strip().lower().replace("-", "_"))
    except ValueError:
        names = ", ".join(t.value for t in Theme)
        raise InvalidInput(_said("not_a_theme", name=name, names=names)) from None


def _kind(name: str) -> PlanKind:
    try:
        return PlanKind(name.strip().lower())
    except ValueError:
        names = ", ".join(k.value for k in PlanKind)
        raise InvalidInput(_said("not_a_kind", name=name, names=names)) from None


def _get(uow: UnitOfWork, item_id: int) -> PlanItem:
    item = uow.plans.get(item_id)
    if item is None:
        raise NotFound(_said("no_item", id=item_id))
    return item


def move_plan_item(
    uow: UnitOfWork,
    item_id: int,
    target: PlanStatus,
    on: date,
    now: datetime,
    *,
    evidence: str | None = None,
) -> PlanItem:
    """Start, finish or drop an item; finishing may note what shows it is done."""
    with uow:
        item = _get(uow, item_id)
        check_move(item, target)
        check_day(on, item, now.date())
        uow.plans.set_status(item.id, target, on, now)
        if evidence is not None:
            kept = Evidence(on, clean_evidence(evidence), EvidenceKind.NOTE)
            uow.plans.set_evidence(item.id, (*item.evidence, kept), now)
        item = _get(uow, item_id)
        uow.commit()
    return item


def add_evidence(
    uow: UnitOfWork,
    item_id: int,
    text: str,
    on: date,
    now: datetime,
    *,
    kind: EvidenceKind = EvidenceKind.NOTE,
) -> PlanItem:
    """Keep something that shows progress on an item (allowed whatever its status)."""
    body = clean_evidence(text)
    with uow:
        item = _get(uow, item_id)
        check_day(on, item, now.date())
        uow.plans.set_evidence(item.id, (*item.evidence, Evidence(on, body, kind)), now)
        item = _get(uow, item_id)
        uow.commit()
    return item


def list_plan(uow: UnitOfWork, statuses: tuple[PlanStatus, ...] = ()) -> list[PlanItem]:
    with uow:
        return uow.plans.find(statuses)
