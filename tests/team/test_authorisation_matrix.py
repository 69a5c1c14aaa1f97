"""Who may do what, over every route of the served app: the authorisation matrix.

Every route (API and pages, read from the app's route table) must have an entry in ROUTES, so
a new route without one fails here. Each is sent by seven actors:

- the owner of the records it names (the expected status, exactly);
- another person, and an administrator: 404 for a route naming the owner's records (never 403,
  which would confirm they exist); a route about the caller's own journal or account answers as
  it does for anyone, about their own data;
- a disabled account, an expired session and anonymous visitors: 401 (API) or a redirect to
  sign in (pages); a revoked API token: 401.

No answer to anyone but the owner may contain the owner's data (every record is marked), and the
owner's rows are exactly as before once everyone else has tried everything.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

import pytest

from nextyes.domain.accounts import Role
from nextyes.services.accounts import admin
from tests.conftest import NOW
from tests.team.conftest import Person, Team

MARK = "MARKERA"  # in every record the owner writes; never in anyone else's answer
ALL_SCOPES = (
    "applications", "feedback", "plan", "goals", "reflections", "wellbeing", "private_notes",
    "money", "email",
)  # fmt: skip


@dataclass(frozen=True)
class Case:
    kind: str  # own: names the owner's records | self: the caller's own journal | public
    owner: int  # the owner's status
    body: Any = None  # JSON for /api, a form for pages
    other: int | None = None  # another person's status, for `self` routes (default: owner's)
    last: bool = False  # sent after the others (it ends or removes something)
    final: int = 0  # sent at the very end, in this order (it signs the caller out)
    use: dict[str, str] = field(default_factory=dict)  # placeholder -> another of the ids
    coach: int | None = None  # a coach's status, when the owner shares `scope` with them
    scope: str | None = None  # the scope the route reads (None: any live share will do)
    coach_only: bool = False  # names the first coach's own record (their session note)
    admin: int | None = None  # a server administrator's status, when it differs

    @property
    def order(self) -> tuple[bool, int]:
        return (self.last, self.final)


def _app(**extra: Any) -> dict[str, Any]:
    return {"company": "Elsewhere Ltd", "role": "Analyst", **extra}


ROUTES: dict[str, Case] = {
    # --- the account's own API ---
    "GET /api/v1/openapi.json": Case("public", 200),
    "GET /api/v1/account": Case("self", 200),
    "GET /api/v1/session": Case("self", 200),
    # the address given is never the caller's, so nobody's account goes
    "POST /api/v1/account/deletion": Case(
        "self", 400, {"email": "not-me@example.org", "password": "x"}
    ),
    # --- applications ---
    "GET /api/v1/stages": Case("self", 200),
    "GET /api/v1/applications": Case("self", 200),
    "POST /api/v1/applications": Case("self", 201, _app()),
    "GET /api/v1/applications/{application_id}": Case("own", 200),
    "PATCH /api/v1/applications/{application_id}": Case("own", 200, {"location": f"{MARK} city"}),
    "DELETE /api/v1/applications/{application_id}": Case(
        "own", 204, last=True, use={"application_id": "spare1_id"}
    ),
    "GET /api/v1/applications/{application_id}/stages": Case("own", 200),
    "POST /api/v1/applications/{application_id}/stages": Case(
        "own", 201, {"stage": "screening", "on": "2026-11-22"}
    ),
    "POST /api/v1/applications/{application_id}/rejection": Case(
        "own",
        201,
        {"reason": f"{MARK} reason", "cool_down": "none"},
        last=True,
        use={"application_id": "spare2_id"},
    ),
    "POST /api/v1/applications/{application_id}/interviews": Case(
        "own", 201, {"scheduled_on": "2026-11-25"}
    ),
    "PATCH /api/v1/interviews/{interview_id}": Case("own", 200, {"location": f"{MARK} room"}),
    "DELETE /api/v1/interviews/{interview_id}": Case(
        "own", 204, last=True, use={"interview_id": "spare5_interview"}
    ),
    "POST /api/v1/applications/{application_id}/questions": Case(
        "own", 201, {"text": f"{MARK} why us?"}
    ),
    "PUT /api/v1/questions/{question_id}": Case("own", 200, {"text": f"{MARK} why them?"}),
    "DELETE /api/v1/questions/{question_id}": Case(
        "own", 204, last=True, use={"question_id": "spare5_question"}
    ),
    "POST /api/v1/applications/{application_id}/notes": Case("own", 201, {"text": f"{MARK} n"}),
    "PUT /api/v1/notes/{note_id}": Case("own", 200, {"text": f"{MARK} note again"}),
    "DELETE /api/v1/notes/{note_id}": Case("own", 204, last=True, use={"note_id": "spare5_note"}),
    # --- recovery ---
    "POST /api/v1/feedback/lint": Case("self", 200, {"text": "Could you share feedback?"}),
    "POST /api/v1/applications/{application_id}/feedback-request-drafts": Case(
        "own", 201, {}, use={"application_id": "rejected_id"}
    ),
    "POST /api/v1/applications/{application_id}/feedback-requests": Case(
        "own", 201, {}, use={"application_id": "rejected_id"}
    ),
    "POST /api/v1/applications/{application_id}/feedback": Case(
        "own", 201, {"text": f"{MARK} strong SQL"}
    ),
    "POST /api/v1/applications/{application_id}/reply-drafts": Case(
        "own", 201, {"to": "Priya"}, use={"application_id": "rejected_id"}
    ),
    "GET /api/v1/applications/{application_id}/reflection": Case(
        "own", 200, use={"application_id": "rejected_id"}
    ),
    "POST /api/v1/applications/{application_id}/reflections": Case(
        "own", 201, {}, use={"application_id": "rejected_id"}
    ),
    # --- people ---
    "GET /api/v1/contacts": Case("self", 200),
    "POST /api/v1/contacts": Case("self", 201, {"name": "Someone Else"}),
    "GET /api/v1/contacts/{contact_id}": Case("own", 200),
    "PATCH /api/v1/contacts/{contact_id}": Case("own", 200, {"notes": f"{MARK} notes"}),
    "POST /api/v1/contacts/{contact_id}/interactions": Case("own", 201, {"note": f"{MARK} chat"}),
    "POST /api/v1/contacts/{contact_id}/referrals": Case(
        "own", 201, {"application_id": "{application_id}"}
    ),
    # --- momentum ---
    "GET /api/v1/wins": Case("self", 200),
    "POST /api/v1/wins": Case("own", 201, {"text": "A win", "application_id": "{application_id}"}),
    "GET /api/v1/goals": Case("self", 200),
    "PUT /api/v1/goals/{metric}": Case("self", 200, {"target": 4}),
    "DELETE /api/v1/goals/{metric}": Case("self", 200, last=True),
    "GET /api/v1/care": Case("self", 200),
    "POST /api/v1/care": Case("self", 201, {"kind": "exercise", "minutes": 20}),
    "GET /api/v1/moods": Case("self", 200),
    "POST /api/v1/moods": Case("own", 201, {"score": 3, "application_id": "{application_id}"}),
    "GET /api/v1/why": Case("self", 200),
    "PUT /api/v1/why": Case("self", 200, {"text": "Evenings free and useful work"}),
    "GET /api/v1/growth": Case("self", 200),
    # --- learning ---
    "GET /api/v1/insights": Case("self", 200),
    "GET /api/v1/plan": Case("self", 200),
    "GET /api/v1/plan/suggestions": Case("self", 200),
    "POST /api/v1/plan": Case(
        "own", 201, {"what": "Mock interview", "application_id": "{application_id}"}
    ),
    "PATCH /api/v1/plan/{item_id}": Case("own", 200, {"status": "started"}),
    "GET /api/v1/practice/questions": Case("self", 200),
    "POST /api/v1/practice": Case("self", 201, {"question": "Tell me about yourself", "rating": 3}),
    "GET /api/v1/stories": Case("self", 200),
    "POST /api/v1/stories": Case("self", 201, {"title": "The dashboard rescue"}),
    # --- mail, review, today, settings ---
    "GET /api/v1/mail/review": Case("self", 200),
    "POST /api/v1/mail/{mail_id}/settle": Case("own", 200, {"label": "unrelated"}),
    "POST /api/v1/mail/{mail_id}/ignore": Case("own", 204, {}, use={"mail_id": "mail2_id"}),
    "GET /api/v1/mail/applied": Case("self", 200),
    # the owner's messages wait in review (or were settled there): nothing applied to correct
    "GET /api/v1/mail/{mail_id}/undo": Case("own", 400, use={"mail_id": "mail4_id"}),
    "POST /api/v1/mail/{mail_id}/correct": Case(
        "own", 400, {"label": "rejection"}, use={"mail_id": "mail4_id"}
    ),
    "GET /api/v1/review": Case("self", 200),
    "GET /api/v1/calendar": Case("self", 200),
    "GET /api/v1/today": Case("self", 200),
    "GET /api/v1/settings": Case("self", 200),
    "PUT /api/v1/settings/{key}": Case("self", 200, {"value": "21"}),
    "DELETE /api/v1/settings/{key}": Case("self", 200),
    # --- offers, postings, merging, editing stories and reflections ---
    "GET /api/v1/offers": Case("self", 200),
    "POST /api/v1/applications/{application_id}/offer": Case(
        "own", 201, {"location": f"{MARK} office"}, use={"application_id": "offer_new_api"}
    ),
    "GET /api/v1/applications/{application_id}/offer": Case(
        "own", 200, use={"application_id": "offer_open"}
    ),
    "PATCH /api/v1/applications/{application_id}/offer": Case(
        "own", 200, {"location": f"{MARK} hq"}, use={"application_id": "offer_open"}
    ),
    "POST /api/v1/applications/{application_id}/offer/acceptance": Case(
        "own", 200, {}, last=True, use={"application_id": "offer_accept_api"}
    ),
    "POST /api/v1/applications/{application_id}/offer/decline": Case(
        "own", 200, {}, last=True, use={"application_id": "offer_decline_api"}
    ),
    "POST /api/v1/applications/{application_id}/offer/close-others": Case(
        "own", 200, {"only": []}, last=True, use={"application_id": "offer_accepted"}
    ),
    "GET /offers": Case("self", 200),
    "POST /applications/{application_id}/offer": Case(
        "own", 303, {"location": f"{MARK} place"}, use={"application_id": "offer_new_page"}
    ),
    "POST /applications/{application_id}/offer/accept": Case(
        "own", 303, {}, last=True, use={"application_id": "offer_accept_page"}
    ),
    "GET /applications/{application_id}/offer/accepted": Case(
        "own", 200, use={"application_id": "offer_accepted"}
    ),
    "POST /applications/{application_id}/offer/close-others": Case(
        "own", 303, {}, last=True, final=1, use={"application_id": "offer_accepted"}
    ),
    "POST /applications/{application_id}/offer/decline": Case(
        "own", 303, {}, last=True, use={"application_id": "offer_decline_page"}
    ),
    "POST /api/v1/postings/read": Case("self", 200, {"text": "Data Analyst at Acme Robotics"}),
    "GET /api/v1/applications/{application_id}/posting": Case(
        "own", 200, use={"application_id": "with_posting"}
    ),
    "PUT /api/v1/applications/{application_id}/posting": Case(
        "own", 200, {"text": f"{MARK} posting text"}
    ),
    "POST /applications/{application_id}/posting": Case("own", 303, {"text": f"{MARK} again"}),
    "POST /applications/new/from-posting": Case("self", 200, {"text": "Analyst at Acme"}),
    "GET /applications/{application_id}/merge": Case("own", 200),
    "POST /api/v1/applications/{application_id}/merge": Case(
        "own",
        200,
        {"duplicate_id": "{merge_dup1}"},
        last=True,
        use={"application_id": "merge_keep1"},
    ),
    "POST /applications/{application_id}/merge": Case(
        "own",
        303,
        {"duplicate": "{merge_dup2}"},
        last=True,
        use={"application_id": "merge_keep2"},
    ),
    "PATCH /api/v1/stories/{story_id}": Case("own", 200, {"title": f"{MARK} retold"}),
    "DELETE /api/v1/stories/{story_id}": Case("own", 204, last=True, use={"story_id": "story2_id"}),
    "POST /stories/{story_id}/edit": Case("own", 303, {"title": f"{MARK} told again"}),
    "POST /stories/{story_id}/delete": Case("own", 303, last=True, use={"story_id": "story3_id"}),
    "DELETE /api/v1/reflections/{reflection_id}": Case(
        "own", 204, last=True, use={"reflection_id": "reflection2_id"}
    ),
    "POST /reflections/{reflection_id}/delete": Case("own", 303, last=True),
    # --- the installable app, your data, background jobs ---
    "GET /manifest.webmanifest": Case("public", 200),
    "GET /sw.js": Case("public", 200),
    "GET /icons/{name}": Case("public", 200, use={"name": "icon_name"}),
    "GET /data": Case("self", 200),
    "GET /data/export/{name}": Case("self", 200, use={"name": "export_name"}),
    # whole-database operations are the administrator's on a server: nobody's, here
    "GET /data/backups/{name}": Case("self", 404, use={"name": "backup_name"}),
    "POST /data/backup": Case("self", 404),
    "POST /data/restore": Case("self", 404),
    "POST /data/import/csv": Case("self", 400, {}),  # no file: refused the same for anyone
    "POST /data/import/csv/preview": Case("self", 400, {}),  # no kept file: the same for anyone
    "POST /data/import/csv/apply": Case("self", 400, {}),
    "POST /data/import/json": Case("self", 400, {}),
    "POST /data/import/journal-file": Case("self", 400, {}),
    "GET /mail/import": Case("self", 200),
    "POST /mail/import": Case("self", 400, {}),
    "POST /mail/imap": Case("self", 400, {"url": "not an address", "password": "x"}),
    "POST /mail/imap/fetch": Case("self", 404),  # nobody has connected a folder
    "POST /mail/imap/off": Case("self", 303),
    "GET /jobs/{job_id}": Case("self", 404),
    "GET /jobs/{job_id}/status": Case("self", 404),
    # --- signing in (public) and the account page ---
    "GET /sign-in": Case("public", 303),
    "POST /sign-in": Case("public", 400, {"email": "x@example.org", "password": "wrong one!"}),
    "GET /sign-in/code": Case("public", 200),
    "POST /sign-in/code": Case("public", 400, {"code": "000000"}),
    "POST /sign-out": Case("self", 303, last=True, final=3),
    "GET /sign-up": Case("public", 404),
    "POST /sign-up": Case("public", 404, {"email": "x@example.org"}),
    "GET /reset/{secret}": Case("public", 400),
    "GET /welcome/{secret}": Case("public", 400),
    "POST /reset/{secret}": Case("public", 400, {"password": "x"}),
    "POST /welcome/{secret}": Case("public", 400, {"password": "x"}),
    "GET /forgot": Case("public", 200),
    "POST /forgot": Case("public", 200, {"email": "x@example.org"}),
    "GET /account": Case("self", 200),
    "POST /account/password": Case("self", 400, {"current": "nope", "password": "x"}),
    "POST /account/sessions/{session_id}/end": Case("own", 303, last=True, final=2),
    "POST /account/sessions/end-others": Case("self", 303),
    "POST /account/tokens": Case("self", 200, {"name": "a script"}),
    "POST /account/tokens/{token_id}/revoke": Case("own", 303),
    "POST /account/two-step": Case("self", 200),
    "POST /account/two-step/confirm": Case("self", 400, {"code": "000000"}),
    "POST /account/two-step/off": Case("self", 400, {"password": "not it"}),
    "POST /account/calendar": Case("self", 200),
    "POST /account/calendar/off": Case("self", 303),
    "GET /calendar/{secret}.ics": Case("public", 404),
    "POST /account/reminders": Case("self", 303, {"on": "yes"}),
    # the address typed is never the caller's, so nobody's account goes
    "POST /account/delete": Case("self", 400, {"email": "not-me@example.org", "password": "x"}),
    "GET /unsubscribe/{token}": Case("public", 200),
    "POST /unsubscribe/{token}": Case("public", 200),
    # --- pages ---
    "GET /": Case("self", 200),
    "GET /charts/{name}.svg": Case("self", 200),
    "GET /board": Case("self", 200),
    "POST /applications/{application_id}/reject": Case(
        "own",
        303,
        {"reason": f"{MARK} why", "cool_down": "none"},
        last=True,
        use={"application_id": "spare3_id"},
    ),
    "GET /applications/{application_id}/recovery/{step}": Case(
        "own", 200, use={"application_id": "rejected_id"}
    ),
    "POST /applications/{application_id}/recovery/request": Case(
        "own", 200, {}, use={"application_id": "rejected_id"}
    ),
    "POST /applications/{application_id}/recovery/request/sent": Case(
        "own", 303, {}, use={"application_id": "rejected_id"}
    ),
    "POST /applications/{application_id}/recovery/reply": Case(
        "own", 200, {"to": "Priya"}, use={"application_id": "rejected_id"}
    ),
    "POST /recovery/lint": Case("self", 200, {"text": "Could you share feedback?"}),
    "POST /applications/{application_id}/recovery/reflect": Case(
        "own", 303, {}, use={"application_id": "rejected_id"}
    ),
    "POST /applications/{application_id}/feedback": Case("own", 303, {"text": f"{MARK} fb"}),
    "GET /applications": Case("self", 200),
    "GET /applications/new": Case("self", 200),
    "POST /applications": Case("self", 303, _app()),
    "GET /applications/{application_id}": Case("own", 200),
    "POST /applications/{application_id}/edit": Case(
        "own", 303, {"company": f"{MARK} Corp", "role": f"{MARK} role"}
    ),
    "POST /applications/{application_id}/move": Case("own", 303, {"stage": "interview"}),
    "GET /applications/{application_id}/delete": Case("own", 200),
    "POST /applications/{application_id}/delete": Case(
        "own", 303, last=True, use={"application_id": "spare4_id"}
    ),
    "GET /applications/{application_id}/reject": Case("own", 200),
    "POST /applications/{application_id}/interviews": Case(
        "own", 303, {"scheduled_on": "2026-11-26"}
    ),
    "POST /interviews/{interview_id}/edit": Case(
        "own", 303, {"scheduled_on": "2026-11-27", "kind": "video"}
    ),
    "POST /interviews/{interview_id}/delete": Case(
        "own", 303, last=True, use={"interview_id": "spare6_interview"}
    ),
    "POST /applications/{application_id}/questions": Case("own", 303, {"text": f"{MARK} q"}),
    "POST /questions/{question_id}/edit": Case("own", 303, {"text": f"{MARK} q2"}),
    "POST /questions/{question_id}/delete": Case(
        "own", 303, last=True, use={"question_id": "spare6_question"}
    ),
    "POST /applications/{application_id}/notes": Case("own", 303, {"text": f"{MARK} n2"}),
    "POST /notes/{note_id}/edit": Case("own", 303, {"text": f"{MARK} n3"}),
    "POST /notes/{note_id}/delete": Case("own", 303, last=True, use={"note_id": "spare6_note"}),
    "GET /contacts": Case("self", 200),
    "POST /contacts": Case("self", 303, {"name": "Another Person"}),
    "GET /contacts/{contact_id}": Case("own", 200),
    "POST /contacts/{contact_id}/edit": Case("own", 303, {"name": f"{MARK} Friend"}),
    "POST /contacts/{contact_id}/interactions": Case("own", 303, {"kind": "call"}),
    "POST /contacts/{contact_id}/referral": Case(
        "own", 303, {"application_id": "{application_id}"}
    ),
    "GET /wins": Case("self", 200),
    "POST /wins": Case("self", 303, {"text": "Small win"}),
    "GET /journal": Case("self", 200),
    "POST /journal/mood": Case("self", 303, {"score": "4"}),
    "POST /journal/care": Case("self", 303, {"kind": "rest", "minutes": "15m"}),
    "POST /goals": Case("self", 303, {"metric": "applications", "target": "5"}),
    "POST /goals/{metric}/stop": Case("self", 303, other=404, last=True, use={"metric": "metric2"}),
    "POST /why": Case("self", 303, {"text": "Work that matters"}),
    "POST /why/keep": Case("self", 303),
    "GET /insights": Case("self", 200),
    "GET /plan": Case("self", 200),
    "POST /plan": Case("own", 303, {"what": "Practise SQL", "application_id": "{application_id}"}),
    "POST /plan/{item_id}/status": Case("own", 303, {"status": "done"}),
    "POST /plan/{item_id}/evidence": Case("own", 303, {"text": f"{MARK} did it"}),
    "GET /practice": Case("self", 200),
    "POST /stories": Case("self", 303, {"title": "A story"}),
    "POST /practice": Case("self", 303, {"question": "Tell me about yourself", "rating": "4"}),
    "GET /mail": Case("self", 200),
    "POST /mail/{mail_id}/settle": Case(
        "own", 303, {"label": "unrelated"}, use={"mail_id": "mail3_id"}
    ),
    "POST /mail/{mail_id}/ignore": Case("own", 303, use={"mail_id": "mail4_id"}),
    "GET /mail/applied": Case("self", 200),
    "POST /mail/{mail_id}/correct": Case(
        "own", 400, {"label": "rejection"}, use={"mail_id": "mail4_id"}
    ),
    "GET /review": Case("self", 200),
    "GET /settings": Case("self", 200),
    "POST /settings": Case("self", 303, {}),
    # --- coaching: the seeker's side ---
    "POST /api/v1/coach-invitations": Case("self", 201, {}),
    "GET /api/v1/coaches": Case("self", 200),
    "PUT /api/v1/coaches/{coach_id}/scopes": Case("own", 200, {"scopes": list(ALL_SCOPES)}),
    "DELETE /api/v1/coaches/{coach_id}": Case("own", 204, last=True, use={"coach_id": "coach2_id"}),
    "GET /api/v1/coaches/{coach_id}/view": Case("own", 200),
    "GET /api/v1/coach-reads": Case("self", 200),
    "GET /api/v1/coach-comments": Case("self", 200),
    "GET /api/v1/coach-suggestions": Case("self", 200),
    "POST /api/v1/coach-suggestions/{suggestion_id}/accept": Case("own", 200),
    "POST /api/v1/coach-suggestions/{suggestion_id}/decline": Case(
        "own", 200, use={"suggestion_id": "suggestion2_id"}
    ),
    "GET /coaching": Case("self", 200),
    "POST /coaching/invite": Case("self", 200, {"scope": "applications"}),
    "POST /coaching/coaches/{coach_id}/scopes": Case("own", 303, {"scope": "plan"},
                                                     use={"coach_id": "coach3_id"}),
    "POST /coaching/coaches/{coach_id}/revoke": Case(
        "own", 303, last=True, use={"coach_id": "coach3_id"}
    ),
    "GET /coaching/coaches/{coach_id}/view": Case("own", 200),
    "POST /coaching/suggestions/{suggestion_id}/{decision}": Case(
        "own", 303, use={"suggestion_id": "suggestion3_id"}
    ),
    # --- coaching: the coach's side (the owner is the client; only their coach reads) ---
    "POST /api/v1/coach-invitations/{code}/accept": Case("self", 404),
    "GET /api/v1/clients": Case("self", 200, coach=200),
    "GET /api/v1/clients/{client_id}": Case("own", 404, coach=200),
    "GET /api/v1/clients/{client_id}/applications": Case(
        "own", 404, coach=200, scope="applications"
    ),
    "GET /api/v1/clients/{client_id}/applications/{application_id}": Case(
        "own", 404, coach=200, scope="applications"
    ),
    "GET /api/v1/clients/{client_id}/feedback": Case("own", 404, coach=200, scope="feedback"),
    "GET /api/v1/clients/{client_id}/plan": Case("own", 404, coach=200, scope="plan"),
    "GET /api/v1/clients/{client_id}/goals": Case("own", 404, coach=200, scope="goals"),
    "GET /api/v1/clients/{client_id}/reflections": Case(
        "own", 404, coach=200, scope="reflections"
    ),
    "GET /api/v1/clients/{client_id}/wellbeing": Case("own", 404, coach=200, scope="wellbeing"),
    "GET /api/v1/clients/{client_id}/mail": Case("own", 404, coach=200, scope="email"),
    "POST /api/v1/clients/{client_id}/comments": Case(
        "own", 404, {"target": "application", "target_id": "{application_id}", "text": "Nice"},
        coach=201, scope="applications",
    ),
    "POST /api/v1/clients/{client_id}/suggestions": Case(
        "own", 404, {"title": "Mock interview"}, coach=201, scope="plan"
    ),
    "POST /api/v1/clients/{client_id}/notes": Case("own", 404, {"text": "Met today"}, coach=201),
    "GET /api/v1/coach-notes": Case("self", 200, coach=200),
    "DELETE /api/v1/coach-notes/{note_id}": Case(
        "own", 404, coach=204, coach_only=True, last=True, use={"note_id": "session_note_id"}
    ),
    "GET /clients": Case("self", 200, coach=200),
    "GET /clients/{client_id}": Case("own", 404, coach=200),
    "GET /clients/{client_id}/applications/{application_id}": Case(
        "own", 404, coach=200, scope="applications"
    ),
    "POST /clients/{client_id}/comments": Case(
        "own", 404, {"target": "plan_item", "target_id": "{item_id}", "text": "Good plan"},
        coach=303, scope="plan",
    ),
    "POST /clients/{client_id}/suggestions": Case(
        "own", 404, {"title": "Practise SQL"}, coach=303, scope="plan"
    ),
    "POST /clients/{client_id}/notes": Case("own", 404, {"text": "Session notes"}, coach=303),
    "POST /coach-notes/{note_id}/delete": Case(
        "own", 404, coach=303, coach_only=True, last=True, use={"note_id": "session_note2_id"}
    ),
    "GET /coach-notes.csv": Case("self", 200, coach=200),
    # --- organisations: the owner is a member of one; admins' routes are not theirs ---
    "GET /organisations": Case("self", 200),
    "POST /organisations": Case("self", 404, {"name": "A new centre"}, admin=303),
    "GET /organisations/{organisation_id}": Case("own", 404),
    "POST /organisations/{organisation_id}/groups": Case(
        "own", 404, {"kind": "cohort", "name": "2027"}
    ),
    "POST /organisations/{organisation_id}/members/{member_id}/group": Case(
        "own", 404, {"group_id": "{group_id}"}
    ),
    "POST /organisations/{organisation_id}/invitations": Case("own", 404, {"role": "member"}),
    "POST /organisations/{organisation_id}/sso": Case("own", 404, {"issuer": ""}),
    "GET /organisations/{organisation_id}/insights": Case("own", 404),
    "GET /organisations/{organisation_id}/insights.csv": Case("own", 404),
    "GET /api/v1/organisations/{organisation_id}/insights": Case("own", 404),
    "POST /organisations/{organisation_id}/consent": Case("own", 303, {"on": "no"}),
    "POST /organisations/{organisation_id}/leave": Case(
        "own", 303, {"how": "deactivate"}, last=True
    ),
    "GET /download": Case("self", 200),
    "GET /join/organisation/{token}": Case("public", 404),
    "POST /join/organisation/{token}": Case("public", 404),
    "POST /join/organisation/{token}/sign-up": Case("public", 400, {"email": "x@example.org"}),
    "GET /sso/{organisation_id}": Case("public", 404),
    "GET /sso/{organisation_id}/callback": Case("public", 400),
    "GET /join/coach/{code}": Case("public", 404),
    "POST /join/coach/{code}": Case("public", 404),
    "POST /join/coach/{code}/sign-up": Case("public", 404, {"email": "x@example.org"}),
}  # fmt: skip


def served_routes(team: Team) -> Iterator[tuple[str, str]]:
    """(method, path) for every route the served app answers, from its route table."""

    def walk(routes: list[Any]) -> Iterator[tuple[set[str], str]]:
        for route in routes:
            if hasattr(route, "effective_route_contexts"):  # FastAPI's included routers
                for context in route.effective_route_contexts():
                    yield context.methods, context.path_format
            elif getattr(route, "methods", None):
                yield route.methods, route.path

    for methods, path in walk(team.app.routes):
        for method in sorted(methods - {"HEAD"}):
            yield method, path


@dataclass
class Owner:
    person: Person
    ids: dict[str, Any] = field(default_factory=dict)


def _owner_journal(team: Team, owner: Person) -> dict[str, Any]:
    """The owner's records, each marked, through the API; returns the ids the paths need."""

    def made(method: str, path: str, body: Any) -> Any:
        answer = owner.api(method, path, body)
        assert answer.status_code in (200, 201), (path, answer.text)
        return answer.json()

    app_id = made(
        "POST", "/api/v1/applications", {"company": f"{MARK} Robotics", "role": f"{MARK}"}
    )["id"]
    made("POST", "/api/v1/applications", {"company": f"{MARK} Two", "role": "Analyst"})
    interview = made(
        "POST",
        f"/api/v1/applications/{app_id}/interviews",
        {"scheduled_on": "2026-11-24", "notes": MARK},
    )
    question = made(
        "POST", f"/api/v1/applications/{app_id}/questions", {"text": f"{MARK} question"}
    )
    note = made("POST", f"/api/v1/applications/{app_id}/notes", {"text": f"{MARK} note"})
    contact = made("POST", "/api/v1/contacts", {"name": f"{MARK} Mentor", "relation": "mentor"})
    plan = made("POST", "/api/v1/plan", {"what": f"{MARK} plan item"})
    made("PUT", "/api/v1/why", {"text": f"{MARK} why"})
    made("POST", "/api/v1/wins", {"text": f"{MARK} win"})
    story = made("POST", "/api/v1/stories", {"title": f"{MARK} story"})
    made("PUT", "/api/v1/goals/applications", {"target": 5})
    made("PUT", "/api/v1/goals/networking", {"target": 2})
    extra: dict[str, Any] = {}
    for name in ("offer_new_api", "offer_new_page", "offer_open", "offer_accepted",
                 "offer_accept_api", "offer_accept_page", "offer_decline_api",
                 "offer_decline_page", "with_posting", "merge_keep1", "merge_dup1",
                 "merge_keep2", "merge_dup2"):  # fmt: skip
        extra[name] = made(
            "POST", "/api/v1/applications", {"company": f"{MARK} {name}", "role": "Analyst"}
        )["id"]
    for name in ("offer_open", "offer_accepted", "offer_accept_api", "offer_accept_page",
                 "offer_decline_api", "offer_decline_page"):  # fmt: skip
        made("POST", f"/api/v1/applications/{extra[name]}/offer", {"notes": MARK})
    made("POST", f"/api/v1/applications/{extra['offer_accepted']}/offer/acceptance", {})
    made(
        "PUT", f"/api/v1/applications/{extra['with_posting']}/posting", {"text": f"{MARK} posting"}
    )
    for n in (2, 3):
        extra[f"story{n}_id"] = made("POST", "/api/v1/stories", {"title": f"{MARK} story {n}"})[
            "id"
        ]
    for n in (1, 2):
        said_no = made(
            "POST", "/api/v1/applications", {"company": f"{MARK} no {n}", "role": "Analyst"}
        )
        made("POST", f"/api/v1/applications/{said_no['id']}/rejection", {"cool_down": "none"})
        reflection = made("POST", f"/api/v1/applications/{said_no['id']}/reflections", {})
        extra["reflection_id" if n == 1 else "reflection2_id"] = reflection["id"]
    spares: dict[str, Any] = {}
    for n in range(1, 7):
        spare = made("POST", "/api/v1/applications", {"company": f"{MARK} {n}", "role": "Analyst"})
        spares[f"spare{n}_id"] = spare["id"]
        for kind, body in (
            ("interviews", {"scheduled_on": "2026-11-24"}),
            ("questions", {"text": MARK}),
            ("notes", {"text": MARK}),
        ):
            child = made("POST", f"/api/v1/applications/{spare['id']}/{kind}", body)
            spares[f"spare{n}_{kind[:-1]}"] = child["id"]
    rejected = made(
        "POST", "/api/v1/applications", {"company": f"{MARK} Said No", "role": "Analyst"}
    )
    made(
        "POST",
        f"/api/v1/applications/{rejected['id']}/rejection",
        {"reason": f"{MARK} reason", "cool_down": "none"},
    )
    journal = team.journal()
    try:
        journal.db.begin()
        mail_ids = [
            journal.db.insert(
                "INSERT INTO mail_messages (owner_id, message_key, subject, sender, label, "
                "confidence, status, imported_at, received_at) VALUES (:owner, :key, :subject, "
                "'jobs@acme.test', 'interview', 0.4, 'review', :now, :now) RETURNING id",
                {"owner": owner.user_id, "key": f"k{n}", "subject": f"{MARK} subject", "now": NOW},
            )
            for n in range(4)
        ]
        journal.db.commit()
        session_id = journal.db.scalar(
            "SELECT max(id) FROM auth_sessions WHERE user_id = :u", {"u": owner.user_id}
        )
        journal.db.rollback()
    finally:
        journal.close()
    from nextyes.services.accounts.tokens import create_token

    journal = team.journal()
    try:
        token_id = create_token(journal.uow(), owner.user_id, f"{MARK} token", NOW).stored.id
    finally:
        journal.close()
    coaching = _coaching(team, owner, app_id)
    return {
        **coaching,
        **_organisation(team, owner),
        "application_id": app_id, "interview_id": interview["id"], "question_id": question["id"],
        "note_id": note["id"], "contact_id": contact["id"], "item_id": plan["id"],
        "mail_id": mail_ids[0], "mail2_id": mail_ids[1], "mail3_id": mail_ids[2],
        "mail4_id": mail_ids[3], "metric2": "networking", **spares, **extra,
        "story_id": story["id"], "rejected_id": rejected["id"], "session_id": session_id, "token_id": token_id,
        "metric": "applications", "key": "follow_up_after_applied_days", "step": "request",
        "name": "pipeline", "secret": "not-a-real-link-secret", "token": "not-a-real-token", "icon_name": "icon.svg", "export_name": "journal.json",
        "backup_name": "journal-2026-11-22.db", "job_id": "0123456789abcdef",
    }  # fmt: skip


def _coach_for(team: Team, owner: Person, email: str, scopes: Any) -> Person:
    """A coach of the owner's, signed in, sharing `scopes`."""
    coach = team.person(email)
    code = owner.api("POST", "/api/v1/coach-invitations", {"scopes": list(scopes)}).json()["code"]
    answer = coach.api("POST", f"/api/v1/coach-invitations/{code}/accept")
    assert answer.status_code == 200, answer.text
    return coach


def _coaching(team: Team, owner: Person, app_id: int) -> dict[str, Any]:
    """Three coaches of the owner's; the first comments, suggests three steps, keeps notes."""
    coach = _coach_for(team, owner, "coach@example.org", ALL_SCOPES)
    others = [_coach_for(team, owner, f"coach{n}@example.org", ALL_SCOPES) for n in (2, 3)]
    client = f"/api/v1/clients/{owner.user_id}"
    said = coach.api(
        "POST", f"{client}/comments",
        {"target": "application", "target_id": app_id, "text": f"{MARK} comment"},
    )  # fmt: skip
    assert said.status_code == 201, said.text
    suggestions = [
        coach.api("POST", f"{client}/suggestions", {"title": f"{MARK} step {n}"}).json()["id"]
        for n in range(3)
    ]
    notes = [
        coach.api("POST", f"{client}/notes", {"text": f"{MARK} session {n}"}).json()["id"]
        for n in range(2)
    ]
    return {
        "coach_id": coach.user_id, "coach2_id": others[0].user_id,
        "coach3_id": others[1].user_id, "client_id": owner.user_id,
        "suggestion_id": suggestions[0], "suggestion2_id": suggestions[1],
        "suggestion3_id": suggestions[2], "session_note_id": notes[0],
        "session_note2_id": notes[1], "code": "ABCD-EFGH-JKLM", "decision": "accept",
    }  # fmt: skip


def _organisation(team: Team, owner: Person) -> dict[str, Any]:
    """An organisation (made by a server administrator) that the owner joined as a member."""
    from nextyes.services.accounts.sessions import signed_in_as
    from nextyes.services.organisations import membership

    journal = team.journal()
    try:
        made = admin.create_account(
            journal.uow(), "centre-admin@example.org", NOW, role=Role.ADMIN, password=None
        )
        runner = signed_in_as(made)
        org = membership.create_organisation(journal.uow(), runner, f"{MARK} Centre", NOW)
        group = membership.add_group(journal.uow(), runner, org.id, "cohort", f"{MARK} 2026", NOW)
        link = membership.invite(journal.uow(), runner, org.id, "member", group.id, NOW)
        owner_account = admin.find_account(journal.uow(), owner.email)
        joined = membership.join(journal.uow(), signed_in_as(owner_account), link.token, True, NOW)
    finally:
        journal.close()
    return {
        "organisation_id": org.id, "group_id": group.id, "member_id": joined.id,
        "token": "not-a-real-token",
    }  # fmt: skip


def _fill(value: Any, ids: dict[str, Any]) -> Any:
    if isinstance(value, str):
        for name, id_ in ids.items():
            if value == "{" + name + "}":
                return id_
            value = value.replace("{" + name + "}", str(id_))
        return value
    if isinstance(value, dict):
        return {k: _fill(v, ids) for k, v in value.items()}
    return value


def send(person: Person, method: str, path: str, case: Case, all_ids: dict[str, Any]) -> Any:
    ids = {**all_ids, **{name: all_ids[other] for name, other in case.use.items()}}
    url = _fill(path, ids)
    body = _fill(case.body, ids)
    if path.startswith("/api/"):
        if method == "GET":
            return person.get(url)
        headers = person._auth() or {"X-CSRF-Token": person.page_csrf}  # type: ignore[attr-defined]
        return person.client.request(
            method, url, json=body, headers=headers, follow_redirects=False
        )
    if method == "GET":
        return person.get(url)
    form = {k: str(v) for k, v in (body or {}).items()}
    if person.token is not None:
        return person.client.post(url, data=form, headers=person._auth(), follow_redirects=False)
    return person.client.post(
        url, data={"csrf_token": person.page_csrf, **form}, follow_redirects=False
    )


def owner_rows(team: Team, user_id: int) -> dict[str, list[tuple[Any, ...]]]:
    from nextyes.storage.schema import metadata

    journal = team.journal()
    try:
        rows = {
            t.name: sorted(
                (tuple(str(v) for v in r) for r in journal.db.query(f"SELECT * FROM {t.name} WHERE owner_id = :o", {"o": user_id})),
            )
            for t in metadata.sorted_tables
            if "owner_id" in t.columns
        }  # fmt: skip
        journal.db.rollback()
        return rows
    finally:
        journal.close()


def test_every_route_has_an_entry_in_the_matrix(sqlite_team: Team) -> None:
    served = {f"{method} {path}" for method, path in served_routes(sqlite_team)}
    missing = sorted(served - set(ROUTES))
    assert not missing, "routes without an entry in the authorisation matrix:\n" + "\n".join(
        missing
    )
    assert not sorted(set(ROUTES) - served), "entries for routes that no longer exist"


@pytest.mark.slow
def test_nobody_but_the_owner_reaches_the_owners_journal(team: Team) -> None:
    owner = team.person("owner@example.org")
    ids = _owner_journal(team, owner)
    other = team.person("other@example.org")
    admin_person = team.person("admin@example.org", role=Role.ADMIN)
    disabled = team.person("disabled@example.org")
    expired = team.person("expired@example.org")
    anonymous = team.browser()
    anonymous.get("/sign-in")
    revoked = team.script("revoked@example.org")
    for person in (owner, other, admin_person, disabled, expired, anonymous):
        person.page_csrf = person.csrf  # type: ignore[attr-defined]
    journal = team.journal()
    try:
        admin.set_disabled(journal.uow(), "disabled@example.org", True)
        journal.db.begin()
        journal.db.execute(
            "UPDATE auth_sessions SET expires_at = :past WHERE user_id = :u",
            {"past": NOW - timedelta(seconds=1), "u": expired.user_id},
        )
        journal.db.execute(
            "UPDATE api_tokens SET revoked_at = :now WHERE user_id = :u",
            {"now": NOW, "u": revoked.user_id},
        )
        journal.db.commit()
    finally:
        journal.close()
    revoked.page_csrf = ""  # type: ignore[attr-defined]

    before = owner_rows(team, owner.user_id)
    problems: list[str] = []
    routes = sorted(served_routes(team), key=lambda r: ROUTES[f"{r[0]} {r[1]}"].order)
    for method, path in routes:
        case = ROUTES[f"{method} {path}"]
        api = path.startswith("/api/")
        for name, person in (("other", other), ("admin", admin_person)):
            answer = send(person, method, path, case, ids)
            if case.kind == "own":
                expected = 404
            elif case.kind == "self":
                expected = case.other if case.other is not None else case.owner
            else:
                expected = None
            if name == "admin" and case.admin is not None:
                expected = case.admin
            if expected is not None and answer.status_code != expected:
                problems.append(
                    f"{name}: {method} {path} -> {answer.status_code}, not {expected}: {answer.text[:200]}"
                )
            if MARK in answer.text:
                problems.append(f"{name}: {method} {path} showed the owner's data")
        for name, person in (
            ("disabled", disabled),
            ("expired", expired),
            ("anonymous", anonymous),
            ("revoked token", revoked),
        ):
            answer = send(person, method, path, case, ids)
            if case.kind == "public":
                expected = None
            elif name == "revoked token" or api:
                expected = 401
            else:
                expected = 303
            if expected is not None and answer.status_code != expected:
                problems.append(
                    f"{name}: {method} {path} -> {answer.status_code}, not {expected}: {answer.text[:200]}"
                )
            if expected == 303 and not answer.headers["location"].startswith("/sign-in"):
                problems.append(f"{name}: {method} {path} sent to {answer.headers['location']}")
            if MARK in answer.text:
                problems.append(f"{name}: {method} {path} showed the owner's data")
    assert owner_rows(team, owner.user_id) == before, "someone else changed the owner's journal"
    for method, path in routes:
        case = ROUTES[f"{method} {path}"]
        if case.kind == "public":
            continue
        answer = send(owner, method, path, case, ids)
        if answer.status_code != case.owner:
            problems.append(
                f"owner: {method} {path} -> {answer.status_code}, not {case.owner}: {answer.text[:200]}"
            )
    assert not problems, "\n".join(problems)
