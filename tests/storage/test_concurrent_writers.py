"""Writers wait their turn: the command line and the web app write one journal at once.

A second process runs `nextyes add` (the real command, a fresh connection each time) in a loop
while this one posts applications to the served web app and reads its pages. Every write either
side was told succeeded must be in the journal afterwards, and none may be refused as busy.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest

from nextyes.config import Settings
from nextyes.services.journal import open_journal
from tests.web.live import serve

SHEET_ROWS = 1500
CLI_LOOP = """
import json, sys, time
from nextyes.cli.main import cli
seconds, prefix = float(sys.argv[1]), sys.argv[2]
done, refused, i = [], [], 0
deadline = time.monotonic() + seconds
while time.monotonic() < deadline:
    company = f"{prefix} {i}"
    try:
        cli.main(["add", company, "Analyst", "--yes"], standalone_mode=False)
        done.append(company)
    except SystemExit as exc:
        if exc.code not in (0, None):
            refused.append(f"{company}: exit {exc.code}")
        else:
            done.append(company)
    except Exception as exc:
        refused.append(f"{company}: {exc}")
    i += 1
print(json.dumps({"done": done, "refused": refused}))
"""


def _companies(settings: Settings) -> set[str]:
    journal = open_journal(settings)
    try:
        rows = journal.db.query("SELECT company FROM applications")
        return {row["company"] for row in rows}
    finally:
        journal.close()


def _spreadsheet(folder: Path, rows: int) -> Path:
    lines = ["company,role,applied_on"]
    lines += [f"Sheet {i},Analyst,2026-10-{1 + i % 28:02d}" for i in range(rows)]
    path = folder / "sheet.csv"
    path.write_text("\n".join(lines) + "\n")
    return path


def _write_at_once(settings: Settings, home: Path, seconds: float) -> dict[str, list[str]]:
    open_journal(settings).close()  # created before either side starts
    env = {**os.environ, "NEXTYES_HOME": str(home)}
    sheet = _spreadsheet(home.parent, rows=SHEET_ROWS)
    with serve(settings) as live:
        cli_side = subprocess.Popen(
            [sys.executable, "-c", CLI_LOOP, str(seconds), "Terminal"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        # a long import from the command line at the same time: others must get their turn
        importer = subprocess.Popen(
            [sys.executable, "-m", "nextyes", "import", "csv", str(sheet), "--yes"],
            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )  # fmt: skip
        web_done: list[str] = []
        web_refused: list[str] = []
        with httpx.Client(base_url=live.url, timeout=60) as client:
            token = client.get("/api/v1/session").json()["csrf_token"]
            deadline = time.monotonic() + seconds
            i = 0
            while time.monotonic() < deadline:
                company = f"Browser {i}"
                answer = client.post(
                    "/api/v1/applications",
                    json={"company": company, "role": "Analyst"},
                    headers={"X-CSRF-Token": token},
                )
                if answer.status_code == 201:
                    web_done.append(company)
                else:
                    web_refused.append(f"{company}: {answer.status_code} {answer.text[:200]}")
                if i % 3 == 0:  # the web app reads too, as a person browsing would
                    assert client.get("/").status_code == 200
                i += 1
        out, err = cli_side.communicate(timeout=120)
        imported = importer.communicate(timeout=120)
    assert cli_side.returncode == 0, err
    assert importer.returncode == 0, imported
    cli_result = json.loads(out.strip().splitlines()[-1])
    return {
        "web_done": web_done,
        "web_refused": web_refused,
        "cli_done": cli_result["done"],
        "cli_refused": cli_result["refused"],
    }


def _check(settings: Settings, result: dict[str, list[str]]) -> None:
    assert result["web_refused"] == []
    assert result["cli_refused"] == []
    assert result["web_done"] and result["cli_done"], "both sides must have written"
    stored = _companies(settings)
    lost = (set(result["web_done"]) | set(result["cli_done"])) - stored
    assert lost == set()
    assert {f"Sheet {i}" for i in range(SHEET_ROWS)} <= stored


def test_the_command_line_and_the_web_app_write_at_once_and_nothing_is_refused_or_lost(
    settings: Settings, home: Path
) -> None:
    _check(settings, _write_at_once(settings, home, seconds=4))


@pytest.mark.slow
def test_thirty_seconds_of_writing_from_both_sides_loses_nothing(
    settings: Settings, home: Path
) -> None:
    _check(settings, _write_at_once(settings, home, seconds=30))


def test_units_of_work_that_read_then_write_wait_for_each_other(settings: Settings) -> None:
    """The pattern of nearly every service: look something up, then write. Four connections
    doing it at once must all get their turn; a plain BEGIN failed them at once instead."""
    from nextyes.storage.db import connect

    open_journal(settings).close()
    refused: list[str] = []
    written: list[str] = []

    def writer(name: str) -> None:
        db = connect(settings.database_url)
        try:
            for i in range(40):
                try:
                    db.begin()
                    count = db.scalar("SELECT count(*) FROM users")
                    time.sleep(0.001)  # another writer commits in between
                    db.execute(
                        "INSERT INTO users (username, role, disabled, created_at) "
                        "VALUES (:name, 'member', 0, '2026-11-22T10:00:00+00:00')",
                        {"name": f"{name}-{i}-{count}"},
                    )
                    db.commit()
                    written.append(f"{name}-{i}")
                except Exception as exc:
                    db.rollback()
                    refused.append(f"{name}-{i}: {exc}")
        finally:
            db.close()

    threads = [threading.Thread(target=writer, args=(f"w{n}",)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert refused == []
    journal = open_journal(settings)
    try:
        assert journal.db.scalar("SELECT count(*) FROM users WHERE username LIKE 'w%'") == 160
    finally:
        journal.close()
