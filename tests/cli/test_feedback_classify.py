"""`nextyes feedback classify`: JSON lines in, themes out; bad lines refused by number."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextyes.cli.main import cli
from nextyes.domain.themes import Theme
from tests.conftest import Cli

THEMES = {str(t) for t in Theme}


def lines(*rows: object) -> str:
    return "".join(json.dumps(r) + "\n" for r in rows)


def outputs(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.split("\n") if line.strip()]


def test_each_line_gets_themes_control_and_every_score_with_its_other_fields_echoed(
    run: Cli,
) -> None:
    given_lines = lines(
        {"id": 7, "text": "The vacancy was withdrawn after a funding review.", "source": "email"},
        {"id": "b", "text": "Your cover letter was generic and the CV had typos."},
    )
    first, second = outputs(run.ok("feedback", "classify", "-", input=given_lines).output)
    assert first["id"] == 7
    assert first["source"] == "email"
    assert "text" not in first
    assert first["themes"] == ["role_filled_cancelled"]
    assert first["controllable"] == "no"
    assert set(first["scores"]) == THEMES  # type: ignore[arg-type]
    assert second["id"] == "b"
    assert second["themes"] == ["application_materials"]
    assert second["controllable"] == "yes"


def test_a_file_can_be_given_instead_of_standard_input(run: Cli, tmp_path: Path) -> None:
    path = tmp_path / "feedback.jsonl"
    path.write_text(lines({"text": "We promoted someone from within the team."}), "utf-8")
    (result,) = outputs(run.ok("feedback", "classify", str(path)).output)
    assert result["themes"] == ["internal_candidate"]


def test_blank_lines_are_skipped(run: Cli) -> None:
    given_lines = "\n" + lines({"text": "Too junior."}) + "   \n"
    assert len(outputs(run.ok("feedback", "classify", input=given_lines).output)) == 1


def test_the_table_is_for_people(run: Cli) -> None:
    output = run.ok(
        "feedback", "classify", "--format", "table", input=lines({"text": "Role on hold."})
    ).output
    assert "role_filled_cancelled" in output
    assert "Role on hold." in output


BAD = [
    (lines({"text": "fine"}) + "not json at all\n", "Line 2 is not JSON"),
    (lines({"id": 1}), 'Line 1 has no "text" field'),
    (lines({"text": 42}), 'Line 1 has a non-text "text" field'),
    ('["a", "list"]\n', "Line 1 is JSON but not an object"),
    ("", "input is empty"),
    ("\n  \n", "input is empty"),
]


@pytest.mark.parametrize(("given_input", "message"), BAD)
def test_bad_input_names_the_line_exits_2_and_prints_no_results(
    run: Cli, given_input: str, message: str
) -> None:
    result = run.fails("feedback", "classify", input=given_input)
    assert message in result.output
    assert '"themes"' not in result.output


def test_input_that_is_not_utf8_is_refused_clearly() -> None:
    result = CliRunner().invoke(cli, ["feedback", "classify"], input=b'{"text": "\xff\xfe"}\n')
    assert result.exit_code == 2
    assert "not UTF-8" in result.output


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.text(max_size=60).filter(lambda s: "\n" not in s and "\r" not in s), max_size=5))
def test_any_input_is_classified_or_refused_never_crashes(run: Cli, raw: list[str]) -> None:
    result = run("feedback", "classify", input="".join(line + "\n" for line in raw))
    assert result.exit_code in (0, 2), result.output
    if result.exit_code == 0:
        assert len(outputs(result.output)) == sum(1 for line in raw if line.strip())


def test_each_theme_comes_with_the_words_behind_it_and_a_form_letter_has_none(
    run: Cli,
) -> None:
    given = lines(
        {"id": 1, "text": "Your answers rambled and were hard to follow."},
        {"id": 2, "text": "We received a very large number of applications and will not be "
                          "taking yours further. Good luck with your search."},
    )  # fmt: skip
    themed, form_letter = outputs(run.ok("feedback", "classify", input=given).output)
    assert themed["themes"] == ["communication"]
    assert any("follow" in words or "rambled" in words for words in themed["why"]["communication"])
    assert (form_letter["themes"], form_letter["why"]) == ([], {})
    table = run.ok("feedback", "classify", "--format", "table", input=given).output
    assert "no specific reason given" in table
