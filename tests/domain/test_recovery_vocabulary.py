from __future__ import annotations

import pytest

from nextyes.domain.recovery import StageGroup, Tone, parse_tone, stage_group


@pytest.mark.parametrize(
    ("stage", "group"),
    [
        ("applied", StageGroup.SCREEN_OUT),
        ("screening", StageGroup.SCREEN_OUT),
        ("assessment", StageGroup.INTERVIEW),
        ("interview", StageGroup.INTERVIEW),
        ("Final", StageGroup.FINAL),
        ("offer", StageGroup.FINAL),
        ("screen_out", StageGroup.SCREEN_OUT),
    ],
)
def test_each_stage_a_no_can_follow_belongs_to_one_group(stage: str, group: StageGroup) -> None:
    assert stage_group(stage) is group


@pytest.mark.parametrize("stage", ["rejected", "accepted", "", "lunch"])
def test_a_stage_no_rejection_follows_is_named_in_the_error(stage: str) -> None:
    with pytest.raises(ValueError, match="expected one of: saved, applied"):
        stage_group(stage)


def test_tones_are_read_by_name_and_unknown_ones_list_the_choices() -> None:
    assert parse_tone(" Formal ") is Tone.FORMAL
    with pytest.raises(ValueError, match="choose warm, formal, brief"):
        parse_tone("sarcastic")
