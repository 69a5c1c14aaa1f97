"""Career centres: cohort figures for admins only, over consenting members, never under 5;
leaving by deactivating (the figures keep an anonymous copy) or deleting (everything goes)."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from nextyes.domain.accounts import Role
from nextyes.services.accounts import admin
from nextyes.services.accounts.sessions import signed_in_as
from nextyes.services.organisations import membership
from tests.conftest import NOW
from tests.team.conftest import Person, Team


def _centre(team: Team, name: str = "North Careers") -> tuple[Person, int, dict[str, int]]:
    runner = team.person(f"admin-{name.split()[0].lower()}@example.org", role=Role.ADMIN)
    made = runner.form("/organisations", {"name": name})
    assert made.status_code == 303, made.text
    org_id = int(made.headers["location"].rsplit("/", 1)[1])
    groups = {}
    for cohort in ("2025", "2026"):
        assert (
            runner.form(
                f"/organisations/{org_id}/groups", {"kind": "cohort", "name": cohort}
            ).status_code
            == 303
        )
    journal = team.journal()
    try:
        who = signed_in_as(admin.find_account(journal.uow(), runner.email))
        for group in membership.overview(journal.uow(), who, org_id).groups:
            groups[group.name] = group.id
    finally:
        journal.close()
    return runner, org_id, groups


def _member(
    team: Team, runner: Person, org_id: int, email: str, group_id: int, consent: bool,
    stages: tuple[str, ...] = (),
) -> Person:  # fmt: skip
    answer = runner.form(
        f"/organisations/{org_id}/invitations", {"role": "member", "group_id": str(group_id)}
    )
    token = answer.text.split("/join/organisation/")[1].split("<")[0]
    person = team.person(email)
    joined = person.form(f"/join/organisation/{token}", {"consent": "yes" if consent else ""})
    assert joined.status_code == 303, joined.text
    made = person.api(
        "POST", "/api/v1/applications",
        {"company": "SECRETCO", "role": "Analyst", "applied_on": "2026-11-02"},
    ).json()  # fmt: skip
    for stage in stages:
        moved = person.api(
            "POST",
            f"/api/v1/applications/{made['id']}/stages",
            {"stage": stage, "on": "2026-11-10"},
        )
        assert moved.status_code == 201, moved.text
    return person


def _report(person: Person, org_id: int, by: str = "cohort") -> Any:
    return person.get(f"/api/v1/organisations/{org_id}/insights?by={by}")


@pytest.mark.slow
def test_cohort_figures_count_consenting_members_only_and_never_under_five(
    sqlite_team: Team,
) -> None:
    team = sqlite_team
    runner, org_id, groups = _centre(team)
    for n in range(7):
        _member(team, runner, org_id, f"a{n}@example.org", groups["2025"], True,
                ("interview",) if n < 5 else ())  # fmt: skip
    for n in range(3):
        _member(team, runner, org_id, f"b{n}@example.org", groups["2026"], True)
    _member(team, runner, org_id, "shy@example.org", groups["2026"], False)
    answer = _report(runner, org_id)
    assert answer.status_code == 200, answer.text
    report = answer.json()
    funnel = report["funnel"]
    assert funnel["total"] == 10  # the one who did not consent is not counted
    assert "2026" not in funnel["rows"]  # 3 people: pooled, never shown alone
    assert all(total >= 5 for total in funnel["row_totals"])
    numbers = [v for row in funnel["cells"] for v in row if v is not None]
    assert all(v >= 5 for v in numbers)
    assert "SECRETCO" not in answer.text and "example.org" not in answer.text
    page = runner.get(f"/organisations/{org_id}/insights?by=cohort")
    assert page.status_code == 200 and "SECRETCO" not in page.text
    rows = list(csv.reader(io.StringIO(runner.get(f"/organisations/{org_id}/insights.csv").text)))
    assert rows[0] == ["table", "group", "column", "people"]
    assert all(r[3] == "" or int(r[3]) >= 5 for r in rows[1:])


@pytest.mark.slow
def test_an_organisation_gets_aggregates_only_and_only_its_admins(team: Team) -> None:
    runner, org_id, groups = _centre(team)
    member = _member(team, runner, org_id, "m@example.org", groups["2025"], True)
    other_runner, other_org, other_groups = _centre(team, "South Careers")
    stranger = _member(team, other_runner, other_org, "s@example.org", other_groups["2025"], True)
    assert _report(runner, org_id).status_code == 200
    for person in (member, stranger, other_runner):
        assert _report(person, org_id).status_code == 404
        assert person.get(f"/organisations/{org_id}").status_code == 404
    # an organisation's admin reads no member's rows: there is no route for it
    for path in (
        f"/api/v1/clients/{member.user_id}",
        f"/api/v1/clients/{member.user_id}/applications",
    ):
        assert runner.get(path).status_code == 404
        assert other_runner.get(path).status_code == 404


@pytest.mark.slow
def test_leaving_keeps_what_was_counted_anonymously_or_deletes_everything(
    sqlite_team: Team,
) -> None:
    team = sqlite_team
    runner, org_id, groups = _centre(team)
    people = [
        _member(team, runner, org_id, f"p{n}@example.org", groups["2025"], True, ("interview",))
        for n in range(6)
    ]
    assert _report(runner, org_id, "everyone").json()["funnel"]["total"] == 6
    leaving = people[0]
    left = leaving.form(f"/organisations/{org_id}/leave", {"how": "deactivate"})
    assert left.status_code == 303
    assert leaving.get("/api/v1/applications").json()  # the journal stays theirs
    assert _report(runner, org_id, "everyone").json()["funnel"]["total"] == 6  # still counted
    journal = team.journal()
    try:
        archived = journal.db.query("SELECT * FROM cohort_archive")
        assert len(archived) == 1
        row = dict(archived[0])
        assert sorted(row) == ["facts", "groups", "id", "organisation_id"]  # no account
        assert leaving.email not in str(row) and "SECRETCO" not in str(row)
        journal.db.rollback()
    finally:
        journal.close()
    download = people[1].get("/download")
    assert download.status_code == 200 and "SECRETCO" in download.text
    gone = people[1].form(f"/organisations/{org_id}/leave", {"how": "delete"})
    assert gone.status_code == 303
    assert _report(runner, org_id, "everyone").json()["funnel"]["total"] == 5
    journal = team.journal()
    try:
        assert journal.db.scalar("SELECT count(*) FROM users WHERE email = 'p1@example.org'") == 0
        journal.db.rollback()
    finally:
        journal.close()
    assert membership.months_back(NOW.date(), 2) == ["2026-10", "2026-11"]


@pytest.mark.slow
def test_the_figures_page_says_how_old_its_figures_are_while_an_update_is_queued(
    pg_journal_url: str, home: Any
) -> None:
    """On PostgreSQL, where facts are kept: the page reads, the queued job refreshes."""
    from nextyes.config import Settings
    from nextyes.services.jobs.worker import Worker
    from tests.conftest import _empty_pg
    from tests.team.conftest import make_team

    _empty_pg(pg_journal_url)
    settings = Settings.from_env(db=pg_journal_url)
    for team in make_team(settings, job_workers=0):  # the test runs the queue itself
        runner, org_id, groups = _centre(team)
        people = [
            _member(team, runner, org_id, f"c{n}@example.org", groups["2025"], True)
            for n in range(6)
        ]
        address = f"/organisations/{org_id}/insights"
        first = runner.get(address)
        assert first.status_code == 200 and "as of" not in first.text  # read afresh: current
        worker = Worker(settings, name="test")
        assert worker.run_until_idle() == 1  # the refresh the page queued keeps their facts
        made = people[0].api(
            "POST", "/api/v1/applications",
            {"company": "OTHERCO", "role": "Analyst", "applied_on": "2026-11-20"},
        )  # fmt: skip
        assert made.status_code == 201, made.text
        for _ in range(2):  # asked twice: one update queued
            behind = runner.get(address)
            assert "These figures are as of" in behind.text, behind.text
            assert "An update is queued" in behind.text
        assert worker.run_until_idle() == 1
        current = runner.get(address)
        assert "as of" not in current.text and "queued" not in current.text
