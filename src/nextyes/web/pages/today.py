"""The dashboard, and the charts pages embed (SVG, cached per journal version)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

from nextyes.errors import NotFound
from nextyes.web import views
from nextyes.web.charts import SIZES, render_svg
from nextyes.web.deps import WebDep
from nextyes.web.offload import off_the_loop
from nextyes.web.rendering import page, words

router = APIRouter()
SVG_POLICY = "default-src 'none'; style-src 'unsafe-inline'"


@router.get("/", response_class=HTMLResponse)
async def dashboard(request: Request, web: WebDep) -> HTMLResponse:
    """This week, what is due, and the shape of the search so far."""
    body = await off_the_loop(request, lambda: views.dashboard_html(web))
    return page(request, "dashboard.html", {"body": body})


@router.get("/charts/{name}.svg")
async def chart(web: WebDep, name: str, v: str = "", size: str = "desktop") -> Response:
    """One chart as SVG, at a phone's size or a laptop's. Addresses carry the journal version,
    so a browser may keep them."""
    if name not in views.CHART_NAMES or size not in SIZES:
        raise NotFound(words("no_chart", "forms", name=name, size=size))
    version = web.version()
    svg = web.cache.get(
        f"svg:{name}:{size}", (version,), lambda: render_svg(views.chart(web, name), SIZES[size])
    )
    fresh = v == version
    headers = {
        "Content-Security-Policy": SVG_POLICY,
        "Cache-Control": "private, max-age=31536000, immutable" if fresh else "no-cache",
    }
    return Response(svg, media_type="image/svg+xml", headers=headers)
