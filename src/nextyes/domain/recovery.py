"""The vocabulary of recovering from a "no": how far the process went, and the tone to write in.

What a person can usefully ask or reflect on depends on the stage they reached before the "no":
after an application screen there is little to ask about; after interviews there is a
conversation to learn from; after a final round there is room for specific questions, and for
asking whether the role was the right fit at all.
"""

from __future__ import annotations

from enum import StrEnum


class StageGroup(StrEnum):
    """Where the process stopped, as far as recovery is concerned."""

    SCREEN_OUT = "screen_out"
    INTERVIEW = "interview"
    FINAL = "final"


class Tone(StrEnum):
    """How a drafted email sounds."""

    WARM = "warm"
    FORMAL = "formal"
    BRIEF = "brief"


_GROUP_OF_STAGE: dict[str, StageGroup] = {
    "saved": StageGroup.SCREEN_OUT,
    "applied": StageGroup.SCREEN_OUT,
    "screening": StageGroup.SCREEN_OUT,
    "assessment": StageGroup.INTERVIEW,
    "interview": StageGroup.INTERVIEW,
    "final": StageGroup.FINAL,
    "offer": StageGroup.FINAL,
}

RECOVERABLE_STAGES: tuple[str, ...] = tuple(_GROUP_OF_STAGE)


def stage_group(stage: str) -> StageGroup:
    """The group of the stage an application had reached when the "no" arrived.

    `stage` is a pipeline stage name (`applied`, `interview`, `final`, ...); a StageGroup
    value is accepted as well, so callers that already grouped it can pass it through.
    """
    key = str(stage).strip().lower()
    if key in _GROUP_OF_STAGE:
        return _GROUP_OF_STAGE[key]
    try:
        return StageGroup(key)
    except ValueError:
        known = ", ".join(RECOVERABLE_STAGES)
        raise ValueError(
            f"{stage!r} is not a stage a rejection can follow; expected one of: {known}."
        ) from None


def parse_tone(tone: str) -> Tone:
    """A Tone from its name, with a message that lists the choices when it is not one."""
    try:
        return Tone(str(tone).strip().lower())
    except ValueError:
        choices = ", ".join(t.value for t in Tone)
        raise ValueError(f"{tone!r} is not a tone nextyes writes in; choose {choices}.") from None
