"""The weekly review as one self-contained HTML page (styles and SVG charts inside it), and as
a PDF made from that page with WeasyPrint. Jinja2, matplotlib and WeasyPrint load on use."""

from __future__ import annotations

import base64
from pathlib import Path
from typing import Any

from nextyes.domain.review import WeeklyReview

TEMPLATES = Path(__file__).parent / "templates"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


def render_html(review: WeeklyReview, words: dict[str, Any], *, pdf: bool = False) -> str:
    """The page: every chart embedded as an SVG image with its text alternative."""
    import jinja2

    from nextyes.reports.review_charts import chart_svg

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["number"] = _number
    charts = {
        chart.key: base64.b64encode(chart_svg(chart).encode("utf-8")).decode("ascii")
        for section in review.sections
        for chart in section.charts
    }
    phone = {} if pdf else phone_charts(review)
    return env.get_template("review.html.j2").render(
        review=review, charts=charts, phone=phone, words=words, pdf=pdf
    )


def phone_charts(review: WeeklyReview, text: str = "path") -> dict[str, str]:
    """Each chart of the review at a phone's size, as base64 SVG: narrower, so its text stays
    at 11 px or more on the screen."""
    from nextyes.reports.review_charts import chart_svg

    return {
        chart.key: base64.b64encode(
            chart_svg(chart, width=3.8, height=2.6, font=11, text=text).encode("utf-8")
        ).decode("ascii")
        for section in review.sections
        for chart in section.charts
    }


def render_pdf(review: WeeklyReview, words: dict[str, Any]) -> bytes:
    """The same page as a PDF (A4)."""
    import logging

    import weasyprint

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    document = weasyprint.HTML(string=render_html(review, words, pdf=True))
    data: bytes = document.write_pdf()
    return data
