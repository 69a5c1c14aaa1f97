from __future__ import annotations

import pytest

from nextyes import content
from nextyes.domain.recovery import StageGroup, Tone
from nextyes.text import templating
from nextyes.text.recovery import all_reflection_questions


def test_content_files_are_read_once_and_shared() -> None:
    assert content.load("recovery/rejection") is content.load("recovery/rejection")


@pytest.mark.parametrize("name", ["../secrets", "", "no-such", "a/b/c", "/abs", "recovery/"])
def test_only_plain_content_names_are_accepted(name: str) -> None:
    with pytest.raises(ValueError, match="not a content file name"):
        content.load(name)


def test_a_missing_content_file_is_named() -> None:
    with pytest.raises(FileNotFoundError, match=r"no_such_file\.toml"):
        content.load("no_such_file")


def test_there_are_at_least_six_rejection_messages_and_each_template_parses() -> None:
    messages = content.load("recovery/rejection")["message"]
    assert len(messages) >= 6
    assert len({m["id"] for m in messages}) == len(messages)
    for message in messages:
        facts = {"company", "role", "noes_this_week", "step"}
        assert templating.parse(message["text"]).fields <= facts
        if "without_cool_down" in message:
            assert templating.parse(message["without_cool_down"]).fields <= facts


def test_there_is_a_message_for_any_situation() -> None:
    assert any(set(m) == {"id", "text"} for m in content.load("recovery/rejection")["message"])


def test_each_tone_has_a_feedback_request_for_every_stage_group() -> None:
    requests = content.load("recovery/feedback_requests")
    for tone in Tone:
        assert set(requests[tone.value]) == {g.value for g in StageGroup}
        for template in requests[tone.value].values():
            templating.parse(template["subject"])
            templating.parse(template["body"])


def test_there_are_at_least_three_reply_templates() -> None:
    replies = content.load("recovery/replies")
    assert len([t for t in Tone if t.value in replies]) >= 3
    assert set(replies["thanks_for"]) >= {g.value for g in StageGroup}  # and a stage or two


def test_there_are_at_least_twenty_five_reflection_questions_with_unique_ids() -> None:
    questions = all_reflection_questions()
    assert len(questions) >= 25
    assert len({q.id for q in questions}) == len(questions)


def test_every_topic_in_a_reflection_set_has_a_question_for_that_group() -> None:
    data = content.load("recovery/reflection")
    questions = all_reflection_questions()
    for group, topics in data["sets"].items():
        for topic in topics:
            assert any(q.topic == topic and StageGroup(group) in q.groups for q in questions), (
                group,
                topic,
            )


def test_content_never_points_at_a_person_as_the_problem() -> None:
    blaming = ("your fault", "you failed", "you should have", "you must", "mistake you made")
    for name in (
        "recovery/rejection",
        "recovery/feedback_requests",
        "recovery/replies",
        "recovery/reflection",
    ):
        text = str(content.load(name)).lower()
        assert not any(phrase in text for phrase in blaming), name


def test_every_content_file_reads_as_toml() -> None:
    # a table declared twice in one file breaks every message of that file, not only the new one
    names = [
        path.relative_to(content.FOLDER).with_suffix("").as_posix()
        for path in sorted(content.FOLDER.rglob("*.toml"))
    ]
    assert len(names) >= 30
    for name in names:
        assert isinstance(content.load(name), dict), name
