"""Pipeline stages and the moves allowed between them.

saved -> applied -> screening -> assessment -> interview (rounds) -> final -> offer ->
accepted | declined; from any open stage: rejected, withdrawn, ghosted.
"""

from __future__ import annotations

from enum import StrEnum

from nextyes.domain.companies import typed_key
from nextyes.domain.errors import Conflict, InvalidInput, Words


class Stage(StrEnum):
    SAVED = "saved"
    APPLIED = "applied"
    SCREENING = "screening"
    ASSESSMENT = "assessment"
    INTERVIEW = "interview"
    FINAL = "final"
    OFFER = "offer"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"
    GHOSTED = "ghosted"

    @property
    def is_open(self) -> bool:
        return self in OPEN_STAGES

    @property
    def is_progress(self) -> bool:
        """A step along the pipeline (as opposed to an ending)."""
        return self in PROGRESS

    @property
    def label(self) -> str:
        return LABELS[self]


PROGRESS: tuple[Stage, ...] = (
    Stage.SAVED,
    Stage.APPLIED,
    Stage.SCREENING,
    Stage.ASSESSMENT,
    Stage.INTERVIEW,
    Stage.FINAL,
    Stage.OFFER,
)
RANK: dict[Stage, int] = {stage: i for i, stage in enumerate(PROGRESS)}
RANK[Stage.ACCEPTED] = RANK[Stage.DECLINED] = len(PROGRESS)

OPEN_STAGES = frozenset(PROGRESS)
ENDINGS = frozenset({Stage.ACCEPTED, Stage.DECLINED, Stage.REJECTED, Stage.WITHDRAWN})
# Ghosted closes an application for planning purposes, but a late answer can revive it.
CLOSED_STAGES = ENDINGS | {Stage.GHOSTED}
# Stages a user can reach with `nextyes move` (rejections have their own command).
MOVE_TARGETS = tuple(s for s in Stage if s not in (Stage.SAVED, Stage.REJECTED))
# Stages reached by being invited to talk: an invitation is a small win.
INTERVIEW_STAGES = frozenset({Stage.INTERVIEW, Stage.FINAL})
# Stages whose date may lie ahead: it is when the interview or assessment is scheduled.
SCHEDULED_STAGES = frozenset({Stage.ASSESSMENT, Stage.INTERVIEW, Stage.FINAL})

LABELS: dict[Stage, str] = {
    Stage.SAVED: "Saved",
    Stage.APPLIED: "Applied",
    Stage.SCREENING: "Screening",
    Stage.ASSESSMENT: "Assessment",
    Stage.INTERVIEW: "Interview",
    Stage.FINAL: "Final round",
    Stage.OFFER: "Offer",
    Stage.ACCEPTED: "Accepted",
    Stage.DECLINED: "Declined",
    Stage.REJECTED: "Not this time",
    Stage.WITHDRAWN: "Withdrawn",
    Stage.GHOSTED: "No answer",
}


def parse_stage(text: str) -> Stage:
    """A stage from what a user typed ("Final", "final round", "phone screen")."""
    key = typed_key(text)
    aliases = {
        "final round": Stage.FINAL,
        "phone screen": Stage.SCREENING,
        "screen": Stage.SCREENING,
        "interviewing": Stage.INTERVIEW,
        "offered": Stage.OFFER,
        "rejection": Stage.REJECTED,
        "no answer": Stage.GHOSTED,
    }
    if key in aliases:
        return aliases[key]
    try:
        return Stage(key)
    except ValueError:
        names = ", ".join(s.value for s in MOVE_TARGETS)
        raise InvalidInput(f"'{text}' is not a stage. Use one of: {names}.") from None


def check_move(current: Stage, target: Stage, *, correct: bool = False) -> None:
    """Refuse a move the pipeline does not allow, with the way forward in the message.

    Forward moves are always fine from an open stage; another interview round is fine; a late
    answer revives a ghosted application. Going backwards, or leaving an ending, corrects a
    mistake and needs `correct=True` (`--correct` on the command line).
    """
    if correct:
        if target is current:
            raise Conflict(f"The application is already at {current.value}; nothing to correct.")
        return
    if target is current:
        if target is Stage.INTERVIEW:
            return  # another round
        raise Conflict(f"The application is already at {current.value}.")
    if current in ENDINGS:
        raise Conflict(
            f"The application ended ({current.value}). If that was recorded by mistake, "
            f"add --correct to move it to {target.value}.",
            web=Words("pipeline/web", "ended", {"current": current.value, "target": target.value}),
        )
    if target in (Stage.REJECTED, Stage.WITHDRAWN, Stage.GHOSTED):
        if current is Stage.GHOSTED:
            if target is Stage.GHOSTED:
                raise Conflict("The application is already marked as no answer.")
            return
        return
    if target in (Stage.ACCEPTED, Stage.DECLINED):
        if current is not Stage.OFFER:
            raise Conflict(
                f"Only an offer can be {target.value}; this application is at {current.value}. "
                f"Move it to offer first (nextyes move ID offer).",
                web=Words(
                    "pipeline/web",
                    "only_an_offer",
                    {"current": current.value, "target": target.value},
                ),
            )
        return
    if current is Stage.GHOSTED:
        return  # they answered after all
    if RANK[target] < RANK[current]:
        raise Conflict(
            f"Moving from {current.value} back to {target.value} goes backwards. If the stage was "
            f"recorded by mistake, add --correct.",
            web=Words(
                "pipeline/web", "backwards", {"current": current.value, "target": target.value}
            ),
        )
