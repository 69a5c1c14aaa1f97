"""One way to answer a problem: JSON with a message under /api, an HTML page elsewhere.

A NextyesError is something the user can fix: its message becomes a 4xx answer as it is.
Anything unexpected is logged to the home's `logs/` folder and answered with a short apology.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from nextyes.errors import Conflict, DiskFull, JournalBusy, NextyesError, NotFound
from nextyes.web.rendering import filled, for_browser, page, state_of, words

log = logging.getLogger("nextyes.web")

STATUS: tuple[tuple[type[NextyesError], int], ...] = (
    (NotFound, 404),
    (Conflict, 409),
    (JournalBusy, 423),
    (DiskFull, 507),
)
HTTP_MESSAGES = {404: "not_found", 405: "wrong_method"}


def install(app: FastAPI) -> None:
    app.add_exception_handler(NextyesError, _nextyes_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, _unexpected)


def answer(
    request: Request, status: int, message: str, errors: Sequence[dict[str, Any]] = ()
) -> Response:
    if request.url.path.startswith("/api/"):
        body: dict[str, Any] = {"message": message}
        if errors:
            body["errors"] = list(errors)
        return JSONResponse(body, status_code=status)
    return page(request, "error.html", {"status": status, "message": message}, status=status)


def status_for(exc: NextyesError) -> int:
    for kind, status in STATUS:
        if isinstance(exc, kind):
            return status
    return 400


async def _nextyes_error(request: Request, exc: NextyesError) -> Response:
    if request.url.path.startswith("/api/"):
        return answer(request, status_for(exc), exc.message)
    return answer(request, status_for(exc), in_browser(exc))


def in_browser(exc: NextyesError) -> Markup:
    """The message as a page says it: its web version, or commands named as their pages."""
    if exc.web is not None:
        return escape(filled(exc.web))
    return for_browser(exc.message) or escape(exc.message)


async def _invalid_request(request: Request, exc: RequestValidationError) -> Response:
    problems = [_problem(error) for error in exc.errors()]
    message = words("values", "refused", problems="; ".join(p["message"] for p in problems))
    status = 422 if request.url.path.startswith("/api/") else 400
    return answer(request, status, message, problems)


def _problem(error: Any) -> dict[str, Any]:
    where = [str(part) for part in error.get("loc", ()) if part not in ("body", "query", "path")]
    field = ".".join(where) or "the request"
    text = str(error.get("msg", "is not valid"))
    if error.get("type") == "json_invalid":
        return {"field": "body", "message": "the body is not valid JSON"}
    if error.get("type") == "missing":
        return {"field": field, "message": f"{field} is required"}
    text = text[0].lower() + text[1:] if text else text
    return {"field": field, "message": f"{field}: {text}"}


async def _http_error(request: Request, exc: HTTPException) -> Response:
    message = (
        exc.detail
        if isinstance(exc.detail, str) and exc.status_code not in HTTP_MESSAGES
        else (HTTP_MESSAGES.get(exc.status_code, "That request could not be answered."))
    )
    response = answer(request, exc.status_code, message)
    if exc.headers:
        response.headers.update(exc.headers)
    return response


async def _unexpected(request: Request, exc: Exception) -> Response:
    where = _write_log(request, exc)
    return answer(request, 500, words("unexpected", "refused", where=where))


def _loggable(path: str) -> str:
    """The path without the secret part of a one-time link or a feed address."""
    from nextyes.web.team.guard import logged_path

    return logged_path(path)


def _write_log(request: Request, exc: Exception) -> str:
    try:
        from nextyes.crash_logs import write_crash_log

        text = f"{request.method} {_loggable(request.url.path)}\n" + "".join(
            traceback.format_exception(exc)
        )
        return str(write_crash_log(state_of(request).settings.logs_dir, "web-crash", text))
    except OSError:
        log.exception("unexpected error (no log file could be written)")
        return "(no log file could be written)"
