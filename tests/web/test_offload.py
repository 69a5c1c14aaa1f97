"""Long reads run in a worker thread in team mode (a connection per request), and on the event
loop in the local app (one connection shared by its requests)."""

from __future__ import annotations

import asyncio
import threading

from starlette.requests import Request

from nextyes.web.offload import off_the_loop


def _thread_of_work(state: dict[str, object]) -> tuple[int, int]:
    """(the event loop's thread, the thread the work ran in), on a loop of its own in a thread
    of its own: the browser tests keep a loop running in the main thread."""
    request = Request({"type": "http", "state": state})
    seen: list[tuple[int, int]] = []

    async def run() -> tuple[int, int]:
        return threading.get_ident(), await off_the_loop(request, threading.get_ident)

    runner = threading.Thread(target=lambda: seen.append(asyncio.run(run())))
    runner.start()
    runner.join(timeout=30)
    assert seen, "the loop finished"
    return seen[0]


def test_a_long_read_runs_beside_the_loop_when_the_request_has_its_own_connection() -> None:
    loop_thread, work_thread = _thread_of_work({"team": object()})
    assert work_thread != loop_thread


def test_a_long_read_stays_on_the_loop_in_the_local_app() -> None:
    loop_thread, work_thread = _thread_of_work({})
    assert work_thread == loop_thread
