"""A local web server for posting tests: serves the saved pages in tests/text/postings.

No test goes on the internet: `--from-url` and the web app's "read this posting" are tested
against this server on 127.0.0.1, which also answers the awkward cases (a missing page, a page
too large, one that takes too long).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

PAGES = Path(__file__).parent / "text" / "postings"


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        name = self.path.lstrip("/").split("?")[0]
        if name == "slow":
            time.sleep(2)
        if name == "big":
            body = b"<html><body>" + b"<p>filler</p>" * 200_000 + b"</body></html>"
            return self._send(200, body, "text/html")
        if name == "image.png":
            return self._send(200, b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, "image/png")
        if name == "moved":
            self.send_response(302)
            self.send_header("Location", "/ats_single.html")
            self.end_headers()
            return None
        page = PAGES / name
        if not name or "/" in name or not page.is_file():
            return self._send(404, b"<html><body>Not found</body></html>", "text/html")
        kind = "text/plain; charset=utf-8" if name.endswith(".txt") else "text/html; charset=utf-8"
        return self._send(200, page.read_bytes(), kind)

    def _send(self, status: int, body: bytes, kind: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return


@pytest.fixture
def postings_site(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The base address of a local server with the saved postings (no proxy in the way)."""
    for name in ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy",
                 "all_proxy"):  # fmt: skip
        monkeypatch.delenv(name, raising=False)
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def closed_port() -> int:
    """A port on this machine where nothing listens (to stand in for being offline)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
