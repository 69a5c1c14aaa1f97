"""Learning from the noes: insights, the improvement plan, and practice."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nextyes.domain.coaching import CommentTarget
from nextyes.domain.plan import PlanKind, PlanStatus
from nextyes.domain.stories import NewStory
from nextyes.services.coaching import conversation
from nextyes.services.learning import plan, practice, stories
from nextyes.web import forms, views
from nextyes.web.deps import WebDep
from nextyes.web.forms import FormText
from nextyes.web.rendering import page, redirect, words

router = APIRouter()


@router.get("/insights", response_class=HTMLResponse)
async def insights_page(request: Request, web: WebDep) -> HTMLResponse:
    """What the search so far shows, in sentences, charts and tables (cached per version)."""
    found = views.insights(web)
    return page(
        request,
        "insights.html",
        {"i": found, "version": web.version(), "charts_data": views.insight_charts(found)},
    )


@router.get("/plan", response_class=HTMLResponse)
async def plan_page(request: Request, web: WebDep) -> HTMLResponse:
    items = plan.list_plan(web.uow())
    ideas = plan.suggest_plan_items(web.uow(), web.today())
    about = [(CommentTarget.PLAN_ITEM, item.id) for item in items]
    beside = conversation.comments_beside(web.uow(), about, web.now())
    return page(
        request, "plan.html", {"items": items, "ideas": ideas, "kinds": list(PlanKind),
                               "next": next_moves(), "coach_comments": beside},
    )  # fmt: skip


def next_moves() -> dict[PlanStatus, list[tuple[PlanStatus, str]]]:
    return {
        PlanStatus.PLANNED: [(PlanStatus.STARTED, "Start"), (PlanStatus.DONE, "Done"),
                             (PlanStatus.DROPPED, "Drop")],
        PlanStatus.STARTED: [(PlanStatus.DONE, "Done"), (PlanStatus.DROPPED, "Drop")],
    }  # fmt: skip


@router.post("/plan")
async def add_to_plan(
    web: WebDep, what: FormText = "", theme: FormText = "", kind: FormText = "",
    detail: FormText = "", application_id: FormText = "", next: FormText = "",
) -> Response:  # fmt: skip
    """Add a suggested action (by its key) or an item of your own (by its title)."""
    item = plan.add_plan_item(
        web.uow(), what, web.today(), web.now(), theme=forms.optional(theme),
        kind=forms.optional(kind), detail=forms.optional(detail),
        application_id=forms.number(application_id, "application", 1, 2**31 - 1),
    )  # fmt: skip
    return redirect(forms.local_path(next, "/plan"), words("plan_added", title=item.title))


@router.post("/plan/{item_id}/status")
async def move_item(
    web: WebDep, item_id: int, status: FormText = "", evidence: FormText = ""
) -> Response:
    target = forms.choice(status, PlanStatus, "plan status") or PlanStatus.STARTED
    item = plan.move_plan_item(
        web.uow(), item_id, target, web.today(), web.now(), evidence=forms.optional(evidence)
    )
    return redirect("/plan", f"{item.title}: {item.status.value}.")


@router.post("/plan/{item_id}/evidence")
async def add_evidence(web: WebDep, item_id: int, text: FormText = "") -> Response:
    item = plan.add_evidence(web.uow(), item_id, text, web.today(), web.now())
    return redirect("/plan", f"Kept with {item.title}.")


@router.get("/practice", response_class=HTMLResponse)
async def practice_page(request: Request, web: WebDep) -> HTMLResponse:
    drawn = practice.draw_questions(web.uow(), web.today(), count=5)
    history = practice.practice_history(web.uow(), limit=20)
    told = stories.list_stories(web.uow())
    return page(request, "practice.html", {"drawn": drawn, "history": history, "stories": told})


@router.post("/stories")
async def add_story(
    web: WebDep, title: FormText = "", situation: FormText = "", task: FormText = "",
    action: FormText = "", result: FormText = "", themes: FormText = "",
) -> Response:  # fmt: skip
    """A STAR story (situation, task, action, result), tagged by theme."""
    new = NewStory(
        title=title, situation=forms.optional(situation), task=forms.optional(task),
        action=forms.optional(action), result=forms.optional(result),
        themes=tuple(n.replace(" ", "_") for n in forms.names(themes)),
    )  # fmt: skip
    story = stories.add_story(web.uow(), new, web.today(), web.now())
    return redirect("/practice#stories", f"Story kept: {story.title}.")


@router.post("/practice")
async def log_practice(
    web: WebDep, question: FormText = "", rating: FormText = "", notes: FormText = ""
) -> Response:
    practice.log_practice(
        web.uow(), question, web.today(), web.now(),
        rating=forms.number(rating, "rating", 1, 5), notes=forms.optional(notes),
    )  # fmt: skip
    return redirect("/practice", words("practice_logged"))
