"""Applied mail in the web app and the JSON API: listed with what it did, and corrected, with
a confirmation step when something added since depends on it; on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

from nextyes.config import Settings
from nextyes.services.journal import open_journal
from nextyes.services.mail.sources import import_mailbox
from tests.conftest import NOW, snapshot
from tests.mailboxes import CONFIRMATION, INVITATION, write_mbox
from tests.web.conftest import Browser, flash_of


def _imported(settings: Settings, tmp_path: Path) -> None:
    box = write_mbox(tmp_path / "in.mbox", [CONFIRMATION, INVITATION])
    journal = open_journal(settings)
    try:
        summary = import_mailbox(journal.uow(), box, NOW)
    finally:
        journal.close()
    assert (summary.created, summary.stage_changes) == (1, 1)


def _state(settings: Settings) -> dict[str, object]:
    journal = open_journal(settings)
    try:
        return snapshot(journal)
    finally:
        journal.close()


def _invitation(browser: Browser) -> dict[str, object]:
    listed = browser.get("/api/v1/mail/applied").json()
    (found,) = [m for m in listed if m["subject"] == "Interview invitation"]
    return found  # type: ignore[no-any-return]


def test_the_applied_mail_page_corrects_an_invitation_that_was_a_no(
    any_browser: Browser, any_settings: Settings, tmp_path: Path
) -> None:
    _imported(any_settings, tmp_path)
    page = any_browser.get("/mail/applied").text
    assert "Interview invitation" in page
    assert "What it did: the application moved forward." in page
    mail_id = _invitation(any_browser)["id"]
    response = any_browser.form(f"/mail/{mail_id}/correct", {"label": "rejection"})
    assert response.status_code == 303
    after = any_browser.get("/mail/applied").text
    assert "Corrected: the rejection is recorded" in flash_of(after)
    assert "Corrected on" in after
    (application,) = any_browser.get("/api/v1/applications").json()["items"]
    assert application["stage"] == "rejected"


def test_the_page_asks_first_when_a_note_depends_on_it(
    any_browser: Browser, any_settings: Settings, tmp_path: Path
) -> None:
    _imported(any_settings, tmp_path)
    (application,) = any_browser.get("/api/v1/applications").json()["items"]
    any_browser.form(f"/applications/{application['id']}/notes", {"text": "Read their blog"})
    mail_id = _invitation(any_browser)["id"]
    before = _state(any_settings)
    asked = any_browser.form(f"/mail/{mail_id}/correct", {"label": "rejection"})
    assert asked.status_code == 200
    assert "Before you correct it" in asked.text
    assert "a note you added to Lumen Analytics" in asked.text
    assert 'name="confirm" value="1"' in asked.text
    assert _state(any_settings) == before
    done = any_browser.form(f"/mail/{mail_id}/correct", {"label": "rejection", "confirm": "1"})
    assert done.status_code == 303
    (application,) = any_browser.get("/api/v1/applications").json()["items"]
    assert application["stage"] == "rejected"


def test_the_api_previews_refuses_without_confirm_and_corrects(
    any_browser: Browser, any_settings: Settings, tmp_path: Path
) -> None:
    _imported(any_settings, tmp_path)
    (application,) = any_browser.get("/api/v1/applications").json()["items"]
    any_browser.form(f"/applications/{application['id']}/notes", {"text": "Read their blog"})
    invitation = _invitation(any_browser)
    assert invitation["effect"] == "moved" and invitation["corrections"] == []
    preview = any_browser.get(f"/api/v1/mail/{invitation['id']}/undo").json()
    assert preview["needs_confirmation"] is True
    assert any("interview" in line for line in preview["undone"])
    before = _state(any_settings)
    refused = any_browser.api(
        "POST", f"/api/v1/mail/{invitation['id']}/correct", {"label": "rejection"}
    )
    assert refused.status_code == 409
    assert "confirm" in refused.json()["message"]
    assert _state(any_settings) == before
    done = any_browser.api(
        "POST", f"/api/v1/mail/{invitation['id']}/correct",
        {"label": "rejection", "confirm": True},
    )  # fmt: skip
    assert done.status_code == 200
    assert done.json()["effect"] == "rejected"
    trail = _invitation_after(any_browser, invitation["id"])
    assert trail["label"] == "rejection"
    assert trail["corrections"][0]["from"]["label"] == "interview"  # type: ignore[index]


def _invitation_after(browser: Browser, mail_id: object) -> dict[str, object]:
    (found,) = [m for m in browser.get("/api/v1/mail/applied").json() if m["id"] == mail_id]
    return found  # type: ignore[no-any-return]


def test_the_api_refuses_a_correction_of_mail_still_in_review(
    any_browser: Browser, any_settings: Settings, tmp_path: Path
) -> None:
    _imported(any_settings, tmp_path)
    refused = any_browser.api("POST", "/api/v1/mail/999/correct", {"label": "rejection"})
    assert refused.status_code == 404
    assert "nextyes mail applied" in refused.json()["message"]
    unknown_field = any_browser.api("POST", "/api/v1/mail/1/correct", {"labels": "x"})
    assert unknown_field.status_code == 422
