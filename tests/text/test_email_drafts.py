from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from nextyes.domain.recovery import StageGroup, Tone
from nextyes.text.drafts import compose_feedback_request, compose_reply
from nextyes.text.feedback_lint import lint

STAGES = {
    StageGroup.SCREEN_OUT: "applied",
    StageGroup.INTERVIEW: "interview",
    StageGroup.FINAL: "final",
}

REQUEST_OPTIONAL = {
    "contact_name": "Priya Shah",
    "interview_date": date(2026, 11, 3),
    "interview_label": "second-round interview",
    "interview_topic": "the SQL case study",
    "sender_name": "Sam Lee",
}
REPLY_OPTIONAL = {
    "contact_name": "Priya Shah",
    "sender_name": "Sam Lee",
    "ask_future_roles": True,
    "connect": True,
}


def _combinations(optional: dict[str, Any]) -> list[dict[str, Any]]:
    names = list(optional)
    return [
        {name: optional[name] for name in chosen}
        for size in range(len(names) + 1)
        for chosen in itertools.combinations(names, size)
    ]


@pytest.mark.parametrize("tone", list(Tone))
@pytest.mark.parametrize("group", list(StageGroup))
def test_every_feedback_request_renders_with_and_without_each_optional_fact(
    tone: Tone, group: StageGroup, assert_reads_well: Callable[[str], None]
) -> None:
    for given in _combinations(REQUEST_OPTIONAL):
        draft = compose_feedback_request(
            tone=tone, stage=STAGES[group], company="Northwind", role="Data Analyst", **given
        )
        assert_reads_well(draft.subject)
        assert_reads_well(draft.body)
        assert "\n" not in draft.subject
        assert "Data Analyst" in draft.subject + draft.body
        assert lint(draft.body) == [], (given, draft.body)
        if "contact_name" in given:
            assert "Priya" in draft.body.splitlines()[0]
        if "sender_name" in given:
            assert draft.body.endswith("Sam Lee")


@pytest.mark.parametrize("tone", list(Tone))
@pytest.mark.parametrize("group", list(StageGroup))
def test_every_gracious_reply_renders_with_and_without_each_option(
    tone: Tone, group: StageGroup, assert_reads_well: Callable[[str], None]
) -> None:
    for given in _combinations(REPLY_OPTIONAL):
        draft = compose_reply(
            tone=tone, stage=STAGES[group], company="Northwind", role="Data Analyst", **given
        )
        assert_reads_well(draft.subject)
        assert_reads_well(draft.body)
        assert lint(draft.body) == [], (given, draft.body)


def test_facts_recorded_about_the_interview_appear_in_the_request() -> None:
    draft = compose_feedback_request(
        tone="warm",
        stage="interview",
        company="Northwind",
        role="Data Analyst",
        interview_date=date(2026, 11, 3),
        interview_label="panel interview",
        interview_topic="the SQL case study.",
    )
    assert "in the panel interview on 3 November" in draft.body
    assert "especially the SQL case study." in draft.body


def test_an_interview_in_another_year_gives_the_year() -> None:
    draft = compose_feedback_request(
        tone="formal",
        stage="interview",
        company="Northwind",
        role="Analyst",
        interview_date=date(2025, 12, 30),
        today=date(2026, 1, 6),
    )
    assert "30 December 2025" in draft.body


def test_after_a_screen_out_the_request_asks_only_about_the_application() -> None:
    draft = compose_feedback_request(
        tone="brief", stage="screening", company="Northwind", role="Analyst"
    )
    assert "interview" not in draft.body.lower()
    assert draft.body.count("?") <= 1


def test_after_a_final_round_the_request_asks_specific_questions() -> None:
    draft = compose_feedback_request(
        tone="warm", stage="final", company="Northwind", role="Analyst"
    )
    assert draft.body.count("?") >= 3


def test_a_titled_contact_is_greeted_by_first_name_warmly_and_in_full_formally() -> None:
    facts: dict[str, Any] = {"stage": "interview", "company": "Northwind", "role": "Analyst"}
    warm = compose_feedback_request(tone="warm", contact_name="Dr. Ana Ruiz", **facts)
    formal = compose_feedback_request(tone="formal", contact_name="Dr. Ana Ruiz", **facts)
    assert warm.body.startswith("Hi Ana,")
    assert formal.body.startswith("Dear Dr. Ana Ruiz,")


def test_whitespace_in_recorded_facts_cannot_break_the_layout() -> None:
    draft = compose_feedback_request(
        tone="warm",
        stage="interview",
        company="North\nwind  Ltd",
        role="  Data\tAnalyst ",
        contact_name="   ",
        interview_topic="\n",
    )
    assert "North wind Ltd" in draft.body
    assert draft.subject.endswith("Data Analyst interview")
    assert draft.body.startswith("Hello,")


def test_a_draft_needs_a_company_and_a_role() -> None:
    with pytest.raises(ValueError, match="company and the role"):
        compose_reply(tone="warm", stage="final", company=" ", role="Analyst")


def test_the_reply_asks_about_future_roles_only_when_asked_to() -> None:
    facts: dict[str, Any] = {"tone": "warm", "stage": "final", "company": "Northwind", "role": "X"}
    assert "considered" not in compose_reply(**facts).body
    assert "considered" in compose_reply(ask_future_roles=True, **facts).body
    assert "connection request" in compose_reply(connect=True, **facts).body


def test_draft_text_shows_the_subject_first() -> None:
    draft = compose_reply(tone="brief", stage="applied", company="Northwind", role="Analyst")
    assert draft.as_text().startswith("Subject: Thank you\n\n")
