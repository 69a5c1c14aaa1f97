"""Your data from the browser: exports, a CSV import with its preview, a journal file brought
back, backups downloaded and restored, and a mailbox uploaded and read in the background."""

from __future__ import annotations

import html
import io
import json
import re
import time
import zipfile
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from nextyes.config import Settings
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import Journal, open_journal
from nextyes.web.app import create_app
from tests.conftest import NOW, snapshot
from tests.web.conftest import BASE, Browser, flash_of

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HUNTR = (
    "Company,Job Title,List,Date Applied,Notes\n"
    "Acme Robotics,Data Analyst,Applied,2026-11-02,met at a meetup\n"
    "Beacon Media,BI Developer,Interviewing,2026-10-20,\n"
)


def upload(browser: Browser, path: str, name: str, data: bytes, **fields: str) -> object:
    """A multipart form the way a page sends it: the token first, then the fields and file."""
    return browser.client.post(
        path,
        data={"csrf_token": browser.token, **fields},
        files={"file": (name, data)},
        follow_redirects=False,
    )


def test_every_export_downloads_as_a_named_file(browser: Browser, journal: Journal) -> None:
    fill_demo(journal.uow(), NOW, count=12)
    document = browser.get("/data/export/journal.json")
    assert document.headers["content-disposition"].endswith('journal-2026-11-22.json"')
    assert json.loads(document.text)["format"] == "nextyes-journal"
    rows = browser.get("/data/export/applications.csv").text.splitlines()
    assert rows[0].startswith("id,company,role,stage")
    assert len(rows) == 13
    assert browser.get("/data/export/stages.csv").text.startswith("application_id,")
    assert browser.get("/data/export/passwords.txt").status_code == 400
    page = browser.get("/data").text
    for href in ("/data/export/journal.json", "/data/export/applications.csv", "/api/v1/calendar"):
        assert f'href="{href}"' in page


def test_a_huntr_sheet_is_previewed_first_and_imported_on_request(
    browser: Browser, journal: Journal
) -> None:
    before = snapshot(journal)
    preview = upload(browser, "/data/import/csv", "huntr.csv", HUNTR.encode(), preset="huntr")
    assert preview.status_code == 200
    assert "This is a preview" in preview.text
    assert "Acme Robotics" in preview.text
    assert re.search(
        r'<label for="column-1">Job Title</label>\s*<select[^>]*>\s*<option value="">As read: role',
        preview.text,
    )
    assert "Add the 2 new applications" in preview.text
    assert snapshot(journal) == before  # a preview writes nothing
    token = preview.text.split('name="token" value="')[1].split('"')[0]
    done = browser.form(
        "/data/import/csv/apply",
        {"token": token, "name": "huntr.csv", "preset": "huntr", "dates": ""},
    )
    assert done.status_code == 303
    assert "Added 2 applications from huntr.csv" in flash_of(browser.get("/data").text)
    assert "Beacon Media" in browser.get("/applications").text
    again = upload(browser, "/data/import/csv", "huntr.csv", HUNTR.encode(), preset="huntr")
    assert again.status_code == 303  # nothing new: straight back, saying so
    assert "already in your journal" in flash_of(browser.get("/data").text)


def _token_of(page: object) -> str:
    found = re.search(r'name="token" value="(\w+)"', page.text)  # type: ignore[attr-defined]
    assert found, "the page keeps the file for another reading"
    return found[1]


def _problem_of(page: object) -> str:
    found = re.search(r'<p class="problem" role="alert">(.*?)</p>', page.text, re.S)  # type: ignore[attr-defined]
    assert found, "the page says what is wrong"
    return " ".join(html.unescape(found[1]).split())


def _read_again(browser: Browser, page: object, name: str, **fields: str) -> object:
    return browser.form(
        "/data/import/csv/preview", {"token": _token_of(page), "name": name, **fields}
    )


def test_a_sheet_with_a_problem_is_explained_without_commands_and_nothing_is_written(
    browser: Browser, journal: Journal, home: Path
) -> None:
    before = snapshot(journal)
    bad = "Company,Job Title,Date Applied\nAcme,Analyst,2999-01-01\n"
    refused = upload(browser, "/data/import/csv", "sheet.csv", bad.encode())
    assert refused.status_code == 422
    said = _problem_of(refused)
    assert "in the future" in said and "--" not in said and "nextyes " not in said
    assert "Add the" not in refused.text, "no import is offered for a sheet with a problem"
    assert snapshot(journal) == before
    assert browser.form("/data/import/csv/apply", {"token": "0" * 32}).status_code == 400
    tampered = _read_again(browser, refused, "sheet.csv", encoding="rot13")
    assert tampered.status_code == 400 and snapshot(journal) == before
    assert len(list((home / "uploads").glob("*.csv"))) == 1, "kept for another reading"


def test_a_sheet_separated_by_semicolons_in_windows_encoding_is_read_once_told_how(
    browser: Browser, journal: Journal, home: Path
) -> None:
    sheet = "Company;Position;Date applied\nCafé Müller;Barista trainer;03/11/2026\n"
    first = upload(browser, "/data/import/csv", "excel.csv", sheet.encode("cp1252"))
    assert first.status_code == 422
    said = _problem_of(first)
    assert "Text encoding" in said and "--encoding" not in said, said
    second = _read_again(browser, first, "excel.csv", encoding="cp1252")
    assert second.status_code == 422
    said = _problem_of(second)
    assert "semicolons" in said and "Values separated by" in said and "--" not in said, said
    assert 'value="cp1252" selected' in second.text, "the choice made stays chosen"
    third = _read_again(browser, second, "excel.csv", encoding="cp1252", delimiter="semicolon",
                        dates="dmy")  # fmt: skip
    assert third.status_code == 200, _problem_of(third)
    assert "Café Müller" in third.text and "Add the 1 new application" in third.text
    done = browser.form(
        "/data/import/csv/apply",
        {"token": _token_of(third), "name": "excel.csv", "encoding": "cp1252",
         "delimiter": "semicolon", "dates": "dmy"},
    )  # fmt: skip
    assert done.status_code == 303
    added = browser.api("GET", "/api/v1/applications").json()["items"]
    assert [(a["company"], a["applied_on"]) for a in added] == [("Café Müller", "2026-11-03")]
    assert not list((home / "uploads").glob("*.csv")), "the file is removed once imported"


def test_columns_named_differently_are_mapped_in_the_browser(
    browser: Browser, journal: Journal
) -> None:
    sheet = "Firm,Vacancy,Pay,Ref\nBeacon Media,BI Developer,50k,R-17\n"
    first = upload(browser, "/data/import/csv", "mine.csv", sheet.encode())
    assert first.status_code == 422
    said = _problem_of(first)
    assert "No column holds the company or the role" in said and "What each column holds" in said
    assert "--map" not in said
    assert '<select id="column-3" name="column-3">' in first.text
    twice = _read_again(
        browser, first, "mine.csv", **{"column-0": "company", "column-1": "company"}
    )
    assert "“company”" in _problem_of(twice) and "Keep as a note" in _problem_of(twice)
    mapped = {"column-0": "company", "column-1": "role", "column-2": "salary", "column-3": "skip"}
    preview = _read_again(browser, twice, "mine.csv", **mapped)
    assert preview.status_code == 200, _problem_of(preview)
    assert '<option value="salary" selected>' in preview.text
    done = browser.form(
        "/data/import/csv/apply", {"token": _token_of(preview), "name": "mine.csv", **mapped}
    )
    assert done.status_code == 303
    [app] = browser.api("GET", "/api/v1/applications").json()["items"]
    shown = browser.api("GET", f"/api/v1/applications/{app['id']}").json()
    assert (shown["company"], shown["role"], shown["salary"]) == (
        "Beacon Media",
        "BI Developer",
        "50k",
    )
    assert "R-17" not in json.dumps(shown), "a column left out is not kept"


def test_a_journal_file_comes_back_into_an_empty_journal_only(
    tmp_path: Path, browser: Browser, journal: Journal
) -> None:
    source = open_journal(Settings.from_env(home=tmp_path / "elsewhere", env={}))
    fill_demo(source.uow(), NOW, count=10)
    source.close()
    with TestClient(create_app(source.settings, port=8765), base_url=BASE) as other:
        exported = other.get("/data/export/journal.json").content
    done = upload(browser, "/data/import/json", "journal.json", exported)
    assert done.status_code == 303
    assert "Brought back 10 applications" in flash_of(browser.get("/data").text)
    twice = upload(browser, "/data/import/json", "journal.json", exported)
    assert twice.status_code == 409
    assert "restore a backup" in twice.text
    assert "--home" not in twice.text and "nextyes import" not in twice.text


def test_a_backup_downloads_and_restoring_it_keeps_the_journal_it_replaces(
    browser: Browser, journal: Journal, home: Path
) -> None:
    fill_demo(journal.uow(), NOW, count=5)
    backup = browser.form("/data/backup", {})
    assert backup.status_code == 200
    assert backup.content.startswith(b"SQLite format 3\x00")
    assert "attachment" in backup.headers["content-disposition"]
    assert "manual" in browser.get("/data").text  # listed, to download again
    browser.form("/applications", {"company": "Added After", "role": "Analyst"})
    unticked = upload(browser, "/data/restore", "journal.db", backup.content)
    assert unticked.status_code == 400  # the box says what will happen; it must be ticked
    restored = upload(browser, "/data/restore", "journal.db", backup.content, confirm="1")
    assert restored.status_code == 303
    said = flash_of(browser.get("/data").text)
    assert "Restored your journal from journal.db: 5 applications" in said
    assert "before-restore" in said
    assert "Added After" not in browser.get("/applications").text


def test_a_file_that_is_not_a_backup_is_refused_and_the_journal_stays(
    browser: Browser, journal: Journal
) -> None:
    browser.form("/applications", {"company": "Kept", "role": "Analyst"})
    refused = upload(browser, "/data/restore", "notes.db", b"not a database", confirm="1")
    assert refused.status_code == 400
    assert "notes.db is not a nextyes journal" in refused.text
    assert "uploads" not in refused.text
    assert "Kept" in browser.get("/applications").text


def test_an_upload_without_its_token_is_refused_before_the_file_is_read(
    browser: Browser, journal: Journal
) -> None:
    browser.get("/")
    before = snapshot(journal)
    response = browser.client.post(
        "/data/import/json", files={"file": ("journal.json", b"{}")}, follow_redirects=False
    )
    assert response.status_code == 403
    forged = browser.client.post(
        "/data/import/json",
        data={"csrf_token": "ab" * 32},
        files={"file": ("journal.json", b"{}")},
    )
    assert forged.status_code == 403
    assert snapshot(journal) == before


def _wait_for(browser: Browser, job_page: str) -> str:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        status = browser.get(job_page + "/status").json()
        if status["finished"]:
            return str(browser.get(job_page).text)
        time.sleep(0.1)
    raise AssertionError("the import did not finish")


@pytest.mark.parametrize("packed", ["mbox", "zip"])
def test_a_mailbox_uploaded_is_read_in_the_background_with_its_progress(
    browser: Browser, journal: Journal, packed: str
) -> None:
    mbox = (EXAMPLES / "inbox.mbox").read_bytes()
    if packed == "zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("Takeout/Mail/inbox.mbox", mbox)
        data, name = buffer.getvalue(), "takeout.zip"
    else:
        data, name = mbox, "inbox.mbox"
    started = upload(browser, "/mail/import", name, data)
    assert started.status_code == 303
    job_page = started.headers["location"]
    assert job_page.startswith("/jobs/")
    running = browser.get(job_page).text
    assert "<progress" in running
    done = _wait_for(browser, job_page)
    assert "Read 4 messages" in done
    assert 'http-equiv="refresh"' not in done  # it stops refreshing once finished
    assert "nextyes mail" not in done
    assert 'href="/mail/applied"' in done  # where to put right anything read wrong
    assert browser.get("/applications").text.count('href="/applications/') >= 1
