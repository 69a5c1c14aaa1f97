"""The network around a search: how people are related, what happened with them, who supports.

The Contact record itself lives in `models`; this module adds interactions, the words people
use for relations, and the checks on what a user types about a person.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from nextyes.domain.companies import typed_key
from nextyes.domain.errors import InvalidInput, Words
from nextyes.domain.models import SUPPORT_CIRCLE, Contact, Relation

MAX_NAME = 200
MAX_NOTE = 2000


class InteractionKind(StrEnum):
    MESSAGE = "message"
    EMAIL = "email"
    CALL = "call"
    MEETING = "meeting"
    COFFEE = "coffee"
    EVENT = "event"
    INTRO = "intro"
    REFERRAL = "referral"
    OTHER = "other"


_RELATION_ALIASES = {
    "hiring manager": Relation.HIRING_MANAGER, "manager": Relation.HIRING_MANAGER,
    "former colleague": Relation.COLLEAGUE, "ex colleague": Relation.COLLEAGUE,
    "coworker": Relation.COLLEAGUE, "co worker": Relation.COLLEAGUE,
    "recruiter": Relation.RECRUITER, "headhunter": Relation.RECRUITER,
    "family": Relation.FRIEND, "partner": Relation.FRIEND,
    "career coach": Relation.COACH, "counsellor": Relation.COACH, "counselor": Relation.COACH,
}  # fmt: skip


def parse_relation(text: str) -> Relation:
    key = typed_key(text)
    if key in _RELATION_ALIASES:
        return _RELATION_ALIASES[key]
    try:
        return Relation(key.replace(" ", "-"))
    except ValueError:
        names = ", ".join(r.value for r in Relation)
        raise InvalidInput(
            f"'{text}' is not a relation nextyes knows. Use one of: {names}."
        ) from None


def parse_interaction_kind(text: str) -> InteractionKind:
    key = text.strip().lower()
    aliases = {"chat": InteractionKind.MEETING, "dm": InteractionKind.MESSAGE,
               "text": InteractionKind.MESSAGE, "phone": InteractionKind.CALL,
               "video": InteractionKind.CALL, "introduction": InteractionKind.INTRO}  # fmt: skip
    if key in aliases:
        return aliases[key]
    try:
        return InteractionKind(key)
    except ValueError:
        names = ", ".join(k.value for k in InteractionKind)
        raise InvalidInput(f"'{text}' is not a kind of contact. Use one of: {names}.") from None


def in_support_circle(contact: Contact) -> bool:
    return contact.relation in SUPPORT_CIRCLE


_EMAIL = re.compile(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;]+$")


def clean_name(text: str) -> str:
    name = " ".join(str(text).split())
    if not name:
        raise InvalidInput(
            'The name is empty. Give it in quotes: nextyes contact add "Priya Natarajan"',
            web=Words("people/web", "name_empty"),
        )
    if len(name) > MAX_NAME:
        raise InvalidInput(f"The name is longer than {MAX_NAME} characters; shorten it.")
    if name.isdigit():
        raise InvalidInput(
            f"'{name}' looks like an id, not a name. Give the person's name in quotes.",
            web=Words("people/web", "name_is_a_number", {"name": name}),
        )
    return name


def clean_email(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    email = text.strip()
    if not _EMAIL.match(email):
        raise InvalidInput(f"'{text}' does not look like an email address (name@example.com).")
    return email


@dataclass(frozen=True, slots=True)
class Interaction:
    id: int
    contact_id: int
    occurred_on: date
    kind: InteractionKind
    note: str | None = None
    application_id: int | None = None


CLEARABLE = frozenset({"company", "email", "phone", "how_met", "notes", "next_follow_up_on"})
"""What a contact can be without: everything but the name and how you know them."""


def blank_fields(given: Mapping[str, str | None]) -> frozenset[str]:
    """The fields given as empty text: what the person asked to clear (None: not given)."""
    return frozenset(key for key, value in given.items() if value is not None and not value.strip())


@dataclass(frozen=True, slots=True)
class ContactChanges:
    """Fields to change on a contact: None leaves a field alone, a name in `cleared` empties it."""

    name: str | None = None
    relation: Relation | None = None
    company: str | None = None
    email: str | None = None
    phone: str | None = None
    how_met: str | None = None
    notes: str | None = None
    next_follow_up_on: date | None = None
    cleared: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        if not self.cleared <= CLEARABLE:
            kept = ", ".join(sorted(self.cleared - CLEARABLE))
            raise InvalidInput(f"A contact always keeps a {kept}; give a new one instead.")

    def is_empty(self) -> bool:
        return not self.cleared and all(
            getattr(self, f) is None
            for f in ("name", "relation", "company", "email", "phone", "how_met", "notes",
                      "next_follow_up_on")
        )  # fmt: skip
