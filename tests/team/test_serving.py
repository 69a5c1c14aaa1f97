"""`nextyes serve`: answers sent at once, and no first request waiting on work done once.

With --workers N, every kept-alive connection answers without waiting on Nagle:

uvicorn binds a several-worker listener with protocol number 0, and asyncio then leaves Nagle's
algorithm on for the connections it accepts: each answer's body waited for the client's delayed
acknowledgement (about 40 ms a request on Linux). The listener handed to the workers says
IPPROTO_TCP, so asyncio sets TCP_NODELAY on every accepted connection. And each worker compiles
its page templates before it takes a request (the first people after a start waited for it).
"""

from __future__ import annotations

import asyncio
import socket

import uvicorn

from nextyes.cli.serving import tcp_listener
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
