"""`export csv` and `import csv`: spreadsheets out and in, with a preview, dedupe and no surprises."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextyes.config import Settings
from nextyes.services.journal import open_journal
from tests.conftest import Cli, snapshot

FORMULA = ("=", "+", "-", "@")


def _state() -> dict[str, Any]:
    journal = open_journal(Settings.from_env())
    try:
        return snapshot(journal)
    finally:
        journal.close()


def _listed(run: Cli, *home: str) -> list[dict[str, Any]]:
    items = json.loads(run.ok(*home, "list", "--all", "--format", "json").output)
    return sorted(items, key=lambda a: (a["company"], a["role"]))


def _write(tmp_path: Path, text: str, name: str = "sheet.csv", encoding: str = "utf-8") -> str:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return str(path)


def _rows(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text)))


# --- export ---------------------------------------------------------------------------------


def test_exported_cells_never_start_like_a_formula(run: Cli) -> None:
    run.ok("add", '=HYPERLINK("http://x")', "+Analyst", "--source", "@home")
    run.ok("add", "--note", "=cmd|' /C calc'!A0", "--", "-1 Ltd", "Analyst")
    run.ok("move", "1", "screening", "--note", "=1+1")
    for rows in ("applications", "stages"):
        table = _rows(run.ok("export", "csv", "--rows", rows).output)
        cells = [cell for row in table for cell in row]
        assert not [c for c in cells if c.startswith(FORMULA)]
        assert '\'=HYPERLINK("http://x")' in cells


def test_the_applications_export_has_one_row_each_with_its_history(run: Cli) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "2026-11-01", "--source", "referral")
    run.ok("move", "1", "screening", "--on", "2026-11-05")
    run.ok("reject", "1", "--on", "2026-11-09", "--reason", "went with internal")
    header, row = _rows(run.ok("export", "csv").output)
    data = dict(zip(header, row, strict=True))
    assert data["company"] == "Acme Robotics" and data["stage"] == "rejected"
    assert data["applied_on"] == "2026-11-01" and data["source"] == "referral"
    assert data["history"] == "applied 2026-11-01; screening 2026-11-05; rejected 2026-11-09"
    stages = _rows(run.ok("export", "csv", "--rows", "stages").output)
    assert [r[3] for r in stages[1:]] == ["applied", "screening", "rejected"]
    assert stages[-1][-1] == "went with internal"


def test_an_export_goes_to_a_file_with_out(run: Cli, tmp_path: Path) -> None:
    run.ok("add", "Acme", "Analyst")
    out = tmp_path / "apps.csv"
    assert str(out) in run.ok("export", "csv", "--out", str(out)).output
    assert _rows(out.read_text())[1][1] == "Acme"


# --- import ---------------------------------------------------------------------------------


def test_an_export_imported_into_an_empty_journal_gives_the_same_applications(
    run: Cli, tmp_path: Path
) -> None:
    source = ("--home", str(tmp_path / "source"))
    run.ok(*source, "demo", "--count", "30")
    path = tmp_path / "apps.csv"
    run.ok(*source, "export", "csv", "--out", str(path))
    result = run.ok("import", "csv", str(path), "--yes")
    assert "Added 30 applications" in result.output

    def comparable(items: list[dict[str, Any]]) -> list[tuple[Any, ...]]:
        keys = ("company", "role", "stage", "applied_on", "source")
        return [tuple(a[k] for k in keys) for a in items]

    assert comparable(_listed(run)) == comparable(_listed(run, *source))


def test_importing_the_same_file_twice_adds_nothing_the_second_time(
    run: Cli, tmp_path: Path
) -> None:
    path = _write(tmp_path, "Company,Role,Date Applied\nAcme,Analyst,2026-11-02\n")
    run.ok("import", "csv", path, "--yes")
    before = _state()
    result = run.ok("import", "csv", path, "--yes")
    assert "already in your journal" in result.output
    assert _state() == before


def test_rows_already_in_the_journal_are_shown_and_left_alone(run: Cli, tmp_path: Path) -> None:
    run.ok("add", "ACME Robotics, Inc.", "Data Analyst", "--on", "2026-11-01")
    path = _write(
        tmp_path,
        "company,role,applied\nAcme Robotics,data  analyst,2026-11-01\nBrightwell,Analyst,2026-11-03\n",
    )
    preview = json.loads(run.ok("import", "csv", path, "--dry-run", "--format", "json").output)
    assert [r["existing_id"] for r in preview["rows"]] == [1, None]
    assert (preview["new"], preview["known"]) == (1, 1)
    run.ok("import", "csv", path, "--yes")
    assert [a["company"] for a in _listed(run)] == ["ACME Robotics, Inc.", "Brightwell"]


def test_two_postings_told_apart_by_their_links_are_two_applications(
    run: Cli, tmp_path: Path
) -> None:
    run.ok("add", "Acme", "Analyst", "--on", "2026-11-01", "--url", "https://a.example/2")
    path = _write(
        tmp_path,
        "company,role,applied,url\n"
        "Acme,Analyst,2026-11-01,https://a.example/1\n"
        "Acme,Analyst,2026-11-01,https://a.example/2\n",
    )
    preview = json.loads(run.ok("import", "csv", path, "--dry-run", "--format", "json").output)
    assert [r["existing_id"] for r in preview["rows"]] == [None, 1]


def test_a_whole_journal_exported_and_imported_into_itself_adds_nothing(
    run: Cli, tmp_path: Path
) -> None:
    run.ok("demo", "--count", "120")
    path = tmp_path / "all.csv"
    run.ok("export", "csv", "--out", str(path))
    before = _state()
    preview = json.loads(run.ok("import", "csv", str(path), "--yes", "--format", "json").output)
    assert (preview["new"], preview["known"]) == (0, 120)
    assert _state() == before


def test_a_huntr_export_comes_in_with_its_lists_as_stages(run: Cli, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "Job Title,Company,List,Date Applied,URL,Location,Excitement,Description\n"
        "Data Analyst,Acme,Applied,2026-11-02,https://a.example/1,Leeds,3,A long ad text\n"
        "Analyst,Brightwell,Interview,2026-10-20,,Remote,5,\n"
        "BI Developer,Cobalt,Wishlist,,,,4,\n",
    )
    run.ok("import", "csv", path, "--preset", "huntr", "--yes")
    listed = {a["company"]: a for a in _listed(run)}
    assert {k: v["stage"] for k, v in listed.items()} == {
        "Acme": "applied", "Brightwell": "interview", "Cobalt": "saved",
    }  # fmt: skip
    acme = json.loads(run.ok("show", str(listed["Acme"]["id"]), "--format", "json").output)
    notes = [n["text"] for n in acme["notes"]]
    assert notes == ["Brought in from sheet.csv:\n- Excitement: 3"]
    assert acme["url"] == "https://a.example/1" and acme["location"] == "Leeds"


def test_a_teal_export_comes_in_with_noes_and_silences_recorded(run: Cli, tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "Company,Job Position,Status,Date Applied,Job Link,Min Salary,Max Salary,Notes\n"
        "Acme,Data Analyst,Not Selected,11/02/2026,,40000,45000,Nice team\n"
        "Brightwell,Analyst,No Response,10/20/2026,,,,\n"
        "Cobalt,Engineer,Interviewing,10/25/2026,,,,\n",
    )
    run.ok("import", "csv", path, "--preset", "teal", "--yes")
    listed = {a["company"]: a for a in _listed(run)}
    assert listed["Acme"]["stage"] == "rejected" and listed["Acme"]["applied_on"] == "2026-11-02"
    assert listed["Brightwell"]["stage"] == "ghosted"
    acme = json.loads(run.ok("show", str(listed["Acme"]["id"]), "--format", "json").output)
    assert acme["salary"] == "40000"
    assert "- Max Salary: 45000\n- Notes: Nice team" in acme["notes"][0]["text"]


def test_map_options_read_columns_with_unusual_names(run: Cli, tmp_path: Path) -> None:
    path = _write(tmp_path, "Employer;Vacancy;When\nAcme;Analyst;03/11/2026\n")
    run.ok("import", "csv", path, "--delimiter", ";", "--map", "Employer=company",
           "--map", "Vacancy=role", "--map", "When=applied_on", "--dates", "dmy", "--yes")  # fmt: skip
    (acme,) = _listed(run)
    assert (acme["company"], acme["role"], acme["applied_on"]) == ("Acme", "Analyst", "2026-11-03")


def test_the_preview_asks_and_a_no_writes_nothing(run: Cli, tmp_path: Path) -> None:
    path = _write(tmp_path, "company,role\nAcme,Analyst\n")
    run.ok("settings")
    before = _state()
    result = run.ok("import", "csv", path, input="n\n")
    assert "How its columns were read" in result.output and "Nothing was imported" in result.output
    assert _state() == before
    result = run.ok("import", "csv", path, input="y\n")
    assert "Added 1 application from sheet.csv" in result.output


def test_a_dry_run_only_shows_what_would_happen(run: Cli, tmp_path: Path) -> None:
    path = _write(tmp_path, "company,role\nAcme,Analyst\n")
    run.ok("settings")
    before = _state()
    assert "preview" in run.ok("import", "csv", path, "--dry-run").output
    assert _state() == before


def test_a_spreadsheet_saved_as_utf16_or_with_a_bom_is_read(run: Cli, tmp_path: Path) -> None:
    run.ok(
        "import",
        "csv",
        _write(tmp_path, "company,role\nCafé Noir,Barista\n", "a.csv", "utf-16"),
        "-y",
    )
    run.ok("import", "csv", _write(tmp_path, "company,role\nZürich Re,Analyst\n", "b.csv", "utf-8-sig"), "-y")  # fmt: skip
    assert [a["company"] for a in _listed(run)] == ["Café Noir", "Zürich Re"]


def test_an_encoding_can_be_named(run: Cli, tmp_path: Path) -> None:
    path = _write(tmp_path, "company,role\nCafé Noir,Barista\n", encoding="cp1252")
    run.ok("import", "csv", path, "--encoding", "cp1252", "--yes")
    assert _listed(run)[0]["company"] == "Café Noir"


def test_an_import_backs_the_journal_up_first(run: Cli, tmp_path: Path, home: Path) -> None:
    run.ok("add", "Acme", "Analyst")
    run.ok("import", "csv", _write(tmp_path, "company,role\nBrightwell,Analyst\n"), "--yes")
    (backup,) = (home / "backups").glob("*-before-import.db")
    import sqlite3

    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT company FROM applications").fetchall() == [("Acme",)]


def test_an_import_into_a_new_journal_speaks_of_no_backup(
    run: Cli, tmp_path: Path, home: Path
) -> None:
    result = run.ok("import", "csv", _write(tmp_path, "company,role\nBrightwell,Analyst\n"), "-y")
    assert "Added 1 application" in result.output
    assert "kept at" not in result.output
    assert not (home / "backups").exists()


BAD = {
    "semicolons": ("company;role\nAcme;Analyst\n", (), "--delimiter ';'"),
    "tabs": ("company\trole\nAcme\tAnalyst\n", (), "--delimiter '\\t'"),
    "a repeated row": (
        "company,role,applied\nAcme,Analyst,2026-11-01\nBolt,Dev,\nacme inc,analyst,2026-11-01\n",
        (), "Lines 2 and 4",
    ),
    "no company column": ("firm,role\nAcme,Analyst\n", (), "No column holds the company"),
    "a row without a role": ("company,role\nAcme,Analyst\nBolt,\n", (), "Line 3 has no role"),
    "an unknown status": ("company,role,status\nAcme,Analyst,Maybe\n", (), "'Maybe' is not a status"),
    "a bad date": ("company,role,applied\nAcme,Analyst,soon\n", (), "Line 2: 'soon' is not a date"),
    "dates that read both ways": (
        "company,role,applied\nAcme,Analyst,03/04/2026\n", (), "--dates dmy",
    ),
    "a future date": ("company,role,applied\nAcme,Analyst,2027-01-01\n", (), "in the future"),
    "a stage before applying": (
        "company,role,applied,stage on,status\nAcme,Analyst,2026-11-05,2026-11-01,interview\n",
        (), "before the day you applied",
    ),
    "too many values": ("company,role\nAcme,Analyst,Leeds, UK\n", (), "has 4 values"),
    "a header only": ("company,role\n", (), "no rows"),
    "nothing at all": ("\n\n", (), "is empty"),
    "a repeated header": ("company,role,Role\nAcme,Analyst,x\n", (), "'Role' twice"),
    "an open quote": ('company,role\n"Acme,Analyst\n', (), "not well-formed CSV"),
    "a long company": (f"company,role\n{'A' * 201},Analyst\n", (), "longer than 200"),
    "a bad map": ("company,role\nAcme,Analyst\n", ("--map", "company"), "COLUMN=FIELD"),
    "a map to nowhere": ("company,role\nAcme,Analyst\n", ("--map", "Firm=company"), "Its columns"),
    "a bad encoding name": ("company,role\nA,B\n", ("--encoding", "klingon"), "not an encoding"),
}  # fmt: skip


@pytest.mark.parametrize("kind", sorted(BAD))
def test_a_file_with_a_problem_is_refused_whole_and_nothing_changes(
    run: Cli, tmp_path: Path, home: Path, kind: str
) -> None:
    text, extra, message = BAD[kind]
    run.ok("add", "Existing", "Role")
    path = _write(tmp_path, text)
    before = _state()
    result = run.fails("import", "csv", path, "--yes", *extra)
    assert message in result.output
    assert _state() == before
    assert not (home / "backups").exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ("company,role\nCafé,Barista\n".encode("cp1252"), "--encoding cp1252"),
        (b"PK\x03\x04\x14\x00\x00\x00", "workbook"),
        (b"company,role\nAcme\x00,Analyst\n", "binary"),
    ],
)
def test_a_file_that_is_not_utf8_csv_text_says_how_to_save_it(
    run: Cli, tmp_path: Path, data: bytes, message: str
) -> None:
    run.ok("settings")
    before = _state()
    path = tmp_path / "sheet.csv"
    path.write_bytes(data)
    assert message in run.fails("import", "csv", str(path), "--yes").output
    assert _state() == before


cells = st.text(alphabet="abcAB ,;\"'=\n\t-/0123456789é", max_size=12)
sheets = st.lists(st.lists(cells, min_size=1, max_size=5), min_size=0, max_size=6)
headers = st.lists(
    st.sampled_from(["company", "role", "status", "applied", "notes", "x", "", "Company"]),
    min_size=1, max_size=5,
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(header=headers, body=sheets, raw=st.booleans())
def test_any_spreadsheet_is_imported_or_refused_without_a_trace(
    run: Cli, tmp_path: Path, header: list[str], body: list[list[str]], raw: bool
) -> None:
    run.ok("settings")
    if raw:
        text = "\n".join([",".join(header), *(",".join(row) for row in body)])
    else:
        out = io.StringIO()
        csv.writer(out).writerows([header, *body])
        text = out.getvalue()
    path = tmp_path / "fuzz.csv"
    path.write_text(text, encoding="utf-8")
    before = _state()
    result = run("import", "csv", str(path), "--yes")
    assert result.exit_code in (0, 2), (text, result.output, result.exception)
    assert "Traceback" not in result.output
    if result.exit_code == 2:
        assert _state() == before


def test_a_csv_import_plans_and_writes_the_same_on_both_databases(any_journal: Any) -> None:
    from nextyes.services.portability.csv_import import (
        CsvOptions,
        apply_csv_import,
        plan_csv_import,
    )
    from tests.conftest import NOW, TODAY

    data = (
        b"Company,Role,Status,Date Applied,Recruiter\n"
        b"Acme,Analyst,Interviewing,2026-11-02,Sam\n"
        b"Bolt,Engineer,Not selected,2026-10-20,\n"
    )
    plan = plan_csv_import(any_journal.uow(), data, "sheet.csv", CsvOptions(), TODAY)
    done = apply_csv_import(any_journal, plan, NOW)
    assert len(done.added) == 2
    again = plan_csv_import(any_journal.uow(), data, "sheet.csv", CsvOptions(), TODAY)
    assert [r.existing_id for r in again.rows] == list(done.added)
    with any_journal.uow() as uow:
        events = uow.events.for_application(done.added[0])
        notes = uow.notes.for_application(done.added[0])
    assert [(e.stage.value, e.occurred_on.isoformat()) for e in events] == [
        ("applied", "2026-11-02"), ("interview", "2026-11-02"),
    ]  # fmt: skip
    assert notes[0].text.endswith("- Recruiter: Sam")


def test_a_csv_export_says_plainly_that_it_is_a_summary_and_json_is_the_backup(
    run: Cli, tmp_path: Path
) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst")
    said = run.ok("export", "csv", "--out", str(tmp_path / "a.csv")).output
    assert "summary" in said and "nextyes export json" in said
    assert "not a backup" in run.ok("export", "csv", "--help").output
