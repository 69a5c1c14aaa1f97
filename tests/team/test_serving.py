"""`nextyes serve`: answers sent at once, and no first request waiting on work done once.

With --workers N, every kept-alive connection answers without waiting on Nagle:

uvicorn binds a several-worker listener with protocol number 0, and asyncio then leaves Nagle's
algorithm on for the connections it accepts: each answer's body waited for the client's delayed
acknowledgement (about 40 ms a request on Linux). The listener handed to the workers says
IPPROTO_TCP, so asyncio sets TCP_NODELAY on every accepted connection. And each worker compiles
its page templates and opens all its database connections before it takes a request (the first
people after a start waited for both), and writes the access log (with several workers, none was
written).
"""

from __future__ import annotations

import asyncio
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path

import psycopg
import pytest
import uvicorn

from nextyes.cli.serving import tcp_listener
from nextyes.config import Settings
from nextyes.services.journal import JournalPool, upgrade_database
from nextyes.web.team.app import warm_up
from tests.team.conftest import Team


def _nodelay_of_a_connection_accepted_by(listener: socket.socket) -> int:
    async def accept_one() -> int:
        seen: asyncio.Future[int] = asyncio.get_running_loop().create_future()

        class Report(asyncio.Protocol):
            def connection_made(self, transport: asyncio.BaseTransport) -> None:
                sock = transport.get_extra_info("socket")
                seen.set_result(sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY))
                transport.close()

        server = await asyncio.get_running_loop().create_server(Report, sock=listener)
        port = listener.getsockname()[1]
        _, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            return await asyncio.wait_for(seen, 10)
        finally:
            writer.close()
            server.close()
            await server.wait_closed()

    return asyncio.run(accept_one())


def test_connections_accepted_by_the_served_listener_send_at_once() -> None:
    bound = uvicorn.Config("nextyes:nothing", host="127.0.0.1", port=0).bind_socket()
    listener = tcp_listener(bound)
    assert listener.proto == socket.IPPROTO_TCP and listener.get_inheritable()
    assert _nodelay_of_a_connection_accepted_by(listener) == 1


def test_a_listener_that_already_says_tcp_is_handed_back_as_it_is() -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP) as sock:
        assert tcp_listener(sock) is sock


def test_a_worker_compiles_every_page_template_before_its_first_request(
    sqlite_team: Team,
) -> None:
    templates = sqlite_team.app.state.nextyes.templates
    names = templates.list_templates(extensions=["html"])
    assert names and not templates.cache  # nothing compiled yet: no request has come
    warm_up(sqlite_team.app.state.nextyes)
    compiled = {name for _, name in templates.cache.keys()}
    assert compiled == set(names)
    assert sqlite_team.person("ada@example.org").get("/").status_code == 200


@pytest.mark.postgres
def test_a_server_opens_all_its_database_connections_before_its_first_request(
    make_pg_database: Callable[[], str], home: Path
) -> None:
    url = make_pg_database()
    settings = Settings.from_env(db=url)
    upgrade_database(settings)

    def connected(expected: int) -> int:
        """Connections to the database, once they are `expected` (a closed one takes a moment
        to leave pg_stat_activity) or after five seconds."""
        deadline = time.monotonic() + 5
        with psycopg.connect(url, autocommit=True) as conn:
            while True:
                row = conn.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND pid <> pg_backend_pid()"
                ).fetchone()
                assert row is not None
                if int(row[0]) == expected or time.monotonic() > deadline:
                    return int(row[0])
                time.sleep(0.05)

    served = JournalPool(settings, 3, open_all=True)
    try:
        assert served.wait_until_open()
        assert connected(3) == 3
    finally:
        served.close()
    assert connected(0) == 0
    on_demand = JournalPool(settings, 3)  # the tests' apps: one, then more as asked
    try:
        assert on_demand.wait_until_open()
        assert connected(1) == 1
    finally:
        on_demand.close()


@pytest.mark.slow
def test_every_worker_writes_the_access_log(home: Path, tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "NEXTYES_HOME": str(home), "NEXTYES_PUBLIC_URL": base}
    env.pop("NEXTYES_DATABASE_URL", None)
    env.pop("NEXTYES_NOW", None)
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "nextyes"), "serve", "--port", str(port),
             "--workers", "2"], env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            deadline = time.monotonic() + 60
            answered = 0
            while answered < 20 and time.monotonic() < deadline:
                try:  # a new connection each time: the kernel hands them to either worker
                    with urllib.request.urlopen(base + "/sign-in?next=/board", timeout=5):
                        answered += 1
                except OSError:
                    assert server.poll() is None, log.read_text()
                    time.sleep(0.2)
            assert answered == 20, log.read_text()
        finally:
            server.terminate()
            server.wait(timeout=30)
    lines = [line for line in log.read_text().splitlines() if " GET /sign-in 200 " in line]
    assert len(lines) == 20, log.read_text()
    assert all("nextyes.access 127.0.0.1 GET /sign-in 200 " in line for line in lines)
    assert "next=" not in log.read_text()  # no query string is ever logged
