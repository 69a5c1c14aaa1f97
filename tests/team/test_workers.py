"""`nextyes serve --workers 2` on one PostgreSQL database: several people writing at once.

Two real uvicorn worker processes share the database and nothing else; requests are spread over
both by the operating system. Every write that was answered 201 is in the journal exactly once
(no lost update), nobody sees anyone else's rows, and nothing fails.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from nextyes.config import Settings
from nextyes.services.accounts import admin, tokens
from nextyes.services.journal import open_journal, upgrade_database
from tests.conftest import NOW

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

PEOPLE = 4
WRITES = 15


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def server(make_pg_database: Callable[[], str], home: Path) -> Iterator[tuple[str, str]]:
    url = make_pg_database()
    settings = Settings.from_env(db=url)
    upgrade_database(settings)
    port = _free_port()
    env = {
        **os.environ, "NEXTYES_DATABASE_URL": url, "NEXTYES_HOME": str(home),
        "NEXTYES_PUBLIC_URL": f"http://127.0.0.1:{port}", "NEXTYES_POOL_SIZE": "4",
    }  # fmt: skip
    env.pop("NEXTYES_NOW", None)
    nextyes = Path(sys.executable).parent / "nextyes"
    log = (home.parent / "serve.log").open("wb")
    process = subprocess.Popen(
        [str(nextyes), "serve", "--port", str(port), "--workers", "2"],
        env=env, stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as answer:
                if answer.status == 200:
                    break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            process.wait()
            log.close()
            pytest.fail(f"nextyes serve did not start: {(home.parent / 'serve.log').read_text()}")
        time.sleep(0.2)
    try:
        yield base, url
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        log.close()


def _call(base: str, token: str, method: str, path: str, body: Any = None) -> tuple[int, Any]:
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(base + path, data=data, method=method)
    request.add_header("Authorization", f"Bearer {token}")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=30) as answer:
            text = answer.read()
            return answer.status, json.loads(text) if text else None
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


def test_two_workers_take_concurrent_writes_from_several_people_without_losing_any(
    server: tuple[str, str],
) -> None:
    base, url = server
    journal = open_journal(Settings.from_env(db=url))
    people: list[tuple[str, str]] = []
    for n in range(PEOPLE):
        email = f"person{n}@example.org"
        account = admin.create_account(
            journal.uow(), email, NOW, password=f"long password number {n}"
        )
        people.append((email, tokens.create_token(journal.uow(), account.id, "load", NOW).token))
    journal.close()
    shared: dict[str, int] = {}
    for email, token in people:
        status, made = _call(
            base,
            token,
            "POST",
            "/api/v1/applications",
            {"company": f"{email} Co", "role": "Analyst"},
        )
        assert status == 201, made
        shared[email] = made["id"]

    def work(person: tuple[str, str], n: int) -> list[int]:
        email, token = person
        app_id = shared[email]
        return [
            _call(base, token, "POST", "/api/v1/wins", {"text": f"{email} win {n}"})[0],
            _call(
                base,
                token,
                "POST",
                f"/api/v1/applications/{app_id}/notes",
                {"text": f"{email} note {n}"},
            )[0],
            _call(
                base,
                token,
                "POST",
                "/api/v1/applications",
                {"company": f"{email} {n}", "role": "Analyst"},
            )[0],
        ]

    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = [pool.submit(work, p, n) for n in range(WRITES) for p in people]
        statuses = [s for f in futures for s in f.result()]
    assert statuses.count(201) == len(statuses), sorted(set(statuses))
    for email, token in people:
        status, page = _call(base, token, "GET", "/api/v1/applications?limit=500")
        assert status == 200
        assert page["total"] == WRITES + 1
        assert all(a["company"].startswith(email) for a in page["items"])
        status, detail = _call(base, token, "GET", f"/api/v1/applications/{shared[email]}")
        notes = sorted(n["text"] for n in detail["notes"])
        assert notes == sorted(f"{email} note {n}" for n in range(WRITES))
        status, wins = _call(base, token, "GET", "/api/v1/wins")
        mine = [w for w in wins if w["text"].startswith(email)]
        assert len(mine) == WRITES
    workers = set()
    for _ in range(100):  # the kernel hands connections to either process
        with urllib.request.urlopen(base + "/healthz", timeout=5) as answer:
            workers.add(answer.headers.get("x-nextyes-worker"))
        if len(workers) == 2:
            break
    assert len(workers) == 2, "both workers answered"
