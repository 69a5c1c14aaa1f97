"""Mail review in the web app: what an import could not place, settled or set aside."""

from __future__ import annotations

from pathlib import Path

from nextyes.services.journal import Journal
from nextyes.services.mail.sources import import_mailbox
from tests.conftest import NOW
from tests.mailboxes import UNKNOWN_REJECTION, write_mbox
from tests.web.conftest import Browser, flash_of


def _queued(journal: Journal, tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "in.mbox", [UNKNOWN_REJECTION])
    assert import_mailbox(journal.uow(), box, NOW).review == 1


def test_the_review_page_lists_waiting_mail_and_sets_it_aside(
    browser: Browser, journal: Journal, tmp_path: Path
) -> None:
    _queued(journal, tmp_path)
    page = browser.get("/mail").text
    mail_id = page.split('action="/mail/', 1)[1].split("/", 1)[0]
    response = browser.form(f"/mail/{mail_id}/ignore", {})
    assert response.status_code == 303
    after = browser.get("/mail").text
    assert "Set aside" in flash_of(after)
    assert "Nothing waiting" in after


def test_the_mail_api_lists_and_explains_what_it_cannot_apply(
    browser: Browser, journal: Journal, tmp_path: Path
) -> None:
    _queued(journal, tmp_path)
    (waiting,) = browser.get("/api/v1/mail/review").json()
    refused = browser.api("POST", f"/api/v1/mail/{waiting['id']}/settle", {})
    assert refused.status_code == 400
    assert refused.json()["message"]
    assert (
        browser.api("POST", f"/api/v1/mail/{waiting['id']}/ignore", {"always": True}).status_code
        == 204
    )
    assert browser.get("/api/v1/mail/review").json() == []


def test_waiting_mail_shows_the_phrases_behind_its_label_on_the_page_and_in_the_api(
    browser: Browser, journal: Journal, tmp_path: Path
) -> None:
    _queued(journal, tmp_path)
    (waiting,) = browser.get("/api/v1/mail/review").json()
    assert waiting["label"] == "rejection"
    assert waiting["why"]
    assert all(isinstance(phrase, str) and phrase for phrase in waiting["why"])
    page = browser.get("/mail").text
    assert "Because of:" in page
    assert f"<mark>{waiting['why'][0]}</mark>" in page
