"""`nextyes practice` from the command line."""

from __future__ import annotations

import json

from tests.conftest import Cli


def test_practice_draws_five_questions_with_keys_to_log(run: Cli) -> None:
    output = run.ok("practice").output
    assert "nextyes practice log KEY" in output
    drawn = json.loads(run.ok("practice", "draw", "--format", "json").output)
    assert len(drawn) == 5
    assert all(d["key"] in output for d in drawn)


def test_a_logged_session_shows_in_the_history(run: Cli) -> None:
    run.ok("practice", "log", "beh-03", "--rating", "4", "--notes", "Good flow")
    history = json.loads(run.ok("practice", "history", "--format", "json").output)
    assert history[0]["question_key"] == "beh-03"
    assert history[0]["rating"] == 4
    assert "Good flow" in run.ok("practice", "history").output


def test_bad_practice_input_exits_2_with_a_way_forward(run: Cli) -> None:
    assert "not a question key" in run.fails("practice", "log", "beh99").output
    assert "--count" in run.fails("practice", "draw", "--count", "0").output
    assert "Invalid value" in run.fails("practice", "log", "beh-01", "--rating", "7").output
