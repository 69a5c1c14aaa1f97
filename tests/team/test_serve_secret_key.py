"""`nextyes serve` and the secret key: too short, or an old key file it cannot read, stops it at
once with a message (exit 2); without a key it starts, and says what people cannot do."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import Cli
from tests.team.conftest import SECRET_KEY


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def test_a_key_too_short_stops_serve_with_a_message(
    run: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEXTYES_SECRET_KEY", "short")
    said = run.fails("serve", "--port", str(_free_port())).output
    assert "secret_key should be at least 32 random characters" in said
    monkeypatch.setenv("NEXTYES_SECRET_KEY", SECRET_KEY)
    monkeypatch.setenv("NEXTYES_PREVIOUS_SECRET_KEYS", "also short")
    assert "previous_secret_keys" in run.fails("serve", "--port", str(_free_port())).output


def test_an_old_key_file_that_cannot_be_read_stops_serve_with_a_message(
    run: Cli, home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NEXTYES_SECRET_KEY", SECRET_KEY)
    (home / "server.key").mkdir(parents=True)  # not a file: it cannot be read
    said = run.fails("serve", "--port", str(_free_port())).output
    assert "server.key cannot be read" in said and "nextyes admin reseal" in said


def _started(home: Path, key: str | None) -> str:
    """What `nextyes serve` says when it starts (stopped once it answers)."""
    port = _free_port()
    env = {
        **os.environ,
        "NEXTYES_HOME": str(home),
        "NEXTYES_PUBLIC_URL": f"http://127.0.0.1:{port}",
    }
    for name in ("NEXTYES_DATABASE_URL", "NEXTYES_SECRET_KEY", "NEXTYES_NOW"):
        env.pop(name, None)
    if key:
        env["NEXTYES_SECRET_KEY"] = key
    log = home.parent / f"serve-{port}.log"
    nextyes = Path(sys.executable).parent / "nextyes"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(nextyes), "serve", "--port", str(port)], env=env, stdout=out,
            stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2):
                        break
                except OSError:
                    assert process.poll() is None, log.read_text()
                    assert time.monotonic() < deadline, log.read_text()
                    time.sleep(0.2)
        finally:
            process.terminate()
            process.wait(timeout=20)
    return log.read_text()


def test_serve_without_a_key_starts_and_says_what_cannot_be_kept(home: Path) -> None:
    said = " ".join(_started(home, None).split())
    assert "this server has no secret key (NEXTYES_SECRET_KEY)" in said
    assert "cannot connect a mail folder" in said and "docs/deploy.md" in said
    assert not (home / "server.key").exists()  # no key file is made any more
    assert "no secret key" not in _started(home, SECRET_KEY)
