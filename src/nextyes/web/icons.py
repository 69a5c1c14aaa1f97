"""nextyes's icon, drawn here: a tick on a blue tile. The same shapes give the SVG (browsers
that take one) and the PNG sizes home screens ask for (drawn with Pillow, on first use).

The "maskable" version fills the whole square and keeps the tick inside the middle 80%, so a
phone may cut it into a circle or a rounded square without losing any of it.
"""

from __future__ import annotations

import io
from functools import cache

BLUE = "#1c5d99"
WHITE = "#ffffff"
# On a 32-unit square: the tile's corner radius, and the tick as a line through three points.
RADIUS = 7.0
TICK = ((8.0, 17.0), (13.0, 22.0), (24.0, 10.0))
STROKE = 3.5
PNG_SIZES = (180, 192, 512)


def _tick(scale: float, inset: float) -> tuple[tuple[float, float], ...]:
    """The tick's points on a square of 32 units, shrunk around the middle by `scale`."""
    return tuple((16 + (x - 16) * scale + inset, 16 + (y - 16) * scale + inset) for x, y in TICK)


def icon_svg(maskable: bool = False) -> str:
    scale = 0.8 if maskable else 1.0
    points = " ".join(f"{x:g},{y:g}" for x, y in _tick(scale, 0))
    radius = 0 if maskable else RADIUS
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32">'
        f'<rect width="32" height="32" rx="{radius:g}" fill="{BLUE}"/>'
        f'<polyline points="{points}" fill="none" stroke="{WHITE}" '
        f'stroke-width="{STROKE * scale:g}" stroke-linecap="round" stroke-linejoin="round"/>'
        "</svg>"
    )


@cache
def icon_png(size: int, maskable: bool = False) -> bytes:
    """The icon as a PNG of `size` pixels square (drawn four times larger, then scaled down
    for smooth edges)."""
    from PIL import Image, ImageDraw

    big = size * 4
    unit = big / 32
    scale = 0.8 if maskable else 1.0
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    pen = ImageDraw.Draw(image)
    if maskable:
        pen.rectangle((0, 0, big, big), fill=BLUE)
    else:
        pen.rounded_rectangle((0, 0, big - 1, big - 1), radius=round(RADIUS * unit), fill=BLUE)
    points = [(x * unit, y * unit) for x, y in _tick(scale, 0)]
    width = STROKE * scale * unit
    pen.line(points, fill=WHITE, width=round(width), joint="curve")
    for x, y in (points[0], points[-1]):  # round ends, as the SVG's stroke-linecap
        pen.ellipse((x - width / 2, y - width / 2, x + width / 2, y + width / 2), fill=WHITE)
    out = io.BytesIO()
    image.resize((size, size), Image.Resampling.LANCZOS).save(out, format="PNG", optimize=True)
    return out.getvalue()
