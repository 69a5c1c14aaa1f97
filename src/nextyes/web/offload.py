"""Long reads off the event loop in team mode, so one person's page does not hold up the rest.

Routes are `async` and call the services directly: their database work runs on the worker's
event loop, one request at a time. That suits the many small reads (a session, a version, a
page kept in the cache); it does not suit a page that reads the database dozens of times (the
dashboard of someone whose journal just changed makes about fifty queries, a coach's caseload
about twenty): every request that arrives meanwhile in that worker waits for all of them.

In team mode each request holds a connection of its own (the guard borrowed it for this
request), so such a read may run in a worker thread while the loop answers other people; the
thread lets go of the interpreter while PostgreSQL works. The local app shares one connection
between its requests, so there the read stays on the loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request

T = TypeVar("T")


async def off_the_loop(request: Request, work: Callable[[], T]) -> T:
    """`work()`, in a worker thread when the request has a connection of its own."""
    if request.scope.get("state", {}).get("team") is None:
        return work()
    return await run_in_threadpool(work)
