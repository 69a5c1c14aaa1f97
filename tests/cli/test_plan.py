"""`nextyes plan` from the command line."""

from __future__ import annotations

import json

from tests.conftest import Cli


def test_an_empty_plan_points_to_suggestions(run: Cli) -> None:
    assert "nextyes plan suggest" in run.ok("plan").output


def test_a_plan_item_goes_from_added_to_done_with_evidence(run: Cli) -> None:
    run.ok("plan", "add", "Practise answer-first replies", "--theme", "communication")
    run.ok("plan", "start", "1")
    run.ok("plan", "evidence", "1", "Recorded five answers", "--kind", "practice")
    run.ok("plan", "finish", "1", "--evidence", "Mock with Sam went well")
    listed = json.loads(run.ok("plan", "list", "--all", "--format", "json").output)
    assert listed[0]["status"] == "done"
    assert [e["text"] for e in listed[0]["evidence"]] == [
        "Recorded five answers", "Mock with Sam went well",
    ]  # fmt: skip
    assert "Nothing in your plan" in run.ok("plan").output


def test_suggestions_follow_recurring_feedback(run: Cli) -> None:
    run.ok("add", "Acme", "Analyst", "--on", "20 days ago")
    run.ok("reject", "1", "--on", "10 days ago")
    run.ok("feedback", "add", "1", "Your answers rambled and were hard to follow.")
    run.ok("feedback", "add", "1", "It was hard to follow your explanation of the project.")
    assert json.loads(run.ok("plan", "suggest", "--format", "json").output) == []  # one no
    run.ok("add", "Lumen", "Analyst", "--on", "18 days ago", "--yes")
    run.ok("reject", "2", "--on", "8 days ago")
    run.ok("feedback", "add", "2", "Some answers were long-winded and lost the thread.")
    found = json.loads(run.ok("plan", "suggest", "--format", "json").output)
    assert {s["theme"] for s in found} == {"communication"}
    assert found[0]["because"]["feedback_id"] in (1, 2, 3)
    run.ok("plan", "add", found[0]["key"])
    assert found[0]["key"] not in run.ok("plan", "suggest").output


def test_refusals_exit_2_with_a_way_forward(run: Cli) -> None:
    assert "No plan item 3" in run.fails("plan", "start", "3").output
    run.ok("plan", "add", "Something")
    run.ok("plan", "drop", "1")
    assert "final" in run.fails("plan", "start", "1").output
    assert "needs a title" in run.fails("plan", "add", " ").output
