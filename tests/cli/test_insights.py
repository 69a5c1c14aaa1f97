"""`nextyes insights`: sentences for people, one JSON document for scripts."""

from __future__ import annotations

import json

from tests.conftest import Cli


def test_an_empty_journal_gets_a_way_to_start(run: Cli) -> None:
    output = run.ok("insights").output
    assert "nextyes add" in output


def test_a_search_with_enough_data_gets_every_section_and_the_funnel(run: Cli) -> None:
    for n in range(12):
        run.ok("add", f"Company {n}", "Data Analyst", "--on", f"{n + 40} days ago", "--source",
               "linkedin")  # fmt: skip
    run.ok("move", "1", "interview", "--on", "30 days ago")
    run.ok("reject", "1", "--on", "20 days ago", "--reason", "They needed more experience.")
    output = run.ok("insights").output
    for heading in ("Your search so far", "Where the noes come", "Answers and silences",
                    "What converts", "Compared with published figures"):  # fmt: skip
        assert heading in output
    assert "Of 12 applications sent, 1 got an answer" in output
    assert "share of sent" in output


def test_json_holds_the_numbers_and_the_sentences(run: Cli) -> None:
    for n in range(3):
        run.ok("add", f"Company {n}", "Analyst", "--on", "5 days ago")
    data = json.loads(run.ok("insights", "--format", "json").output)
    assert data["sent"] == 3
    assert data["enough_data"] is False
    assert [step["step"] for step in data["funnel"]] == [
        "applied", "response", "interview", "final", "offer",
    ]  # fmt: skip
    assert data["funnel"][0]["interval"][1] == 1.0
    assert "too few" in data["sentences"]["overview"][0]
