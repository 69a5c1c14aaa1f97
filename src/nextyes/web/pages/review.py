"""The weekly review as a page of the app: a week picker, the week's review with its charts
(drawn for a phone and for a laptop) and their numbers, the version to share with a mentor, and
the same review as a Markdown, PDF or single-page HTML download."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from nextyes import content
from nextyes.domain.review import Week, WeeklyReview, parse_week
from nextyes.services.review.weekly import render_review, shared_review, weekly_review
from nextyes.web.deps import WebDep
from nextyes.web.rendering import page
from nextyes.web.state import WebState

router = APIRouter()
# A downloaded review carries its own styles and inline charts; nothing else may run in it.
REVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"
KINDS = {
    "html": ("text/html; charset=utf-8", "html"),
    "md": ("text/markdown; charset=utf-8", "md"),
    "pdf": ("application/pdf", "pdf"),
}


@router.get("/review")
async def review(
    request: Request,
    web: WebDep,
    week: Annotated[str, Query(max_length=40)] = "this",
    format: Annotated[str, Query(pattern="^(page|html|md|pdf)$")] = "page",
    share: bool = False,
) -> Response:
    """This week's review (or ?week=last, ?week=2026-W47); ?share=true leaves out reflections,
    mood, care and private notes; ?format=md|pdf|html downloads it."""
    chosen = parse_week(week, web.today())
    if format == "page":
        shown = _review_page(web, chosen, share)
        values = {"r": shown["review"], "phone": shown["phone"], "desktop": shown["desktop"],
                  "week": chosen, "share": share, "query": _query(chosen, share),
                  "this_week": Week.of(web.today()), "words": content.load("review/messages")["page"]}  # fmt: skip
        return page(request, "review.html", values)
    data = render_review(web.uow(), chosen, web.now(), fmt=format, share=share)
    media, suffix = KINDS[format]
    name = f"review-{chosen.year}-W{chosen.number:02d}{'-shared' if share else ''}.{suffix}"
    headers = {
        "Content-Security-Policy": REVIEW_POLICY,
        "Content-Disposition": f'attachment; filename="{name}"',
    }
    body = data.encode("utf-8") if isinstance(data, str) else data
    return Response(body, media_type=media, headers=headers)


def _query(week: Week, share: bool) -> str:
    return f"week={week.label}" + ("&share=true" if share else "")


def _review_page(web: WebState, week: Week, share: bool) -> dict[str, Any]:
    """The review and its charts at both sizes, kept until the journal changes."""

    def build() -> dict[str, Any]:
        from nextyes.reports.review_charts import chart_svg
        from nextyes.reports.review_html import phone_charts

        found: WeeklyReview = (shared_review if share else weekly_review)(
            web.uow(), week, web.now()
        )
        import base64

        desktop = {
            chart.key: base64.b64encode(chart_svg(chart, text="text").encode()).decode("ascii")
            for section in found.sections
            for chart in section.charts
        }
        return {"review": found, "phone": phone_charts(found, text="text"), "desktop": desktop}

    key = (web.version(), web.today(), week, share)
    return web.cache.get(f"review:{week.label}:{share}", key, build)
