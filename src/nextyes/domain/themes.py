"""Feedback themes and how far each lies within the candidate's control.

The thirteen themes are part of the command-line contract (DESIGN.md): `feedback classify`
prints them by these names. Attribution follows the advice nextyes is built on: many reasons
for a "no" are outside the candidate's control, and the journal says so plainly.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Control(StrEnum):
    """How much of a theme lies with the candidate."""

    YES = "yes"
    PARTLY = "partly"
    NO = "no"


class Theme(StrEnum):
    TECHNICAL_SKILLS = "technical_skills"
    EXPERIENCE_LEVEL = "experience_level"
    COMMUNICATION = "communication"
    BEHAVIOURAL_ANSWERS = "behavioural_answers"
    PREPARATION_COMPANY_KNOWLEDGE = "preparation_company_knowledge"
    CONFIDENCE_PRESENCE = "confidence_presence"
    CULTURE_FIT = "culture_fit"
    ROLE_ALIGNMENT = "role_alignment"
    APPLICATION_MATERIALS = "application_materials"
    SALARY_BUDGET = "salary_budget"
    INTERNAL_CANDIDATE = "internal_candidate"
    ROLE_FILLED_CANCELLED = "role_filled_cancelled"
    OTHER_CANDIDATE_STRONGER = "other_candidate_stronger"


CONTROL: dict[Theme, Control] = {
    Theme.TECHNICAL_SKILLS: Control.YES,
    Theme.EXPERIENCE_LEVEL: Control.PARTLY,
    Theme.COMMUNICATION: Control.YES,
    Theme.BEHAVIOURAL_ANSWERS: Control.YES,
    Theme.PREPARATION_COMPANY_KNOWLEDGE: Control.YES,
    Theme.CONFIDENCE_PRESENCE: Control.YES,
    Theme.CULTURE_FIT: Control.PARTLY,
    Theme.ROLE_ALIGNMENT: Control.PARTLY,
    Theme.APPLICATION_MATERIALS: Control.YES,
    Theme.SALARY_BUDGET: Control.NO,
    Theme.INTERNAL_CANDIDATE: Control.NO,
    Theme.ROLE_FILLED_CANCELLED: Control.NO,
    Theme.OTHER_CANDIDATE_STRONGER: Control.PARTLY,
}

LABELS: dict[Theme, str] = {
    Theme.TECHNICAL_SKILLS: "Technical skills",
    Theme.EXPERIENCE_LEVEL: "Experience level",
    Theme.COMMUNICATION: "Communication",
    Theme.BEHAVIOURAL_ANSWERS: "Behavioural answers",
    Theme.PREPARATION_COMPANY_KNOWLEDGE: "Preparation and company knowledge",
    Theme.CONFIDENCE_PRESENCE: "Confidence and presence",
    Theme.CULTURE_FIT: "Culture fit",
    Theme.ROLE_ALIGNMENT: "Role alignment",
    Theme.APPLICATION_MATERIALS: "Application materials",
    Theme.SALARY_BUDGET: "Salary or budget",
    Theme.INTERNAL_CANDIDATE: "Internal candidate",
    Theme.ROLE_FILLED_CANCELLED: "Role filled or cancelled",
    Theme.OTHER_CANDIDATE_STRONGER: "Another candidate was a closer match",
}


def overall_control(themes: list[Theme] | list[str]) -> Control:
    """The control of a piece of feedback as a whole.

    Any controllable theme makes it at least partly controllable; it is fully within the
    candidate's control only when every theme is; with no theme at all there is nothing to act
    on, so it reads as outside their control ("don't take it personally").
    """
    controls = {CONTROL[Theme(t)] for t in themes}
    if not controls:
        return Control.NO
    if controls == {Control.YES}:
        return Control.YES
    if controls == {Control.NO}:
        return Control.NO
    return Control.PARTLY


@dataclass(frozen=True, slots=True)
class ThemedText:
    """A piece of feedback or a rejection reason, with the themes stored for it (if any)."""

    on: date
    text: str
    themes: tuple[str, ...] | None
    origin: str
    """"feedback" or "reason"."""
    application_id: int | None = None
    feedback_id: int | None = None
