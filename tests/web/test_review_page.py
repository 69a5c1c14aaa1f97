"""The weekly review in the browser: the same page the command line writes, and downloads."""

from __future__ import annotations

from nextyes.services.demo import fill_demo
from nextyes.services.journal import Journal
from tests.conftest import NOW
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
