"""Reading other trackers' spreadsheets: columns, statuses and dates (pure rules)."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.domain.errors import InvalidInput
from nextyes.domain.stages import Stage
from nextyes.domain.tracker_columns import (
    day_order,
    map_columns,
    parse_map_option,
    parse_sheet_date,
    stage_from_status,
)
from nextyes.reports.cells import spreadsheet_safe


def _fields(header: list[str], preset: str = "generic", **overrides: str) -> dict[str, str]:
    mapped = map_columns(header, preset, overrides)
    return dict(zip(mapped.columns, mapped.fields, strict=True))


def test_common_column_names_are_recognised_whatever_their_spelling() -> None:
    assert _fields(["Company Name", "Job_Title", "STATUS", "Date Applied", "Link", "Comments"]) == {
        "Company Name": "company",
        "Job_Title": "role",
        "STATUS": "stage",
        "Date Applied": "applied_on",
        "Link": "url",
        "Comments": "note",
    }


def test_columns_nobody_named_become_notes_and_ids_are_left_out() -> None:
    fields = _fields(["id", "company", "role", "Excitement", "Recruiter"])
    assert fields == {
        "id": "skip",
        "company": "company",
        "role": "role",
        "Excitement": "note",
        "Recruiter": "note",
    }


def test_the_huntr_preset_reads_its_list_column_as_the_stage_and_drops_descriptions() -> None:
    fields = _fields(["Job Title", "Company", "List", "Description", "Location"], "huntr")
    assert fields["List"] == "stage" and fields["Job Title"] == "role"
    assert fields["Description"] == "skip"


def test_the_teal_preset_reads_job_position_and_keeps_the_second_salary_as_a_note() -> None:
    fields = _fields(["Company", "Job Position", "Min Salary", "Max Salary", "Job Link"], "teal")
    assert fields["Job Position"] == "role" and fields["Job Link"] == "url"
    assert fields["Min Salary"] == "salary" and fields["Max Salary"] == "note"


def test_map_options_win_over_the_preset() -> None:
    fields = _fields(["Employer", "Vacancy", "Title"], Employer="company", Vacancy="role")
    assert fields == {"Employer": "company", "Vacancy": "role", "Title": "note"}


def test_a_file_without_a_company_column_asks_for_a_map() -> None:
    with pytest.raises(InvalidInput, match=r"No column holds the company.*--map"):
        map_columns(["Organisation name", "Role"], "generic", {})


def test_two_columns_for_one_field_are_refused_with_the_fix() -> None:
    with pytest.raises(InvalidInput, match="Both 'A' and 'B' would fill 'company'"):
        map_columns(["A", "B", "Role"], "generic", {"A": "company", "B": "company"})


@pytest.mark.parametrize(
    ("item", "message"),
    [("Employer", "COLUMN=FIELD"), ("=company", "COLUMN=FIELD"), ("Employer=boss", "not a field")],
)
def test_a_badly_written_map_option_says_how_to_write_it(item: str, message: str) -> None:
    with pytest.raises(InvalidInput, match=message):
        parse_map_option([item])


def test_a_map_to_a_missing_column_lists_the_columns_there_are() -> None:
    with pytest.raises(InvalidInput, match="Its columns are: Company, Role"):
        map_columns(["Company", "Role"], "generic", {"Employer": "company"})


@pytest.mark.parametrize(
    ("status", "stage"),
    [
        ("Wishlist", Stage.SAVED), ("Bookmarked", Stage.SAVED), ("Applied", Stage.APPLIED),
        ("Phone screen", Stage.SCREENING), ("Interviewing", Stage.INTERVIEW),
        ("Final round", Stage.FINAL), ("Negotiating", Stage.OFFER), ("Not Selected", Stage.REJECTED),
        ("I Withdrew", Stage.WITHDRAWN), ("No Response", Stage.GHOSTED),
        ("accepted", Stage.ACCEPTED), ("  REJECTED ", Stage.REJECTED),
    ],
)  # fmt: skip
def test_tracker_statuses_read_as_our_stages(status: str, stage: Stage) -> None:
    assert stage_from_status(status) is stage


def test_an_unknown_status_is_not_guessed() -> None:
    assert stage_from_status("maybe later") is None


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2026-11-03", None, date(2026, 11, 3)),
        ("2026-11-03T09:15:00Z", None, date(2026, 11, 3)),
        ("2026-11-03 23:59", None, date(2026, 11, 3)),
        ("2026/11/03", None, date(2026, 11, 3)),
        ("3 Nov 2026", None, date(2026, 11, 3)),
        ("November 3, 2026", None, date(2026, 11, 3)),
        ("Tue, Nov 3rd 2026", None, date(2026, 11, 3)),
        ("3-Nov-26", None, date(2026, 11, 3)),
        ("25/11/2026", None, date(2026, 11, 25)),
        ("11/25/2026", None, date(2026, 11, 25)),
        ("03/11/2026", "dmy", date(2026, 11, 3)),
        ("03/11/2026", "mdy", date(2026, 3, 11)),
        ("03.11.26", "dmy", date(2026, 11, 3)),
        ("04/04/2026", None, date(2026, 4, 4)),
    ],
)
def test_dates_are_read_as_spreadsheets_write_them(
    text: str, order: str | None, expected: date
) -> None:
    assert parse_sheet_date(text, order) == expected


def test_a_date_that_reads_both_ways_asks_which() -> None:
    with pytest.raises(InvalidInput, match="--dates dmy"):
        parse_sheet_date("03/11/2026", None)


@pytest.mark.parametrize("text", ["31/02/2026", "someday", "2026-13-01", "Smarch 3, 2026"])
def test_a_date_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        parse_sheet_date(text, "dmy")


def test_a_column_of_dates_shows_its_order_when_one_day_is_past_the_twelfth() -> None:
    assert day_order(["03/11/2026", "25/11/2026"]) == "dmy"
    assert day_order(["11/03/2026", "11/25/2026"]) == "mdy"
    assert day_order(["03/11/2026", "04/11/2026"]) is None


@given(st.text(max_size=30))
def test_any_text_is_a_date_or_a_clear_refusal(text: str) -> None:
    try:
        assert isinstance(parse_sheet_date(text, None), date)
    except InvalidInput as exc:
        assert exc.message


@given(st.one_of(st.text(max_size=20), st.integers(), st.none()))
def test_no_exported_cell_starts_like_a_formula(value: object) -> None:
    assert not spreadsheet_safe(value).startswith(("=", "+", "-", "@", "\t", "\r"))
