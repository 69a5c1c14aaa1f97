"""The web app served for real (uvicorn on 127.0.0.1, in a thread) and driven by Chromium.

One Chromium per test session (`chromium` in conftest.py); a server per journal. Screenshots
go to test-artifacts/screenshots/, which CI keeps.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from nextyes.config import Settings
from nextyes.web.app import create_app

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@dataclass
class Live:
    url: str
    settings: Settings


@contextmanager
def serve(settings: Settings) -> Iterator[Live]:
    """The app over `settings`' journal, until the block ends."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, port=port), host="127.0.0.1", port=port,
                       log_level="warning", lifespan="on")
    )  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline, "the web app did not start"
        time.sleep(0.02)
    try:
        yield Live(f"http://127.0.0.1:{port}", settings)
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def new_context(chromium: Any, live: Live, viewport: dict[str, int], **options: Any) -> Any:
    from playwright.sync_api import expect

    context = chromium.new_context(base_url=live.url, viewport=viewport, **options)
    context.set_default_timeout(20_000)  # a busy CI machine is slow, not broken
    expect.set_options(timeout=20_000)
    return context


def save_shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)
