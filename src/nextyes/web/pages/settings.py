"""Settings: every preference, with what it does, changed together."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nextyes.domain.goals import MAX_TARGET, Metric
from nextyes.services.momentum.goals import goal_statuses, label
from nextyes.services.momentum.why import show_why
from nextyes.services.settings import preferences as service
from nextyes.web.deps import WebDep
from nextyes.web.rendering import page, redirect, words

router = APIRouter()


@router.get("/settings", response_class=HTMLResponse)
async def settings(request: Request, web: WebDep) -> HTMLResponse:
    rows = service.describe(service.read_preferences(web.uow()))
    running = goal_statuses(web.uow(), web.today())
    return page(
        request,
        "settings.html",
        {
            "rows": rows,
            "goals": running,
            "metrics": [(metric.value, label(metric)) for metric in Metric],
            "max_target": MAX_TARGET,
            "why": show_why(web.uow(), web.today()),
        },
    )


@router.post("/settings")
async def save_settings(request: Request, web: WebDep) -> Response:
    form = await request.form()
    values = {k: str(v) for k, v in form.items() if k in service.PREFERENCES}
    service.set_preferences(web.uow(), values, web.now())
    return redirect("/settings", words("settings"))
