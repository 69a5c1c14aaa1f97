"""Team mode's defences: CSRF per session, session fixation, throttling and lock-out, the Host
check, one-time links, two-step sign-in, cookies, tokens, and secrets kept out of the logs."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import Any

import pyotp
import pytest

from nextyes.config import Settings
from nextyes.domain.accounts import LinkPurpose
from nextyes.services.accounts import admin
from tests.conftest import NOW, snapshot
from tests.postings_server import postings_site
from tests.team.conftest import PASSWORD, Person, Team, make_team

__all__ = ["postings_site"]  # the fixture, imported for the posting test


def _db(team: Team, sql: str, params: dict[str, Any]) -> None:
    journal = team.journal()
    try:
        journal.db.begin()
        journal.db.execute(sql, params)
        journal.db.commit()
    finally:
        journal.close()


def test_a_write_without_the_sessions_token_is_refused_and_nothing_changes(team: Team) -> None:
    ada = team.person("ada@example.org")
    journal = team.journal()
    before = snapshot(journal)
    bare = ada.client.post("/api/v1/applications", json={"company": "A", "role": "B"})
    assert bare.status_code == 403
    form = ada.client.post(
        "/applications", data={"company": "A", "role": "B"}, follow_redirects=False
    )
    assert form.status_code == 403
    bo = team.person("bo@example.org")
    stolen = bo.csrf  # a real token, of another session
    forged = ada.client.post(
        "/api/v1/applications", json={"company": "A", "role": "B"}, headers={"X-CSRF-Token": stolen}
    )
    assert forged.status_code == 403
    elsewhere = ada.client.post(
        "/applications",
        data={"csrf_token": ada.csrf, "company": "A", "role": "B"},
        headers={"Origin": "http://evil.example"},
        follow_redirects=False,
    )
    assert elsewhere.status_code == 403
    after = snapshot(journal)
    journal.close()
    assert {k: v for k, v in after.items() if k not in ("auth_sessions", "users")} == {
        k: v for k, v in before.items() if k not in ("auth_sessions", "users")
    }
    assert ada.form("/applications", {"company": "A", "role": "B"}).status_code == 303


def test_signing_in_from_a_form_needs_the_pre_session_token(team: Team) -> None:
    team.account("ada@example.org")
    browser = team.browser()
    answer = browser.client.post(
        "/sign-in", data={"email": "ada@example.org", "password": PASSWORD}, follow_redirects=False
    )
    assert answer.status_code == 403  # a login form posted from another site signs nobody in
    assert "nextyes_id" not in browser.client.cookies


def test_a_session_id_chosen_before_signing_in_is_worthless_after_it(team: Team) -> None:
    team.account("ada@example.org")
    victim = team.browser()
    victim.client.cookies.set("nextyes_id", "attacker-chosen-value-0123456789", domain="team.test")
    assert victim.sign_in("ada@example.org").status_code == 303
    issued = victim.client.cookies.get("nextyes_id", domain="team.test")
    assert issued and issued != "attacker-chosen-value-0123456789"
    attacker = team.browser()
    attacker.client.cookies.set(
        "nextyes_id", "attacker-chosen-value-0123456789", domain="team.test"
    )
    assert attacker.get("/api/v1/applications").status_code == 401
    second = team.browser()
    second.sign_in("ada@example.org")
    assert second.client.cookies.get("nextyes_id", domain="team.test") != issued


def test_cookies_are_http_only_lax_and_behind_tls_secure_with_the_host_prefix(
    settings: Settings,
) -> None:
    for team in make_team(settings, public_url="https://team.test"):
        team.account("ada@example.org")
        browser = team.browser()
        browser.client.base_url = "https://team.test"  # type: ignore[assignment]
        first = browser.client.get("/sign-in")
        assert "__Host-nextyes-pre=" in first.headers["set-cookie"]
        answer = browser.sign_in("ada@example.org")
        cookies = answer.headers.get_list("set-cookie")
        session = next(c for c in cookies if c.startswith("__Host-nextyes="))
        for part in ("HttpOnly", "SameSite=Lax", "Secure", "Path=/"):
            assert part in session
        assert "Domain" not in session


def test_after_a_few_failures_each_try_waits_and_many_lock_the_account(team: Team) -> None:
    team.account("ada@example.org")
    answers = [
        team.browser(f"198.51.100.{n}").sign_in("ada@example.org", "wrong password!").status_code
        for n in range(4)
    ]
    assert answers == [400, 400, 400, 429]  # the fourth comes too soon after the third
    assert "Wait" in team.browser("198.51.100.9").sign_in("ada@example.org").text
    # the same count for an address nobody has: nothing tells the two apart
    unknown = [
        team.browser(f"198.51.100.{n}").sign_in("zed@example.org", "wrong password!").status_code
        for n in range(20, 24)
    ]
    assert unknown == answers
    _db(
        team,
        "UPDATE sign_in_throttle SET failures = 9, last_failure_at = :t",
        {"t": NOW - timedelta(minutes=5)},
    )
    assert team.browser("203.0.113.1").sign_in("ada@example.org", "wrong again!").status_code == 400
    locked = team.browser("203.0.113.2").sign_in("ada@example.org")  # the right password
    assert locked.status_code == 429
    assert "paused for 15 minutes" in locked.text


def test_the_throttle_is_shared_by_every_worker(any_settings: Settings) -> None:
    teams = [make_team(any_settings), make_team(any_settings)]
    one, two = (next(t) for t in teams)
    one.account("ada@example.org")
    for n in range(3):
        assert (
            one.browser(f"198.51.100.{n}").sign_in("ada@example.org", "nope nope!").status_code
            == 400
        )
    assert two.browser("198.51.100.50").sign_in("ada@example.org").status_code == 429
    for team in teams:
        next(team, None)


def test_a_success_clears_the_accounts_count(team: Team) -> None:
    team.account("ada@example.org")
    for n in range(2):
        team.browser(f"198.51.100.{n}").sign_in("ada@example.org", "wrong password!")
    assert team.browser("198.51.100.7").sign_in("ada@example.org").status_code == 303
    assert (
        team.browser("198.51.100.8").sign_in("ada@example.org", "wrong again!").status_code == 400
    )
    assert team.browser("198.51.100.9").sign_in("ada@example.org").status_code == 303


def test_only_the_public_host_is_served(team: Team) -> None:
    browser = team.browser()
    answer = browser.client.get("/sign-in", headers={"Host": "rebound.example"})
    assert answer.status_code == 421
    assert "http://team.test" in answer.text
    api = browser.client.get("/api/v1/applications", headers={"Host": "127.0.0.1:8000"})
    assert api.status_code == 421
    assert browser.client.get("/healthz", headers={"Host": "127.0.0.1:8000"}).status_code in (
        200,
        404,
    )


def _link(team: Team, email: str, purpose: LinkPurpose) -> str:
    journal = team.journal()
    try:
        return admin.link_for(journal.uow(), email, purpose, NOW)
    finally:
        journal.close()


def test_a_reset_link_works_once_and_signs_out_everywhere(team: Team) -> None:
    ada = team.person("ada@example.org")
    secret = _link(team, "ada@example.org", LinkPurpose.RESET)
    stranger = team.browser()
    page = stranger.get(f"/reset/{secret}")
    assert page.status_code == 200
    assert "ada@example.org" in page.text
    new = "a quite different long passphrase"
    used = stranger.form(f"/reset/{secret}", {"password": new, "again": new})
    assert used.status_code == 303
    assert ada.get("/api/v1/applications").status_code == 401  # the old session ended
    again = team.browser().form(f"/reset/{secret}", {"password": new + "!", "again": new + "!"})
    assert again.status_code == 400
    assert "expired or was used already" in again.text
    assert team.browser().sign_in("ada@example.org", new).status_code == 303
    assert team.browser("192.0.2.77").sign_in("ada@example.org", PASSWORD).status_code == 400


def test_an_expired_reset_link_is_refused(team: Team) -> None:
    team.account("ada@example.org")
    secret = _link(team, "ada@example.org", LinkPurpose.RESET)
    _db(team, "UPDATE one_time_links SET expires_at = :t", {"t": NOW - timedelta(seconds=1)})
    answer = team.browser().get(f"/reset/{secret}")
    assert answer.status_code == 400
    assert "expired" in answer.text


def test_an_invitation_sets_the_first_password_and_refuses_a_common_one(team: Team) -> None:
    team.account("new@example.org", password=None)
    assert team.browser().sign_in("new@example.org", "").status_code == 400
    secret = _link(team, "new@example.org", LinkPurpose.INVITE)
    browser = team.browser()
    weak = browser.form(f"/welcome/{secret}", {"password": "password1234", "again": "password1234"})
    assert weak.status_code == 400
    assert "lists attackers try first" in weak.text
    short = browser.form(f"/welcome/{secret}", {"password": "short", "again": "short"})
    assert "at least 12" in short.text
    good = "tea kettle mountain lantern"
    assert browser.form(f"/welcome/{secret}", {"password": good, "again": good}).status_code == 303
    assert browser.get("/").status_code == 200


def _two_step_on(person: Person) -> tuple[str, list[str]]:
    page = person.form("/account/two-step")
    secret = page.text.split('Key: <code class="secret">')[1].split("<")[0]
    code = pyotp.TOTP(secret).at(NOW)
    done = person.form("/account/two-step/confirm", {"code": code})
    assert done.status_code == 200, done.text
    codes = [c.split("</code>")[0] for c in done.text.split("<li><code>")[1:]]
    assert len(codes) == 10
    return secret, codes


def test_two_step_sign_in_asks_for_a_code_once_and_a_recovery_code_works_once(team: Team) -> None:
    ada = team.person("ada@example.org")
    secret, codes = _two_step_on(ada)
    browser = team.browser()
    first = browser.sign_in("ada@example.org")
    assert first.headers["location"] == "/sign-in/code"
    assert browser.get("/api/v1/applications").status_code == 401
    assert browser.get("/board").headers["location"] == "/sign-in/code"
    assert browser.form("/sign-in/code", {"code": "123456"}).status_code == 400
    used_step = pyotp.TOTP(secret).at(NOW)  # the code that confirmed the set-up
    assert (
        browser.form("/sign-in/code", {"code": used_step}).status_code == 400
    )  # used once already
    later = pyotp.TOTP(secret).at(NOW + timedelta(seconds=30))
    ok = browser.form("/sign-in/code", {"code": later})
    assert ok.status_code == 303
    assert browser.get("/board").status_code == 200
    other = team.browser("192.0.2.60")
    other.sign_in("ada@example.org")
    assert other.form("/sign-in/code", {"code": codes[0]}).status_code == 303
    third = team.browser("192.0.2.61")
    third.sign_in("ada@example.org")
    assert third.form("/sign-in/code", {"code": codes[0]}).status_code == 400


def test_signing_out_everywhere_else_keeps_only_this_session(team: Team) -> None:
    ada = team.person("ada@example.org")
    phone = team.browser("192.0.2.30")
    phone.sign_in("ada@example.org")
    assert phone.get("/board").status_code == 200
    assert ada.form("/account/sessions/end-others").status_code == 303
    assert phone.get("/board").status_code == 303
    assert ada.get("/board").status_code == 200


def test_a_disabled_account_is_signed_out_at_once_and_cannot_sign_in(team: Team) -> None:
    ada = team.person("ada@example.org")
    script = team.script("robot@example.org")
    journal = team.journal()
    admin.set_disabled(journal.uow(), "ada@example.org", True)
    admin.set_disabled(journal.uow(), "robot@example.org", True)
    journal.close()
    assert ada.get("/board").status_code == 303
    assert script.get("/api/v1/applications").status_code == 401
    assert team.browser("192.0.2.40").sign_in("ada@example.org").status_code == 400


def test_api_tokens_are_stored_as_digests_and_stop_when_revoked(team: Team) -> None:
    ada = team.person("ada@example.org")
    page = ada.form("/account/tokens", {"name": "export script"})
    token = page.text.split('<code class="secret">')[1].split("<")[0]
    assert token.startswith("nyt_")
    journal = team.journal()
    assert token not in str(snapshot(journal))
    journal.close()
    script = team.browser("192.0.2.90")
    script.token = token
    assert script.get("/api/v1/account").json()["email"] == "ada@example.org"
    assert script.api("POST", "/api/v1/wins", {"text": "scripted"}).status_code == 201
    assert script.get("/board").status_code == 401  # tokens are for the API, not pages
    listed = ada.get("/account").text
    assert "export script" in listed
    token_id = listed.split('action="/account/tokens/')[1].split("/")[0]
    assert ada.form(f"/account/tokens/{token_id}/revoke").status_code == 303
    assert script.get("/api/v1/account").status_code == 401


def test_passwords_tokens_and_links_never_reach_the_log(
    team: Team, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="nextyes.access")
    ada = team.person("ada@example.org")
    secret = _link(team, "ada@example.org", LinkPurpose.RESET)
    team.browser().get(f"/reset/{secret}")
    new = "another long passphrase here"
    team.browser().form(f"/reset/{secret}", {"password": new, "again": new})
    team.browser().sign_in("ada@example.org", new)
    ada.get("/api/v1/applications?company=secretive")
    logged = caplog.text
    assert "/reset/…" in logged
    for secret_text in (secret, new, PASSWORD, "secretive"):
        assert secret_text not in logged
    session = ada.client.cookies.get("nextyes_id", domain="team.test")
    assert session and session not in logged


def test_removing_an_account_removes_every_row_it_owned_and_nothing_else(team: Team) -> None:
    from nextyes.services.demo.build import fill_demo
    from nextyes.storage.schema import metadata

    ada = team.person("ada@example.org")
    bo = team.person("bo@example.org")
    bo.api("POST", "/api/v1/applications", {"company": "Bo's pick", "role": "Analyst"})
    journal = team.journal()
    fill_demo(journal.for_owner(ada.user_id).uow(), NOW, count=15)
    bo_before = snapshot(journal)
    account, rows = admin.delete_account(journal.uow(), "ada@example.org")
    assert rows > 50
    assert account.email == "ada@example.org"
    for table in metadata.sorted_tables:
        for column in ("owner_id", "user_id"):
            if column in table.columns:
                left = journal.db.scalar(
                    f"SELECT count(*) FROM {table.name} WHERE {column} = :id", {"id": ada.user_id}
                )
                assert left == 0, table.name
    after = snapshot(journal)
    journal.close()
    assert after["applications"] and all("Bo's pick" in row for row in after["applications"])
    assert [r for r in bo_before["applications"] if "Bo's pick" in r] == after["applications"]
    assert ada.get("/board").status_code == 303
    assert bo.get("/board").status_code == 200


def test_a_served_app_never_fetches_a_posting_from_its_own_network(
    team: Team, postings_site: str
) -> None:
    """The same link that `nextyes add --from-url` reads on a laptop is refused by a server:
    otherwise anyone signed in could make it read addresses only it can reach (SSRF)."""
    from nextyes.services.pipeline.postings import fetch_posting

    link = f"{postings_site}/ats_single.html"
    assert fetch_posting(link).text  # the page is there, and readable outside a served request
    ada = team.person("ada@example.org")
    answer = ada.api("POST", "/api/v1/postings/read", {"url": link})
    assert answer.status_code == 400
    assert "not a public web address" in answer.json()["message"]
    page = ada.form("/applications/new/from-posting", {"url": link})
    assert page.status_code == 422
    assert "not a public web address" in page.text
    for inside in ("http://localhost:5432/", "http://169.254.169.254/latest/meta-data/",
                   "http://[::1]/", "http://10.0.0.1/"):  # fmt: skip
        refused = ada.api("POST", "/api/v1/postings/read", {"url": inside})
        assert refused.status_code == 400, inside
    pasted = ada.api("POST", "/api/v1/postings/read", {"text": "Data Analyst at Acme Robotics"})
    assert pasted.status_code == 200
