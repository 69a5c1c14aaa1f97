"""Charts: SVG with a table beside it, drawn once per journal version, never per request."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from typing import Any

import pytest
from fastapi import FastAPI

from nextyes.domain.models import NewApplication, Origin
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import Journal
from nextyes.services.learning.insights import build_insights
from nextyes.services.pipeline import applications as svc
from nextyes.services.today.dashboard import overview
from nextyes.web.charts import (
    DESKTOP,
    NARROWEST_PX,
    PHONE,
    SMALLEST_TEXT_PX,
    ChartData,
    Series,
    draw,
    render_svg,
)
from nextyes.web.views import CHARTS, insight_charts
from tests.conftest import NOW, TODAY
from tests.web.conftest import Browser


def _chart_address(html: str) -> str:
    found = re.search(r'src="(/charts/pipeline\.svg\?v=[^"]+)"', html)
    assert found
    return found.group(1)


def test_the_pipeline_chart_comes_with_its_numbers_as_a_table(
    browser: Browser, journal: Journal
) -> None:
    for n in range(3):
        svc.add_application(
            journal.uow(), NewApplication(f"C{n}", "R", TODAY), NOW, origin=Origin.CLI
        )
    html = browser.get("/").text
    assert 'alt="Open applications by stage. Applied 3."' in html
    assert '<th scope="row">Applied</th><td class="num">3</td>' in html
    svg = browser.get(_chart_address(html))
    assert svg.headers["content-type"] == "image/svg+xml"
    assert svg.content.startswith(b"<?xml")
    assert b"<script" not in svg.content
    assert "immutable" in svg.headers["cache-control"]
    assert "unsafe-inline" in svg.headers["content-security-policy"]  # its own styles only


def test_a_chart_is_drawn_once_until_the_journal_changes(
    browser: Browser, journal: Journal, app: FastAPI
) -> None:
    svc.add_application(journal.uow(), NewApplication("A", "R", TODAY), NOW, origin=Origin.CLI)
    cache = app.state.nextyes.cache
    first = browser.get(_chart_address(browser.get("/").text)).content
    computed = cache.computed
    for _ in range(3):
        assert browser.get(_chart_address(browser.get("/").text)).content == first
    assert cache.computed == computed
    # another program (the command line) writes: the next request notices
    svc.add_application(
        journal.uow(), NewApplication("B", "R", TODAY - timedelta(days=1)), NOW, origin=Origin.CLI
    )
    html = browser.get("/").text
    assert "Applied 2" in html
    assert browser.get(_chart_address(html)).content != first
    assert cache.computed > computed


def test_an_address_with_an_old_version_is_not_kept_by_the_browser(browser: Browser) -> None:
    response = browser.get("/charts/pipeline.svg?v=old")
    assert response.status_code == 200
    assert response.headers["cache-control"] == "no-cache"


def test_an_unknown_chart_is_a_plain_not_found(browser: Browser) -> None:
    response = browser.get("/charts/nothing.svg")
    assert response.status_code == 404
    assert "no chart called nothing" in response.text


# --- charts people can read ------------------------------------------------------------------


def _demo_charts(journal: Journal) -> dict[str, ChartData]:
    fill_demo(journal.uow(), NOW, count=60)
    seen = overview(journal.uow(), NOW)
    charts = {name: build(seen) for name, build in CHARTS.items()}
    charts.update(insight_charts(build_insights(journal.uow(), TODAY)))
    return charts


def _smallest_text_px(svg: bytes, shown_px: float) -> float:
    """The smallest text in an SVG once it is shown `shown_px` wide, in CSS pixels (its sizes
    are in the units of its view box, as wide as the drawing is in points)."""
    view_width = float(re.search(rb'viewBox="0 0 ([0-9.]+) ', svg)[1])  # type: ignore[index]
    sizes = [float(s) for s in re.findall(rb"font-size: ?([0-9.]+)px", svg)]
    assert sizes, "the chart's text is kept as text"
    return min(sizes) * shown_px / view_width


@pytest.mark.slow
def test_every_chart_keeps_its_text_at_11_px_even_on_a_narrow_phone(journal: Journal) -> None:
    for name, chart in _demo_charts(journal).items():
        phone = _smallest_text_px(render_svg(chart, PHONE), NARROWEST_PX)
        assert phone >= SMALLEST_TEXT_PX, (name, phone)
        laptop = _smallest_text_px(render_svg(chart, DESKTOP), 640)
        assert laptop >= SMALLEST_TEXT_PX, (name, laptop)


def test_themes_are_named_in_words_and_counts_have_whole_number_ticks(journal: Journal) -> None:
    themes = _demo_charts(journal)["themes"]
    assert "Technical skills" in themes.labels
    assert not any("_" in label for label in themes.labels)
    for size in (PHONE, DESKTOP):
        axes = draw(themes, size).axes[0]
        ticks = [t for t in axes.get_xticks() if t >= 0]
        assert ticks and all(float(t).is_integer() for t in ticks), ticks


def _overlaps(a: Any, b: Any) -> bool:
    return a.x0 < b.x1 and b.x0 < a.x1 and a.y0 < b.y1 and b.y0 < a.y1


def test_a_legend_never_covers_a_bar(journal: Journal) -> None:
    themes = _demo_charts(journal)["themes"]
    many = ChartData("t", ["A long theme name", "B"], [Series("one", [9, 1]), Series("two", [7, 2]),
                     Series("three", [8, 3])], kind="stacked")  # fmt: skip
    for chart in (themes, many):
        for size in (PHONE, DESKTOP):
            figure = draw(chart, size)
            renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
            axes = figure.axes[0]
            legend = axes.get_legend().get_window_extent(renderer)
            bars = [p.get_window_extent(renderer) for p in axes.patches]
            assert bars and not any(_overlaps(legend, bar) for bar in bars), (chart.title, size)


def test_days_on_the_mood_chart_are_spaced_by_the_time_between_them() -> None:
    days = [TODAY - timedelta(days=20), TODAY - timedelta(days=19), TODAY]
    chart = ChartData("Mood", [f"{d.day}" for d in days], [Series("Mood", [2, 3, 4])],
                      kind="line", days=days)  # fmt: skip
    axes = draw(chart, DESKTOP).axes[0]
    xs = [x for x, _ in axes.transData.transform(axes.get_lines()[0].get_xydata())]
    assert xs[2] - xs[1] == pytest.approx(19 * (xs[1] - xs[0]))


def test_the_phone_size_of_a_chart_is_its_own_address(browser: Browser, journal: Journal) -> None:
    svc.add_application(journal.uow(), NewApplication("A", "R", TODAY), NOW, origin=Origin.CLI)
    html = browser.get("/").text
    phone = re.search(r'srcset="(/charts/pipeline\.svg\?v=[^"&]+&amp;size=phone)"', html)
    assert phone
    narrow = browser.get(phone[1].replace("&amp;", "&")).content
    assert narrow != browser.get(_chart_address(html)).content
    assert b'width="288pt"' in narrow
    assert browser.get("/charts/pipeline.svg?size=huge").status_code == 404


@pytest.mark.parametrize("size", [DESKTOP, PHONE])
def test_a_mood_chart_of_one_or_two_days_labels_days_near_them(size: Any) -> None:
    """One mood logged (a new journal) once drew two ticks both called "1 Jan"."""
    for days in ([TODAY], [TODAY - timedelta(days=1), TODAY]):
        chart = ChartData("Mood", [str(d) for d in days], [Series("Mood", [3] * len(days))],
                          kind="line", days=days)  # fmt: skip
        figure = draw(chart, size)
        figure.canvas.draw()
        axes = figure.axes[0]
        labels = [t.get_text() for t in axes.get_xticklabels() if t.get_text()]
        assert labels and len(labels) == len(set(labels)), labels
        shown = [datetime.strptime(f"{t} {TODAY.year}", "%d %b %Y").date() for t in labels]
        assert all(abs((d - TODAY).days) <= 7 for d in shown), labels
