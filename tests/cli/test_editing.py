"""Editing everywhere from the command line: edit, delete, merge, stories and reflections."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli, snapshot


def _journal_rows(run: Cli) -> dict[str, object]:
    from nextyes.config import Settings
    from nextyes.services.journal import open_journal

    journal = open_journal(Settings.from_env())
    try:
        return snapshot(journal)
    finally:
        journal.close()


def test_edit_changes_only_what_is_given_and_an_empty_value_clears(run: Cli) -> None:
    run.ok("add", "Acme", "Analyst", "--url", "https://jobs.example/1", "--source", "linkedin")
    out = run.ok("edit", "1", "--role", "Senior Analyst", "--url", "", "--format", "json")
    data = json.loads(out.output)
    assert (data["role"], data["url"], data["source"]) == ("Senior Analyst", None, "linkedin")
    assert "Updated: Acme · Senior Analyst." in run.ok("edit", "1", "--salary", "60k").output


def test_edit_refusals_change_nothing(run: Cli) -> None:
    run.ok("add", "Acme", "Analyst")
    before = _journal_rows(run)
    assert "Nothing to change" in run.fails("edit", "1").output
    assert "cannot be empty" in run.fails("edit", "1", "--company", " ").output
    assert "No application 9" in run.fails("edit", "9", "--role", "x").output
    assert "future" in run.fails("edit", "1", "--applied-on", "tomorrow").output
    assert _journal_rows(run) == before


def test_delete_asks_first_and_yes_skips_the_question(run: Cli) -> None:
    run.ok("add", "Acme", "Analyst")
    asked = run.fails("delete", "1", input="n\n")
    assert "everything recorded with it" in asked.output and "Nothing was changed" in asked.output
    assert "Removed Acme · Analyst." in run.ok("delete", "1", input="y\n").output
    again = run.ok("add", "Brightwell", "Analyst").output.strip()
    run.ok("delete", again, "--yes")
    assert json.loads(run.ok("list", "--format", "json").output) == []
    assert f"No application {again}" in run.fails("delete", again, "--yes").output


def test_merge_keeps_one_application_with_both_histories(run: Cli) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "2026-11-02", "--source", "referral")
    run.ok("add", "ACME Robotics Inc.", "Data Analyst", "--on", "2026-11-02", "--url",
           "https://jobs.example/acme", "--yes")  # fmt: skip
    run.ok("move", "1", "interview", "--on", "2026-11-10")
    run.ok("note", "2", "From the confirmation email")
    merged = json.loads(run.ok("merge", "1", "2", "--yes", "--format", "json").output)
    assert (merged["id"], merged["merged_from"], merged["stage"]) == (1, 2, "interview")
    assert merged["url"] == "https://jobs.example/acme" and merged["filled"] == ["url"]
    assert merged["same_steps"] == 1
    shown = json.loads(run.ok("show", "1", "--format", "json").output)
    assert [n["text"] for n in shown["notes"]] == ["From the confirmation email"]
    assert [a["id"] for a in json.loads(run.ok("list", "--format", "json").output)] == [1]


def test_merging_an_application_with_itself_is_refused_and_no_keeps_both(run: Cli) -> None:
    run.ok("add", "Acme", "Analyst")
    run.ok("add", "Acme", "Analyst", "--yes")
    before = _journal_rows(run)
    assert "Both ids are 1" in run.fails("merge", "1", "1", "--yes").output
    assert "No application 5" in run.fails("merge", "1", "5", "--yes").output
    declined = run.fails("merge", "1", "2", input="n\n")
    assert "moves everything recorded on #2 Acme" in declined.output
    assert _journal_rows(run) == before


def test_stories_are_edited_and_deleted(run: Cli) -> None:
    run.ok("story", "add", "Late dashboard", "--situation", "Quarter end", "--theme",
           "communication")  # fmt: skip
    edited = json.loads(
        run.ok("story", "edit", "1", "--result", "Shipped in a day", "--situation", "",
               "--theme", "technical_skills", "--format", "json").output
    )  # fmt: skip
    assert (edited["result"], edited["situation"]) == ("Shipped in a day", None)
    assert edited["themes"] == ["technical_skills"]
    assert "Nothing to change" in run.fails("story", "edit", "1").output
    assert "needs a title" in run.fails("story", "edit", "1", "--title", "  ").output
    assert "No story 3" in run.fails("story", "edit", "3", "--title", "x").output
    assert "Nothing was changed" in run.fails("story", "delete", "1", input="n\n").output
    assert "Removed story 1" in run.ok("story", "delete", "1", "--yes").output
    assert json.loads(run.ok("story", "list", "--format", "json").output) == []


def test_reflect_again_edits_the_reflection_and_reflection_delete_removes_it(
    run: Cli, tmp_path: Path
) -> None:
    run.ok("add", "Acme", "Analyst", "--on", "2026-11-01")
    run.ok("reject", "1", "--cool-down", "none")
    first, second = tmp_path / "first.yaml", tmp_path / "second.yaml"
    first.write_text("mood_before: 2\n")
    second.write_text("mood_after: 4\n")
    one = json.loads(run.ok("reflect", "1", "--answers", str(first), "--format", "json").output)
    two = json.loads(run.ok("reflect", "1", "--answers", str(second), "--format", "json").output)
    assert one["id"] == two["id"] and (two["mood_before"], two["mood_after"]) == (2, 4)
    three = json.loads(
        run.ok("reflect", "1", "--new", "--answers", str(second), "--format", "json").output
    )
    assert three["id"] != one["id"]
    assert f"reflection #{three['id']}" in run.ok("show", "1").output
    assert "Removed reflection" in run.ok("reflection", "delete", str(three["id"]), "--yes").output
    assert "No reflection 99" in run.fails("reflection", "delete", "99", "--yes").output
