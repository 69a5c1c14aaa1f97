"""Sharing a journal with a coach, by consent: scopes, shares and the one rule that reads them.

A job seeker shares parts of their journal with a coach. Each part is a scope; the seeker picks
them when inviting, and may change or withdraw them at any time. `may_read` is the rule every
read across owners goes through (via `services.coaching.policy`): nothing else decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from nextyes.domain.errors import InvalidInput


class Scope(StrEnum):
    APPLICATIONS = "applications"  # applications, their stages, interviews and open notes
    FEEDBACK = "feedback"  # feedback received and its themes
    PLAN = "plan"  # the improvement plan and practice
    GOALS = "goals"  # weekly goals and wins
    REFLECTIONS = "reflections"  # reflections after a no
    WELLBEING = "wellbeing"  # mood and self-care
    PRIVATE_NOTES = "private_notes"  # notes marked private
    MONEY = "money"  # salaries and the money in offers
    EMAIL = "email"  # imported email, as it arrived


DEFAULT_SCOPES = frozenset({Scope.APPLICATIONS, Scope.FEEDBACK, Scope.PLAN, Scope.GOALS})
"""What a new share holds unless the seeker chooses otherwise."""
PRIVATE_SCOPES = frozenset(Scope) - DEFAULT_SCOPES
"""Shared only when the seeker turns them on."""
ORDER = tuple(Scope)


class CommentTarget(StrEnum):
    """What a coach may comment on, and the scope that must be shared for it."""

    APPLICATION = "application"
    FEEDBACK = "feedback"
    PLAN_ITEM = "plan_item"

    @property
    def scope(self) -> Scope:
        return {
            CommentTarget.APPLICATION: Scope.APPLICATIONS,
            CommentTarget.FEEDBACK: Scope.FEEDBACK,
            CommentTarget.PLAN_ITEM: Scope.PLAN,
        }[self]


class SuggestionKind(StrEnum):
    PLAN_STEP = "plan_step"
    PRACTICE = "practice"  # practice questions


class SuggestionStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    DECLINED = "declined"


MAX_COMMENT = 4000
MAX_TITLE = 300
MAX_NOTE = 20000


def parse_scopes(values: Iterable[str] | str | None) -> frozenset[Scope]:
    """Scopes from names (a list, or one string with commas); None gives the defaults."""
    if values is None:
        return DEFAULT_SCOPES
    if isinstance(values, str):
        values = [v for v in values.split(",") if v.strip()]
    found: set[Scope] = set()
    for value in values:
        name = str(value).strip().lower()
        try:
            found.add(Scope(name))
        except ValueError:
            known = ", ".join(s.value for s in Scope)
            raise InvalidInput(
                f"'{str(value)[:40]}' is not something you can share. Choose from: {known}."
            ) from None
    return frozenset(found)


def scopes_text(scopes: Iterable[Scope]) -> str:
    """Scopes as stored: names in a fixed order, separated by commas."""
    chosen = set(scopes)
    return ",".join(s.value for s in ORDER if s in chosen)


def ordered(scopes: Iterable[Scope]) -> list[Scope]:
    chosen = set(scopes)
    return [s for s in ORDER if s in chosen]


@dataclass(frozen=True, slots=True)
class Share:
    """A seeker's consent for one coach: what is shared, since when, and whether it still holds."""

    id: int
    seeker_id: int
    coach_id: int
    scopes: frozenset[Scope]
    granted_at: datetime
    revoked_at: datetime | None = None
    seeker_name: str = ""
    coach_name: str = ""
    coach_email: str = ""

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def may_read(share: Share | None, viewer_id: int, owner_id: int, scope: Scope | None) -> bool:
    """Whether `viewer_id` may read `scope` of `owner_id`'s journal under `share`.

    The owner may read everything of their own. Anyone else needs a share from that owner to
    that viewer which has not been revoked and holds the scope (scope None: only that the
    share exists, for the client's name and the signals drawn from what is shared).
    """
    if viewer_id == owner_id:
        return True
    if share is None or not share.active:
        return False
    if share.seeker_id != owner_id or share.coach_id != viewer_id:
        return False
    return scope is None or scope in share.scopes


def clean_text(text: str | None, limit: int, what: str) -> str:
    value = (text or "").strip()
    if not value:
        raise InvalidInput(f"The {what} is empty; write a few words.")
    if len(value) > limit:
        raise InvalidInput(f"The {what} is longer than {limit} characters; shorten it.")
    return value


@dataclass(frozen=True, slots=True)
class CoachRead:
    coach_id: int | None
    coach: str
    what: str
    item_id: int | None
    read_at: datetime


@dataclass(frozen=True, slots=True)
class Comment:
    id: int
    seeker_id: int
    coach_id: int | None
    coach: str
    target: CommentTarget
    target_id: int
    text: str
    created_at: datetime
    read_at: datetime | None


@dataclass(frozen=True, slots=True)
class CommentsBeside:
    """Comments sorted to the items they are about, to show each beside its item."""

    found: tuple[Comment, ...] = ()

    def on(self, target: str, item_id: int) -> list[Comment]:
        """The comments on one item (an application, a piece of feedback, a plan item), oldest
        first."""
        return sorted(
            (c for c in self.found if c.target.value == target and c.target_id == item_id),
            key=lambda c: (c.created_at, c.id),
        )


@dataclass(frozen=True, slots=True)
class Suggestion:
    id: int
    seeker_id: int
    coach_id: int | None
    coach: str
    kind: SuggestionKind
    title: str
    detail: str | None
    status: SuggestionStatus
    created_at: datetime
    decided_at: datetime | None
    plan_item_id: int | None


@dataclass(frozen=True, slots=True)
class SessionNote:
    id: int
    coach_id: int
    seeker_id: int
    client: str
    written_on: date
    text: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StoredInvitation:
    """An invitation to coach someone, as kept (its secret is never stored)."""

    id: int
    seeker_id: int
    scopes: frozenset[Scope]
    expires_at: datetime
    used_at: datetime | None
    seeker_name: str
