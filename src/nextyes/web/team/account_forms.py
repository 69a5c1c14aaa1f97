"""What the account pages share (team mode): the form fields' limits, the words of what was
done, and a form page shown again with what went wrong, in the browser's words."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import Form, Request
from fastapi.responses import HTMLResponse

from nextyes.domain.errors import NextyesError, NotFound
from nextyes.services.accounts.throttle import TooManyTries
from nextyes.web.errors import in_browser
from nextyes.web.rendering import page
from nextyes.web.team.context import served_of

Secret = Annotated[str, Form(max_length=1024)]
Short = Annotated[str, Form(max_length=320)]


def done(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("accounts/messages")["done"][key], **values)


def form(
    request: Request, template: str, context: dict[str, Any], error: NextyesError | None = None
) -> HTMLResponse:
    status = 200
    if error is not None:
        status = (
            429 if isinstance(error, TooManyTries) else 404 if isinstance(error, NotFound) else 400
        )
    said = in_browser(error) if error else None
    return page(request, template, {"error": said, **context}, status)


def can_mail(request: Request) -> bool:
    return served_of(request).server.smtp is not None
