"""Organisations (career centres, outplacement teams): who belongs, in which groups, and the
plain facts about each consenting member that the cohort figures count.

`MemberFacts` names nobody: the groups a member is in and how their search went, nothing else.
The figures built from them pass `domain.cohort.release` before anyone sees them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from nextyes.domain.errors import InvalidInput


class MemberRole(StrEnum):
    ADMIN = "admin"  # runs the organisation; sees the cohort figures, never a member's rows
    COACH = "coach"  # a member of staff; sees a member's journal only if that member shares it
    MEMBER = "member"  # a job seeker


class GroupKind(StrEnum):
    COHORT = "cohort"
    PROGRAMME = "programme"
    YEAR = "year"


FURTHEST = ("not_started", "applied", "heard_back", "interview", "final", "offer")
"""How far a member's search got, as the funnel's kinds (each member is in exactly one)."""
NO_STAGES = ("applied", "screening", "assessment", "interview", "final", "offer")
SIGNALS = ("applied", "interview", "no", "offer")
"""What a member did in a month, for the figures over time."""


@dataclass(frozen=True, slots=True)
class SingleSignOn:
    issuer: str
    client_id: str
    client_secret: str | None
    email_domain: str | None = None


@dataclass(frozen=True, slots=True)
class Organisation:
    id: int
    name: str
    sso: SingleSignOn | None = None


@dataclass(frozen=True, slots=True)
class Membership:
    id: int
    organisation_id: int
    organisation: str
    user_id: int
    name: str
    role: MemberRole
    consent: bool
    active: bool
    joined_at: datetime
    left_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class OrganisationGroup:
    id: int
    kind: GroupKind
    name: str
    size: int


NO_AT = "no-at:"
THEME = "theme:"


@dataclass(frozen=True, slots=True)
class MemberFacts:
    """One consenting member's search, as the cohort figures count it (no name, no id).

    `marks` are the yes/no questions the member answers yes to, one word each: `no-at:STAGE`
    (a no came at that stage), `theme:NAME` (feedback mentioned it), `SIGNAL:YYYY-MM` (applied,
    interview, no or offer in that month; months outside a report's window are not counted).
    """

    groups: tuple[int, ...]
    furthest: int  # an index into FURTHEST
    marks: tuple[str, ...]
    days_to_interview: int | None
    days_to_offer: int | None

    @classmethod
    def of(
        cls,
        groups: tuple[int, ...],
        furthest: int,
        noes: set[str] | frozenset[str],
        themes: set[str] | frozenset[str],
        months: set[str] | frozenset[str],
        days_to_interview: int | None,
        days_to_offer: int | None,
    ) -> MemberFacts:
        marks = (
            *sorted(NO_AT + stage for stage in noes),
            *sorted(THEME + theme for theme in themes),
            *sorted(months),
        )
        return cls(groups, furthest, marks, days_to_interview, days_to_offer)

    @property
    def noes(self) -> frozenset[str]:
        """Stages where a no came."""
        return frozenset(m[len(NO_AT) :] for m in self.marks if m.startswith(NO_AT))

    @property
    def themes(self) -> frozenset[str]:
        return frozenset(m[len(THEME) :] for m in self.marks if m.startswith(THEME))

    @property
    def months(self) -> frozenset[str]:
        """ "signal:YYYY-MM" """
        return frozenset(m for m in self.marks if not m.startswith((NO_AT, THEME)))

    def to_record(self) -> tuple[list[int], dict[str, Any]]:
        return list(self.groups), {
            "furthest": self.furthest,
            "noes": sorted(self.noes),
            "themes": sorted(self.themes),
            "months": sorted(self.months),
            "days_to_interview": self.days_to_interview,
            "days_to_offer": self.days_to_offer,
        }

    @classmethod
    def from_record(cls, groups: list[int], record: dict[str, Any]) -> MemberFacts:
        return cls.of(
            groups=tuple(int(g) for g in groups),
            furthest=int(record.get("furthest", 0)),
            noes=frozenset(record.get("noes", ())),
            themes=frozenset(record.get("themes", ())),
            months=frozenset(record.get("months", ())),
            days_to_interview=record.get("days_to_interview"),
            days_to_offer=record.get("days_to_offer"),
        )


def clean_name(text: str, what: str = "name") -> str:
    value = " ".join((text or "").split())
    if not value:
        raise InvalidInput(f"The {what} is empty; give one.")
    if len(value) > 200:
        raise InvalidInput(f"The {what} is longer than 200 characters; shorten it.")
    return value


def group_kind(text: str) -> GroupKind:
    try:
        return GroupKind(text.strip().lower())
    except ValueError:
        raise InvalidInput(
            f"'{text[:40]}' is not a kind of group: choose cohort, programme or year."
        ) from None


def member_role(text: str) -> MemberRole:
    try:
        return MemberRole(text.strip().lower())
    except ValueError:
        raise InvalidInput(
            f"'{text[:40]}' is not a role in an organisation: choose admin, coach or member."
        ) from None
