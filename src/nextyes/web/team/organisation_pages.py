"""Organisation pages and API (team mode only): membership, groups, invitations, single
sign-on, and the cohort figures (page, CSV and JSON), which come already suppressed from
`services.organisations.cohort`.
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from nextyes.domain.errors import NextyesError, NotFound, Words
from nextyes.services.organisations import cohort, membership, sso
from nextyes.services.organisations.cohort import CohortReport
from nextyes.web.errors import in_browser
from nextyes.web.rendering import filled, page, redirect
from nextyes.web.schemas.types import ERRORS, PathId
from nextyes.web.team.coaching_api import me, now_of
from nextyes.web.team.context import account_uow, client_address, served_of, signed_in_of

router = APIRouter(include_in_schema=False)
_NO_KEY = Words("accounts/web", "sealing.sso_note")  # the page says it before a secret is typed
api = APIRouter(prefix="/api/v1", tags=["organisations"], responses=ERRORS)
Short = Annotated[str, Form(max_length=320)]
Secret = Annotated[str, Form(max_length=1024)]
SSO_COOKIE = "nextyes_sso"


def _done(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("organisations/messages")["done"][key], **values)


def _words() -> dict[str, str]:
    from nextyes import content

    return dict(content.load("organisations/messages")["report"])


# --- a member's side ----------------------------------------------------------------------------


@router.get("/organisations", response_class=HTMLResponse)
async def organisations(request: Request) -> Response:
    who = me(request)
    mine = membership.my_memberships(account_uow(request), who)
    return page(request, "organisations.html", {"memberships": mine, "me": who})


@router.post("/organisations")
async def create(request: Request, name: Short = "") -> Response:
    made = membership.create_organisation(account_uow(request), me(request), name, now_of(request))
    return redirect(f"/organisations/{made.id}", _done("created", name=made.name))


@router.post("/organisations/{organisation_id}/consent")
async def consent(request: Request, organisation_id: PathId, on: Short = "") -> Response:
    changed = membership.set_consent(
        account_uow(request), me(request), organisation_id, on == "yes"
    )
    key = "consent_on" if changed.consent else "consent_off"
    return redirect("/organisations", _done(key, name=changed.organisation))


@router.post("/organisations/{organisation_id}/leave")
async def leave(request: Request, organisation_id: PathId, how: Short = "") -> Response:
    left = membership.leave(
        account_uow(request), me(request), organisation_id, how, now_of(request)
    )
    if how == "delete":
        served = served_of(request)
        response = redirect("/sign-in")
        response.headers.append("set-cookie", served.cookie_header(served.cookie, "", max_age=0))
        return response
    return redirect("/organisations", _done("deactivated", name=left.organisation))


@router.get("/download")
async def download(request: Request) -> Response:
    """Everything in your journal, as the JSON export (offered before deleting an account)."""
    from nextyes.services.portability.journal_json import export_journal_text

    journal = request.scope["state"]["journal"].for_owner(me(request).user_id)
    text, _ = export_journal_text(journal.uow(), now_of(request))
    return Response(
        text,
        media_type="application/json",
        headers={"content-disposition": 'attachment; filename="nextyes-journal.json"'},
    )


# --- admins and coaches -------------------------------------------------------------------------


def _org_page(
    request: Request, organisation_id: int, extra: dict[str, Any] | None = None
) -> HTMLResponse:
    shown = membership.overview(account_uow(request), me(request), organisation_id)
    base = served_of(request).server.public_url
    keeps = None if served_of(request).sealer.can_seal else filled(_NO_KEY)  # no secret kept
    return page(
        request,
        "organisation.html",
        {"org": shown, "invitation": None, "base": base, "no_key": keeps, **(extra or {})},
    )


@router.get("/organisations/{organisation_id}", response_class=HTMLResponse)
async def organisation(request: Request, organisation_id: PathId) -> Response:
    return _org_page(request, organisation_id)


@router.post("/organisations/{organisation_id}/groups")
async def add_group(
    request: Request, organisation_id: PathId, kind: Short = "", name: Short = ""
) -> Response:
    made = membership.add_group(
        account_uow(request), me(request), organisation_id, kind, name, now_of(request)
    )
    return redirect(f"/organisations/{organisation_id}#groups", _done("group", name=made.name))


@router.post("/organisations/{organisation_id}/members/{member_id}/group")
async def place(
    request: Request,
    organisation_id: PathId,
    member_id: PathId,
    group_id: Annotated[int, Form(ge=1, le=2_147_483_647)] = 1,
) -> Response:
    membership.put_in_group(account_uow(request), me(request), organisation_id, member_id, group_id)
    return redirect(f"/organisations/{organisation_id}#members", _done("placed"))


@router.post("/organisations/{organisation_id}/invitations")
async def invite(
    request: Request, organisation_id: PathId, role: Short = "member", group_id: Short = ""
) -> Response:
    group = int(group_id) if group_id.isdigit() else None
    made = membership.invite(
        account_uow(request), me(request), organisation_id, role, group, now_of(request)
    )
    link = f"{served_of(request).server.public_url}/join/organisation/{made.token}"
    return _org_page(request, organisation_id, {"invitation": made, "link": link})


@router.post("/organisations/{organisation_id}/sso")
async def set_sso(
    request: Request,
    organisation_id: PathId,
    issuer: Short = "",
    client_id: Short = "",
    client_secret: Secret = "",
    email_domain: Short = "",
) -> Response:
    membership.set_sso(
        account_uow(request), me(request), organisation_id, issuer, client_id, client_secret,
        email_domain, served_of(request).sealer,
    )  # fmt: skip
    return redirect(f"/organisations/{organisation_id}#sso", _done("sso"))


def _report(request: Request, organisation_id: int, by: str) -> CohortReport:
    return cohort.cohort_report(
        account_uow(request), me(request), organisation_id, by[:20], now_of(request)
    )


@router.get("/organisations/{organisation_id}/insights", response_class=HTMLResponse)
async def insights(request: Request, organisation_id: PathId, by: str = "everyone") -> Response:
    report = _report(request, organisation_id, by)
    return page(
        request,
        "cohort.html",
        {
            "report": report,
            "organisation_id": organisation_id,
            "words": _words(),
            "behind": cohort.behind(report),
        },
    )


@router.get("/organisations/{organisation_id}/insights.csv")
async def insights_csv(request: Request, organisation_id: PathId, by: str = "everyone") -> Response:
    report = _report(request, organisation_id, by)
    return Response(
        cohort.report_csv(report),
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="cohort.csv"'},
    )


@api.get("/organisations/{organisation_id}/insights", response_model=CohortReport)
async def insights_json(
    request: Request, organisation_id: PathId, by: str = "everyone"
) -> CohortReport:
    """The organisation's cohort figures (admins only): counts of people, never under 5."""
    return _report(request, organisation_id, by)


# --- joining ------------------------------------------------------------------------------------


def _join_page(
    request: Request, token: str, error: Markup | None = None, status: int = 200
) -> HTMLResponse:
    try:
        found = membership.look_up(account_uow(request), token, now_of(request))
    except NotFound as exc:
        return page(
            request, "organisation_join.html", {"invitation": None, "error": in_browser(exc)}, 404
        )
    context = {"invitation": found, "token": token, "error": error}
    return page(request, "organisation_join.html", context, status)


@router.get("/join/organisation/{token}", response_class=HTMLResponse)
async def join_page(request: Request, token: str) -> Response:
    return _join_page(request, token)


@router.post("/join/organisation/{token}")
async def join(request: Request, token: str, consent: Short = "") -> Response:
    who = signed_in_of(request)
    if who is None:
        return redirect(f"/sign-in?next=/join/organisation/{token}")
    try:
        joined = membership.join(
            account_uow(request), who, token, consent == "yes", now_of(request)
        )
    except NextyesError as exc:
        return _join_page(request, token, in_browser(exc), 400)
    return redirect("/organisations", _done("joined", name=joined.organisation))


@router.post("/join/organisation/{token}/sign-up")
async def join_with_new_account(
    request: Request,
    token: str,
    email: Short = "",
    name: Short = "",
    password: Secret = "",
    again: Secret = "",
    consent: Short = "",
) -> Response:
    served = served_of(request)
    try:
        opened, joined = await run_in_threadpool(
            membership.join_with_new_account, account_uow(request), token, email, password,
            again, name, consent == "yes", served.rules, served.base.now(),
            agent=request.headers.get("user-agent"), address=client_address(request),
        )  # fmt: skip
    except NextyesError as exc:
        return _join_page(request, token, in_browser(exc), 400)
    response = redirect("/organisations", _done("joined", name=joined.organisation))
    max_age = int(served.rules.lifetime.total_seconds())
    response.headers.append(
        "set-cookie", served.cookie_header(served.cookie, opened.token, max_age=max_age)
    )
    return response


# --- single sign-on -----------------------------------------------------------------------------


def _callback(request: Request, organisation_id: int) -> str:
    return f"{served_of(request).server.public_url}/sso/{organisation_id}/callback"


@router.get("/sso/{organisation_id}")
async def sign_on(request: Request, organisation_id: PathId) -> Response:
    """Off to the organisation's provider; the state, nonce and verifier wait in a cookie."""
    started = await run_in_threadpool(
        sso.begin,
        account_uow(request),
        organisation_id,
        _callback(request, organisation_id),
        served_of(request).sealer,
    )
    served = served_of(request)
    value = json.dumps([organisation_id, started.state, started.nonce, started.verifier])
    from urllib.parse import quote

    response = redirect(started.url)
    response.headers.append(
        "set-cookie", served.cookie_header(SSO_COOKIE, quote(value), max_age=600)
    )
    return response


@router.get("/sso/{organisation_id}/callback")
async def signed_on(
    request: Request, organisation_id: PathId, code: str = "", state: str = ""
) -> Response:
    from urllib.parse import unquote

    served = served_of(request)
    try:
        kept = json.loads(unquote(request.cookies.get(SSO_COOKIE, "")))
        org, kept_state, nonce, verifier = kept
    except (ValueError, TypeError, RecursionError):
        org, kept_state, nonce, verifier = 0, "", "", ""
    started = sso.SignOnStart("", str(kept_state), str(nonce), str(verifier))
    if org != organisation_id:
        started = sso.SignOnStart("", "", "", "")
    opened = await run_in_threadpool(
        sso.finish, account_uow(request), organisation_id, code[:2048], state[:512], started,
        _callback(request, organisation_id), served.rules, served.base.now(), served.sealer,
        agent=request.headers.get("user-agent"), address=client_address(request),
    )  # fmt: skip
    target = "/sign-in/code" if opened.stage.value == "code" else "/organisations"
    response = redirect(target)
    max_age = int(served.rules.lifetime.total_seconds())
    response.headers.append(
        "set-cookie", served.cookie_header(served.cookie, opened.token, max_age=max_age)
    )
    response.headers.append("set-cookie", served.cookie_header(SSO_COOKIE, "", max_age=0))
    return response
