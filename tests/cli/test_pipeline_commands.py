from __future__ import annotations

import csv
import io
import json

from tests.conftest import Cli


def _add(run: Cli, *args: str) -> int:
    return int(run.ok("add", *args).output.strip())


def test_add_prints_the_new_id_and_json_gives_the_application(run: Cli) -> None:
    assert _add(run, "Acme Robotics", "Data Analyst") == 1
    result = run.ok("add", "Brightwell", "Analyst", "--source", "linkedin", "--resume", "v3",
                    "--url", "https://example.com/job", "--on", "3 days ago", "--format", "json")  # fmt: skip
    data = json.loads(result.output)
    assert data["id"] == 2
    assert (data["company"], data["stage"], data["applied_on"]) == (
        "Brightwell",
        "applied",
        "2026-11-19",
    )
    assert (data["source"], data["resume_version"]) == ("linkedin", "v3")


def test_a_note_says_what_was_kept_on_which_application_and_where_to_see_it(run: Cli) -> None:
    _add(run, "Acme Robotics", "Data Analyst")
    out = run.ok("note", "1", "They use dbt and Looker").output
    assert "Note kept with Acme Robotics · Data Analyst (application 1), dated 2026-11-22" in out
    assert "“They use dbt and Looker”" in out and "nextyes show 1" in out
    assert "Private" not in out
    private = run.ok("note", "1", "Felt flat afterwards", "--private", "--on", "yesterday").output
    assert "dated 2026-11-21" in private and "stays out of anything you share" in private
    kept = json.loads(run.ok("note", "1", "Ask about the team", "--format", "json").output)
    assert kept == {"note_id": 3, "application_id": 1, "written_on": "2026-11-22",
                    "private": False}  # fmt: skip
    shown = json.loads(run.ok("show", "1", "--format", "json").output)
    assert [n["text"] for n in shown["notes"]][-1] == "Ask about the team"


def test_list_has_table_json_and_csv(run: Cli) -> None:
    _add(run, "Acme Robotics", "Data Analyst", "--source", "linkedin")
    _add(run, "=Evil Corp", "Analyst")
    table = run.ok("list").output
    assert "Acme Robotics" in table and "2 applications" in table
    items = json.loads(run.ok("list", "--format", "json").output)
    assert set(items[0]) >= {
        "id",
        "company",
        "role",
        "stage",
        "applied_on",
        "last_activity_on",
        "source",
    }
    rows = list(csv.reader(io.StringIO(run.ok("list", "--format", "csv").output)))
    assert rows[0][:4] == ["id", "company", "role", "stage"]
    assert "'=Evil Corp" in [r[1] for r in rows]  # spreadsheet formulas are neutralised


def test_list_filters(run: Cli) -> None:
    first = _add(run, "Acme", "Analyst", "--on", "2026-10-01")
    second = _add(run, "Brightwell", "Analyst")
    run.ok("move", str(second), "screening")
    ids = lambda *a: [i["id"] for i in json.loads(run.ok("list", "--format", "json", *a).output)]  # noqa: E731
    assert ids("--stage", "screening") == [second]
    assert ids("--company", "acme") == [first]
    assert ids("--since", "2026-11-01") == [second]
    assert ids("--limit", "1") == [second]
    run.ok("reject", str(first))
    assert ids("--active") == [second]


def test_show_gives_the_timeline(run: Cli) -> None:
    app_id = _add(run, "Acme Robotics", "Data Analyst", "--note", "found via Ruth")
    run.ok("move", str(app_id), "interview", "--round", "2", "--on", "2026-11-25", "--note",
           "panel with the data team", "--at", "2pm", "--with", "Priya, Tom")  # fmt: skip
    run.ok("note", str(app_id), "Read their annual report")
    data = json.loads(run.ok("show", str(app_id), "--format", "json").output)
    assert (data["id"], data["company"], data["role"], data["stage"]) == (
        app_id, "Acme Robotics", "Data Analyst", "interview")  # fmt: skip
    assert [e["stage"] for e in data["events"]] == ["applied", "interview"]
    assert data["interviews"][0] == {
        "id": 1, "round": 2, "kind": "other", "on": "2026-11-25", "at": "14:00",
        "interviewers": ["Priya", "Tom"], "location": None, "notes": "panel with the data team",
    }  # fmt: skip
    text = run.ok("show", str(app_id)).output
    assert (
        "Interview (round 2)" in text
        and "Read their annual report" in text
        and "on Wednesday" in text
    )


def test_move_explains_what_it_did(run: Cli) -> None:
    app_id = _add(run, "Acme", "Analyst")
    out = run.ok("move", str(app_id), "final round").output
    assert "now final round" in out


def test_reject_records_the_stage_and_reason(run: Cli) -> None:
    app_id = _add(run, "Acme", "Analyst")
    run.ok("move", str(app_id), "interview")
    data = json.loads(
        run.ok("reject", str(app_id), "--reason", "internal candidate", "--format", "json").output
    )
    assert (data["stage"], data["at_stage"]) == ("rejected", "interview")
    out = run.ok("reject", str(_add(run, "B", "C"))).output
    assert "Your cool-down runs until" in out  # the kind words and the window (see test_recovery)


def test_adding_to_a_company_that_said_no_recently_asks_first(run: Cli) -> None:
    old = _add(run, "Acme Robotics", "Analyst", "--on", "2026-09-01")
    run.ok("reject", str(old), "--on", "2026-09-20", "--reason", "needed more SQL")
    refused = run.fails("add", "ACME Robotics Inc", "Data Analyst", input="n\n")
    assert "a no on 2026-09-20, at the applied stage" in refused.output
    assert "needed more SQL" in refused.output
    assert "Nothing was saved" in refused.output
    assert len(json.loads(run.ok("list", "--format", "json").output)) == 1
    assert run.ok("add", "Acme Robotics", "Data Analyst", input="y\n").output.strip().endswith("2")
    assert run.ok("add", "Acme Robotics", "BI Developer", "--yes").output.strip() == "3"


def test_today_lists_what_needs_attention(run: Cli) -> None:
    app_id = _add(run, "Acme", "Analyst", "--on", "30 days ago")
    booked = _add(run, "Brightwell", "Analyst")
    run.ok("move", str(booked), "interview", "--on", "tomorrow", "--at", "10:30")
    data = json.loads(run.ok("today", "--format", "json").output)
    assert data["date"] == "2026-11-22"
    kinds = {(i["kind"], i["application_id"]) for i in data["items"]}
    assert {("follow_up", app_id), ("prep", booked), ("interview", booked)} <= kinds
    text = run.ok("today").output
    assert "No answer from Acme" in text and "Coming up" in text


def test_an_empty_journal_has_a_calm_today(run: Cli) -> None:
    assert "Nothing needs you today" in run.ok("today").output


def test_settings_show_and_change(run: Cli) -> None:
    assert "follow_up_after_applied_days" in run.ok("settings").output
    run.ok("settings", "follow_up_after_applied_days", "14")
    assert (
        json.loads(run.ok("settings", "--format", "json").output)["follow_up_after_applied_days"]
        == 14
    )
    run.ok("settings", "follow_up_after_applied_days", "--reset")
    assert (
        json.loads(run.ok("settings", "--format", "json").output)["follow_up_after_applied_days"]
        == 21
    )
    assert "no setting called" in run.fails("settings", "colour", "blue").output
    assert "out of range" in run.fails("settings", "upcoming_days", "0").output


def test_demo_fills_a_fresh_home_and_refuses_a_used_one(run: Cli) -> None:
    out = run.ok("demo", "--seed", "1").output
    assert "Demo journal ready" in out
    assert len(json.loads(run.ok("list", "--format", "json", "--limit", "500").output)) >= 110
    assert "--home" in run.fails("demo").output


def test_an_interview_of_no_particular_kind_is_just_an_interview(run: Cli) -> None:
    """Not "Other interview": the kind is named only when it was given."""
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "3 days ago")
    run.ok("move", "1", "interview", "--round", "1", "--on", "tomorrow", "--at", "14:00")
    run.ok("add", "Brightwell", "Analyst", "--on", "3 days ago")
    run.ok("move", "2", "interview", "--on", "tomorrow", "--kind", "onsite")
    shown = run.ok("show", "1").output
    assert "Interview #1 14:00" in shown and "other" not in shown.lower(), shown
    assert "On-site interview #2" in run.ok("show", "2").output
    questions = run.ok("interview", "questions", "1").output
    assert "Data Analyst: interview on" in questions and "other" not in questions.lower()
