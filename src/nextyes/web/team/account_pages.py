"""The account's own page (team mode): sessions (sign out one, or everywhere else), personal
API tokens, the password, two-step sign-in, the calendar address, reminders, and deleting the
account; and the links a reminder mail carries (unsubscribe) and a calendar app follows."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool

from nextyes.domain.accounts import SignedIn
from nextyes.domain.errors import InvalidInput, NextyesError, NotFound
from nextyes.services.accounts import admin, calendar_feed, reminders, sessions, tokens, totp
from nextyes.web.rendering import redirect
from nextyes.web.schemas.types import PathId
from nextyes.web.team.account_forms import Secret, Short, can_mail, done, form
from nextyes.web.team.context import account_uow, served_of, signed_in_of
from nextyes.web.team.sign_in_pages import sign_out

router = APIRouter(include_in_schema=False)


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
        "can_mail": can_mail(request),
        "reminders_on": reminders.reminders_on(uow, who.user_id),
        **(extra or {}),
    }
    return form(request, "account.html", context, error)


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
    return redirect("/account", done("password_changed"))


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
    response = redirect("/sign-in", done("account_deleted"))
    response.headers.append("set-cookie", served.cookie_header(served.cookie, "", max_age=0))
    response.headers["clear-site-data"] = '"cache", "storage"'
    return response


@router.post("/account/sessions/{session_id}/end")
async def end_session(request: Request, session_id: PathId) -> Response:
    who = _me(request)
    sessions.end_session(account_uow(request), who, session_id)
    if session_id == who.session_id:
        return await sign_out(request)
    return redirect("/account", done("session_revoked"))


@router.post("/account/sessions/end-others")
async def end_other_sessions(request: Request) -> Response:
    count = sessions.sign_out_everywhere_else(account_uow(request), _me(request))
    return redirect("/account", done("signed_out_everywhere", count=count))


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
    return redirect("/account", done("token_revoked"))


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
    return redirect("/account", done("totp_off"))


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
    return redirect("/account#calendar", done("feed_off"))


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
    return redirect("/account#reminders", done("reminders_on" if turned_on else "reminders_off"))


@router.get("/unsubscribe/{token}", response_class=HTMLResponse)
async def unsubscribe_page(request: Request, token: str) -> Response:
    return form(request, "unsubscribe.html", {"done": False})


@router.post("/unsubscribe/{token}")
async def unsubscribe(request: Request, token: str) -> Response:
    """Reminders off, from the link in a reminder (no sign-in needed; it can do nothing else)."""
    reminders.unsubscribe(account_uow(request), token)
    return form(request, "unsubscribe.html", {"done": True})
