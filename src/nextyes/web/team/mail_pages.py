"""A served account's IMAP folder: connect it (the app password is kept encrypted with the
server's key), fetch new mail on request (a queued job any worker runs), disconnect it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from nextyes.services.mail import connection
from nextyes.web.rendering import redirect
from nextyes.web.team.coaching_api import me, now_of
from nextyes.web.team.context import account_uow, served_of

router = APIRouter(include_in_schema=False)
Secret = Annotated[str, Form(max_length=1024)]
Address = Annotated[str, Form(max_length=600)]


def _said(key: str) -> str:
    from nextyes import content

    return str(content.load("mail/messages")["imap_served"][key])


@router.post("/mail/imap")
async def connect(request: Request, url: Address = "", password: Secret = "") -> Response:
    sealer = served_of(request).sealer
    connection.connect_imap(
        account_uow(request), me(request).user_id, url, password, sealer, now_of(request)
    )
    return redirect("/mail/import#imap", _said("connected"))


@router.post("/mail/imap/fetch")
async def fetch(request: Request) -> Response:
    job_id = connection.queue_fetch(account_uow(request), me(request).user_id, now_of(request))
    return redirect(f"/jobs/{job_id}")


@router.post("/mail/imap/off")
async def disconnect(request: Request) -> Response:
    connection.disconnect_imap(account_uow(request), me(request).user_id)
    return redirect("/mail/import#imap", _said("disconnected"))
