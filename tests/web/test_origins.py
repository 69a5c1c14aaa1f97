"""Every edge records where a change came from: the CLI `cli`, the web `web`, an import `import`.

The origin travels on the edge's journal session; no service assumes one.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from nextyes.domain.models import NewApplication, Origin
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from tests.conftest import NOW, TODAY, Cli
from tests.web.conftest import Browser
from tests.web.test_portability_pages import HUNTR, upload


def _origins(journal: Journal, table: str = "stage_events") -> list[tuple[str, str]]:
    column = "stage" if table == "stage_events" else "giver"
    rows = journal.db.query(f"SELECT {column} AS what, origin FROM {table} ORDER BY id")
    return [(r["what"], r["origin"]) for r in rows]


def _added_from_the_cli(journal: Journal) -> int:
    new = NewApplication("Acme Robotics", "Data Analyst", TODAY - timedelta(days=10))
    return svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id


def test_a_rejection_made_from_the_web_form_is_stored_as_from_the_web(
    browser: Browser, journal: Journal
) -> None:
    app_id = _added_from_the_cli(journal)
    browser.form(f"/applications/{app_id}/reject", {"cool_down": "none"})
    assert _origins(journal) == [("applied", "cli"), ("rejected", "web")]


def test_feedback_added_from_the_web_form_is_stored_as_from_the_web(
    browser: Browser, journal: Journal
) -> None:
    app_id = _added_from_the_cli(journal)
    svc.record_rejection(journal.uow(), app_id, TODAY, NOW, origin=Origin.CLI)
    browser.form(
        f"/applications/{app_id}/feedback", {"text": "Strong SQL; the case study lacked structure."}
    )
    assert _origins(journal, "feedback") == [("interviewer", "web")]


def test_an_application_moved_through_the_api_is_stored_as_from_the_web(
    browser: Browser, journal: Journal
) -> None:
    app_id = _added_from_the_cli(journal)
    moved = browser.api("POST", f"/api/v1/applications/{app_id}/stages", {"stage": "screening"})
    assert moved.status_code == 201, moved.text
    assert _origins(journal) == [("applied", "cli"), ("screening", "web")]


def test_changes_made_from_the_cli_are_stored_as_from_the_cli(run: Cli, journal: Journal) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst", "--on", "2026-11-01")
    run.ok("reject", "1", "--cool-down", "none")
    run.ok("feedback", "add", "1", "Strong SQL; the case study lacked structure.")
    assert _origins(journal) == [("applied", "cli"), ("rejected", "cli")]
    assert _origins(journal, "feedback") == [("interviewer", "cli")]


def test_a_spreadsheet_imported_from_the_cli_is_stored_as_an_import(
    run: Cli, journal: Journal, tmp_path: Path
) -> None:
    sheet = tmp_path / "huntr.csv"
    sheet.write_text(HUNTR)
    run.ok("import", "csv", str(sheet), "--preset", "huntr", "--yes")
    assert {origin for _, origin in _origins(journal)} == {"import"}


def test_a_spreadsheet_imported_from_the_web_is_stored_as_an_import(
    browser: Browser, journal: Journal
) -> None:
    preview = upload(browser, "/data/import/csv", "huntr.csv", HUNTR.encode(), preset="huntr")
    token = str(getattr(preview, "text", "")).split('name="token" value="')[1].split('"')[0]
    browser.form("/data/import/csv/apply", {"token": token, "name": "huntr.csv", "preset": "huntr"})
    origins = _origins(journal)
    assert origins
    assert {origin for _, origin in origins} == {"import"}
