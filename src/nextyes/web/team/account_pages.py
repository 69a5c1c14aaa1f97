"""Signing in and the account's own pages (team mode only).

Sign in (and the second factor's code), sign up when the server allows it, set a password from
an invitation or a reset link, ask for a reset by email, and the account page: sessions (sign
out one, or everywhere else), personal API tokens, the password, two-step sign-in.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from nextyes.domain.accounts import LinkPurpose, SessionStage, SignedIn
from nextyes.domain.errors import InvalidInput, NextyesError, NotFound
from nextyes.services.accounts import (
    admin,
    calendar_feed,
    links,
    reminders,
    sessions,
    tokens,
    totp,
)
from nextyes.services.accounts.sessions import NewSession
from nextyes.services.accounts.throttle import TooManyTries
from nextyes.web.errors import in_browser
from nextyes.web.forms import local_path
from nextyes.web.rendering import page, redirect
from nextyes.web.schemas.types import PathId
from nextyes.web.team.context import account_uow, client_address, served_of, signed_in_of

router = APIRouter(include_in_schema=False)
Secret = Annotated[str, Form(max_length=1024)]
Short = Annotated[str, Form(max_length=320)]


def _done(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("accounts/messages")["done"][key], **values)


def _form(
    request: Request, template: str, context: dict[str, Any], error: NextyesError | None = None
) -> HTMLResponse:
    status = 200
    if error is not None:
        status = (
            429 if isinstance(error, TooManyTries) else 404 if isinstance(error, NotFound) else 400
        )
    said = in_browser(error) if error else None
    return page(request, template, {"error": said, **context}, status)


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
    return _form(request, "sign_in.html", {"next": local_path(next, "/"), "email": ""})


@router.post("/sign-in")
async def sign_in(
    request: Request, email: Short = "", password: Secret = "", next: Short = "/"
) -> Response:
    served = served_of(request)
    try:
        opened = await run_in_threadpool(
            sessions.sign_in, account_uow(request), email, password, served.rules,
            served.base.now(), agent=_agent(request), address=client_address(request),
        )  # fmt: skip
    except NextyesError as exc:
        context = {"next": local_path(next, "/"), "email": email}
        return _form(request, "sign_in.html", context, exc)
    return _signed_in_response(request, opened, local_path(next, "/"))


@router.get("/sign-in/code", response_class=HTMLResponse)
async def code_page(request: Request) -> Response:
    if request.scope["state"].get("session_token") is None:
        return redirect("/sign-in")
    return _form(request, "sign_in_code.html", {})


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
        return _form(request, "sign_in_code.html", {}, exc)
    return _signed_in_response(request, opened, "/")


@router.post("/sign-out")
async def sign_out(request: Request) -> Response:
    who = signed_in_of(request)
    if who is not None:
        sessions.sign_out(account_uow(request), who)
    served = served_of(request)
    response = redirect("/sign-in", _done("signed_out"))
    response.headers.append("set-cookie", served.cookie_header(served.cookie, "", max_age=0))
    # the offline copy of the dashboard the service worker keeps goes too (a shared device)
    response.headers["clear-site-data"] = '"cache", "storage"'
    return response


@router.get("/sign-up", response_class=HTMLResponse)
async def sign_up_page(request: Request) -> Response:
    if not served_of(request).server.open_sign_up:
        raise NotFound(_closed())
    return _form(request, "sign_up.html", {"email": "", "name": ""})


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
        return _form(request, "sign_up.html", {"email": email, "name": name}, exc)
    return _signed_in_response(request, opened, "/", _done("welcome"))


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
        return _form(request, "set_password.html", {"account": None, "purpose": purpose.value}, exc)
    return _form(request, "set_password.html", {"account": account, "purpose": purpose.value})


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
        return _form(request, "set_password.html", context, exc)
    return _signed_in_response(request, opened, "/", _done("password_set"))


@router.get("/forgot", response_class=HTMLResponse)
async def forgot_page(request: Request) -> Response:
    return _form(request, "forgot.html", {"sent": False, "can_mail": _can_mail(request)})


@router.post("/forgot")
async def forgot(request: Request, email: Short = "") -> Response:
    """Mail a reset link when an account has the address; the answer is the same either way."""
    served = served_of(request)
    if _can_mail(request):
        from nextyes.services.accounts.mailing import mail_reset_link

        await run_in_threadpool(
            mail_reset_link, account_uow(request), email, served.server, served.base.now(),
            client_address(request),
        )  # fmt: skip
    return _form(request, "forgot.html", {"sent": True, "can_mail": _can_mail(request)})


def _can_mail(request: Request) -> bool:
    return served_of(request).server.smtp is not None


# --- the account page -------------------------------------------------------------------------


def _me(request: Request) -> SignedIn:
    who = signed_in_of(request)
    if who is None:  # the guard lets nobody through here without a session
        raise NotFound("Sign in first.")
    return who


def _account_page(
    request: Request, extra: dict[str, Any] | None = None, error: NextyesError | None = None
) -> HTMLResponse:
    who = _me(request)
    uow = account_uow(request)
    now = served_of(request).base.now()
    context = {
        "me": who,
        "sessions": sessions.active_sessions(uow, who, now),
        "tokens": tokens.list_tokens(uow, who),
        "credentials": sessions.credentials_of(uow, who),
        "codes_left": totp.recovery_codes_left(uow, who),
        "new_token": None,
        "recovery": None,
        "setup": None,
        "qr": None,
        "feed_since": calendar_feed.feed_since(uow, who.user_id),
        "feed_url": None,
        "can_mail": _can_mail(request),
        "reminders_on": reminders.reminders_on(uow, who.user_id),
        **(extra or {}),
    }
    return _form(request, "account.html", context, error)


@router.get("/account", response_class=HTMLResponse)
async def account(request: Request) -> Response:
    return _account_page(request)


@router.post("/account/password")
async def change_password(
    request: Request, current: Secret = "", password: Secret = "", again: Secret = ""
) -> Response:
    try:
        await run_in_threadpool(
            sessions.change_password, account_uow(request), _me(request), current, password,
            again, served_of(request).base.now(),
        )  # fmt: skip
    except InvalidInput as exc:
        return _account_page(request, error=exc)
    return redirect("/account", _done("password_changed"))


@router.post("/account/delete")
async def delete_account(request: Request, email: Short = "", password: Secret = "") -> Response:
    """The person deletes their account and their whole journal (after typing their address)."""
    try:
        await run_in_threadpool(
            admin.delete_own_account, account_uow(request), _me(request), email, password
        )
    except NextyesError as exc:
        return _account_page(request, error=exc)
    served = served_of(request)
    response = redirect("/sign-in", _done("account_deleted"))
    response.headers.append("set-cookie", served.cookie_header(served.cookie, "", max_age=0))
    response.headers["clear-site-data"] = '"cache", "storage"'
    return response


@router.post("/account/sessions/{session_id}/end")
async def end_session(request: Request, session_id: PathId) -> Response:
    who = _me(request)
    sessions.end_session(account_uow(request), who, session_id)
    if session_id == who.session_id:
        return await sign_out(request)
    return redirect("/account", _done("session_revoked"))


@router.post("/account/sessions/end-others")
async def end_other_sessions(request: Request) -> Response:
    count = sessions.sign_out_everywhere_else(account_uow(request), _me(request))
    return redirect("/account", _done("signed_out_everywhere", count=count))


@router.post("/account/tokens")
async def create_token(request: Request, name: Short = "") -> Response:
    who = _me(request)
    try:
        made = tokens.create_token(
            account_uow(request), who.user_id, name, served_of(request).base.now()
        )
    except InvalidInput as exc:
        return _account_page(request, error=exc)
    return _account_page(request, {"new_token": made})


@router.post("/account/tokens/{token_id}/revoke")
async def revoke_token(request: Request, token_id: PathId) -> Response:
    tokens.revoke_token(account_uow(request), _me(request), token_id, served_of(request).base.now())
    return redirect("/account", _done("token_revoked"))


@router.post("/account/two-step")
async def begin_two_step(request: Request) -> Response:
    import segno

    setup = totp.begin_totp(account_uow(request), _me(request))
    qr = segno.make(setup.uri, error="m").svg_data_uri(scale=5, border=2)
    return _account_page(request, {"setup": setup, "qr": qr})


@router.post("/account/two-step/confirm")
async def confirm_two_step(request: Request, code: Short = "") -> Response:
    import segno

    who = _me(request)
    uow = account_uow(request)
    try:
        codes = totp.confirm_totp(uow, who, code, served_of(request).base.now())
    except InvalidInput as exc:
        setup = totp.pending_totp(uow, who)
        qr = segno.make(setup.uri, error="m").svg_data_uri(scale=5, border=2) if setup else None
        return _account_page(request, {"setup": setup, "qr": qr}, exc)
    return _account_page(request, {"recovery": codes})


@router.post("/account/two-step/off")
async def two_step_off(request: Request, password: Secret = "") -> Response:
    try:
        await run_in_threadpool(totp.turn_off_totp, account_uow(request), _me(request), password)
    except InvalidInput as exc:
        return _account_page(request, error=exc)
    return redirect("/account", _done("totp_off"))


@router.post("/account/calendar")
async def new_calendar_feed(request: Request) -> Response:
    """A new secret calendar address (shown once; any earlier one stops working)."""
    served = served_of(request)
    secret = calendar_feed.new_feed(account_uow(request), _me(request).user_id, served.base.now())
    return _account_page(
        request, {"feed_url": calendar_feed.feed_url(served.server.public_url, secret)}
    )


@router.post("/account/calendar/off")
async def stop_calendar_feed(request: Request) -> Response:
    calendar_feed.stop_feed(account_uow(request), _me(request).user_id)
    return redirect("/account#calendar", _done("feed_off"))


@router.get("/calendar/{secret}.ics")
async def calendar_subscription(request: Request, secret: str) -> Response:
    """The person's calendar, for apps that subscribe to an address (no cookie, no token)."""
    from nextyes.services.today.calendar import export_calendar

    served = served_of(request)
    journal = request.scope["state"]["journal"]
    now = served.base.now()
    owner = calendar_feed.feed_owner(journal.uow(), secret, now)
    if owner is None:
        raise NotFound(_gone())
    body = export_calendar(journal.for_owner(owner).uow(), now)
    return Response(body, media_type="text/calendar; charset=utf-8")


def _gone() -> str:
    from nextyes import content

    return str(content.load("accounts/messages")["refused"]["feed"])


@router.post("/account/reminders")
async def set_reminders(request: Request, on: Short = "") -> Response:
    turned_on = on == "yes"
    reminders.set_reminders(account_uow(request), _me(request).user_id, turned_on)
    return redirect("/account#reminders", _done("reminders_on" if turned_on else "reminders_off"))


@router.get("/unsubscribe/{token}", response_class=HTMLResponse)
async def unsubscribe_page(request: Request, token: str) -> Response:
    return _form(request, "unsubscribe.html", {"done": False})


@router.post("/unsubscribe/{token}")
async def unsubscribe(request: Request, token: str) -> Response:
    """Reminders off, from the link in a reminder (no sign-in needed; it can do nothing else)."""
    reminders.unsubscribe(account_uow(request), token)
    return _form(request, "unsubscribe.html", {"done": True})
