"""The review's sections that come from the journal's core: applications, stage changes, noes
and what they taught, the themes in the feedback, what is coming up, and next week's focus."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from nextyes.domain.goals import Metric, goal_for_week
from nextyes.domain.models import StageEvent
from nextyes.domain.privacy import mentions_money
from nextyes.domain.review import Chart, ReviewItem, ReviewSection, Series, Week
from nextyes.domain.stages import CLOSED_STAGES, INTERVIEW_STAGES, RANK, Stage
from nextyes.domain.themes import CONTROL, LABELS, Control, Theme, ThemedText
from nextyes.services.learning.themed_texts import with_themes
from nextyes.services.review.context import ReviewContext

TREND_WEEKS = 8
THEME_WINDOW = timedelta(days=30)


def _weekday(ctx: ReviewContext, event: StageEvent) -> str:
    return f"{event.occurred_on:%a} {event.occurred_on.day}"


def weekly_applications(ctx: ReviewContext, first: Week, last: Week) -> dict[Week, int]:
    """Applications sent per week, `first` to `last` (weeks with none included)."""
    events = ctx.uow.events.with_stage_between([Stage.APPLIED], first.starts_on, last.ends_on)
    counts = Counter(Week.of(e.occurred_on) for e in events)
    weeks, week = [], first
    while week.starts_on <= last.starts_on:
        weeks.append(week)
        week = week.shifted(1)
    return {w: counts.get(w, 0) for w in weeks}


def applications(ctx: ReviewContext) -> ReviewSection:
    sent = [e for e in ctx.events if e.stage is Stage.APPLIED]
    ctx.facts["applications"] = len(sent)
    days = ctx.week.days
    per_day = Counter(e.occurred_on for e in sent)
    if sent:
        summary = ctx.text("applications.sent", sent=ctx.count(len(sent), "application"))
    else:
        summary = ctx.text("applications.none")
    trend = weekly_applications(ctx, ctx.week.shifted(1 - TREND_WEEKS), ctx.week)
    goals = [g for g in ctx.uow.goals.all() if g.metric is Metric.APPLICATIONS]
    week_targets = tuple(
        float(found.target) if (found := goal_for_week(goals, w.starts_on)) else None for w in trend
    )
    charts = (
        Chart(
            key="applications_per_day",
            kind="bars",
            title=ctx.text("applications.chart_days"),
            labels=tuple(f"{d:%a}" for d in days),
            series=(
                Series(ctx.text("applications.series"), tuple(float(per_day[d]) for d in days)),
            ),
            alt=ctx.text(
                "applications.alt_days", days=", ".join(f"{d:%A} {per_day[d]}" for d in days)
            ),
        ),
        Chart(
            key="applications_per_week",
            kind="bars",
            title=ctx.text("applications.chart_weeks", weeks=TREND_WEEKS),
            labels=tuple(f"W{w.number:02d}" for w in trend),
            series=(
                Series(ctx.text("applications.series"), tuple(float(n) for n in trend.values())),
            ),
            alt=ctx.text(
                "applications.alt_weeks",
                weeks=", ".join(f"{w.label} {n}" for w, n in trend.items()),
            ),
            targets=week_targets,
            target_label=ctx.text("applications.goal_line") if any(week_targets) else None,
            highlight=len(trend) - 1,
        ),
    )
    sources = Counter((ctx.applications[e.application_id].source or "") for e in sent)
    named = [f"{source} {n}" for source, n in sources.most_common() if source]
    items = ctx.extras("applications")
    if named:
        items += (ReviewItem(ctx.text("applications.sources", sources=", ".join(named))),)
    return ReviewSection("applications", ctx.text("applications.title"), summary, items, charts)


def stages(ctx: ReviewContext) -> ReviewSection | None:
    """Stage changes: steps forward first, then what closed or went quiet."""
    moves = [
        e
        for e in ctx.events
        if e.stage not in (Stage.APPLIED, Stage.SAVED, Stage.REJECTED) and not e.correction
    ]
    forward = [e for e in moves if e.stage in RANK and e.stage not in CLOSED_STAGES]
    ctx.facts["steps_forward"] = len(forward)
    ctx.facts["interviews"] = sum(1 for e in moves if e.stage in INTERVIEW_STAGES)
    ctx.facts["offers"] = sum(1 for e in moves if e.stage is Stage.OFFER)
    if not moves:
        return None
    items = [_move(ctx, e) for e in forward]
    items += [_move(ctx, e) for e in moves if e not in forward]
    summary = ctx.text("stages.summary", moves=ctx.count(len(forward), "step"))
    closed = len(moves) - len(forward)
    if closed:
        summary += " " + ctx.text("stages.closed", closed=ctx.count(closed, "closed"))
    return ReviewSection("stages", ctx.text("stages.title"), summary, tuple(items))


def _move(ctx: ReviewContext, e: StageEvent) -> ReviewItem:
    stage = e.stage.label.lower()
    if e.stage is Stage.INTERVIEW and e.round and e.round > 1:
        stage = ctx.text("stages.round", stage=stage, round=e.round)
    before = e.from_stage.label.lower() if e.from_stage else None
    line = ctx.text(
        "stages.line" if before else "stages.line_new",
        name=ctx.application_name(e.application_id),
        before=before,
        after=stage,
        day=_weekday(ctx, e),
    )
    return ReviewItem(
        line, e.note or None, tags=(e.stage.value,), detail_private=mentions_money(e.note)
    )


def _theme_names(themes: list[str]) -> str:
    return ", ".join(LABELS[Theme(t)].lower() for t in themes)


def rejections(ctx: ReviewContext) -> ReviewSection | None:
    noes = [e for e in ctx.events if e.stage is Stage.REJECTED]
    ctx.facts["noes"] = len(noes)
    if not noes:
        return None
    items = []
    for e in noes:
        at = ctx.words["rejections"]["at"][(e.from_stage or Stage.APPLIED).value]
        line = ctx.text(
            "rejections.line",
            name=ctx.application_name(e.application_id),
            at=at,
            day=_weekday(ctx, e),
        )
        feedback = ctx.uow.feedback.for_application(e.application_id)
        themes = sorted(
            {
                t.value
                for text, found in themed(ctx)
                for t in found
                if text.application_id == e.application_id
            }
        )
        lessons = []
        if e.reason:
            lessons.append(ctx.text("rejections.reason", reason=e.reason))
        outside = [t for t in themes if CONTROL[Theme(t)] is Control.NO]
        within = [t for t in themes if CONTROL[Theme(t)] is not Control.NO]
        if within:
            lessons.append(ctx.text("rejections.within", themes=_theme_names(within)))
        if outside:
            lessons.append(ctx.text("rejections.outside", themes=_theme_names(outside)))
        request = ctx.uow.feedback_requests.latest_for(e.application_id)
        if request is not None:
            status = request.status_on(ctx.today).value
            lessons.append(
                ctx.text(
                    f"rejections.request_{status}",
                    day=f"{request.sent_on:%a} {request.sent_on.day} {request.sent_on:%b}",
                )
            )
        elif not feedback and not e.reason:
            lessons.append(ctx.text("rejections.no_feedback"))
        items.append(ReviewItem(line, " ".join(lessons), tags=tuple(themes)))
        items += _reflection_items(ctx, e.application_id)
        for note in ctx.uow.notes.for_application(e.application_id):
            if ctx.week.starts_on <= note.written_on <= ctx.week.ends_on:
                items.append(
                    ReviewItem(
                        ctx.text("rejections.note", text=note.text),
                        private=note.private,
                        under_previous=True,
                    )
                )
    summary = ctx.text("rejections.summary", noes=ctx.count(len(noes), "no"))
    return ReviewSection("rejections", ctx.text("rejections.title"), summary, tuple(items))


REFLECTION_TOPICS = (("keep-", "rejections.keep"), ("next-time-", "rejections.next_time"))


def _reflection_items(ctx: ReviewContext, application_id: int) -> list[ReviewItem]:
    """What the person's own reflection took from it (private: it stays out of a share)."""
    items = []
    for reflection in ctx.uow.reflections.for_application(application_id):
        for prefix, words in REFLECTION_TOPICS:
            for question, answer in reflection.answers.items():
                if question.startswith(prefix) and answer.strip():
                    text = ctx.text(words, answer=answer.strip())
                    items.append(ReviewItem(text, private=True, under_previous=True))
    return items


def themed(ctx: ReviewContext) -> list[tuple[ThemedText, tuple[Theme, ...]]]:
    """Feedback and rejection reasons from the month before the week's end on, with their
    themes (texts stored without themes are classified), read once per review."""
    if "themed" not in ctx.cache:
        texts = ctx.uow.insights.themed_texts(since=ctx.week.ends_on - THEME_WINDOW)
        ctx.cache["themed"] = with_themes(texts)
    found: list[tuple[ThemedText, tuple[Theme, ...]]] = ctx.cache["themed"]
    return found


def themes(ctx: ReviewContext) -> ReviewSection | None:
    start = ctx.week.ends_on - THEME_WINDOW
    recent = [(t, found) for t, found in themed(ctx) if start < t.on <= ctx.week.ends_on]
    counts = Counter(theme.value for _, found in recent for theme in found)
    if not counts:
        return None
    items = []
    for theme, n in counts.most_common(5):
        control = CONTROL[Theme(theme)]
        items.append(
            ReviewItem(
                ctx.text("themes.line", theme=LABELS[Theme(theme)], times=ctx.count(n, "time")),
                ctx.text(f"themes.control_{control.value}"),
                tags=(theme, control.value),
            )
        )
    top = next((t for t, _ in counts.most_common() if CONTROL[Theme(t)] is not Control.NO), None)
    if top is not None:
        ctx.offer_focus(
            min(counts[top] * 10, 45),
            ReviewItem(ctx.text("focus.theme", theme=LABELS[Theme(top)].lower()), tags=(top,)),
        )
    summary = ctx.text("themes.summary", feedback=ctx.count(len(recent), "feedback"))
    return ReviewSection("themes", ctx.text("themes.title"), summary, tuple(items))


def coming_up(ctx: ReviewContext) -> ReviewSection | None:
    start = ctx.week.ends_on + timedelta(days=1)
    interviews = ctx.uow.interviews.between(start, start + timedelta(days=6))
    if not interviews:
        return None
    items = []
    for interview in interviews:
        name = ctx.application_name(interview.application_id)
        when = f"{interview.scheduled_on:%a} {interview.scheduled_on.day}"
        if interview.scheduled_time:
            when += f" {interview.scheduled_time:%H:%M}"
        items.append(
            ReviewItem(ctx.text("coming_up.line", name=name, kind=interview.kind.value, when=when))
        )
    first = interviews[0]
    ctx.offer_focus(
        50, ReviewItem(ctx.text("focus.prepare", name=ctx.application_name(first.application_id)))
    )
    return ReviewSection("coming_up", ctx.text("coming_up.title"), None, tuple(items))


def focus(ctx: ReviewContext) -> ReviewSection:
    """Two or three things for next week, from what the other sections offered."""
    sent = ctx.facts.get("applications", 0)
    goal = ctx.facts.get("applications_goal")
    if goal and sent < goal:
        ctx.offer_focus(30, ReviewItem(ctx.text("focus.pace", target=goal)))
    elif not sent:
        ctx.offer_focus(25, ReviewItem(ctx.text("focus.restart")))
    seen: set[str] = set()
    ranked = []
    for _, item in sorted(ctx.focus_ideas, key=lambda pair: -pair[0]):
        if item.text not in seen:
            seen.add(item.text)
            ranked.append(item)
    # Chosen from the plan first (two at most), then the most pressing other thing.
    planned = [i for i in ranked if "plan" in i.tags or "suggested" in i.tags]
    others = [i for i in ranked if i not in planned]
    chosen = [*planned[:2], *others[:1]]
    chosen += [i for i in [*planned[2:], *others[1:]] if i not in chosen][: 3 - len(chosen)]
    if not chosen:
        chosen.append(ReviewItem(ctx.text("focus.steady")))
    return ReviewSection("focus", ctx.text("focus.title"), None, tuple(chosen[:3]))
