"""Running the served app under uvicorn, with every answer sent as soon as it is written.

With more than one worker, uvicorn binds the listening socket itself and leaves its protocol
number at 0. Accepted connections inherit that number, and asyncio switches Nagle's algorithm
off (TCP_NODELAY) only on sockets that say IPPROTO_TCP. With Nagle on, an answer written in two
pieces (its head, then its body) waits for the client's delayed acknowledgement of the first:
about 40 ms on Linux for every request after the first on a kept-alive connection (uvicorn
issue 3149). One worker is not affected: asyncio binds that listener from getaddrinfo.

So with several workers the listener is made here, saying IPPROTO_TCP, and handed to uvicorn's
own supervisor, as `uvicorn.run` does.

The logging set-up goes to uvicorn too (`LOG_CONFIG`), which applies it in every worker: set up
only in the starting process, as before, worker processes (started afresh, not forked) wrote no
access log at all with --workers 2 or more.
"""

from __future__ import annotations

import socket
from typing import Any

FORMAT = "%(asctime)s %(name)s %(message)s"
LOG_CONFIG: dict[str, Any] = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": FORMAT}},
    "handlers": {"out": {"class": "logging.StreamHandler", "formatter": "plain",
                         "stream": "ext://sys.stdout"}},
    "loggers": {
        "nextyes": {"handlers": ["out"], "level": "INFO", "propagate": False},
        "uvicorn": {"handlers": ["out"], "level": "WARNING", "propagate": False},
    },
}  # fmt: skip


def tcp_listener(sock: socket.socket) -> socket.socket:
    """The same listening socket, saying IPPROTO_TCP (so accepted connections get TCP_NODELAY)."""
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or sock.proto == socket.IPPROTO_TCP:
        return sock
    fixed = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
    fixed.set_inheritable(True)
    return fixed


def run(app: str, *, workers: int, **options: Any) -> None:
    """`uvicorn.run(app, workers=workers, **options)`, with a TCP listener that says so."""
    import uvicorn

    if workers == 1:
        uvicorn.run(app, workers=1, **options)
        return
    from uvicorn.supervisors import Multiprocess

    config = uvicorn.Config(app, workers=workers, **options)
    Multiprocess(config, sockets=[tcp_listener(config.bind_socket())]).run()
