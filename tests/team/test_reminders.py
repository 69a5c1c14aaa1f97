"""Reminders by email: off by default, sent once each, with a link that turns them off."""

from __future__ import annotations

import email
import email.policy
import time
from datetime import timedelta
from pathlib import Path

from nextyes.config import Settings
from nextyes.server_settings import SmtpSettings
from tests.conftest import NOW, Cli
from tests.team.conftest import Team, make_team


def _wait(box: list[str], count: int) -> None:
    deadline = time.monotonic() + 5
    while len(box) < count and time.monotonic() < deadline:
        time.sleep(0.05)


def _bodies(box: list[str]) -> list[tuple[str, str, str]]:
    found = []
    for raw in box:
        message = email.message_from_string(raw, policy=email.policy.default)
        found.append((message["To"], message["Subject"], message.get_content()))  # type: ignore[attr-defined]
    return found


def test_reminders_are_off_until_turned_on_then_sent_once_and_stopped_by_their_link(
    run: Cli, settings: Settings, smtp: list[str], tmp_path: Path
) -> None:
    port = int(smtp.pop(0).split(":")[1])
    config = tmp_path / "server.toml"
    config.write_text(
        f'public_url = "http://team.test"\n[smtp]\nhost = "127.0.0.1"\nport = {port}\n'
        "starttls = false\n",
        encoding="utf-8",
    )
    mail = SmtpSettings(host="127.0.0.1", port=port, starttls=False)
    for team in make_team(settings, smtp=mail):
        ada = team.person("ada@example.org")
        bo = team.person("bo@example.org")
        made = ada.api(
            "POST", "/api/v1/applications", {"company": "Acme Robotics", "role": "Data Analyst"}
        )
        tomorrow = (NOW + timedelta(days=1)).date().isoformat()
        ada.api(
            "POST",
            f"/api/v1/applications/{made.json()['id']}/interviews",
            {"scheduled_on": tomorrow, "scheduled_time": "14:00"},
        )
        bo.api("POST", "/api/v1/wins", {"text": "bo's secret win"})
        assert (
            "Sent 0 reminders." in run.ok("admin", "--config", str(config), "send-reminders").output
        )
        assert smtp == []
        page = ada.get("/account").text
        assert "Reminders by email" in page and "Off." in page
        assert ada.form("/account/reminders", {"on": "yes"}).status_code == 303
        assert (
            "Sent 2 reminders." in run.ok("admin", "--config", str(config), "send-reminders").output
        )
        _wait(smtp, 2)
        mails = _bodies(smtp)
        assert {m[0] for m in mails} == {"ada@example.org"}
        subjects = sorted(m[1] for m in mails)
        assert subjects == ["Tomorrow: your interview with Acme Robotics", "Your week in nextyes"]
        interview = next(m[2] for m in mails if "Acme" in m[1])
        assert "Tomorrow at 14:00 you have an interview with Acme Robotics" in interview
        assert all("bo's secret win" not in m[2] for m in mails)
        assert (
            "Sent 0 reminders." in run.ok("admin", "--config", str(config), "send-reminders").output
        )
        link = next(line for line in interview.splitlines() if "/unsubscribe/" in line)
        path = link[link.index("/unsubscribe/") :].strip()
        stranger = team.browser("192.0.2.9")
        assert "Stop the reminders" in stranger.get(path).text
        assert "no more reminders" in stranger.form(path).text
        assert "Off." in ada.get("/account").text


def test_the_account_page_offers_no_reminders_without_a_mail_server(team: Team) -> None:
    ada = team.person("ada@example.org")
    assert "Reminders by email" not in ada.get("/account").text


def test_the_days_reminders_are_queued_once_by_whichever_worker_looks_first(
    settings: Settings, smtp: list[str]
) -> None:
    from nextyes.server_settings import ServerSettings
    from nextyes.services.jobs.worker import REMINDERS_AT, Worker

    port = int(smtp.pop(0).split(":")[1])
    server = ServerSettings(
        public_url="http://team.test",
        smtp=SmtpSettings(host="127.0.0.1", port=port, starttls=False),
    )
    for team in make_team(settings, smtp=server.smtp, job_workers=0):
        ada = team.person("ada@example.org")
        ada.api("POST", "/api/v1/wins", {"text": "Sent the portfolio"})
        assert ada.form("/account/reminders", {"on": "yes"}).status_code == 303
        early = NOW.replace(hour=REMINDERS_AT.hour - 1)
        assert (
            Worker(settings, server=server, clock=lambda early=early: early).run_until_idle() == 0
        )
        assert smtp == []  # before the hour: nothing queued yet
        first = Worker(settings, server=server, name="machine-a", clock=lambda: NOW)
        second = Worker(settings, server=server, name="machine-b", clock=lambda: NOW)
        assert first.run_until_idle() == 1
        assert second.run_until_idle() == 0  # that day's run is queued once, whoever looks
        _wait(smtp, 1)
        assert [m[:2] for m in _bodies(smtp)] == [("ada@example.org", "Your week in nextyes")]
        tomorrow = NOW + timedelta(days=1)
        later = Worker(settings, server=server, clock=lambda tomorrow=tomorrow: tomorrow)
        assert later.run_until_idle() == 1  # the next day has a run of its own
