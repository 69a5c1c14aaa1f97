"""The JSON API for coaching (team mode only).

Seeker: `POST /coach-invitations` -> {"code": ...}; `GET /coaches`; `PUT /coaches/{id}/scopes`;
`DELETE /coaches/{id}`; `GET /coaches/{id}/view` (what that coach sees); `GET /coach-reads`
(the audit log); comments and suggestions from coaches.
Coach: `POST /coach-invitations/{code}/accept`; `GET /clients` (each with id, name, signals);
`GET /clients/{id}` and its scoped reads; comments, suggestions and session notes.

Routes only parse and call one service; what may be read is decided in
`services.coaching.policy`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Body, Query, Request, Response
from pydantic import BaseModel, Field

from nextyes.domain.accounts import SignedIn
from nextyes.domain.coaching import Scope, parse_scopes
from nextyes.domain.errors import NotFound
from nextyes.services.coaching import caseload, client_view, conversation, notes, sharing
from nextyes.services.coaching.client_view import (
    ClientApplication,
    ClientApplicationDetail,
    ClientCare,
    ClientFeedback,
    ClientGoal,
    ClientMail,
    ClientMood,
    ClientPage,
    ClientPlanItem,
    ClientReflection,
    ClientWin,
)
from nextyes.services.coaching.policy import ClientAccess, preview_client, read_client
from nextyes.web.offload import off_the_loop
from nextyes.web.schemas.types import ERRORS, LongText, PathId, RefId, ShortText
from nextyes.web.team.context import account_uow, served_of, signed_in_of

router = APIRouter(prefix="/api/v1", tags=["coaching"], responses=ERRORS)


def me(request: Request) -> SignedIn:
    who = signed_in_of(request)
    if who is None:  # the guard lets nobody through without signing in
        raise NotFound("Sign in first.")
    return who


def now_of(request: Request) -> datetime:
    return served_of(request).base.now()


class InvitationCreate(BaseModel):
    scopes: list[Annotated[str, Field(max_length=40)]] | None = Field(
        None,
        max_length=20,
        description="What the coach will see (default: applications, feedback, plan, goals).",
    )


class InvitationPublic(BaseModel):
    code: str
    link: str
    expires_at: datetime
    scopes: list[Scope]


class ScopesUpdate(BaseModel):
    scopes: list[Annotated[str, Field(max_length=40)]] = Field(max_length=20)


class CoachPublic(BaseModel):
    id: int
    name: str
    email: str
    scopes: list[Scope]
    since: datetime


class ClientPublic(BaseModel):
    id: int
    name: str
    scopes: list[Scope]


class SignalPublic(BaseModel):
    kind: str
    sentence: str
    href: str
    check_in: bool


class ClientSummary(BaseModel):
    id: int
    name: str
    scopes: list[Scope]
    signals: list[SignalPublic]
    last_seen: datetime | None
    last_applied: str | None
    applied_this_week: int | None
    next_interview: str | None


class ReadPublic(BaseModel):
    coach_id: int | None
    coach: str
    what: str
    item_id: int | None
    read_at: datetime


class CommentCreate(BaseModel):
    target: Annotated[str, Field(max_length=20)]
    target_id: RefId
    text: LongText


class CommentPublic(BaseModel):
    id: int
    coach: str
    target: str
    target_id: int
    text: str
    created_at: datetime
    read_at: datetime | None


class SuggestionCreate(BaseModel):
    kind: Annotated[str, Field(max_length=20)] = "plan_step"
    title: ShortText
    detail: LongText | None = None


class SuggestionPublic(BaseModel):
    id: int
    coach: str
    kind: str
    title: str
    detail: str | None
    status: str
    created_at: datetime
    plan_item_id: int | None


class NoteCreate(BaseModel):
    text: LongText


class NotePublic(BaseModel):
    id: int
    client_id: int
    client: str
    written_on: str
    text: str


def _coach(s: object) -> CoachPublic:
    from nextyes.domain.coaching import Share, ordered

    assert isinstance(s, Share)
    return CoachPublic(
        id=s.coach_id, name=s.coach_name, email=s.coach_email, scopes=ordered(s.scopes),
        since=s.granted_at,
    )  # fmt: skip


def _comment(c: object) -> CommentPublic:
    from nextyes.domain.coaching import Comment

    assert isinstance(c, Comment)
    return CommentPublic(
        id=c.id, coach=c.coach, target=c.target.value, target_id=c.target_id, text=c.text,
        created_at=c.created_at, read_at=c.read_at,
    )  # fmt: skip


def _suggestion(s: object) -> SuggestionPublic:
    from nextyes.domain.coaching import Suggestion

    assert isinstance(s, Suggestion)
    return SuggestionPublic(
        id=s.id, coach=s.coach, kind=s.kind.value, title=s.title, detail=s.detail,
        status=s.status.value, created_at=s.created_at, plan_item_id=s.plan_item_id,
    )  # fmt: skip


# --- the seeker ---------------------------------------------------------------------------------


@router.post("/coach-invitations", status_code=201, response_model=InvitationPublic)
async def invite_coach(
    request: Request, body: Annotated[InvitationCreate | None, Body()] = None
) -> InvitationPublic:
    """A one-time code (and link) for a coach, valid for a week."""
    chosen = parse_scopes(body.scopes) if body and body.scopes is not None else None
    made = sharing.invite_coach(account_uow(request), me(request), chosen, now_of(request))
    link = f"{served_of(request).server.public_url}/join/coach/{made.code}"
    return InvitationPublic(
        code=made.code, link=link, expires_at=made.expires_at, scopes=sorted(made.scopes)
    )


@router.get("/coaches", response_model=list[CoachPublic])
async def coaches(request: Request) -> list[CoachPublic]:
    """The coaches who see your journal, and what each sees."""
    return [_coach(s) for s in sharing.my_coaches(account_uow(request), me(request))]


@router.put("/coaches/{coach_id}/scopes", response_model=CoachPublic)
async def change_scopes(request: Request, coach_id: PathId, body: ScopesUpdate) -> CoachPublic:
    share = sharing.change_scopes(
        account_uow(request), me(request), coach_id, parse_scopes(body.scopes), now_of(request)
    )
    return _coach(share)


@router.delete("/coaches/{coach_id}", status_code=204)
async def revoke_coach(request: Request, coach_id: PathId) -> Response:
    """Stop sharing with this coach, at once."""
    sharing.revoke_coach(account_uow(request), me(request), coach_id, now_of(request))
    return Response(status_code=204)


@router.get("/coaches/{coach_id}/view", response_model=ClientPage)
async def view_as_coach(request: Request, coach_id: PathId) -> ClientPage:
    """Exactly what this coach sees of your journal."""
    now = now_of(request)
    return preview_client(
        account_uow(request), me(request), coach_id, lambda a: client_view.client_page(a, now)
    )


@router.get("/coach-reads", response_model=list[ReadPublic])
async def coach_reads(request: Request) -> list[ReadPublic]:
    """Every read of your journal by a coach, newest first (the latest 200)."""
    return [
        ReadPublic(
            coach_id=r.coach_id, coach=r.coach, what=r.what, item_id=r.item_id, read_at=r.read_at
        )
        for r in sharing.reads_log(account_uow(request), me(request))
    ]


@router.get("/coach-comments", response_model=list[CommentPublic])
async def coach_comments(request: Request) -> list[CommentPublic]:
    """Your coaches' comments, newest first (reading them marks them read)."""
    found = conversation.comments_for_seeker(account_uow(request), me(request), now_of(request))
    return [_comment(c) for c in found]


@router.get("/coach-suggestions", response_model=list[SuggestionPublic])
async def coach_suggestions(request: Request) -> list[SuggestionPublic]:
    found = conversation.suggestions_for_seeker(account_uow(request), me(request))
    return [_suggestion(s) for s in found]


@router.post("/coach-suggestions/{suggestion_id}/accept", response_model=SuggestionPublic)
async def accept_suggestion(request: Request, suggestion_id: PathId) -> SuggestionPublic:
    """Add the suggested step (or the practice questions) to your plan."""
    decided = conversation.decide_suggestion(
        account_uow(request), me(request), suggestion_id, True, now_of(request)
    )
    return _suggestion(decided)


@router.post("/coach-suggestions/{suggestion_id}/decline", response_model=SuggestionPublic)
async def decline_suggestion(request: Request, suggestion_id: PathId) -> SuggestionPublic:
    decided = conversation.decide_suggestion(
        account_uow(request), me(request), suggestion_id, False, now_of(request)
    )
    return _suggestion(decided)


# --- the coach ----------------------------------------------------------------------------------


@router.post("/coach-invitations/{code}/accept", response_model=ClientPublic)
async def accept_invitation(request: Request, code: str) -> ClientPublic:
    """Become the coach of the person who invited you, with what they chose to share."""
    from nextyes.domain.coaching import ordered

    share = sharing.accept_invitation(account_uow(request), me(request), code, now_of(request))
    return ClientPublic(id=share.seeker_id, name=share.seeker_name, scopes=ordered(share.scopes))


@router.get("/clients", response_model=list[ClientSummary])
async def clients(
    request: Request, sort: Annotated[str, Query(max_length=20)] = "need"
) -> list[ClientSummary]:
    """Everyone who shares with you, led by who needs a check-in, each signal explained."""
    rows = await off_the_loop(request, lambda: caseload.caseload(
        account_uow(request), me(request), served_of(request).server.caseload, now_of(request),
        sort,
    ))  # fmt: skip
    return [
        ClientSummary(
            id=r.client_id, name=r.name, scopes=r.scopes,
            signals=[
                SignalPublic(kind=s.kind.value, sentence=s.sentence, href=s.href,
                             check_in=s.check_in)
                for s in r.signals
            ],
            last_seen=r.last_seen,
            last_applied=r.last_applied.isoformat() if r.last_applied else None,
            applied_this_week=r.applied_this_week,
            next_interview=r.next_interview.isoformat() if r.next_interview else None,
        )
        for r in rows
    ]  # fmt: skip


def _read(
    request: Request,
    client_id: int,
    scope: Scope | None,
    what: str,
    read: Callable[[ClientAccess], Any],
) -> Any:
    return read_client(
        account_uow(request), me(request), client_id, scope, what, now_of(request), read
    )


@router.get("/clients/{client_id}", response_model=ClientPage)
async def client(request: Request, client_id: PathId) -> ClientPage:
    """Everything the client shares with you, section by section."""
    now = now_of(request)
    page: ClientPage = _read(
        request, client_id, None, "overview", lambda a: client_view.client_page(a, now)
    )
    return page


@router.get("/clients/{client_id}/applications", response_model=list[ClientApplication])
async def client_applications(request: Request, client_id: PathId) -> list[ClientApplication]:
    found: list[ClientApplication] = _read(
        request, client_id, Scope.APPLICATIONS, "applications", client_view.client_applications
    )
    return found


@router.get(
    "/clients/{client_id}/applications/{application_id}", response_model=ClientApplicationDetail
)
async def client_application(
    request: Request, client_id: PathId, application_id: PathId
) -> ClientApplicationDetail:
    def read(access: ClientAccess) -> ClientApplicationDetail:
        return client_view.client_application(access, application_id)

    found: ClientApplicationDetail = read_client(
        account_uow(request), me(request), client_id, Scope.APPLICATIONS, "application",
        now_of(request), read, item_id=application_id,
    )  # fmt: skip
    return found


@router.get("/clients/{client_id}/feedback", response_model=list[ClientFeedback])
async def client_feedback(request: Request, client_id: PathId) -> list[ClientFeedback]:
    found: list[ClientFeedback] = _read(
        request, client_id, Scope.FEEDBACK, "feedback", client_view.client_feedback
    )
    return found


@router.get("/clients/{client_id}/plan", response_model=list[ClientPlanItem])
async def client_plan(request: Request, client_id: PathId) -> list[ClientPlanItem]:
    found: list[ClientPlanItem] = _read(
        request, client_id, Scope.PLAN, "plan", client_view.client_plan
    )
    return found


class GoalsPublic(BaseModel):
    goals: list[ClientGoal]
    wins: list[ClientWin]


@router.get("/clients/{client_id}/goals", response_model=GoalsPublic)
async def client_goals(request: Request, client_id: PathId) -> GoalsPublic:
    today = now_of(request).date()

    def read(access: ClientAccess) -> GoalsPublic:
        return GoalsPublic(
            goals=client_view.client_goals(access), wins=client_view.client_wins(access, today)
        )

    found: GoalsPublic = _read(request, client_id, Scope.GOALS, "goals and wins", read)
    return found


@router.get("/clients/{client_id}/reflections", response_model=list[ClientReflection])
async def client_reflections(request: Request, client_id: PathId) -> list[ClientReflection]:
    found: list[ClientReflection] = _read(
        request, client_id, Scope.REFLECTIONS, "reflections", client_view.client_reflections
    )
    return found


class WellbeingPublic(BaseModel):
    moods: list[ClientMood]
    care: list[ClientCare]


@router.get("/clients/{client_id}/wellbeing", response_model=WellbeingPublic)
async def client_wellbeing(request: Request, client_id: PathId) -> WellbeingPublic:
    now = now_of(request)

    def read(access: ClientAccess) -> WellbeingPublic:
        return WellbeingPublic(
            moods=client_view.client_moods(access, now),
            care=client_view.client_care(access, now.date()),
        )

    found: WellbeingPublic = _read(request, client_id, Scope.WELLBEING, "mood and care", read)
    return found


@router.get("/clients/{client_id}/mail", response_model=list[ClientMail])
async def client_mail(request: Request, client_id: PathId) -> list[ClientMail]:
    found: list[ClientMail] = _read(
        request, client_id, Scope.EMAIL, "email", client_view.client_mail
    )
    return found


@router.post("/clients/{client_id}/comments", status_code=201, response_model=CommentPublic)
async def comment(request: Request, client_id: PathId, body: CommentCreate) -> CommentPublic:
    """Comment on an application, a piece of feedback or a plan item the client shares."""
    made = conversation.comment(
        account_uow(request), me(request), client_id, body.target, body.target_id, body.text,
        now_of(request),
    )  # fmt: skip
    return _comment(made)


@router.post("/clients/{client_id}/suggestions", status_code=201, response_model=SuggestionPublic)
async def suggest(request: Request, client_id: PathId, body: SuggestionCreate) -> SuggestionPublic:
    """Suggest a plan step, or practice questions (one a line in detail)."""
    made = conversation.suggest(
        account_uow(request), me(request), client_id, body.kind, body.title, body.detail,
        now_of(request),
    )  # fmt: skip
    return _suggestion(made)


def _note(n: object) -> NotePublic:
    from nextyes.domain.coaching import SessionNote

    assert isinstance(n, SessionNote)
    return NotePublic(
        id=n.id, client_id=n.seeker_id, client=n.client, written_on=n.written_on.isoformat(),
        text=n.text,
    )  # fmt: skip


@router.post("/clients/{client_id}/notes", status_code=201, response_model=NotePublic)
async def write_note(request: Request, client_id: PathId, body: NoteCreate) -> NotePublic:
    """A session note, for you alone."""
    made = notes.write_note(
        account_uow(request), me(request), client_id, body.text, now_of(request)
    )
    return _note(made)


@router.get("/coach-notes", response_model=list[NotePublic])
async def my_notes(request: Request) -> list[NotePublic]:
    """Your session notes about every client, newest first."""
    return [_note(n) for n in notes.my_notes(account_uow(request), me(request))]


@router.delete("/coach-notes/{note_id}", status_code=204)
async def delete_note(request: Request, note_id: PathId) -> Response:
    notes.delete_note(account_uow(request), me(request), note_id)
    return Response(status_code=204)
