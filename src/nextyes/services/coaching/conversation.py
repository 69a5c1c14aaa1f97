"""Between coach and seeker: comments on applications, feedback and plan items, and suggested
plan steps or practice questions the seeker accepts or declines.

A coach comments or suggests only through `policy.read_client`, on something the seeker shares
(a comment on feedback needs the `feedback` scope, a suggestion the `plan` scope), and only on
an item that exists in that journal. The seeker sees every comment on their coaching page,
where showing marks them read, and beside the items they are about (an application and its
feedback, a plan item); accepting a suggestion adds it to their plan.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime

from nextyes.domain.accounts import SignedIn
from nextyes.domain.coaching import (
    MAX_COMMENT,
    MAX_TITLE,
    Comment,
    CommentsBeside,
    CommentTarget,
    Scope,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
    clean_text,
)
from nextyes.domain.errors import InvalidInput, NotFound
from nextyes.services.coaching.policy import ClientAccess, read_client
from nextyes.storage.uow import UnitOfWork


def _said(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("coaching/messages")["refused"][key], **values)


def _target(text: str) -> CommentTarget:
    try:
        return CommentTarget(text)
    except ValueError:
        raise InvalidInput(_said("target")) from None


def _exists(access: ClientAccess, target: CommentTarget, target_id: int) -> bool:
    uow = access.uow
    if target is CommentTarget.APPLICATION:
        return uow.applications.get(target_id) is not None
    if target is CommentTarget.FEEDBACK:
        return uow.feedback.get(target_id) is not None
    return any(item.id == target_id for item in uow.plans.find())


def comment(
    uow: UnitOfWork,
    coach: SignedIn,
    client_id: int,
    target_text: str,
    target_id: int,
    text: str,
    now: datetime,
) -> Comment:
    target = _target(target_text)
    body = clean_text(text, MAX_COMMENT, "comment")

    def write(access: ClientAccess) -> Comment:
        if not _exists(access, target, target_id):
            raise NotFound(_said("no_item", what=target.value.replace("_", " "), id=target_id))
        comment_id = access.uow.coach_comments.add(
            client_id, coach.user_id, coach.label, target, target_id, body, now
        )
        found = next(
            c for c in access.uow.coach_comments.by_coach(client_id, coach.user_id)
            if c.id == comment_id
        )  # fmt: skip
        return found

    return read_client(
        uow, coach, client_id, target.scope, f"comment on {target.value}", now, write,
        item_id=target_id,
    )  # fmt: skip


def suggest(
    uow: UnitOfWork,
    coach: SignedIn,
    client_id: int,
    kind_text: str,
    title: str,
    detail: str | None,
    now: datetime,
) -> Suggestion:
    try:
        kind = SuggestionKind(kind_text)
    except ValueError:
        raise InvalidInput(_said("suggestion_kind")) from None
    clean_title = clean_text(title, MAX_TITLE, "suggestion")
    clean_detail = (detail or "").strip()[:MAX_COMMENT] or None
    if kind is SuggestionKind.PRACTICE and not clean_detail:
        raise InvalidInput(_said("questions"))

    def write(access: ClientAccess) -> Suggestion:
        new_id = access.uow.coach_suggestions.add(
            client_id, coach.user_id, coach.label, kind, clean_title, clean_detail, now
        )
        found = access.uow.coach_suggestions.get(client_id, new_id)
        assert found is not None
        return found

    return read_client(uow, coach, client_id, Scope.PLAN, "suggestion", now, write)


def comments_for_seeker(uow: UnitOfWork, seeker: SignedIn, now: datetime) -> list[Comment]:
    """Comments from the seeker's coaches, newest first; showing them marks them read."""
    with uow:
        found = uow.coach_comments.of_seeker(seeker.user_id)
        uow.coach_comments.mark_read(seeker.user_id, now)
        uow.commit()
    return found


def comments_beside(
    uow: UnitOfWork, items: Sequence[tuple[CommentTarget, int]], now: datetime
) -> CommentsBeside:
    """Coaches' comments on these items of the journal's owner, to show beside them; showing
    them marks them read. A comment stays the seeker's to read after the coach is gone."""
    with uow:
        found = uow.coach_comments.on_items(uow.owner_id, items)
        unread = [c.id for c in found if c.read_at is None]
        if unread:
            uow.coach_comments.mark_read_ids(uow.owner_id, unread, now)
            uow.commit()
    return CommentsBeside(tuple(found))


def unread_comments(uow: UnitOfWork, seeker: SignedIn) -> int:
    with uow:
        return uow.coach_comments.unread(seeker.user_id)


def suggestions_for_seeker(uow: UnitOfWork, seeker: SignedIn) -> list[Suggestion]:
    with uow:
        return uow.coach_suggestions.of_seeker(seeker.user_id)


def decide_suggestion(
    uow: UnitOfWork, seeker: SignedIn, suggestion_id: int, accept: bool, now: datetime
) -> Suggestion:
    """Accept (the step, or the questions as a practice item, joins the plan) or decline."""
    from nextyes.services.learning.plan import add_plan_item

    owned = UnitOfWork(uow.db, seeker.user_id)
    with owned:
        found = owned.coach_suggestions.get(seeker.user_id, suggestion_id)
        if found is None:
            raise NotFound(_said("no_suggestion", id=suggestion_id))
        if found.status is not SuggestionStatus.OPEN:
            raise InvalidInput(_said("decided", status=found.status.value))
        item_id = None
        if accept:
            detail = found.detail
            if found.kind is SuggestionKind.PRACTICE:
                detail = _said("practice_detail", coach=found.coach, questions=found.detail or "")
            item = add_plan_item(
                owned, found.title, now.astimezone(UTC).date(), now, kind="practice"
                if found.kind is SuggestionKind.PRACTICE else None, detail=detail,
            )  # fmt: skip
            item_id = item.id
        status = SuggestionStatus.ACCEPTED if accept else SuggestionStatus.DECLINED
        owned.coach_suggestions.decide(seeker.user_id, suggestion_id, status, now, item_id)
        decided = owned.coach_suggestions.get(seeker.user_id, suggestion_id)
        assert decided is not None
        owned.commit()
    return decided
