"""The web's side of the first-run fixes: each test here failed before its fix."""

from __future__ import annotations

from nextyes.domain.models import NewApplication, Origin
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from tests.conftest import NOW, TODAY, snapshot
from tests.web.conftest import Browser


def test_words_in_the_care_minutes_field_are_refused_not_kept_as_a_note(
    browser: Browser, journal: Journal
) -> None:
    before = snapshot(journal)
    refused = browser.form("/journal/care", {"kind": "exercise", "minutes": "lots", "note": ""})
    assert refused.status_code == 400
    assert snapshot(journal) == before
    plain = browser.form("/journal/care", {"kind": "exercise", "minutes": "30", "note": "walk"})
    assert plain.status_code == 303
    assert "exercise, 30 min · walk" in browser.get("/journal").text


def test_a_link_that_is_not_a_web_page_is_never_rendered_as_a_link(
    browser: Browser, journal: Journal
) -> None:
    app = svc.add_application(
        journal.uow(), NewApplication("Acme", "Analyst", TODAY), NOW, origin=Origin.CLI
    )
    # as an older version, or a hand-edited export, could have left it
    journal.db.execute(
        "UPDATE applications SET url = :url WHERE id = :id",
        {"url": "javascript:alert(document.cookie)", "id": app.id},
    )
    page = browser.get(f"/applications/{app.id}").text
    assert 'href="javascript:' not in page
    fields = {"company": "Acme", "role": "Analyst", "url": "data:text/html,hi"}
    refused = browser.form(f"/applications/{app.id}/edit", fields)
    assert refused.status_code == 400
    assert "not a web link" in refused.text


def test_a_setting_with_no_default_has_no_empty_usually_in_its_hint(browser: Browser) -> None:
    page = browser.get("/settings").text
    assert "usually ." not in page
    assert "usually evening." in page


def test_the_goal_form_offers_what_the_service_accepts_and_refuses_in_its_own_words(
    browser: Browser, journal: Journal
) -> None:
    page = browser.get("/settings").text
    assert '<option value="networking">networking touches</option>' in page
    assert 'max="100"' in page, "the form lets through no more than a goal may be"
    before = snapshot(journal)
    refused = browser.form("/goals", {"metric": "applications", "target": "500"})
    assert refused.status_code == 400
    assert "Choose 100 or fewer a week" in refused.text
    assert "10/week" not in browser.form("/goals", {"metric": "practice", "target": "0"}).text
    assert snapshot(journal) == before
