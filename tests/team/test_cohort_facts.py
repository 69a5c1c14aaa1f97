"""The cohort report reads each member's facts once and keeps them: a member's write is in the
next report, nobody else's journal is read again, and kept facts give the very figures a report
read afresh gives. Forgetting consent forgets what was kept."""

from __future__ import annotations

from datetime import date, timedelta

from nextyes.domain.accounts import Role
from nextyes.domain.models import NewApplication, Origin, Stage
from nextyes.domain.organisations import FURTHEST
from nextyes.services.accounts import admin
from nextyes.services.accounts.sessions import signed_in_as
from nextyes.services.journal import Journal
from nextyes.services.organisations import cohort, membership
from nextyes.services.pipeline.applications import (
    add_application,
    move_application,
    record_rejection,
)
from tests.conftest import NOW


def _kept(journal: Journal) -> dict[int, int]:
    rows = journal.db.query("SELECT user_id, version FROM cohort_facts")
    journal.db.rollback()
    return {int(r["user_id"]): int(r["version"]) for r in rows}


def test_a_report_reads_only_the_journals_that_changed_and_matches_one_read_afresh(
    any_journal: Journal,
) -> None:
    journal = any_journal
    runner = signed_in_as(
        admin.create_account(journal.uow(), "runner@example.org", NOW, role=Role.ADMIN)
    )
    org = membership.create_organisation(journal.uow(), runner, "East Careers", NOW)
    group = membership.add_group(journal.uow(), runner, org.id, "cohort", "2026", NOW)
    people = []
    for n in range(10):
        who = signed_in_as(admin.create_account(journal.uow(), f"p{n}@example.org", NOW))
        made = membership.invite(journal.uow(), runner, org.id, "member", group.id, NOW)
        membership.join(journal.uow(), who, made.token, True, NOW)
        uow = journal.for_owner(who.user_id).uow()
        day = NOW.date() - timedelta(days=40)
        app = add_application(uow, NewApplication("Acme", "Analyst", day), NOW, origin=Origin.CLI)
        move_application(
            uow, app.id, Stage.SCREENING, day + timedelta(days=3), NOW, origin=Origin.CLI
        )
        people.append((who, app.id))

    def report() -> cohort.CohortReport:
        return cohort.cohort_report(journal.uow(), runner, org.id, "everyone", NOW.date())

    def facts() -> list[tuple[str, list[str]]]:
        months = membership.months_back(NOW.date())
        uow = journal.uow()
        with uow:
            found = uow.cohort.member_facts(org.id, months, date.fromisoformat(months[0] + "-01"))
        return sorted((FURTHEST[f.furthest], sorted(f.noes)) for f in found)

    first = report()
    assert first.funnel.total == 10
    assert facts() == [("heard_back", [])] * 10
    before = _kept(journal)
    postgres = journal.db.dialect == "postgresql"
    assert len(before) == (10 if postgres else 0)  # SQLite has no per-person version to key on

    moved = set()
    for who, app_id in people[:5]:
        uow = journal.for_owner(who.user_id).uow()
        move_application(
            uow, app_id, Stage.INTERVIEW, NOW.date() - timedelta(days=20), NOW, origin=Origin.CLI
        )
        record_rejection(uow, app_id, NOW.date() - timedelta(days=10), NOW, origin=Origin.CLI)
        moved.add(who.user_id)
    second = report()
    after = _kept(journal)
    # the writes are in the very next report
    assert facts() == [("heard_back", [])] * 5 + [("interview", ["interview"])] * 5
    if postgres:
        changed = {user for user in after if after[user] != before[user]}
        assert changed == moved  # nobody else's facts were read again

    uow = journal.uow()
    with uow:
        uow.db.execute("DELETE FROM cohort_facts")
        uow.commit()
    assert report() == second  # kept facts give exactly what reading afresh gives

    membership.set_consent(journal.uow(), people[1][0], org.id, False)
    assert people[1][0].user_id not in _kept(journal)
    assert report().funnel.total == 9
