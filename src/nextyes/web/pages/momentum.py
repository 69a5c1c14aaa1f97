"""Momentum pages: wins and growth, the journal (moods and care), goals and the why."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nextyes import content
from nextyes.domain.goals import Metric
from nextyes.domain.wellbeing import CareKind
from nextyes.services.momentum import goals, growth, wellbeing, why, wins
from nextyes.web import forms
from nextyes.web.deps import WebDep
from nextyes.web.forms import FormText
from nextyes.web.rendering import page, redirect

router = APIRouter()
JOURNAL_DAYS = 30


@router.get("/wins", response_class=HTMLResponse)
async def wins_page(request: Request, web: WebDep) -> HTMLResponse:
    """Every win, newest first, and the growth record: each no and what followed it."""
    found = wins.list_wins(web.uow(), web.now(), limit=200)
    record = growth.growth_record(web.uow())
    words = content.load("momentum/growth")
    return page(request, "wins.html", {"wins": found, "record": record, "words": words})


@router.post("/wins")
async def log_win(web: WebDep, text: FormText = "", on: FormText = "") -> Response:
    wins.record_win(web.uow(), text, forms.day(on, web.today()) or web.today(), web.now())
    return redirect("/wins", content.load("momentum/messages")["wins"]["recorded"])


@router.get("/journal", response_class=HTMLResponse)
async def journal_page(request: Request, web: WebDep) -> HTMLResponse:
    """Moods and time for yourself over the last month."""
    moods = wellbeing.recent_moods(web.uow(), web.now(), days=JOURNAL_DAYS)
    care = wellbeing.recent_care(web.uow(), web.today(), days=JOURNAL_DAYS)
    return page(
        request, "journal.html", {"moods": moods, "care": care, "care_kinds": list(CareKind)}
    )


@router.post("/journal/mood")
async def log_mood(web: WebDep, score: FormText = "", note: FormText = "") -> Response:
    logged = wellbeing.log_mood(web.uow(), score, forms.optional(note), web.now())
    return redirect("/journal", logged.message)


@router.post("/journal/care")
async def log_care(
    web: WebDep, kind: FormText = "", minutes: FormText = "", note: FormText = "", on: FormText = ""
) -> Response:
    day = forms.day(on, web.today()) or web.today()
    logged = wellbeing.log_care_fields(web.uow(), kind, minutes, note, day, web.now())
    return redirect("/journal", logged.message)


@router.post("/goals")
async def set_goal(web: WebDep, metric: FormText = "", target: FormText = "") -> Response:
    change = goals.set_goal(web.uow(), metric, target, web.now())
    return redirect("/settings#goals", change.message)


@router.post("/goals/{metric}/stop")
async def stop_goal(web: WebDep, metric: Metric) -> Response:
    return redirect("/settings#goals", goals.stop_goal(web.uow(), metric.value, web.now()))


@router.post("/why")
async def set_why(web: WebDep, text: FormText = "") -> Response:
    return redirect("/settings#why", why.set_why(web.uow(), text, web.now()))


@router.post("/why/keep")
async def keep_why(web: WebDep) -> Response:
    return redirect("/settings#why", why.keep_why(web.uow(), web.now()))
