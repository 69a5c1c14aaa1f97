"""The board: open applications in columns by stage, moved with buttons or the keyboard."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from nextyes.domain.stages import Stage
from nextyes.web import views
from nextyes.web.deps import WebDep
from nextyes.web.offload import off_the_loop
from nextyes.web.rendering import page

router = APIRouter()

# The usual next step from each open stage (the board's "move on" button and Shift+→).
NEXT: dict[Stage, Stage] = {
    Stage.SAVED: Stage.APPLIED,
    Stage.APPLIED: Stage.SCREENING,
    Stage.SCREENING: Stage.INTERVIEW,
    Stage.ASSESSMENT: Stage.INTERVIEW,
    Stage.INTERVIEW: Stage.FINAL,
    Stage.FINAL: Stage.OFFER,
    Stage.OFFER: Stage.ACCEPTED,
}
# The step before, for undoing a move made by mistake (Shift+←): a correction.
BACK: dict[Stage, Stage] = {
    Stage.APPLIED: Stage.SAVED,
    Stage.SCREENING: Stage.APPLIED,
    Stage.ASSESSMENT: Stage.SCREENING,
    Stage.INTERVIEW: Stage.SCREENING,
    Stage.FINAL: Stage.INTERVIEW,
    Stage.OFFER: Stage.FINAL,
}


@router.get("/board", response_class=HTMLResponse)
async def board(request: Request, web: WebDep) -> HTMLResponse:
    shown = await off_the_loop(request, lambda: views.board(web, per_column=30))
    return page(request, "board.html", {"board": shown, "next": NEXT, "back": BACK})
