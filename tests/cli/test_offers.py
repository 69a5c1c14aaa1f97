"""`nextyes offer` and `nextyes offers` end to end (the clock: Sunday 2026-11-22)."""

from __future__ import annotations

import csv
import io
import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextyes.cli.main import cli
from tests.conftest import Cli


@pytest.fixture
def two_finals(run: Cli) -> Cli:
    run.ok("add", "Acme", "Data Analyst", "--on", "2026-11-01")
    run.ok("add", "Brightwell", "Analyst", "--on", "2026-11-01", "--yes")
    run.ok("add", "Corvid", "BI Developer", "--on", "2026-11-01", "--yes")
    for app_id in ("1", "2"):
        run.ok("move", app_id, "final", "--on", "2026-11-15")
    run.ok("move", "3", "interview", "--on", "2026-11-16")
    return run


def test_offers_are_recorded_and_compared_side_by_side(two_finals: Cli) -> None:
    run = two_finals
    added = run.ok("offer", "add", "1", "--answer-by", "2026-11-27", "--pay", "65k", "--currency",
                   "eur", "--per", "year", "--leave", "28", "--remote", "hybrid")  # fmt: skip
    assert "Answer by 2026-11-27" in added.output and "pay stays out" in added.output
    run.ok("offer", "add", "2", "--answer-by", "in 3 days", "--pay", "5,200", "--currency", "EUR",
           "--per", "month", "--share-pay")  # fmt: skip
    table = run.ok("offers").output
    assert "#1 Acme" in table and "#2 Brightwell" in table
    assert "65,000 EUR a year" in table and "about 62,400 EUR a year" in table
    assert "5 days left" in table and "3 days left" in table
    data = json.loads(run.ok("offers", "--format", "json").output)
    assert [o["application_id"] for o in data] == [2, 1], "the soonest answer-by date first"
    assert (data[1]["pay_amount"], data[1]["pay_private"], data[0]["pay_private"]) == (
        65000, True, False,
    )  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(run.ok("offers", "--format", "csv").output)))
    assert rows[0]["yearly_pay"] == "62400" and rows[1]["leave_days"] == "28"
    assert json.loads(run.ok("show", "1", "--format", "json").output)["stage"] == "offer"


def test_the_answer_by_date_shows_in_today(two_finals: Cli) -> None:
    run = two_finals
    run.ok("offer", "add", "1", "--answer-by", "tomorrow")
    today = run.ok("today").output
    assert "Tomorrow is the day to answer Acme's offer" in today
    assert "Answer Acme's offer (Data Analyst) by tomorrow: 1 day left" in today
    items = json.loads(run.ok("today", "--format", "json").output)["items"]
    assert {"offer_deadline", "offer_reminder"} <= {i["kind"] for i in items}


def test_an_expired_answer_by_date_and_bad_pay_are_refused(two_finals: Cli) -> None:
    run = two_finals
    assert "already passed" in run.fails("offer", "add", "1", "--answer-by", "yesterday").output
    assert "not an amount" in run.fails("offer", "add", "1", "--pay", "lots").output
    assert "currency code" in run.fails("offer", "add", "1", "--pay", "5", "--currency", "€").output
    assert "no offer recorded" in run.fails("offer", "edit", "1", "--leave", "3").output
    assert "No open offers" in run.ok("offers").output
    assert json.loads(run.ok("show", "1", "--format", "json").output)["stage"] == "final"


def test_accepting_asks_before_closing_the_others_and_can_do_it_in_one_step(
    two_finals: Cli,
) -> None:
    run = two_finals
    run.ok("offer", "add", "1", "--answer-by", "2026-11-27")
    run.ok("offer", "add", "2", "--answer-by", "2026-11-28")
    kept = run.ok("offer", "accept", "1", input="n\n").output
    assert "Accepted: Acme" in kept
    assert "withdraw my application" in kept and "decline" in kept
    assert "They stay open" in kept and "nextyes offer close-others 1" in kept
    stages = {a["id"]: a["stage"] for a in json.loads(run.ok("list", "--format", "json").output)}
    assert stages == {1: "accepted", 2: "offer", 3: "interview"}
    closed = json.loads(run.ok("offer", "close-others", "1", "--format", "json").output)
    assert {(d["application_id"], d["kind"]) for d in closed} == {(2, "decline"), (3, "withdrawal")}
    stages = {a["id"]: a["stage"] for a in json.loads(run.ok("list", "--format", "json").output)}
    assert stages == {1: "accepted", 2: "declined", 3: "withdrawn"}


def test_accept_with_close_others_closes_them_at_once(two_finals: Cli) -> None:
    run = two_finals
    run.ok("offer", "add", "1")
    decision = json.loads(
        run.ok("offer", "accept", "1", "--close-others", "--format", "json").output
    )
    assert decision["closed"] and len(decision["others"]) == 2
    assert "already decided" in run.fails("offer", "accept", "1", "--keep-others").output


def test_declining_an_offer_gives_a_warm_note(two_finals: Cli) -> None:
    run = two_finals
    run.ok("offer", "add", "2")
    out = run.ok("offer", "decline", "2").output
    assert "Declined: Brightwell" in out and "I'd be glad to stay in touch" in out


@pytest.mark.slow
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    pay=st.text(max_size=12),
    currency=st.text(max_size=5),
    answer_by=st.sampled_from(["yesterday", "today", "2026-11-30", "soon", "2020-01-01", ""]),
)
def test_whatever_is_typed_for_an_offer_it_is_saved_whole_or_refused_with_nothing_written(
    pay: str, currency: str, answer_by: str
) -> None:
    import tempfile

    from click.testing import CliRunner

    runner = CliRunner()
    with tempfile.TemporaryDirectory() as folder:
        env = {"NEXTYES_HOME": folder}
        runner.invoke(cli, ["add", "Acme", "Analyst", "--on", "2026-11-01"], env=env)
        before = runner.invoke(cli, ["show", "1", "--format", "json"], env=env).output
        args = ["offer", "add", "1", "--pay", pay, "--currency", currency]
        if answer_by:
            args += ["--answer-by", answer_by]
        result = runner.invoke(cli, args, env=env)
        assert result.exit_code in (0, 2), result.output
        assert "Traceback" not in result.output
        after = runner.invoke(cli, ["show", "1", "--format", "json"], env=env).output
        if result.exit_code == 2:
            assert after == before, "a refused offer leaves the application as it was"
        else:
            assert json.loads(after)["offer"]["status"] == "open"
