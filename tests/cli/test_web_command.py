"""`nextyes web`: serves the journal on 127.0.0.1, and explains a busy port."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import Cli


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_a_port_in_use_is_explained_and_nothing_starts(run: Cli) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run.fails("web", "--port", str(port), "--no-open")
    assert f"Port {port} is already in use" in result.output
    assert f"--port {port + 1}" in result.output


def test_a_port_left_waiting_after_a_stop_is_taken_again_at_once() -> None:
    """After Ctrl+C with a browser still connected, the port's connections wait out their
    close (TIME_WAIT) while nothing listens: nextyes must start again on it."""
    from nextyes.cli.commands.web import port_is_free

    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    server.bind(("127.0.0.1", 0))
    server.listen()
    port = server.getsockname()[1]
    browser = socket.create_connection(("127.0.0.1", port))
    accepted, _ = server.accept()
    accepted.close()  # the server side closes first, so it is the side left in TIME_WAIT
    server.close()
    browser.close()
    with socket.socket() as plain, pytest.raises(OSError, match="in use"):
        plain.bind(("127.0.0.1", port))  # what the old check did: refused
    assert port_is_free(port)


def _started(server: subprocess.Popen[bytes]) -> str:
    """The URL `nextyes web` prints once it has started (read line by line, as a script would)."""
    assert server.stdout is not None
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        line = server.stdout.readline().decode()
        if "nextyes is open at " in line:
            return line.split("nextyes is open at ", 1)[1].split()[0]
        if not line and server.poll() is not None:
            break
    pytest.fail("nextyes web did not print its address")


def _get(opener: urllib.request.OpenerDirector, url: str, **headers: str) -> tuple[int, bytes]:
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=5) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


def test_it_serves_the_same_journal_to_its_own_user_only(run: Cli, home: Path) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst")
    port = _free_port()
    nextyes = Path(sys.executable).parent / "nextyes"
    server = subprocess.Popen(
        [str(nextyes), "web", "--port", str(port), "--no-open"],
        env={**os.environ, "NEXTYES_HOME": str(home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        url = _started(server)
        assert url.startswith(f"{base}/?key=")
        deadline = time.monotonic() + 90  # a loaded machine takes a while to import it all
        stranger = urllib.request.build_opener()
        while True:  # the address is printed just before uvicorn listens
            try:
                status, _ = _get(stranger, f"{base}/api/v1/applications")
                break
            except OSError:
                assert time.monotonic() < deadline, "nextyes web did not start"
                time.sleep(0.1)
        assert status == 401  # another account on this machine: no key, no journal
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor())
        status, page = _get(browser, url)  # follows the redirect with the access cookie
        assert status == 200 and b"nextyes" in page
        status, body = _get(browser, f"{base}/api/v1/applications")
        assert [a["company"] for a in json.loads(body)["items"]] == ["Acme Robotics"]
        assert _get(urllib.request.build_opener(), url)[0] == 401  # the key opens once
        token = (home / "web-token").read_text().strip()
        assert oct((home / "web-token").stat().st_mode & 0o777) == "0o600"
        status, body = _get(
            stranger, f"{base}/api/v1/applications", Authorization=f"Bearer {token}"
        )
        assert status == 200 and b"Acme Robotics" in body
    finally:
        server.terminate()
        server.communicate(timeout=10)
