"""Coaching pages (team mode only): the seeker's coaching page and "view as my coach", the
coach's caseload and client pages, and the invitation's page for a coach to join.

Each route parses, calls one service and renders; what a coach may see is decided by
`services.coaching.policy`, and the templates only show what the services returned.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response
from markupsafe import Markup
from starlette.concurrency import run_in_threadpool

from nextyes.domain.coaching import Scope, ordered, parse_scopes
from nextyes.domain.errors import NextyesError, NotFound
from nextyes.services.coaching import caseload, client_view, conversation, notes, sharing
from nextyes.services.coaching.policy import ClientAccess, preview_client, read_client
from nextyes.web.errors import in_browser
from nextyes.web.offload import off_the_loop
from nextyes.web.rendering import page, redirect
from nextyes.web.schemas.types import PathId
from nextyes.web.team.coaching_api import me, now_of
from nextyes.web.team.context import account_uow, client_address, served_of, signed_in_of

router = APIRouter(include_in_schema=False)
Short = Annotated[str, Form(max_length=320)]
Text = Annotated[str, Form(max_length=20_000)]
Secret = Annotated[str, Form(max_length=1024)]


def _done(key: str, **values: object) -> str:
    from nextyes import content

    return content.fill(content.load("coaching/messages")["done"][key], **values)


def _scope_words() -> dict[str, str]:
    from nextyes import content

    return dict(content.load("coaching/messages")["scopes"])


async def _chosen_scopes(request: Request) -> frozenset[Scope]:
    form = await request.form()
    return parse_scopes([str(v) for v in form.getlist("scope")])


# --- the seeker ---------------------------------------------------------------------------------


def _coaching_page(
    request: Request, extra: dict[str, Any] | None = None, status: int = 200
) -> HTMLResponse:
    who = me(request)
    uow = account_uow(request)
    now = now_of(request)
    context = {
        "coaches": sharing.my_coaches(uow, who),
        "reads": sharing.reads_log(uow, who, 100),
        "comments": conversation.comments_for_seeker(uow, who, now),
        "suggestions": conversation.suggestions_for_seeker(uow, who),
        "scope_words": _scope_words(),
        "all_scopes": list(Scope),
        "defaults": [s.value for s in parse_scopes(None)],
        "invitation": None,
        "error": None,
        **(extra or {}),
    }
    return page(request, "coaching.html", context, status)


@router.get("/coaching", response_class=HTMLResponse)
async def coaching(request: Request) -> Response:
    return _coaching_page(request)


@router.post("/coaching/invite")
async def invite(request: Request) -> Response:
    try:
        made = sharing.invite_coach(
            account_uow(request), me(request), await _chosen_scopes(request), now_of(request)
        )
    except NextyesError as exc:
        return _coaching_page(request, {"error": in_browser(exc)}, 400)
    link = f"{served_of(request).server.public_url}/join/coach/{made.code}"
    return _coaching_page(request, {"invitation": made, "link": link})


@router.post("/coaching/coaches/{coach_id}/scopes")
async def change_scopes(request: Request, coach_id: PathId) -> Response:
    share = sharing.change_scopes(
        account_uow(request), me(request), coach_id, await _chosen_scopes(request),
        now_of(request),
    )  # fmt: skip
    return redirect("/coaching", _done("scopes", name=share.coach_name))


@router.post("/coaching/coaches/{coach_id}/revoke")
async def revoke(request: Request, coach_id: PathId) -> Response:
    share = sharing.revoke_coach(account_uow(request), me(request), coach_id, now_of(request))
    return redirect("/coaching", _done("revoked", name=share.coach_name))


@router.get("/coaching/coaches/{coach_id}/view", response_class=HTMLResponse)
async def view_as_coach(request: Request, coach_id: PathId) -> Response:
    """Exactly what this coach sees: the coach's client page, filled by the same reads."""
    now = now_of(request)
    shown = preview_client(
        account_uow(request), me(request), coach_id, lambda a: client_view.client_page(a, now)
    )
    coach = next(
        s for s in sharing.my_coaches(account_uow(request), me(request)) if s.coach_id == coach_id
    )
    return page(
        request,
        "client.html",
        {"client": shown, "preview": coach, "scope_words": _scope_words(), "notes": []},
    )


@router.post("/coaching/suggestions/{suggestion_id}/{decision}")
async def decide(request: Request, suggestion_id: PathId, decision: str) -> Response:
    if decision not in ("accept", "decline"):
        raise NotFound("There is nothing to do with a suggestion but accept or decline it.")
    accept = decision == "accept"
    conversation.decide_suggestion(
        account_uow(request), me(request), suggestion_id, accept, now_of(request)
    )
    return redirect(
        "/coaching#suggestions", _done("accepted_suggestion" if accept else "declined_suggestion")
    )


# --- the coach ----------------------------------------------------------------------------------


@router.get("/clients", response_class=HTMLResponse)
async def clients(request: Request, sort: str = "need") -> Response:
    chosen = sort if sort in caseload.SORTS else "need"
    rows = await off_the_loop(request, lambda: caseload.caseload(
        account_uow(request), me(request), served_of(request).server.caseload, now_of(request),
        chosen,
    ))  # fmt: skip
    return page(request, "clients.html", {"rows": rows, "sort": chosen, "sorts": caseload.SORTS})


@router.get("/clients/{client_id}", response_class=HTMLResponse)
async def client(request: Request, client_id: PathId) -> Response:
    now = now_of(request)
    who = me(request)
    shown = await off_the_loop(request, lambda: read_client(
        account_uow(request), who, client_id, None, "overview", now,
        lambda a: client_view.client_page(a, now),
    ))  # fmt: skip
    context = {
        "client": shown,
        "preview": None,
        "scope_words": _scope_words(),
        "notes": notes.my_notes(account_uow(request), who, client_id),
    }
    return page(request, "client.html", context)


@router.get("/clients/{client_id}/applications/{application_id}", response_class=HTMLResponse)
async def client_application(
    request: Request, client_id: PathId, application_id: PathId
) -> Response:
    def read(access: ClientAccess) -> tuple[str, client_view.ClientApplicationDetail]:
        return access.owner_name, client_view.client_application(access, application_id)

    name, detail = read_client(
        account_uow(request), me(request), client_id, Scope.APPLICATIONS, "application",
        now_of(request), read, item_id=application_id,
    )  # fmt: skip
    return page(
        request,
        "client_application.html",
        {"client_id": client_id, "name": name, "detail": detail},
    )


@router.post("/clients/{client_id}/comments")
async def comment(
    request: Request,
    client_id: PathId,
    target: Short = "",
    target_id: Annotated[int, Form(ge=1, le=2_147_483_647)] = 1,
    text: Text = "",
    back: Short = "",
) -> Response:
    conversation.comment(
        account_uow(request), me(request), client_id, target, target_id, text, now_of(request)
    )
    to = back if back.startswith(f"/clients/{client_id}") else f"/clients/{client_id}"
    return redirect(to, _done("commented"))


@router.post("/clients/{client_id}/suggestions")
async def suggest(
    request: Request,
    client_id: PathId,
    kind: Short = "plan_step",
    title: Text = "",
    detail: Text = "",
) -> Response:
    conversation.suggest(
        account_uow(request), me(request), client_id, kind, title, detail, now_of(request)
    )
    return redirect(f"/clients/{client_id}#suggestions", _done("suggested"))


@router.post("/clients/{client_id}/notes")
async def write_note(request: Request, client_id: PathId, text: Text = "") -> Response:
    notes.write_note(account_uow(request), me(request), client_id, text, now_of(request))
    return redirect(f"/clients/{client_id}#notes", _done("noted"))


@router.post("/coach-notes/{note_id}/delete")
async def delete_note(request: Request, note_id: PathId) -> Response:
    notes.delete_note(account_uow(request), me(request), note_id)
    return redirect("/clients", _done("note_deleted"))


@router.get("/coach-notes.csv")
async def notes_export(request: Request) -> Response:
    body = notes.notes_csv(account_uow(request), me(request))
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": 'attachment; filename="session-notes.csv"'},
    )


# --- joining as a coach -------------------------------------------------------------------------


def _join_page(
    request: Request, code: str, error: Markup | None = None, status: int = 200, **extra: Any
) -> HTMLResponse:
    try:
        invitation = sharing.look_up_invitation(account_uow(request), code, now_of(request))
    except NotFound as exc:
        return page(request, "coach_join.html", {"invitation": None, "error": in_browser(exc)}, 404)
    context = {
        "invitation": invitation,
        "scopes": ordered(invitation.scopes),
        "scope_words": _scope_words(),
        "code": code,
        "error": error,
        "email": "",
        "name": "",
        **extra,
    }
    return page(request, "coach_join.html", context, status)


@router.get("/join/coach/{code}", response_class=HTMLResponse)
async def join_page(request: Request, code: str) -> Response:
    return _join_page(request, code)


@router.post("/join/coach/{code}")
async def join(request: Request, code: str) -> Response:
    who = signed_in_of(request)
    if who is None:
        return redirect(f"/sign-in?next=/join/coach/{code}")
    try:
        share = sharing.accept_invitation(account_uow(request), who, code, now_of(request))
    except NextyesError as exc:
        return _join_page(request, code, in_browser(exc), 400)
    return redirect(f"/clients/{share.seeker_id}", _done("accepted", name=share.seeker_name))


@router.post("/join/coach/{code}/sign-up")
async def join_with_new_account(
    request: Request,
    code: str,
    email: Short = "",
    name: Short = "",
    password: Secret = "",
    again: Secret = "",
) -> Response:
    served = served_of(request)
    try:
        opened, share = await run_in_threadpool(
            sharing.join_as_new_coach, account_uow(request), code, email, password, again, name,
            served.rules, served.base.now(), agent=request.headers.get("user-agent"),
            address=client_address(request),
        )  # fmt: skip
    except NextyesError as exc:
        return _join_page(request, code, in_browser(exc), 400, email=email, name=name)
    response = redirect(f"/clients/{share.seeker_id}", _done("accepted", name=share.seeker_name))
    max_age = int(served.rules.lifetime.total_seconds())
    response.headers.append(
        "set-cookie", served.cookie_header(served.cookie, opened.token, max_age=max_age)
    )
    response.headers.append("set-cookie", served.cookie_header(served.pre_cookie, "", max_age=0))
    return response
