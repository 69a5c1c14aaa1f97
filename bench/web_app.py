"""The app `bench/web_load.py` serves: nextyes's own app plus two minimal routes for scale.

The minimal routes run on the same stack (FastAPI, the same middleware, one journal file):
a 50-row Jinja page and a 50-row JSON endpoint, each straight over stdlib sqlite3.
"""

from __future__ import annotations

import os
import sqlite3
from typing import Any

import jinja2
from fastapi import FastAPI
from fastapi.responses import HTMLResponse, JSONResponse

from nextyes.config import Settings
from nextyes.web.app import create_app

MINIMAL_PAGE = jinja2.Environment(autoescape=True).from_string(
    "<!doctype html><html lang=en><meta charset=utf-8><title>Minimal</title><main><h1>Latest</h1>"
    "<table>{% for r in rows %}<tr><td>{{ r['id'] }}</td><td>{{ r['company'] }}</td>"
    "<td>{{ r['role'] }}</td><td>{{ r['stage'] }}</td><td>{{ r['last_activity_on'] }}</td></tr>"
    "{% endfor %}</table></main></html>"
)
ROWS = (
    "SELECT id, company, role, stage, last_activity_on FROM applications ORDER BY id DESC LIMIT 50"
)


def app() -> FastAPI:
    settings = Settings.from_env()
    application = create_app(settings, port=int(os.environ["NEXTYES_WEB_PORT"]), serving=True)
    conn = sqlite3.connect(settings.sqlite_path, check_same_thread=False)
    conn.row_factory = sqlite3.Row

    @application.get("/bench/minimal-page", response_class=HTMLResponse)
    async def minimal_page() -> HTMLResponse:
        return HTMLResponse(MINIMAL_PAGE.render(rows=conn.execute(ROWS).fetchall()))

    @application.get("/bench/minimal-json")
    async def minimal_json() -> JSONResponse:
        rows: list[Any] = [dict(r) for r in conn.execute(ROWS).fetchall()]
        return JSONResponse(rows)

    return application
