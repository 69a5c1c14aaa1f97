"""Nothing a person types or feeds in makes nextyes fail with exit 1 (or the web app with 500).

Each entry point that reads dates, weeks, drafts, JSON lines or a spreadsheet's encoding is
fuzzed in-process: the answer is a result, a clear refusal (exit 2 / 4xx), or, for `feedback
lint`, its documented "flagged" code 3.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from nextyes.config import Settings
from nextyes.domain.dates import parse_date
from nextyes.domain.errors import InvalidInput
from nextyes.domain.review import parse_week
from nextyes.web.app import create_app
from tests.conftest import Cli

FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=(Phase.explicit, Phase.generate),
)

NUMBER = st.one_of(st.integers(0, 10**12).map(str), st.text("0123456789", min_size=1))
UNIT = st.sampled_from(["days", "day", "weeks", "week", "d", "w"])
RELATIVE = st.one_of(
    st.builds(lambda n, u: f"{n} {u} ago", NUMBER, UNIT),
    st.builds(lambda n, u: f"in {n} {u}", NUMBER, UNIT),
)
WEEK = st.builds(
    lambda y, n: f"{y:04d}-W{n:02d}", st.integers(0, 9999), st.integers(0, 99)
) | st.sampled_from(["9999-W52", "0001-W01", "9999-12-31", "0001-01-01", "10000-W01"])
DATE_TEXT = RELATIVE | WEEK | st.text(max_size=40)
TODAY = date(2026, 11, 22)


@FUZZ
@given(text=DATE_TEXT)
def test_any_date_text_is_a_date_or_a_clear_refusal(text: str) -> None:
    try:
        parse_date(text, TODAY)
    except InvalidInput as exc:
        assert "nextyes" in str(exc) or "date" in str(exc)


@FUZZ
@given(text=DATE_TEXT)
def test_any_week_text_is_a_week_a_review_can_show_or_a_clear_refusal(text: str) -> None:
    try:
        week = parse_week(text, TODAY)
    except InvalidInput:
        return
    # a week nextyes accepts has weeks on both sides of it (the review links to them)
    assert week.shifted(-60).starts_on < week.shifted(60).ends_on


@pytest.mark.parametrize("text", ["3000000 days ago", "in 9999999 weeks", "9" * 5000 + " days ago"])
def test_dates_past_the_calendar_are_refused_on_the_command_line(run: Cli, text: str) -> None:
    assert "calendar" in run.fails("add", "Acme", "Analyst", "--on", text).output
    assert "calendar" in run.fails("list", "--since", text).output


@FUZZ
@given(text=DATE_TEXT)
def test_the_command_line_never_exits_1_on_a_date(run: Cli, text: str) -> None:
    for args in (["list", "--since", text], ["review", "week", "--week", text]):
        result = run(*args)
        assert result.exit_code in (0, 2), (args, result.output, result.exception)


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    app = create_app(Settings.from_env(home=tmp_path / "web"), port=8765)
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        yield client


@FUZZ
@given(week=WEEK | RELATIVE)
def test_the_review_pages_never_answer_500_for_a_week(client: TestClient, week: str) -> None:
    for path in ("/review", "/api/v1/review"):
        answer = client.get(path, params={"week": week})
        assert answer.status_code < 500, (path, week, answer.text[:300])


@FUZZ
@given(data=st.binary(max_size=300) | st.text(max_size=200).map(str.encode))
def test_feedback_lint_reads_any_bytes_and_answers_0_2_or_3(run: Cli, data: bytes) -> None:
    result = run.runner.invoke(__import__("nextyes.cli.main").cli.main.cli, ["feedback", "lint"],
                               input=data)  # fmt: skip
    assert result.exit_code in (0, 2, 3), (result.output, result.exception)


def test_feedback_lint_flagged_is_3_and_unreadable_is_2(run: Cli, tmp_path: Path) -> None:
    draft = tmp_path / "draft.txt"
    draft.write_bytes(b"Why did you pick the other candidate?")
    assert run("feedback", "lint", str(draft)).exit_code == 3
    draft.write_bytes(b"Thank you \xff\xfe for your time")
    assert "not UTF-8" in run.fails("feedback", "lint", str(draft)).output


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deeply_nested_json_lines_are_refused_not_crashed(run: Cli, depth: int) -> None:
    assert "not JSON" in run.fails("feedback", "classify", input="[" * depth + "\n").output


@pytest.mark.parametrize("encoding", ["punycode", "undefined", "base64", "rot13", "x", "utf\x00"])
def test_any_encoding_name_is_used_or_refused(run: Cli, tmp_path: Path, encoding: str) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("company,role\nAcme,Analyst\n")
    result = run("import", "csv", str(sheet), "--encoding", encoding, "--dry-run")
    assert result.exit_code == 2, (result.output, result.exception)
    assert "encoding" in result.output or "cannot read" in result.output


@FUZZ
@given(encoding=st.text(min_size=1, max_size=20))
def test_a_fuzzed_encoding_name_is_used_or_refused(run: Cli, tmp_path: Path, encoding: str) -> None:
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("company,role\nAcme,Analyst\n")
    result = run("import", "csv", str(sheet), "--encoding", encoding, "--dry-run")
    assert result.exit_code in (0, 2), (encoding, result.output, result.exception)
