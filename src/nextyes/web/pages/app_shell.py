"""What makes the web app installable on a phone or a desktop: the web app manifest, the icons
and the service worker that keeps the last dashboard readable when nextyes cannot be reached."""

from __future__ import annotations

import json
from functools import cache
from importlib import resources

from fastapi import APIRouter
from fastapi.responses import Response

from nextyes import content
from nextyes.errors import NotFound
from nextyes.web.icons import PNG_SIZES, icon_png, icon_svg

router = APIRouter()
DAY = "public, max-age=86400"


@cache
def manifest() -> bytes:
    icons: list[dict[str, str]] = [
        {"src": "/icons/icon.svg", "sizes": "any", "type": "image/svg+xml", "purpose": "any"}
    ]
    icons += [
        {"src": f"/icons/icon-{n}.png", "sizes": f"{n}x{n}", "type": "image/png", "purpose": "any"}
        for n in PNG_SIZES
    ]
    icons += [
        {"src": "/icons/maskable-512.png", "sizes": "512x512", "type": "image/png",
         "purpose": "maskable"},
        {"src": "/icons/maskable.svg", "sizes": "any", "type": "image/svg+xml",
         "purpose": "maskable"},
    ]  # fmt: skip
    document = {
        "id": "/",
        "name": "nextyes: your job-search journal",
        "short_name": "nextyes",
        "description": "A job-search journal that turns every rejection into a plan for the "
        "next yes.",
        "lang": "en",
        "start_url": "/",
        "scope": "/",
        "display": "standalone",
        "background_color": "#fbfaf7",
        "theme_color": "#1c5d99",
        "icons": icons,
        "shortcuts": [
            {"name": "Log an application", "url": "/applications/new"},
            {"name": "The board", "url": "/board"},
            {"name": "Log a win", "url": "/wins"},
        ],
    }
    return json.dumps(document, indent=2).encode("utf-8")


@router.get("/manifest.webmanifest")
async def web_manifest() -> Response:
    return Response(manifest(), media_type="application/manifest+json",
                    headers={"Cache-Control": DAY})  # fmt: skip


@router.get("/icons/{name}")
async def icon(name: str) -> Response:
    if name in ("icon.svg", "maskable.svg"):
        svg = icon_svg(maskable=name.startswith("maskable"))
        return Response(svg, media_type="image/svg+xml", headers={"Cache-Control": DAY})
    drawn = {f"icon-{n}.png": (n, False) for n in PNG_SIZES} | {"maskable-512.png": (512, True)}
    if name in drawn:
        size, maskable = drawn[name]
        return Response(icon_png(size, maskable=maskable), media_type="image/png",
                        headers={"Cache-Control": DAY})  # fmt: skip
    raise NotFound(content.fill(content.load("web")["forms"]["no_icon"], name=name))


@cache
def _worker() -> bytes:
    return resources.files("nextyes.web").joinpath("static", "sw.js").read_bytes()


@router.get("/sw.js")
async def service_worker() -> Response:
    """The service worker, from the root so that it looks after every page."""
    return Response(_worker(), media_type="text/javascript; charset=utf-8",
                    headers={"Cache-Control": "no-cache"})  # fmt: skip
