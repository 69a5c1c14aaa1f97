"""For a rejection: how far the application got, and the reasons the email gives."""

from __future__ import annotations

import re
from enum import StrEnum


class ReachedStage(StrEnum):
    """How far an application got before a rejection."""

    APPLICATION = "application"
    SCREEN = "screen"
    INTERVIEW = "interview"
    FINAL = "final"


_FINAL = re.compile(
    r"\bfinal (?:round|interview|stage|conversation|presentation|panel)s?\b|\bfinalists?\b"
    r"|\ball the way\b|\bevery stage\b|\bleadership team\b|\boffer (?:the (?:role|position) )?"
    r"to (?:another|a different|one)\b|\bextend(?:ed|ing)? (?:an )?offer to\b",
)
_INTERVIEW = re.compile(
    r"\binterview(?:ed|ing|s)?\b|\bmet with\b|\bmeeting (?:with )?(?:the|our)\b|\bmeet(?:ing)? "
    r"(?:the|our) team\b|\bpanel\b|\bon-?site\b|\bspent with\b|\btechnical (?:round|session)\b"
    r"|\bentrevista|\bentretien|\bvorstellungsgespräch|\bgespräch",
)
_SCREEN = re.compile(
    r"\b(?:phone|screening|initial|introductory|intro|recruiter|first) (?:screen|call|chat|"
    r"conversation)\b|\bspeak(?:ing)? with me\b|\b(?:our|the) (?:call|chat|phone call)\b"
    r"|\bon the phone\b",
)
_NOT_INVITED = re.compile(
    r"\b(?:won'?t|will not|not) (?:be )?invit\w+ (?:you )?to (?:an )?interview"
)
# The patterns above read lower-cased text: case-insensitive matching of long alternations is
# several times slower in Python's regular expressions.
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")
_REASON = re.compile(
    r"\b(?:looking for|we need(?:ed)?|requires?|required)\b.{0,60}\b(?:experience|skills?|"
    r"background|someone|candidate)|\bmore (?:experience|senior|seniority|direct|hands-on)"
    r"|\b(?:closer|closely|better|stronger) (?:match|fit|aligned|align|matches)\b"
    r"|\bclose(?: enough)? match\b|\binternal candidate\b|\bbudget\b|\bsalary\b"
    r"|\b(?:been filled|on hold|cancell?ed|restructur|no longer recruiting|paused?)\b"
    r"|\bfeedback (?:from|was)\b|\b(?:not quite|weren'?t quite|not as)\b"
    r"|\b(?:alignment|aligned) with\b|\bcurrent needs\b|\bskill set\b|\bqualifications\b"
    r"|\bauthori[sz]ed to work|\bvisa|\bsponsorship\b|\blocation\b|\brelocat",
)


def reached_stage(subject: str, body: str) -> ReachedStage:
    """The furthest stage the rejection mentions; "application" when it mentions none."""
    text = (subject + "\n" + body[:4000]).lower()
    if _FINAL.search(text):
        return ReachedStage.FINAL
    if _INTERVIEW.search(_NOT_INVITED.sub(" ", text)):
        return ReachedStage.INTERVIEW
    if _SCREEN.search(text):
        return ReachedStage.SCREEN
    return ReachedStage.APPLICATION


def reason_phrases(body: str, limit: int = 3) -> list[str]:
    """Sentences of the email that give a reason for the decision, in order, at most `limit`."""
    reasons: list[str] = []
    for match in _SENTENCE.finditer(body[:4000]):
        sentence = " ".join(match.group(0).split())
        if (
            12 <= len(sentence) <= 300
            and _REASON.search(sentence.lower())
            and sentence not in reasons
        ):
            reasons.append(sentence)
            if len(reasons) == limit:
                break
    return reasons
