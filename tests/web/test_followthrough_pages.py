"""Offers, editing and postings in the browser: pages that work without JavaScript."""

from __future__ import annotations

import re
from datetime import timedelta

from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.offers import OfferTerms
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.pipeline import offers
from tests.conftest import NOW, TODAY, snapshot
from tests.postings_server import PAGES, closed_port, postings_site
from tests.web.conftest import Browser, flash_of

__all__ = ["postings_site"]


def _add(journal: Journal, company: str, stage: Stage | None = None) -> int:
    new = NewApplication(company, "Data Analyst", TODAY - timedelta(days=20))
    app_id = svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id
    if stage is not None:
        svc.move_application(
            journal.uow(), app_id, stage, TODAY - timedelta(days=3), NOW, origin=Origin.CLI
        )
    return app_id


def test_an_offer_is_recorded_compared_and_shown_on_the_dashboard(
    any_browser: Browser, any_journal: Journal
) -> None:
    acme = _add(any_journal, "Acme", Stage.FINAL)
    bright = _add(any_journal, "Brightwell", Stage.FINAL)
    saved = any_browser.form(
        f"/applications/{acme}/offer",
        {"answer_by": (TODAY + timedelta(days=1)).isoformat(), "pay_amount": "65k",
         "pay_currency": "eur", "pay_period": "year", "leave_days": "28", "remote": "hybrid"},
        follow=True,
    )  # fmt: skip
    assert "Offer recorded for Acme" in flash_of(saved.text)
    assert "65,000 EUR a year" in saved.text and "private" in saved.text
    any_browser.form(f"/applications/{bright}/offer", {"pay_amount": "5200", "pay_period": "month"})
    compared = any_browser.get("/offers").text
    assert "Acme" in compared and "Brightwell" in compared and "62,400" in compared
    assert "1 day left" in compared
    dashboard = any_browser.get("/").text
    assert "Tomorrow is the day to answer Acme" in dashboard
    assert "nextyes offers" not in dashboard, "a command line closing a sentence is left out"
    edited = any_browser.form(f"/applications/{acme}/offer", {"leave_days": "30"}, follow=True)
    assert "30 days a year" in edited.text


def test_a_passed_answer_by_date_is_explained_and_nothing_is_saved(
    browser: Browser, journal: Journal
) -> None:
    acme = _add(journal, "Acme", Stage.FINAL)
    before = snapshot(journal)
    refused = browser.form(
        f"/applications/{acme}/offer", {"answer_by": (TODAY - timedelta(days=2)).isoformat()}
    )
    assert refused.status_code == 400 and "already passed" in refused.text
    refused = browser.form(f"/applications/{acme}/offer", {"pay_amount": "plenty"})
    assert refused.status_code == 400 and "not an amount" in refused.text
    assert snapshot(journal) == before


def test_accepting_offers_the_drafts_and_closes_the_ticked_ones(
    any_browser: Browser, any_journal: Journal
) -> None:
    acme = _add(any_journal, "Acme", Stage.FINAL)
    bright = _add(any_journal, "Brightwell", Stage.INTERVIEW)
    corvid = _add(any_journal, "Corvid")
    offers.record_offer(any_journal.uow(), acme, OfferTerms(), NOW, origin=Origin.CLI)
    after = any_browser.form(f"/applications/{acme}/offer/accept", {}, follow=True)
    assert "Accepted: Acme" in after.text
    assert "withdraw my application" in after.text and "Brightwell" in after.text
    none = any_browser.form(f"/applications/{acme}/offer/close-others", {"choosing": "1"})
    assert none.status_code == 400 and "Tick the applications" in none.text
    closed = any_browser.form(
        f"/applications/{acme}/offer/close-others", {"choosing": "1", "only": str(bright)},
        follow=True,
    )  # fmt: skip
    assert "Closed 1 of your other applications" in flash_of(closed.text)
    stages = {i: svc.application_detail(any_journal.uow(), i).application.stage
              for i in (bright, corvid)}  # fmt: skip
    assert stages == {bright: Stage.WITHDRAWN, corvid: Stage.APPLIED}
    assert "withdraw my application" in any_browser.get(f"/applications/{bright}").text


def test_declining_shows_the_warm_note_on_the_application(
    browser: Browser, journal: Journal
) -> None:
    acme = _add(journal, "Acme", Stage.FINAL)
    offers.record_offer(journal.uow(), acme, OfferTerms(), NOW, origin=Origin.CLI)
    page = browser.form(f"/applications/{acme}/offer/decline", {}, follow=True)
    assert "Declined: Acme" in flash_of(page.text) and "stay in touch" in page.text


def test_merging_in_the_browser_and_merging_with_itself_is_refused(
    any_browser: Browser, any_journal: Journal
) -> None:
    keep = _add(any_journal, "Acme Robotics")
    other = _add(any_journal, "ACME Robotics Ltd")
    unrelated = _add(any_journal, "Brightwell")
    chooser = any_browser.get(f"/applications/{keep}/merge").text
    assert chooser.index(f"#{other} ACME Robotics Ltd") < chooser.index(f"#{unrelated} Brightwell")
    same = any_browser.form(f"/applications/{keep}/merge", {"duplicate": str(keep)})
    assert same.status_code == 400 and "That is this application itself" in same.text
    merged = any_browser.form(f"/applications/{keep}/merge", {"duplicate": str(other)}, follow=True)
    assert f"Merged #{other}" in flash_of(merged.text)
    assert any_browser.get(f"/applications/{other}").status_code == 404


def test_stories_and_reflections_are_edited_and_removed(browser: Browser, journal: Journal) -> None:
    browser.form("/stories", {"title": "Late dashboard", "situation": "Quarter end"})
    edited = browser.form("/stories/1/edit", {"title": "Late dashboard", "result": "Shipped"},
                          follow=True)  # fmt: skip
    assert "Story saved" in flash_of(edited.text) and "Shipped" in edited.text
    assert "Quarter end" not in edited.text, "the form sends every part: an empty one clears"
    gone = browser.form("/stories/1/delete", {}, follow=True)
    assert "Story removed" in flash_of(gone.text) and "Late dashboard" not in gone.text
    app_id = _add(journal, "Acme")
    from nextyes.services.recovery.cool_down import reject_and_recover
    from nextyes.services.recovery.reflection import (
        ReflectionAnswers,
        plan_reflection,
        save_reflection,
    )

    reject_and_recover(journal.uow(), app_id, TODAY, NOW, cool_down="none", origin=Origin.CLI)
    plan = plan_reflection(journal.uow(), app_id)
    saved = save_reflection(
        journal.uow(), plan, ReflectionAnswers(mood_before=2), started_at=NOW, finished_at=NOW,
        now=NOW,
    )  # fmt: skip
    removed = browser.form(f"/reflections/{saved.id}/delete", {}, follow=True)
    assert "Reflection removed" in flash_of(removed.text)
    assert browser.form(f"/reflections/{saved.id}/delete", {}).status_code == 404


def test_a_pasted_posting_fills_the_form_and_is_kept_with_the_application(
    browser: Browser,
) -> None:
    text = (PAGES / "pasted.txt").read_text(encoding="utf-8")
    filled = browser.form("/applications/new/from-posting", {"text": text})
    assert filled.status_code == 200 and "Filled in from the text" in filled.text
    assert 'value="Pioneer Credit Union"' in filled.text
    assert 'name="posting_text"' in filled.text
    added = browser.form(
        "/applications",
        {"company": "Pioneer Credit Union", "role": "Junior Analytics Engineer",
         "posting_text": text, "posting_url": "https://jobs.pioneer.example/analytics-engineer"},
        follow=True,
    )  # fmt: skip
    assert "build and test data pipelines" in added.text, "the posting shows on its page"


def test_the_bookmarklet_opens_the_form_with_the_link_and_reads_it_on_request(
    browser: Browser, postings_site: str
) -> None:
    form = browser.get("/applications/new")
    assert "javascript:" in form.text and "/applications/new?url=" in form.text
    url = f"{postings_site}/ats_single.html"
    opened = browser.get("/applications/new", params={"url": url})
    assert f'value="{url}"' in opened.text and "Acme Robotics" not in opened.text, (
        "opening the page fetches nothing"
    )
    filled = browser.form("/applications/new/from-posting", {"url": url})
    assert "Filled in from the page's job data" in filled.text
    assert 'value="Acme Robotics"' in filled.text and 'value="Berlin, DE"' in filled.text


def test_text_the_bookmarklet_sends_fills_the_form_at_once_without_fetching(
    browser: Browser, postings_site: str
) -> None:
    job_data = (PAGES / "ats_single.html").read_text()
    data = re.search(r'<script type="application/ld\+json">.*?</script>', job_data, re.S)
    assert data
    link = f"http://127.0.0.1:{closed_port()}/job/17"  # nothing there: nothing may be fetched
    filled = browser.get(
        "/applications/new", params={"url": link, "text": f"<title>Job</title>{data[0]}"}
    )
    assert filled.status_code == 200
    assert "Filled in from the page's job data" in filled.text
    assert 'value="Acme Robotics"' in filled.text and 'value="Data Analyst"' in filled.text
    selected = (PAGES / "pasted.txt").read_text()
    from_text = browser.get("/applications/new", params={"url": link, "text": selected})
    assert 'value="Pioneer Credit Union"' in from_text.text
    menu = browser.get("/applications/new", params={"url": link, "text": "<p>Our menu</p>"})
    assert menu.status_code == 200 and "doesn&#39;t look like a job posting" in menu.text
    assert f'value="{link}"' in menu.text and "Our menu" not in menu.text, "the link stays"


def test_a_page_that_is_no_posting_or_out_of_reach_is_explained_on_the_form(
    browser: Browser, postings_site: str
) -> None:
    soup = browser.form(
        "/applications/new/from-posting", {"url": f"{postings_site}/not_a_posting.html"}
    )
    assert soup.status_code == 422 and "doesn&#39;t look like a job posting" in soup.text
    assert f"{postings_site}/not_a_posting.html" in soup.text, "the link stays in the form"
    offline = browser.form(
        "/applications/new/from-posting", {"url": f"http://127.0.0.1:{closed_port()}/job"}
    )
    assert offline.status_code == 422 and "you may be offline" in offline.text
    empty = browser.form("/applications/new/from-posting", {})
    assert empty.status_code == 422 and "paste its text" in empty.text
