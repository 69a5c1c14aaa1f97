"""/api/v1: insights, the improvement plan, and practice."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from nextyes.domain.plan import PlanItem
from nextyes.domain.stories import NewStory, Story
from nextyes.services.learning import plan, practice, stories
from nextyes.web import views
from nextyes.web.deps import WebDep
from nextyes.web.schemas.learning import (
    FunnelStepPublic,
    InsightsPublic,
    PlanItemCreate,
    PlanItemPublic,
    PlanItemUpdate,
    PlanSuggestionPublic,
    PracticeCreate,
    PracticePublic,
    PracticeQuestionPublic,
    StoryCreate,
    StoryPublic,
    StoryUpdate,
    ThemeTrendPublic,
)
from nextyes.web.schemas.types import PathId

router = APIRouter(tags=["learning"])


@router.get("/insights", response_model=InsightsPublic)
async def insights(web: WebDep) -> InsightsPublic:
    """The funnel, where the noes came, themes over time, and the findings in words."""
    found = views.insights(web)
    return InsightsPublic(
        sent=found.sent, enough=found.enough,
        funnel=[FunnelStepPublic(key=s.key, count=s.count, share=s.rate.value) for s in found.funnel],
        noes_by_stage={s.value: n for s, n in found.noes_by_stage.items()},
        themes=[ThemeTrendPublic(theme=t.theme.value, last_30=t.last_30, last_90=t.last_90,
                                 before=t.before, controllable=t.control.value)
                for t in found.themes],
        sentences=found.sentences,
    )  # fmt: skip


def _item(i: PlanItem) -> PlanItemPublic:
    return PlanItemPublic(
        id=i.id, title=i.title, kind=i.kind, status=i.status, theme=i.theme, detail=i.detail,
        created_on=i.created_on, evidence=[e.text for e in i.evidence],
    )  # fmt: skip


@router.get("/plan", response_model=list[PlanItemPublic])
async def list_plan(web: WebDep) -> list[PlanItemPublic]:
    return [_item(i) for i in plan.list_plan(web.uow())]


@router.get("/plan/suggestions", response_model=list[PlanSuggestionPublic])
async def suggestions(web: WebDep) -> list[PlanSuggestionPublic]:
    """Actions for the themes that keep coming up (add one with its key)."""
    return [
        PlanSuggestionPublic(key=s.action.key, title=s.action.title, detail=s.action.detail,
                             theme=s.action.theme.value, kind=s.action.kind, mentions=s.mentions)
        for s in plan.suggest_plan_items(web.uow(), web.today())
    ]  # fmt: skip


@router.post("/plan", response_model=PlanItemPublic, status_code=201)
async def add_plan_item(web: WebDep, body: PlanItemCreate) -> PlanItemPublic:
    item = plan.add_plan_item(
        web.uow(), body.what, web.today(), web.now(), theme=body.theme,
        kind=body.kind.value if body.kind else None, detail=body.detail,
        application_id=body.application_id,
    )  # fmt: skip
    return _item(item)


@router.patch("/plan/{item_id}", response_model=PlanItemPublic)
async def move_plan_item(web: WebDep, item_id: PathId, body: PlanItemUpdate) -> PlanItemPublic:
    """Start, finish or drop an item (finishing may say what shows it is done)."""
    item = plan.move_plan_item(
        web.uow(), item_id, body.status, web.today(), web.now(), evidence=body.evidence
    )
    return _item(item)


@router.get("/practice/questions", response_model=list[PracticeQuestionPublic])
async def practice_questions(
    web: WebDep, count: Annotated[int, Query(ge=1, le=50)] = 5
) -> list[PracticeQuestionPublic]:
    """Questions to practise today, weighted to weak themes and questions found hard."""
    return [
        PracticeQuestionPublic(key=d.question.key, category=d.question.category.value,
                               text=d.question.text, themes=list(d.question.themes))
        for d in practice.draw_questions(web.uow(), web.today(), count=count)
    ]  # fmt: skip


@router.post("/practice", response_model=PracticePublic, status_code=201)
async def log_practice(web: WebDep, body: PracticeCreate) -> PracticePublic:
    logged = practice.log_practice(
        web.uow(), body.question, body.on or web.today(), web.now(), rating=body.rating,
        notes=body.notes,
    )  # fmt: skip
    s = logged.session
    return PracticePublic(id=s.id, on=s.practiced_on, question=s.question_text, rating=s.rating)


def _story(s: Story) -> StoryPublic:
    return StoryPublic(
        id=s.id, title=s.title, created_on=s.created_on, situation=s.situation, task=s.task,
        action=s.action, result=s.result, themes=list(s.themes), missing=list(s.missing),
    )  # fmt: skip


@router.get("/stories", response_model=list[StoryPublic])
async def list_stories(web: WebDep) -> list[StoryPublic]:
    """Your STAR stories, newest first."""
    return [_story(s) for s in stories.list_stories(web.uow())]


@router.post("/stories", response_model=StoryPublic, status_code=201)
async def add_story(web: WebDep, body: StoryCreate) -> StoryPublic:
    new = NewStory(
        title=body.title, situation=body.situation, task=body.task, action=body.action,
        result=body.result, themes=tuple(body.themes),
    )  # fmt: skip
    return _story(stories.add_story(web.uow(), new, web.today(), web.now()))


@router.patch("/stories/{story_id}", response_model=StoryPublic)
async def update_story(web: WebDep, story_id: PathId, body: StoryUpdate) -> StoryPublic:
    """Change a story: only the parts given (null clears a part; themes replace)."""
    changes = body.model_dump(exclude_unset=True)
    if "themes" in changes:
        changes["themes"] = tuple(changes["themes"] or ())
    return _story(stories.update_story(web.uow(), story_id, changes, web.now()))


@router.delete("/stories/{story_id}", status_code=204)
async def delete_story(web: WebDep, story_id: PathId) -> Response:
    stories.delete_story(web.uow(), story_id)
    return Response(status_code=204)
