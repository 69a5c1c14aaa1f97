"""The weekly review in the browser: a page with a week picker and the share version, and the
same review the command line writes as downloads."""

from __future__ import annotations

from nextyes.domain.review import week_of
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import Journal
from nextyes.services.review.weekly import weekly_review
from nextyes.services.today.calendar import export_calendar
from tests.conftest import NOW, TODAY
from tests.web.conftest import Browser


def test_the_review_is_a_page_of_the_app_with_a_week_picker_and_its_charts(
    browser: Browser, journal: Journal
) -> None:
    fill_demo(journal.uow(), NOW, count=40)
    page = browser.get("/review?week=last").text
    expected = weekly_review(journal.uow(), week_of(TODAY).shifted(-1), NOW)
    assert expected.title in page
    assert 'aria-label="Main"' in page  # the navigation, as on every page
    assert f'type="week" value="{expected.week.label}"' in page
    assert f'href="/review?week={expected.week.shifted(-1).label}"' in page
    assert 'media="(max-width: 40rem)" srcset="data:image/svg+xml;base64,' in page
    assert "the numbers</summary>" in page
    assert "share=true" in page and "format=pdf" in page and "format=md" in page


def test_the_downloaded_page_has_its_own_strict_policy(browser: Browser, journal: Journal) -> None:
    fill_demo(journal.uow(), NOW, count=40)
    page = browser.get("/review?format=html&share=true")
    assert page.status_code == 200
    assert page.headers["content-disposition"].endswith('-shared.html"')
    assert "script-src" not in page.headers["content-security-policy"]
    assert "default-src 'none'" in page.headers["content-security-policy"]
    assert "<script" not in page.text
    assert 'media="(max-width: 40rem)"' in page.text  # charts drawn for a phone too


def test_markdown_pdf_and_a_shared_version_download(browser: Browser, journal: Journal) -> None:
    fill_demo(journal.uow(), NOW, count=40)
    markdown = browser.get("/review?week=last&format=md")
    assert markdown.headers["content-disposition"].endswith('.md"')
    pdf = browser.get("/review?format=pdf")
    assert pdf.content.startswith(b"%PDF")
    shared = browser.get("/review?share=true").text
    assert "the version to share" in shared
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
