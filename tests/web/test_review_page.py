"""The weekly review in the browser: the same page the command line writes, and downloads."""

from __future__ import annotations

from nextyes.domain.review import week_of
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import Journal
from nextyes.services.review.weekly import weekly_review
from nextyes.services.today.calendar import export_calendar
from tests.conftest import NOW, TODAY
from tests.web.conftest import Browser


def test_the_review_is_a_page_with_its_own_strict_policy(
    browser: Browser, journal: Journal
) -> None:
    fill_demo(journal.uow(), NOW, count=40)
    page = browser.get("/review")
    assert page.status_code == 200
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src" not in page.headers["content-security-policy"]
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "<script" not in page.text


def test_markdown_pdf_and_a_shared_version_download(browser: Browser, journal: Journal) -> None:
    fill_demo(journal.uow(), NOW, count=40)
    markdown = browser.get("/review?week=last&format=md")
    assert markdown.headers["content-disposition"].endswith('.md"')
    pdf = browser.get("/review?format=pdf")
    assert pdf.content.startswith(b"%PDF")
    shared = browser.get("/review?share=true").text
    assert shared != browser.get("/review").text


def test_a_week_that_is_not_one_is_explained(browser: Browser) -> None:
    response = browser.get("/review?week=someday")
    assert response.status_code == 400
    assert "someday" in response.text


def test_the_api_gives_the_same_review_as_data(browser: Browser, journal: Journal) -> None:
    fill_demo(journal.uow(), NOW, count=40)
    own = browser.get("/api/v1/review?week=last").json()
    expected = weekly_review(journal.uow(), week_of(TODAY).shifted(-1), NOW)
    assert own["week"] == expected.week.label
    assert [s["title"] for s in own["sections"]] == [s.title for s in expected.sections]
    assert own["facts"] == expected.facts
    assert any(i["private"] for s in own["sections"] for i in s["items"]) or any(
        s["private"] for s in own["sections"]
    )
    shared = browser.get("/api/v1/review?week=last&share=true").json()
    assert shared["shared"] is True
    assert not any(s["private"] for s in shared["sections"])
    assert not any(i["private"] for s in shared["sections"] for i in s["items"])


def test_the_api_explains_a_week_that_is_not_one(browser: Browser) -> None:
    response = browser.get("/api/v1/review?week=someday")
    assert response.status_code == 400
    assert "someday" in response.json()["message"]


def test_the_calendar_downloads_from_the_dashboard(browser: Browser, journal: Journal) -> None:
    fill_demo(journal.uow(), NOW, count=40)
    assert 'href="/api/v1/calendar"' in browser.get("/").text
    ics = browser.get("/api/v1/calendar?days=30")
    assert ics.headers["content-type"].startswith("text/calendar")
    assert ics.content == export_calendar(journal.uow(), NOW, days=30)
    assert b"BEGIN:VEVENT" in ics.content
    assert browser.get("/api/v1/calendar?days=0").status_code == 422
