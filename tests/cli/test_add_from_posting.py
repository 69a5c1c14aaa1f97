"""`nextyes add --from-url / --from-file` and `show --posting` (no network: a local server)."""

from __future__ import annotations

import json

import pytest

from nextyes.domain.errors import InvalidInput
from nextyes.text.fetch import PageUnreachable, fetch_page
from tests.conftest import Cli
from tests.postings_server import PAGES, closed_port, postings_site

__all__ = ["postings_site"]  # the fixture, imported for these tests


def test_add_from_a_saved_page_shows_what_it_found_and_asks(run: Cli) -> None:
    page = str(PAGES / "ats_single.html")
    asked = run.fails("add", "--from-file", page, input="n\n")
    assert "From the page's job data:" in asked.output
    assert (
        "Company: Acme Robotics" in asked.output and "Salary: €55,000–65,000 a year" in asked.output
    )
    assert "Nothing was saved" in asked.output
    assert json.loads(run.ok("list", "--format", "json").output) == []
    added = json.loads(
        run.ok("add", "--from-file", page, "--source", "company-site", "--format", "json",
               input="y\n").stdout
    )  # fmt: skip
    assert (added["company"], added["role"], added["location"]) == (
        "Acme Robotics", "Data Analyst", "Berlin, DE",
    )  # fmt: skip
    posting = json.loads(run.ok("show", "1", "--posting", "--format", "json").output)
    assert "Build dashboards in Looker" in posting["text"]
    assert "Model data with dbt" in run.ok("show", "1", "--posting").output


def test_what_the_user_gives_wins_over_the_page(run: Cli) -> None:
    page = str(PAGES / "board_no_json_ld.html")
    run.ok("add", "Brightwell", "Senior Data Analyst", "--from-file", page, "--yes")
    data = json.loads(run.ok("show", "1", "--format", "json").output)
    assert (data["company"], data["role"]) == ("Brightwell", "Senior Data Analyst")
    assert data["salary"] == "£38,000 - £45,000 per year"


def test_a_page_without_a_posting_is_refused_and_nothing_is_saved(run: Cli) -> None:
    assert (
        "doesn't look like a job posting"
        in run.fails("add", "--from-file", str(PAGES / "not_a_posting.html"), "--yes").output
    )
    assert "company and the role" in run.fails("add", "Acme").output
    assert (
        "not both"
        in run.fails(
            "add",
            "--from-file",
            str(PAGES / "pasted.txt"),
            "--from-url",
            "https://x.example",
            "--yes",
        ).output
    )
    assert json.loads(run.ok("list", "--format", "json").output) == []


def test_add_from_a_link_reads_the_page_from_the_web(run: Cli, postings_site: str) -> None:
    url = f"{postings_site}/board_graph.html"
    out = run.ok("add", "--from-url", url, "--yes", "--saved").output
    assert "Company: Lumen Analytics Ltd" in out
    data = json.loads(run.ok("show", "1", "--format", "json").output)
    assert (data["role"], data["stage"]) == ("Senior Analytics Engineer", "saved")
    assert data["url"] == url, "the link the user gave is kept"


def test_fetching_failures_say_what_to_do(run: Cli, postings_site: str) -> None:
    offline = run.fails("add", "--from-url", f"http://127.0.0.1:{closed_port()}/job", "--yes")
    assert "you may be offline" in offline.output and "--from-file" in offline.output
    gone = run.fails("add", "--from-url", f"{postings_site}/nothing-here.html", "--yes")
    assert "the posting may have closed" in gone.output
    assert "not a web address" in run.fails("add", "--from-url", "jobs.example/1", "--yes").output
    assert (
        "not a web page"
        in run.fails("add", "--from-url", f"{postings_site}/image.png", "--yes").output
    )
    assert json.loads(run.ok("list", "--format", "json").output) == []


def test_fetch_follows_redirects_and_has_a_size_limit_and_a_timeout(postings_site: str) -> None:
    assert "Acme Robotics" in fetch_page(f"{postings_site}/moved").html
    with pytest.raises(InvalidInput, match="larger than"):
        fetch_page(f"{postings_site}/big", max_bytes=1_000_000)
    with pytest.raises(PageUnreachable, match="did not answer within"):
        fetch_page(f"{postings_site}/slow", timeout=0.5)
