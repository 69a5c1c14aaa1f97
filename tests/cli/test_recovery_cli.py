"""The recovery commands end to end: reject, today, feedback, reply, reflect, interview."""

from __future__ import annotations

import json
import string
from email import message_from_bytes, policy
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextyes.config import Settings
from nextyes.services.journal import open_journal
from nextyes.services.recovery.reflection import plan_reflection
from tests.conftest import Cli, snapshot

# The clock is pinned to Sunday 2026-11-22 10:00 (tests/conftest.py).


@pytest.fixture
def interviewed(run: Cli) -> Cli:
    """Application 1 reached an interview with Priya Shah; application 2 is still open."""
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "2026-11-01")
    run.ok(
        "move", "1", "interview", "--on", "2026-11-16", "--with", "Priya Shah", "--kind", "panel"
    )
    run.ok("add", "Brightwell", "Analyst", "--on", "2026-11-10", "--yes")
    return run


def _state() -> dict[str, object]:
    journal = open_journal(Settings.from_env())
    try:
        return snapshot(journal)
    finally:
        journal.close()


def test_reject_answers_kindly_with_the_window_and_suggestions(interviewed: Cli) -> None:
    out = interviewed.ok("reject", "1", "--cool-down", "evening").output
    assert "Your cool-down runs until 21:00 this evening." in out
    assert "A few small things that might help:" in out
    assert out.count("\n  - ") in (2, 3)


def test_reject_json_carries_the_cool_down(interviewed: Cli) -> None:
    data = json.loads(
        interviewed.ok("reject", "1", "--cool-down", "24h", "--format", "json").output
    )
    assert data["cool_down"]["kind"] == "1d"
    assert data["cool_down"]["ends_at"].startswith("2026-11-23T10:00")
    assert data["at_stage"] == "interview"
    assert data["message"]
    assert 2 <= len(data["suggestions"]) <= 3


def test_today_shows_the_cool_down_then_the_next_steps(interviewed: Cli) -> None:
    interviewed.ok("reject", "1", "--cool-down", "evening")
    during = json.loads(interviewed.ok("today", "--format", "json").output)
    assert during["cool_down"]["application_id"] == 1
    assert not [i for i in during["items"] if i["kind"].startswith("recovery_")]
    assert "Cool-down for Acme Robotics" in interviewed.ok("today").output
    after = interviewed("today", "--format", "json", env={"NEXTYES_NOW": "2026-11-23T09:00"})
    data = json.loads(after.output)
    assert data["cool_down"] is None
    kinds = {i["kind"] for i in data["items"] if i["application_id"] == 1}
    assert kinds == {"recovery_request_feedback", "recovery_reply", "recovery_reflect"}


def test_the_cool_down_default_is_a_setting(interviewed: Cli) -> None:
    interviewed.ok("settings", "cool_down", "weekend")
    data = json.loads(interviewed.ok("reject", "1", "--format", "json").output)
    assert data["cool_down"]["kind"] == "weekend"


def test_a_bad_cool_down_setting_is_refused(interviewed: Cli) -> None:
    assert "evening, weekend, none" in interviewed.fails("settings", "cool_down", "ages").output


def test_feedback_request_sent_and_follow_up_flow(interviewed: Cli, home: Path) -> None:
    interviewed.ok("reject", "1", "--cool-down", "none")
    draft = interviewed.ok("feedback", "request", "1", "--about", "the SQL case study").output
    assert draft.startswith("Subject: ")
    assert "Hi Priya," in draft
    assert "nextyes feedback sent 1" in draft
    out = interviewed.ok(
        "feedback", "request", "1", "--as", "eml", "--email", "priya@acme.example"
    ).output
    eml = home / "drafts" / "1-feedback_request.eml"
    assert str(eml) in out
    assert message_from_bytes(eml.read_bytes(), policy=policy.default)["X-Unsent"] == "1"
    assert (
        "follow-up will be suggested on 2026-11-29"
        in interviewed.ok("feedback", "sent", "1").output
    )
    later = {"NEXTYES_NOW": "2026-11-30T09:00"}
    follow_up = interviewed("feedback", "request", "1", env=later)
    assert follow_up.exit_code == 0
    assert "Following up" in follow_up.output
    assert "last nudge" in interviewed("feedback", "sent", "1", env=later).output
    again = interviewed("feedback", "sent", "1", env=later)
    assert again.exit_code == 2
    assert "never nags" in again.output


def test_feedback_add_keeps_it_and_shows_it_on_the_application(interviewed: Cli) -> None:
    interviewed.ok("reject", "1", "--cool-down", "none")
    interviewed.ok("feedback", "add", "1", "Great SQL, but the case study needed structure.")
    detail = json.loads(interviewed.ok("show", "1", "--format", "json").output)
    assert detail["feedback"][0]["text"].startswith("Great SQL")
    declined = interviewed.ok("feedback", "add", "1", "We do not provide feedback, sorry.")
    assert "policy, not a verdict" in declined.output


def test_feedback_lint_exits_3_when_it_flags_and_0_when_clean(run: Cli, tmp_path: Path) -> None:
    bad = run("feedback", "lint", input="Why did you pick the other candidate?")
    assert bad.exit_code == 3
    assert "1:1 Comparing yourself with others" in bad.output
    assert "Try: " in bad.output
    good = run("feedback", "lint", input="Thank you for your time; any thoughts are welcome.")
    assert good.exit_code == 0
    draft = tmp_path / "draft.txt"
    draft.write_text("Hello,\n\nI deserve to know why. Please reconsider.\n", encoding="utf-8")
    data = json.loads(run("feedback", "lint", str(draft), "--format", "json").output)
    assert [(f["category"], f["line"]) for f in data] == [("demand", 3), ("pleading", 3)]


def test_feedback_lint_of_a_missing_file_is_a_user_error(run: Cli, tmp_path: Path) -> None:
    result = run("feedback", "lint", str(tmp_path / "nope.txt"))
    assert result.exit_code == 2
    assert "No such file" in result.output


def test_reply_drafts_and_keeps_the_interviewer(interviewed: Cli) -> None:
    interviewed.ok("reject", "1", "--cool-down", "none")
    out = interviewed.ok("reply", "1", "--ask-future-roles", "--connect").output
    assert "Hi Priya," in out
    assert "Kept as contacts at Acme Robotics: Priya Shah." in out
    people = json.loads(interviewed.ok("show", "1", "--format", "json").output)["contacts"]
    assert [p["name"] for p in people] == ["Priya Shah"]


def test_reflect_from_an_answers_file(interviewed: Cli, tmp_path: Path) -> None:
    interviewed.ok("reject", "1", "--cool-down", "none")
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "mood_before: 2\nanswers:\n  answers: The churn story landed.\n"
        "hard_questions: [Design an A/B test]\nattribution: {culture_fit: partly}\n"
        "mood_after: 3\n",
        encoding="utf-8",
    )
    data = json.loads(
        interviewed.ok("reflect", "1", "--answers", str(answers), "--format", "json").output
    )
    assert (data["mood_before"], data["mood_after"], data["stage_group"]) == (2, 3, "interview")
    assert data["attributions"] == {"culture_fit": "partly"}
    listed = json.loads(interviewed.ok("interview", "questions", "1", "--format", "json").output)
    assert [(q["text"], q["hard"]) for q in listed] == [("Design an A/B test", True)]


def test_reflect_interactively_with_the_time_box_shown(interviewed: Cli) -> None:
    interviewed.ok("reject", "1", "--cool-down", "none")
    journal = open_journal(Settings.from_env())
    try:
        plan = plan_reflection(journal.uow(), 1)
    finally:
        journal.close()
    typed = (
        "2\n"
        + "An answer\n" * len(plan.session.questions)
        + "Why us?\n\n"  # hard questions, then an empty line
        + "\n" * len(plan.suggested)  # keep the suggested attribution
        + "4\n"
    )
    result = interviewed.ok("reflect", "1", input=typed)
    assert "This takes about 15 minutes" in result.output
    assert "15 minutes left." in result.output
    assert "That's the hardest part of a no, done." in result.output
    journal = open_journal(Settings.from_env())
    try:
        (row,) = journal.db.query("SELECT mood_before, mood_after, answers FROM reflections")
        (hard,) = journal.db.query("SELECT text FROM interview_questions WHERE hard = 1")
    finally:
        journal.close()
    assert (row["mood_before"], row["mood_after"]) == (2, 4)
    assert "An answer" in row["answers"]
    assert hard["text"] == "Why us?"


def test_interview_questions_are_recorded_and_flagged(interviewed: Cli) -> None:
    interviewed.ok("interview", "questions", "1", "--add", "Why us?", "--hard", "Window functions")
    listed = json.loads(interviewed.ok("interview", "questions", "1", "--format", "json").output)
    assert [(q["text"], q["hard"]) for q in listed] == [
        ("Why us?", False),
        ("Window functions", True),
    ]
    interviewed.ok("interview", "questions", "1", "--mark-hard", str(listed[0]["id"]))
    table = interviewed.ok("interview", "questions", "1").output
    assert table.count("hard") == 2


BAD = [
    (("reject", "1", "--cool-down", "forever"), "evening, weekend, none"),
    (("reject", "1", "--cool-down", "30d"), "at most 14 days"),
    (("feedback", "request", "2"), "follows a no"),
    (("feedback", "sent", "2"), "follows a no"),
    (("feedback", "request", "9"), "No application 9"),
    (("feedback", "add", "1", "  "), "feedback is empty"),
    (("feedback", "add", "1", "ok", "--on", "tomorrow"), "future"),
    (("feedback", "sent", "1", "--follow-up-in", "90d"), "1 to 60 days"),
    (("reply", "2"), "follows a no"),
    (("reflect", "2"), "follows a no"),
    (("reflect", "1", "--minutes", "500"), "from 5 to 60"),
    (("interview", "questions", "42"), "No interview 42"),
    (("interview", "questions", "1", "--add", " "), "question is empty"),
    (("interview", "questions", "1", "--mark-hard", "99"), "has no question 99"),
    (("feedback", "request", "1", "--email", "not-an-address"), "doesn't look like"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_refused_clearly_and_changes_nothing(
    interviewed: Cli, args: tuple[str, ...], message: str
) -> None:
    if args[0] != "reject":
        interviewed.ok("reject", "1", "--cool-down", "none")
    before = _state()
    result = interviewed.fails(*args)
    assert message in result.output
    assert _state() == before


def test_a_reply_with_nobody_to_write_to_is_refused(run: Cli) -> None:
    run.ok("add", "Quiet Co", "Analyst", "--on", "2026-11-01")
    run.ok("reject", "1", "--cool-down", "none")
    before = _state()
    assert "nobody to reply to" in run.fails("reply", "1").output
    assert _state() == before


@pytest.mark.parametrize("content", ["", "\n\n", "{}"])
def test_an_empty_answers_file_is_refused(interviewed: Cli, tmp_path: Path, content: str) -> None:
    interviewed.ok("reject", "1", "--cool-down", "none")
    answers = tmp_path / "answers.yaml"
    answers.write_text(content, encoding="utf-8")
    before = _state()
    assert "is empty" in interviewed.fails("reflect", "1", "--answers", str(answers)).output
    assert _state() == before


def test_the_demo_has_data_for_every_recovery_feature(run: Cli) -> None:
    run.ok("demo")
    journal = open_journal(Settings.from_env())
    try:
        counts = {
            table: journal.db.scalar(f"SELECT COUNT(*) FROM {table}")
            for table in ("cool_downs", "feedback_requests", "drafts", "reflections", "moods")
        }
        statuses = {
            r["status"] for r in journal.db.query("SELECT DISTINCT status FROM feedback_requests")
        }
        kinds = {r["kind"] for r in journal.db.query("SELECT DISTINCT kind FROM drafts")}
        hard = journal.db.scalar("SELECT COUNT(*) FROM interview_questions WHERE hard = 1")
    finally:
        journal.close()
    assert all(counts.values()), counts
    assert {"waiting", "answered", "no_reply"} <= statuses
    assert {"feedback_request", "reply"} <= kinds
    assert hard
    today = json.loads(run.ok("today", "--format", "json").output)
    assert "cool_down" in today
    assert {i["kind"] for i in today["items"]} >= {"recovery_follow_up", "recovery_reflect"}


recovery_args = st.lists(
    st.one_of(
        st.text(alphabet=string.ascii_letters + string.digits + " -'@.é", max_size=12),
        st.sampled_from(["1", "2", "99", "-1", "--to", "--email", "--tone", "warm", "formal",
                         "--as", "eml", "mailto", "text", "--on", "today", "tomorrow",
                         "--cool-down", "evening", "weekend", "90m", "0h", "none", "--from",
                         "self", "--format", "json", "--add", "--hard", "--mark-hard",
                         "--follow-up-in", "7d", "a@b.co", "--ask-future-roles"]),
    ),
    max_size=6,
)  # fmt: skip


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    command=st.sampled_from(
        [("reject",), ("feedback", "request"), ("feedback", "sent"), ("feedback", "add"),
         ("reply",), ("interview", "questions")]
    ),
    args=recovery_args,
)  # fmt: skip
def test_no_recovery_input_produces_a_traceback_or_a_half_write(
    interviewed: Cli, command: tuple[str, ...], args: list[str]
) -> None:
    before = _state()
    result = interviewed(*command, *args, input="n\n")
    assert result.exit_code in (0, 2), (command, args, result.output, result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.output.strip()
        assert _state() == before


def test_a_form_letter_no_is_kept_as_feedback_with_no_specific_reason(interviewed: Cli) -> None:
    interviewed.ok("reject", "1", "--cool-down", "none")
    kept = interviewed.ok(
        "feedback", "add", "1",
        "Thank you for applying. Due to the high volume of applications we will not be "
        "progressing your application.",
    )  # fmt: skip
    assert "No specific reason given" in kept.output
    themed = interviewed.ok("feedback", "add", "1", "The panel said my answers rambled.")
    assert "communication (from:" in themed.output.replace("\n", " ")
