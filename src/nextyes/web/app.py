"""The web app's factory: `create_app(settings)` builds a fresh app; nothing exists at import."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from nextyes import __version__
from nextyes.config import Settings
from nextyes.web.security import Guard, LocalAccess
from nextyes.web.state import WebState

DEFAULT_PORT = 8765


def create_app(
    settings: Settings,
    *,
    port: int = DEFAULT_PORT,
    serving: bool = False,
    access: LocalAccess | None = None,
) -> FastAPI:
    """The single-user app over the journal `settings` name, served on 127.0.0.1:`port`.

    `access` is what `nextyes web` passes: with it, every request needs the one-time key, the
    access cookie it becomes, or the scripts' token (see `nextyes.web.security`).

    `serving` is for a real server process: at start-up it moves everything imported so far out
    of the garbage collector's way (`gc.freeze`), which keeps full collections, and so the
    slowest requests, short.
    """
    from nextyes.web import api, errors, pages

    state = WebState.local(settings, port)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if serving:
            import gc

            gc.collect()
            gc.freeze()
        yield
        state.close()

    app = FastAPI(
        title="nextyes",
        version=__version__,
        summary="Your job-search journal, over HTTP on your own machine.",
        description=(
            "Every state-changing request needs the CSRF token from `GET /api/v1/session` in "
            "the `X-CSRF-Token` header, with the session cookie that call sets. Errors are JSON "
            "with a `message` that says what to do."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        lifespan=lifespan,
    )
    app.state.nextyes = state
    errors.install(app)
    app.mount("/static", StaticFiles(packages=[("nextyes.web", "static")]), name="static")
    app.include_router(api.router)
    app.include_router(pages.router)
    app.add_middleware(Guard, secret=state.secret, port=port, access=access)
    return app


def app_from_environment() -> FastAPI:
    """The app for the settings in the environment (NEXTYES_HOME, NEXTYES_DATABASE_URL) on port
    NEXTYES_WEB_PORT: what `nextyes web` asks uvicorn to build (`--factory`). Its one-time key
    comes in NEXTYES_WEB_KEY (taken out of the environment at once); without one, a new key
    is drawn, and the app can be opened with the scripts' token only."""
    from nextyes.services.settings.local_access import api_token, one_time_key

    settings = Settings.from_env()
    key = os.environ.pop("NEXTYES_WEB_KEY", "") or one_time_key()
    token, token_file = api_token(settings.home)
    return create_app(
        settings,
        port=int(os.environ.get("NEXTYES_WEB_PORT", DEFAULT_PORT)),
        access=LocalAccess(key, token, token_file),
    )
