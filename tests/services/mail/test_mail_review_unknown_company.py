"""Accepting news from a company the journal does not know yet adds the application first."""

from __future__ import annotations

import json
from pathlib import Path

from tests.conftest import Cli

EXAMPLE = Path(__file__).resolve().parents[3] / "examples" / "inbox.mbox"


def test_accepting_an_interview_and_a_rejection_from_new_companies_adds_them(run: Cli) -> None:
    run.ok("mail", "import", str(EXAMPLE))
    assert (
        "added the application from the email, and moved it forward"
        in run.ok("mail", "review", "2", "--accept").output
    )
    assert (
        "added the application from the email and recorded"
        in run.ok("mail", "review", "3", "--accept").output
    )
    stages = {
        a["company"]: a["stage"] for a in json.loads(run.ok("list", "--format", "json").output)
    }
    assert stages == {
        "Northwind Logistics": "applied",
        "Cinder Labs": "interview",
        "Harbourline Shipping": "rejected",
    }
    today = json.loads(run.ok("today", "--format", "json").output)
    assert today["wins"]["items"] == []  # a no is never its own "first application after a no"
