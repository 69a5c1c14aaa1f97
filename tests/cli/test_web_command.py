"""`nextyes web`: serves the journal on 127.0.0.1, and explains a busy port."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
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


def test_it_serves_the_same_journal_as_the_command_line(run: Cli, home: Path) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst")
    port = _free_port()
    nextyes = Path(sys.executable).parent / "nextyes"
    server = subprocess.Popen(
        [str(nextyes), "web", "--port", str(port), "--no-open"],
        env={**os.environ, "NEXTYES_HOME": str(home)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/api/v1/applications", timeout=2
                ) as answer:
                    body = json.load(answer)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(
                        f"nextyes web did not start: {server.stdout and server.stdout.read()}"
                    )
                time.sleep(0.1)
        assert [a["company"] for a in body["items"]] == ["Acme Robotics"]
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0].decode()
    assert f"nextyes is open at http://127.0.0.1:{port}/" in output
