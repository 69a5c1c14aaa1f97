"""The review's sections from momentum: wins first, the week's goals, care and mood (private),
and the why, all from one `week_momentum` read."""

from __future__ import annotations

from collections import Counter, defaultdict

from nextyes.domain.goals import Metric, streak
from nextyes.domain.review import Chart, ReviewItem, ReviewSection, Series
from nextyes.services.momentum.goals import goal_history
from nextyes.services.momentum.goals import label as goal_label
from nextyes.services.momentum.week import WeekMomentum, week_momentum
from nextyes.services.momentum.why import recheck_due
from nextyes.services.review.context import ReviewContext
from nextyes.services.settings.preferences import get_preferences


def momentum(ctx: ReviewContext) -> WeekMomentum:
    """The week's wins, goals, care, moods and why, read once per review."""
    if "momentum" not in ctx.cache:
        ctx.cache["momentum"] = week_momentum(ctx.uow, ctx.week.starts_on, ctx.now)
    found: WeekMomentum = ctx.cache["momentum"]
    return found


def wins(ctx: ReviewContext) -> ReviewSection:
    found = sorted(momentum(ctx).wins, key=lambda w: (w.occurred_on, w.id))
    ctx.facts["wins"] = len(found)
    title = ctx.text("wins.title")
    if not found:
        return ReviewSection("wins", title, ctx.text("wins.none"))
    items = tuple(
        ReviewItem(
            ctx.text("wins.line", day=f"{w.occurred_on:%a} {w.occurred_on.day}", text=w.text),
            tags=(w.kind.value,),
        )
        for w in found
    )
    return ReviewSection(
        "wins", title, ctx.text("wins.summary", wins=ctx.count(len(found), "win")), items
    )


def goals(ctx: ReviewContext) -> None:
    """The week's goals, told inside the applications part of the review."""
    for metric, result in momentum(ctx).goals:
        if metric is Metric.APPLICATIONS:
            ctx.facts["applications_goal"] = result.target
            ctx.facts["applications_goal_met"] = int(result.met)
        key = "goals.met" if result.met else "goals.short"
        line = ctx.text(key, metric=goal_label(metric), done=result.done, target=result.target)
        detail = None
        if result.met and result.met_on is not None:
            detail = ctx.text("goals.met_on", day=f"{result.met_on:%A}")
            until = min(ctx.week.ends_on, ctx.today)
            weeks = streak(goal_history(ctx.uow, until).results.get(metric, []), until)
            if weeks >= 2:
                detail += " " + ctx.text("goals.streak", weeks=weeks)
        elif ctx.week.ends_on < ctx.today:
            detail = ctx.text("goals.guide")
        ctx.add_to("applications", ReviewItem(line, detail, tags=("goal", metric.value)))


def care(ctx: ReviewContext) -> ReviewSection | None:
    """Time for yourself and how the week felt: private, never in what you share."""
    week = momentum(ctx)
    entries = week.care
    tz = ctx.now.tzinfo
    moods = sorted(week.moods, key=lambda m: m.recorded_at)
    if not entries and not moods:
        return None
    items = []
    if entries:
        kinds = Counter(e.kind.value for e in entries)
        minutes = sum(e.minutes or 0 for e in entries)
        what = ", ".join(
            f"{ctx.words['care']['kinds'].get(k, k)} {n}"
            for k, n in sorted(kinds.items(), key=lambda kn: (-kn[1], kn[0]))
        )
        line = ctx.text("care.care", times=ctx.count(len(entries), "time_for_you"), what=what)
        if minutes:
            line += " " + ctx.text(
                "care.minutes", hours=f"{minutes / 60:.1f}".rstrip("0").rstrip(".")
            )
        items.append(ReviewItem(line, private=True))
    charts: tuple[Chart, ...] = ()
    if moods:
        by_day: dict[int, list[int]] = defaultdict(list)
        for mood in moods:
            by_day[mood.recorded_at.astimezone(tz).weekday()].append(mood.score)
        average = sum(m.score for m in moods) / len(moods)
        items.append(
            ReviewItem(
                ctx.text(
                    "care.moods", moods=ctx.count(len(moods), "mood"), average=f"{average:.1f}"
                ),
                private=True,
            )
        )
        for mood in moods:
            if mood.note:
                when = mood.recorded_at.astimezone(tz)
                items.append(
                    ReviewItem(
                        ctx.text(
                            "care.mood_note", score=mood.score, note=mood.note, day=f"{when:%a}"
                        ),
                        private=True,
                    )
                )
        days = ctx.week.days
        values = tuple(
            (sum(by_day[d.weekday()]) / len(by_day[d.weekday()])) if by_day[d.weekday()] else 0.0
            for d in days
        )
        charts = (
            Chart(
                key="mood",
                kind="bars",
                title=ctx.text("care.chart"),
                labels=tuple(f"{d:%a}" for d in days),
                series=(Series(ctx.text("care.series"), values),),
                alt=ctx.text(
                    "care.alt",
                    days=", ".join(
                        f"{d:%A} {v:.1f}" if v else f"{d:%A} none"
                        for d, v in zip(days, values, strict=True)
                    ),
                ),
                y_max=5.0,
                zero_is_none=True,
            ),
        )
        if average < 2.5:
            ctx.offer_focus(40, ReviewItem(ctx.text("focus.gentle")))
    if not entries:
        ctx.offer_focus(20, ReviewItem(ctx.text("focus.care")))
    return ReviewSection("care", ctx.text("care.title"), None, tuple(items), charts, private=True)


def why(ctx: ReviewContext) -> ReviewSection | None:
    current = momentum(ctx).why
    if current is None:
        return None
    items = [ReviewItem(current.text, ctx.text("why.since", day=current.set_on.isoformat()))]
    if recheck_due(ctx.uow, ctx.today, get_preferences(ctx.uow)) is not None:
        ctx.offer_focus(15, ReviewItem(ctx.text("focus.why")))
    return ReviewSection("why", ctx.text("why.title"), None, tuple(items))
