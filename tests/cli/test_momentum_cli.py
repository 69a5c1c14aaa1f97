"""Momentum on the command line: goals, wins, care, mood, the why, contacts, calendar, growth."""

from __future__ import annotations

import json
import os
import string
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from nextyes.config import Settings
from nextyes.services.journal import open_journal
from tests.conftest import Cli, snapshot


def _state() -> dict[str, object]:
    journal = open_journal(Settings.from_env())
    try:
        return snapshot(journal)
    finally:
        journal.close()


@pytest.fixture
def seeded(run: Cli) -> Cli:
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "3 days ago")
    run.ok("contact", "add", "Priya Natarajan", "--relation", "mentor", "--company", "Lumen")
    return run


def test_a_goal_is_set_shown_in_today_and_stopped(seeded: Cli) -> None:
    out = seeded.ok("goal", "set", "applications", "3/week").output
    assert "Goal set: 3 applications a week" in out and "1 of 3" in out
    listed = json.loads(seeded.ok("goal", "--format", "json").output)
    assert [(g["metric"], g["done"], g["remaining"]) for g in listed] == [("applications", 1, 2)]
    today = json.loads(seeded.ok("today", "--format", "json").output)
    assert today["goals"][0]["message"] == listed[0]["message"]
    assert "This week" in seeded.ok("today").output
    assert "Stopped" in seeded.ok("goal", "stop", "applications").output
    assert "No weekly goals yet" in seeded.ok("goal").output


def test_wins_are_logged_in_a_sentence_and_listed_with_the_found_ones(seeded: Cli) -> None:
    assert "Noted" in seeded.ok("win", "Nailed the system design question").output
    seeded.ok("win", "Calm", "in", "the", "panel", "--on", "yesterday")
    seeded.ok("move", "1", "interview", "--on", "tomorrow")
    wins = json.loads(seeded.ok("win", "list", "--format", "json").output)
    texts = [w["text"] for w in wins]
    assert "Nailed the system design question" in texts and "Calm in the panel" in texts
    assert any(w["automatic"] and "Acme Robotics" in w["text"] for w in wins)
    table = seeded.ok("win").output
    assert "Nailed the system design question" in table and "found" in table
    csv_out = seeded.ok("win", "list", "--format", "csv").output
    assert csv_out.splitlines()[0] == "id,on,text,source"


def test_care_and_mood_are_logged_and_listed(seeded: Cli) -> None:
    assert "30 min" in seeded.ok("care", "exercise", "30m", "walk by the river").output
    seeded.ok("care", "social", "dinner with Jo")
    care = json.loads(seeded.ok("care", "list", "--format", "json").output)
    assert [(c["kind"], c["minutes"]) for c in care] == [("social", None), ("exercise", 30)]
    assert "Noted: 3/5" in seeded.ok("mood", "3", "tired after the panel").output
    seeded.ok("mood", "4", "--about", "1")
    assert "tired after the panel" in seeded.ok("mood").output
    assert "walk by the river" in seeded.ok("care").output


def test_the_why_is_set_shown_and_kept(seeded: Cli) -> None:
    assert "No why written yet" in seeded.ok("why").output
    seeded.ok("why", "set", "Work where analysis changes decisions, near home")
    assert "near home" in seeded.ok("why", "show").output
    shown = json.loads(seeded.ok("why", "show", "--format", "json").output)
    assert shown["why"].endswith("near home") and shown["recheck"] is None
    assert "still your why" in seeded.ok("why", "keep").output


def test_contacts_are_added_listed_shown_logged_edited_and_refer(seeded: Cli) -> None:
    added = seeded.ok("contact", "add", "Jo Campbell", "--relation", "friend").output
    assert "Added Jo Campbell to your network as contact 2." in added
    assert "nextyes contact log 2 coffee" in added
    at = seeded.ok("contact", "add", "Sam Reyes", "--company", "Lumen", "--follow-up", "friday")
    assert "as contact 3 (Lumen)." in at.output and "Next follow-up: 2026-11-27." in at.output
    out = seeded.ok("contact", "log", "Priya", "coffee", "talked", "about", "dbt",
                    "--follow-up", "in 2 weeks").output  # fmt: skip
    assert "Next follow-up: 2026-12-06" in out
    seeded.ok("contact", "refer", "Priya", "1")
    seeded.ok("contact", "edit", "Jo", "--company", "Cobalt Data", "--follow-up", "friday")
    shown = seeded.ok("contact", "show", "Priya").output
    assert "support circle" in shown and "talked about dbt" in shown and "#1 Acme Robotics" in shown
    listed = json.loads(seeded.ok("contact", "list", "--circle", "--format", "json").output)
    assert [(c["name"], c["company"]) for c in listed] == [("Jo Campbell", "Cobalt Data"),
                                                           ("Priya Natarajan", "Lumen")]  # fmt: skip
    app = json.loads(seeded.ok("show", "1", "--format", "json").output)
    assert app["source"] == "referral" and app["referral_contact_id"] == 1
    seeded.ok("contact", "edit", "Priya", "--follow-up", "none")
    assert json.loads(seeded.ok("contact", "show", "1", "--format", "json").output)[
        "next_follow_up_on"] is None  # fmt: skip


def test_an_empty_value_clears_a_contacts_detail_and_leaves_the_rest(seeded: Cli) -> None:
    seeded.ok("contact", "add", "Sam Okafor", "--company", "Lumen", "--email", "sam@example.org",
              "--phone", "+44 20 7946 0000")  # fmt: skip
    seeded.ok("contact", "edit", "Sam", "--phone", "", "--company", " ")
    sam = json.loads(seeded.ok("contact", "show", "Sam", "--format", "json").output)
    assert (sam["phone"], sam["company"], sam["email"]) == (None, None, "sam@example.org")


def test_the_calendar_goes_to_standard_output_or_a_file(seeded: Cli, tmp_path: Path) -> None:
    seeded.ok("move", "1", "interview", "--on", "tomorrow", "--at", "14:00")
    printed = seeded.ok("calendar", "export").output
    assert printed.startswith("BEGIN:VCALENDAR")
    target = tmp_path / "nextyes.ics"
    seeded.ok("calendar", "export", str(target), "--days", "30")
    calendar = Calendar.from_ical(target.read_bytes())
    uids = [str(e["UID"]) for e in calendar.walk("VEVENT")]
    assert any(uid.startswith("interview-") for uid in uids)
    seeded.ok("calendar", "export", str(target), "--days", "30")
    again = Calendar.from_ical(target.read_bytes())
    assert [str(e["UID"]) for e in again.walk("VEVENT")] == uids


def test_growth_reads_as_progress(seeded: Cli) -> None:
    seeded.ok("reject", "1", "--reason", "They chose an internal candidate")
    out = seeded.ok("growth").output
    assert "Stepping stones" in out and "1 no" in out and "internal candidate" in out
    data = json.loads(seeded.ok("growth", "--format", "json").output)
    assert data["stones"][0]["company"] == "Acme Robotics"


def _unwritable(tmp_path: Path) -> str:
    if os.geteuid() == 0:  # root writes anywhere it has a normal folder; sysfs still refuses
        return "/sys/nextyes.ics"
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    return str(locked / "nextyes.ics")


BAD = [
    (("goal", "set", "applications", "0/week"), "nothing at all"),
    (("goal", "set", "applications", "-3/week"), "nothing at all"),
    (("goal", "set", "applications", "10/day"), "Goals are weekly"),
    (("goal", "set", "push-ups", "10/week"), "not something a goal can count"),
    (("goal", "stop", "networking"), "no networking goal"),
    (("care", "exercise", "30x"), "not a duration"),
    (("care", "juggling", "30m"), "not a kind of care"),
    (("care", "rest", "--on", "tomorrow"), "future"),
    (("mood", "0"), "outside the scale"),
    (("mood", "6", "great day"), "outside the scale"),
    (("mood", "-1"), "outside the scale"),
    (("mood", "great"), "not a mood score"),
    (("mood", "3", "--about", "42"), "No application 42"),
    (("contact", "show", "Nobody"), "No contact called 'Nobody'"),
    (("contact", "log", "Nobody", "call"), "No contact called"),
    (("contact", "log", "Priya", "telepathy"), "not a kind of contact"),
    (("contact", "add", " "), "name is empty"),
    (("contact", "add", "Sam", "--relation", "nemesis"), "not a relation"),
    (("contact", "add", "Sam", "--email", "nope"), "email address"),
    (("contact", "add", "Priya Natarajan", "--company", "Lumen"), "already in your contacts"),
    (("contact", "refer", "Priya", "42"), "No application 42"),
    (("contact", "edit", "Priya"), "Nothing to change"),
    (("contact", "edit", "Priya", "--follow-up", "someday"), "not a date"),
    (("contact", "show", "7"), "No contact 7"),
    (("why", "set", "   "), "why is empty"),
    (("why", "keep"), "nextyes why set"),
    (("win", "   "), "win is empty"),
    (("win", "list", "--limit", "0"), "--limit"),
    (("win", "Good day", "--about", "42"), "No application 42"),
    (("win", "Next week", "--on", "tomorrow"), "future"),
    (("calendar", "export", "/no/such/folder/x.ics"), "does not exist"),
    (("calendar", "export", "--days", "0"), "Give a whole number from 1 to"),
]


@pytest.mark.parametrize(("args", "message"), BAD, ids=[" ".join(a) for a, _ in BAD])
def test_bad_input_is_refused_clearly_and_changes_nothing(
    seeded: Cli, args: tuple[str, ...], message: str
) -> None:
    before = _state()
    result = seeded.fails(*args)
    assert message in result.output
    assert _state() == before


def test_an_export_to_a_folder_or_an_unwritable_place_is_explained(
    seeded: Cli, tmp_path: Path
) -> None:
    assert "is a folder" in seeded.fails("calendar", "export", str(tmp_path)).output
    result = seeded.fails("calendar", "export", _unwritable(tmp_path))
    assert "Could not write" in result.output and "leave the file out" in result.output
    assert not list(tmp_path.glob("**/.nextyes.ics*"))


free_text = st.text(alphabet=string.ascii_letters + string.digits + " -/.:'é", max_size=10)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # fmt: skip
@given(
    command=st.sampled_from([("goal", "set", "applications"), ("mood",), ("care", "exercise"),
                             ("care",), ("contact", "log"), ("win",), ("goal", "set")]),
    words=st.lists(st.one_of(free_text, st.sampled_from(["-1", "0", "6", "30x", "10/week",
                                                         "--on", "today", "Priya"])),
                   min_size=1, max_size=3),
)  # fmt: skip
def test_free_form_input_never_crashes_or_half_writes(
    seeded: Cli, command: tuple[str, ...], words: list[str]
) -> None:
    before = _state()
    result = seeded(*command, *words)
    assert result.exit_code in (0, 2), (command, words, result.output, result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert result.output.strip()
        assert _state() == before


def test_folding_closed_noes_is_offered_in_lists_and_honoured_for_contacts(seeded: Cli) -> None:
    seeded.ok("contact", "refer", "Priya", "1")
    seeded.ok("reject", "1")
    assert "nextyes settings fold_rejected yes" in seeded.ok("list").output
    assert "Acme Robotics" in seeded.ok("contact", "show", "Priya").output
    seeded.ok("settings", "fold_rejected", "yes")
    assert "Nothing else to show: 1 closed noes are folded away" in seeded.ok("list").output
    seeded.ok("add", "Brightwell", "Analyst")
    listed = seeded.ok("list").output
    assert "fold_rejected yes" not in listed and "1 closed noes folded away" in listed
    shown = seeded.ok("contact", "show", "Priya").output
    assert "#1 Acme Robotics" not in shown and "1 closed noes, folded away" in shown
    assert "#1 Acme Robotics" in seeded.ok("contact", "show", "Priya", "--all").output


def test_the_why_comes_back_after_a_no(seeded: Cli) -> None:
    assert "doesn't change what you're looking for" not in seeded.ok("reject", "1").output
    seeded.ok("add", "Brightwell", "Analyst")
    seeded.ok("why", "set", "Work where analysis changes decisions")
    out = seeded.ok("reject", "2", "--cool-down", "none").output
    assert "doesn't change what you're looking for" in out
    assert "Work where analysis changes decisions" in out
    seeded.ok("add", "Cobalt", "Analyst")
    data = json.loads(seeded.ok("reject", "3", "--format", "json").output)
    assert data["why"] == {"text": "Work where analysis changes decisions", "recheck": None}
