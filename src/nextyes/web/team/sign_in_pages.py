"""Signing in (team mode): sign in and the second factor's code, sign out, sign up when the
server allows it, set a password from an invitation or a reset link, ask for a reset by email."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from nextyes import content
from nextyes.domain.accounts import LinkPurpose, SessionStage
from nextyes.domain.errors import NextyesError, NotFound
from nextyes.services.accounts import admin, links, sessions
from nextyes.services.accounts.sessions import NewSession
from nextyes.web.forms import local_path
from nextyes.web.rendering import redirect
from nextyes.web.team.account_forms import Secret, Short, can_mail, done, form
from nextyes.web.team.context import account_uow, client_address, served_of, signed_in_of

router = APIRouter(include_in_schema=False)


def _signed_in_response(
    request: Request, opened: NewSession, to: str, flash: str | None = None
) -> Response:
    served = served_of(request)
    target = "/sign-in/code" if opened.stage is SessionStage.CODE else to
    response = redirect(target, flash)
    max_age = int(served.rules.lifetime.total_seconds())
    response.headers.append(
        "set-cookie", served.cookie_header(served.cookie, opened.token, max_age=max_age)
    )
    response.headers.append("set-cookie", served.cookie_header(served.pre_cookie, "", max_age=0))
    return response


def _agent(request: Request) -> str | None:
    return request.headers.get("user-agent")


@router.get("/sign-in", response_class=HTMLResponse)
async def sign_in_page(request: Request, next: str = "/") -> Response:
    if signed_in_of(request) is not None:
        return redirect(local_path(next, "/"))
    return form(request, "sign_in.html", {"next": local_path(next, "/"), "email": ""})


@router.post("/sign-in")
async def sign_in(
    request: Request, email: Short = "", password: Secret = "", next: Short = "/"
) -> Response:
    served = served_of(request)
    try:
        opened = await run_in_threadpool(
            sessions.sign_in, served.lend, email, password, served.rules,
            served.base.now(), agent=_agent(request), address=client_address(request),
        )  # fmt: skip
    except NextyesError as exc:
        context = {"next": local_path(next, "/"), "email": email}
        return form(request, "sign_in.html", context, exc)
    return _signed_in_response(request, opened, local_path(next, "/"))


@router.get("/sign-in/code", response_class=HTMLResponse)
async def code_page(request: Request) -> Response:
    if request.scope["state"].get("session_token") is None:
        return redirect("/sign-in")
    return form(request, "sign_in_code.html", {})


@router.post("/sign-in/code")
async def code(request: Request, code: Short = "") -> Response:
    served = served_of(request)
    token = request.scope["state"].get("session_token")
    if token is None:
        return redirect("/sign-in")
    try:
        opened = sessions.second_factor(
            account_uow(request), token, code, served.rules, served.base.now(),
            agent=_agent(request), address=client_address(request),
        )  # fmt: skip
    except NextyesError as exc:
        return form(request, "sign_in_code.html", {}, exc)
    return _signed_in_response(request, opened, "/")


@router.post("/sign-out")
async def sign_out(request: Request) -> Response:
    who = signed_in_of(request)
    if who is not None:
        sessions.sign_out(account_uow(request), who)
    served = served_of(request)
    response = redirect("/sign-in", done("signed_out"))
    response.headers.append("set-cookie", served.cookie_header(served.cookie, "", max_age=0))
    # the offline copy of the dashboard the service worker keeps goes too (a shared device)
    response.headers["clear-site-data"] = '"cache", "storage"'
    return response


@router.get("/sign-up", response_class=HTMLResponse)
async def sign_up_page(request: Request) -> Response:
    if not served_of(request).server.open_sign_up:
        raise NotFound(_closed())
    return form(request, "sign_up.html", {"email": "", "name": ""})


@router.post("/sign-up")
async def sign_up(
    request: Request,
    email: Short = "",
    name: Short = "",
    password: Secret = "",
    again: Secret = "",
) -> Response:
    served = served_of(request)
    if not served.server.open_sign_up:
        raise NotFound(_closed())
    try:
        opened = await run_in_threadpool(
            admin.sign_up, account_uow(request), email, password, again, name, served.rules,
            served.base.now(), agent=_agent(request), address=client_address(request),
        )  # fmt: skip
    except NextyesError as exc:
        return form(request, "sign_up.html", {"email": email, "name": name}, exc)
    return _signed_in_response(request, opened, "/", done("welcome"))


def _closed() -> str:
    from nextyes import content

    return str(content.load("accounts/messages")["refused"]["signup_closed"])


PURPOSES = {"welcome": LinkPurpose.INVITE, "reset": LinkPurpose.RESET}


@router.get("/welcome/{secret}", response_class=HTMLResponse)
@router.get("/reset/{secret}", response_class=HTMLResponse)
async def link_page(request: Request, secret: str) -> Response:
    purpose = PURPOSES[request.url.path.split("/")[1]]
    try:
        account = links.account_for_link(
            account_uow(request), secret, purpose, served_of(request).base.now()
        )
    except NextyesError as exc:
        return form(request, "set_password.html", {"account": None, "purpose": purpose.value}, exc)
    return form(request, "set_password.html", {"account": account, "purpose": purpose.value})


@router.post("/welcome/{secret}")
@router.post("/reset/{secret}")
async def use_link(
    request: Request, secret: str, password: Secret = "", again: Secret = ""
) -> Response:
    purpose = PURPOSES[request.url.path.split("/")[1]]
    served = served_of(request)
    try:
        opened = await run_in_threadpool(
            links.use_link, account_uow(request), secret, purpose, password, again,
            served.rules, served.base.now(), agent=_agent(request),
            address=client_address(request),
        )  # fmt: skip
    except NextyesError as exc:
        try:
            account = links.account_for_link(
                account_uow(request), secret, purpose, served.base.now()
            )
        except NextyesError:
            account = None
        context = {"account": account, "purpose": purpose.value}
        return form(request, "set_password.html", context, exc)
    return _signed_in_response(request, opened, "/", done("password_set"))


@router.get("/forgot", response_class=HTMLResponse)
async def forgot_page(request: Request) -> Response:
    return _forgot_page(request, sent=False)


@router.post("/forgot")
async def forgot(request: Request, email: Short = "") -> Response:
    """Mail a reset link when an account has the address; the answer is the same either way."""
    served = served_of(request)
    if can_mail(request):
        from nextyes.services.accounts.mailing import mail_reset_link

        await run_in_threadpool(
            mail_reset_link, account_uow(request), email, served.server, served.base.now(),
            client_address(request),
        )  # fmt: skip
    return _forgot_page(request, sent=True)


def _forgot_page(request: Request, sent: bool) -> Response:
    words = content.load("accounts/web")["forgot"]
    return form(
        request, "forgot.html", {"sent": sent, "can_mail": can_mail(request), "words": words}
    )
