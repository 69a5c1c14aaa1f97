"""`nextyes story` from the command line."""

from __future__ import annotations

import json

from tests.conftest import Cli


def test_a_story_is_added_listed_and_shown(run: Cli) -> None:
    added = run.ok("story", "add", "The late dashboard", "--situation", "Quarter end",
                   "--action", "I rebuilt it", "--result", "Fixed in a day", "--theme",
                   "technical_skills")  # fmt: skip
    assert "Still to write: task" in added.output
    listed = json.loads(run.ok("story", "list", "--format", "json").output)
    assert listed[0]["missing"] == ["task"]
    assert "I rebuilt it" in run.ok("story", "show", "1").output
    assert json.loads(run.ok("story", "list", "--theme", "culture_fit", "--format",
                             "json").output) == []  # fmt: skip


def test_story_refusals_exit_2(run: Cli) -> None:
    assert "needs a short title" in run.fails("story", "add", "  ").output
    assert "No story 4" in run.fails("story", "show", "4").output
    assert "not a theme" in run.fails("story", "list", "--theme", "luck").output
