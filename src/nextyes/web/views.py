"""What pages show, assembled from the services and cached per journal version.

The dashboard reads most of the journal, so its data is kept until the journal changes (or
five minutes pass: the agenda and any cool-down depend on the time of day). Charts are drawn
from the same data and cached the same way, so they are never redrawn per request.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from markupsafe import Markup

from nextyes import content
from nextyes.domain.models import ApplicationDetail
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.themes import LABELS
from nextyes.services.learning.insights import Insights, build_insights
from nextyes.services.pipeline.applications import ApplicationPage, list_applications
from nextyes.services.pipeline.board import Board, pipeline_board
from nextyes.services.pipeline.interview_names import interview_name
from nextyes.services.today.agenda import AgendaItem
from nextyes.services.today.dashboard import Overview, overview
from nextyes.web.charts import SOFT, WARM, ChartData, Series
from nextyes.web.state import WebState

REFRESH_MINUTES = 5


@dataclass(frozen=True, slots=True)
class Dashboard:
    version: str
    now: datetime
    overview: Overview
    due: list[AgendaItem]
    ahead: list[AgendaItem]
    charts: dict[str, ChartData] = field(default_factory=dict)
    html: str = ""  # the page's content, rendered once
    insights: Insights | None = None


def dashboard_html(web: WebState) -> Markup:
    """The dashboard's content, rendered once per journal version (and time slot)."""
    return Markup(dashboard(web).html)


def dashboard(web: WebState) -> Dashboard:
    version = web.version()
    now = web.now()
    slot = now.replace(minute=now.minute - now.minute % REFRESH_MINUTES, second=0, microsecond=0)
    return web.cache.get("dashboard", (version, slot), lambda: _dashboard(web, version, now))


def _dashboard(web: WebState, version: str, now: datetime) -> Dashboard:
    seen = overview(web.uow(), now)
    today = now.date()
    items = seen.agenda.items
    charts = {name: build(seen) for name, build in CHARTS.items()}
    found = insights(web)
    charts.update(insight_charts(found))
    data = Dashboard(
        version=version,
        now=now,
        overview=seen,
        due=sorted((i for i in items if i.due_on <= today), key=lambda i: i.priority),
        ahead=[i for i in items if i.due_on > today],
        charts=charts,
        insights=found,
    )
    html = web.templates.get_template("dashboard_body.html").render(
        d=data, today=today, words=content.load("web")
    )
    return replace(data, html=html)


def _pipeline(seen: Overview) -> ChartData:
    stages = list(seen.open_by_stage)
    return ChartData(
        title="Open applications by stage",
        labels=[s.label for s in stages],
        series=[Series("Open applications", [seen.open_by_stage[s] for s in stages])],
    )


def _mood(seen: Overview) -> ChartData:
    by_day: dict[date, list[int]] = {}
    for entry in seen.moods:
        by_day.setdefault(entry.recorded_at.astimezone(seen.agenda.now.tzinfo).date(), []).append(
            entry.score
        )
    days = sorted(by_day)
    return ChartData(
        title="Mood over the last 30 days (1 low, 5 good)",
        labels=[f"{d.day} {d:%b}" for d in days],
        series=[Series("Mood", [round(sum(by_day[d]) / len(by_day[d]), 1) for d in days])],
        kind="line",
        days=days,
        unit="mood",
        y_range=(0.8, 5.2),
    )


CHARTS: dict[str, Callable[[Overview], ChartData]] = {"pipeline": _pipeline, "mood": _mood}


CHART_NAMES = ("pipeline", "mood", "funnel", "noes", "themes")


def chart(web: WebState, name: str) -> ChartData:
    return dashboard(web).charts[name]


def board(web: WebState, per_column: int) -> Board:
    """The board's columns, kept until the journal changes."""
    return web.cache.get(
        "board", (web.version(), per_column), lambda: pipeline_board(web.uow(), per_column)
    )


def application_page(
    web: WebState, query: ApplicationQuery, include_folded: bool
) -> ApplicationPage:
    """A page of the application list, kept until the journal changes (one query at a time)."""
    return web.cache.get(
        "applications",
        (web.version(), query, include_folded),
        lambda: list_applications(web.uow(), query, include_folded=include_folded),
    )


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    day: date
    kind: str  # stage, interview, note, feedback
    title: str
    text: str | None = None


def timeline(detail: ApplicationDetail) -> list[TimelineEntry]:
    """Everything that happened to an application, oldest first, in one list."""
    entries: list[tuple[date, int, int, TimelineEntry]] = []
    for e in detail.events:
        title = e.stage.label + (f" (round {e.round})" if e.round else "")
        if e.correction:
            title += " (a correction)"
        text = " · ".join(t for t in (e.reason, e.note) if t) or None
        entries.append((e.occurred_on, 0, e.id, TimelineEntry(e.occurred_on, "stage", title, text)))
    for i in detail.interviews:
        kind = interview_name(i.kind)
        at = i.scheduled_time.strftime(" at %H:%M") if i.scheduled_time else ""
        who = f" with {', '.join(i.interviewers)}" if i.interviewers else ""
        title = f"{kind}{at}{who}"
        entries.append((i.scheduled_on, 1, i.id, TimelineEntry(i.scheduled_on, "interview", title)))
    for n in detail.notes:
        title = "Note (private)" if n.private else "Note"
        entries.append((n.written_on, 2, n.id, TimelineEntry(n.written_on, "note", title, n.text)))
    for f in detail.feedback:
        title = f"Feedback from the {f.giver}"
        entries.append(
            (f.received_on, 3, f.id, TimelineEntry(f.received_on, "feedback", title, f.text))
        )
    for request in detail.feedback_requests:
        title = "Asked for feedback" + (" (followed up)" if request.followed_up_on else "")
        entries.append(
            (request.sent_on, 4, request.id, TimelineEntry(request.sent_on, "request", title))
        )
    for r in detail.reflections:
        day = r.started_at.date()
        moods = (
            f" (mood {r.mood_before} → {r.mood_after})" if r.mood_before and r.mood_after else ""
        )
        entries.append((day, 5, r.id, TimelineEntry(day, "reflection", f"Reflected on it{moods}")))
    return [entry for *_, entry in sorted(entries, key=lambda t: t[:3])]


def insights(web: WebState) -> Insights:
    """Insights over the whole search, computed once per journal version (and day)."""
    return web.cache.get(
        "insights", (web.version(), web.today()), lambda: build_insights(web.uow(), web.today())
    )


def insight_charts(found: Insights) -> dict[str, ChartData]:
    steps = found.funnel
    noes = [(s, n) for s, n in found.noes_by_stage.items() if n]
    themes = [t for t in found.themes if t.last_90 or t.before]
    return {
        "funnel": ChartData(
            title="How far your applications got",
            labels=[s.key.capitalize() for s in steps],
            series=[Series("Applications", [s.count for s in steps])],
        ),
        "noes": ChartData(
            title="Where the noes came",
            labels=[s.label for s, _ in noes],
            series=[Series("Noes", [n for _, n in noes], color=WARM)],
        ),
        "themes": ChartData(
            title="Themes in feedback and reflections over time",
            labels=[LABELS[t.theme] for t in themes],
            series=[
                Series("Last 30 days", [t.last_30 for t in themes]),
                Series("31 to 90 days ago", [t.last_90 - t.last_30 for t in themes], color=SOFT),
                Series("Before", [t.before for t in themes], color="#c8ccd1"),
            ],
            kind="stacked",
        ),
    }
