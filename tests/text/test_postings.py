"""Reading job postings: saved pages written for these tests, in several ATS and board layouts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextyes.domain.errors import InvalidInput
from nextyes.text.postings import read_posting

PAGES = Path(__file__).parent / "postings"


def _read(name: str, url: str | None = None):  # type: ignore[no-untyped-def]
    return read_posting((PAGES / name).read_text(encoding="utf-8"), url=url)


def test_a_single_json_ld_job_posting_gives_every_field() -> None:
    facts = _read("ats_single.html", "https://acme.example/jobs/1")
    assert facts.how == "json-ld"
    assert (facts.company, facts.role) == ("Acme Robotics", "Data Analyst")
    assert facts.location == "Berlin, DE"
    assert facts.salary == "€55,000–65,000 a year"
    assert facts.url == "https://acme.example/jobs/1"
    assert "We’re looking for a Data Analyst" in facts.text, "HTML entities are decoded"
    assert "Build dashboards in Looker" in facts.text and "<li>" not in facts.text


def test_a_graph_with_lists_of_organisations_and_places_and_remote_work() -> None:
    facts = _read("board_graph.html")
    assert (facts.company, facts.role) == ("Lumen Analytics Ltd", "Senior Analytics Engineer")
    assert facts.location == "Leeds, United Kingdom; Manchester, United Kingdom (or remote)"
    assert facts.salary == "£62,000"
    assert facts.url == "https://board.example/jobs/4411", "the posting's own link"
    assert "own our dbt models" in facts.text and "&lt;p&gt;" not in facts.text


def test_an_array_with_a_typed_list_a_plain_address_and_an_hourly_rate() -> None:
    facts = _read("ats_array.html")
    assert (facts.company, facts.role) == (
        "Saltmarsh Biotech", "Bioinformatics Analyst (12-month contract)",
    )  # fmt: skip
    assert facts.location == "Cambridge, UK"
    assert facts.salary == "£41.50 an hour"


def test_without_json_ld_the_title_headings_and_labelled_lines_are_used() -> None:
    facts = _read("board_no_json_ld.html")
    assert facts.how == "page"
    assert (facts.company, facts.role) == ("Brightwell Health", "Data Analyst")
    assert facts.location == "Leeds (hybrid, 2 days in the office)"
    assert facts.salary == "£38,000 - £45,000 per year"
    assert "turn patient-flow data into decisions" in facts.text
    assert "Privacy · Cookies" not in facts.text and "Saved jobs" not in facts.text


def test_broken_json_ld_falls_back_to_the_page() -> None:
    facts = _read("ats_broken_json_ld.html")
    assert (facts.company, facts.role, facts.location) == (
        "Ironbridge Telecom", "Product Data Analyst", "Bristol",
    )  # fmt: skip


def test_a_page_that_is_not_a_posting_is_refused_with_what_to_do() -> None:
    with pytest.raises(InvalidInput, match=r"doesn.t look like a job posting.*nextyes add"):
        _read("not_a_posting.html")


def test_a_closed_posting_says_so() -> None:
    with pytest.raises(InvalidInput, match="closed or no longer available"):
        _read("closed_posting.html")


def test_pasted_text_is_read_line_by_line() -> None:
    facts = _read("pasted.txt")
    assert facts.how == "text"
    assert (facts.company, facts.role) == ("Pioneer Credit Union", "Junior Analytics Engineer")
    assert (facts.location, facts.salary) == ("Glasgow (hybrid)", "£32,000 – £36,000 a year")
    assert facts.url == "https://jobs.pioneer.example/analytics-engineer"


def test_an_empty_posting_is_refused() -> None:
    with pytest.raises(InvalidInput, match="empty"):
        read_posting("  \n ")


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=400) | st.builds(lambda s: f"<html><h1>{s}</h1></html>", st.text()))
def test_any_text_or_markup_is_read_or_refused_clearly(text: str) -> None:
    try:
        facts = read_posting(text)
    except InvalidInput as exc:
        assert str(exc)
    else:
        assert all(len(v) <= 200 for k, v in facts.found.items() if k != "url")


@given(st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["@type", "name", "value", "address", "currency",
                                       "minValue", "maxValue", "unitText", "@graph"]),
                      children, max_size=4),
    max_leaves=12,
))  # fmt: skip
def test_json_ld_of_any_shape_never_breaks_the_reader(value: object) -> None:
    import json

    node = {"@type": "JobPosting", "title": "Analyst", "hiringOrganization": value,
            "jobLocation": value, "baseSalary": value, "description": "Responsibilities"}  # fmt: skip
    page = f'<html><script type="application/ld+json">{json.dumps(node)}</script></html>'
    facts = read_posting(page)
    assert facts.role == "Analyst"
