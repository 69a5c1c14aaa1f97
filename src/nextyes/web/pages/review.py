"""The weekly review, as the same self-contained page `nextyes review week --format html` writes,
with Markdown, PDF and a version to share with a mentor one click away."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response

from nextyes.domain.review import parse_week
from nextyes.services.review.weekly import render_review
from nextyes.web.deps import WebDep

router = APIRouter()
# The review page carries its own styles and inline charts; nothing else may run in it.
REVIEW_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'"
KINDS = {
    "html": ("text/html; charset=utf-8", None),
    "md": ("text/markdown; charset=utf-8", "md"),
    "pdf": ("application/pdf", "pdf"),
}


@router.get("/review")
async def review(
    web: WebDep,
    week: Annotated[str, Query(max_length=40)] = "this",
    format: Annotated[str, Query(pattern="^(html|md|pdf)$")] = "html",
    share: bool = False,
) -> Response:
    """This week's review (or ?week=last, ?week=2026-W47); ?format=md|pdf; ?share=true leaves
    out reflections, mood, care and private notes."""
    chosen = parse_week(week, web.today())
    data = render_review(web.uow(), chosen, web.now(), fmt=format, share=share)
    media, suffix = KINDS[format]
    headers = {"Content-Security-Policy": REVIEW_POLICY}
    if suffix:
        name = f"review-{chosen.year}-W{chosen.number:02d}{'-shared' if share else ''}.{suffix}"
        headers["Content-Disposition"] = f'attachment; filename="{name}"'
    body = data.encode("utf-8") if isinstance(data, str) else data
    return Response(body, media_type=media, headers=headers)
