"""The served app's factory: `create_served_app(settings, server)`; nothing exists at import.

The same routes as the local app (api/ and pages/), plus the account pages, behind TeamGuard
instead of the local guard. `nextyes serve` asks uvicorn for `served_app_from_environment` in
every worker process, so each worker builds its own app and its own connection pool.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI
from starlette.staticfiles import StaticFiles

from nextyes import __version__
from nextyes.config import Settings
from nextyes.server_settings import ServerSettings
from nextyes.web.state import WebState


class SharedState(WebState):
    """What every request shares in team mode; it has no journal of its own to give."""

    @property
    def journal(self) -> Any:
        raise RuntimeError("team mode: a route asked for the app's journal instead of the person's")


def create_served_app(
    settings: Settings, server: ServerSettings, *, serving: bool = False
) -> FastAPI:
    from nextyes.services.journal import JournalPool
    from nextyes.web import api, errors, pages
    from nextyes.web.team import (
        account_api,
        account_pages,
        coaching_api,
        coaching_pages,
        mail_pages,
        organisation_pages,
        sign_in_pages,
    )
    from nextyes.web.team.guard import TeamGuard
    from nextyes.web.team.state import ServedState

    base = SharedState.local(settings, 0)
    pool = JournalPool(settings, server.pool_size, open_all=serving)
    served = ServedState.build(base, server, pool)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        from nextyes.services.jobs.worker import Worker

        if serving:
            import gc

            warm_up(base)
            pool.wait_until_open()
            gc.collect()
            gc.freeze()
        # queued work (mail imports, IMAP fetches) runs in threads of every worker process
        workers = [Worker(settings, server=server) for _ in range(server.job_workers)]
        for worker in workers:
            worker.start()
        yield
        for worker in workers:
            worker.stop()
        pool.close()

    app = FastAPI(
        title="nextyes",
        version=__version__,
        summary="Your job-search journal, served for many people, each with their own.",
        description=(
            "Send a personal API token (your account page makes one) as `Authorization: Bearer "
            "nyt_...`; requests without one get 401. A browser session works too: then every "
            "state-changing request needs the CSRF token from `GET /api/v1/session` in the "
            "`X-CSRF-Token` header. Errors are JSON with a `message` that says what to do."
        ),
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        lifespan=lifespan,
    )
    app.state.nextyes = base
    app.state.team = served
    errors.install(app)
    app.mount("/static", StaticFiles(packages=[("nextyes.web", "static")]), name="static")
    app.include_router(account_api.router)
    app.include_router(coaching_api.router)
    app.include_router(organisation_pages.api)
    app.include_router(api.router)
    app.include_router(sign_in_pages.router)
    app.include_router(account_pages.router)
    app.include_router(coaching_pages.router)
    app.include_router(organisation_pages.router)
    app.include_router(mail_pages.router)
    app.include_router(pages.router)
    app.add_middleware(TeamGuard, served=served)
    _name_the_security_schemes(app)
    return app


def warm_up(base: WebState) -> None:
    """Do now, before the worker takes its first request, what the first requests would do.

    Every page template is compiled and the password hasher loaded. Otherwise the first people
    after a start wait for it (a third of a second of compiling on the first page of each
    worker), and so does every request queued behind theirs in that worker.
    """
    from nextyes.services.accounts.secrets import hasher

    templates = base.templates
    for name in templates.list_templates(extensions=["html"]):
        templates.get_template(name)
    hasher()


def _name_the_security_schemes(app: FastAPI) -> None:
    """The OpenAPI document says how to authenticate: a bearer token, or the session cookie."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is not None:
            return app.openapi_schema
        schema = build()
        served = app.state.team
        schema.setdefault("components", {})["securitySchemes"] = {
            "token": {
                "type": "http",
                "scheme": "bearer",
                "description": "A personal API token (nyt_...) from your account page.",
            },
            "session": {"type": "apiKey", "in": "cookie", "name": served.cookie},
        }
        schema["security"] = [{"token": []}, {"session": []}]
        app.openapi_schema = schema
        return schema

    app.openapi = openapi  # type: ignore[method-assign]


def served_app_from_environment() -> FastAPI:
    """The app for the settings in the environment: what `nextyes serve` runs in each worker."""
    server = ServerSettings.load()
    settings = Settings.from_env(db=server.database_url)
    return create_served_app(settings, server, serving=True)
