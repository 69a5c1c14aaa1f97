"""The cohort report reads each member's facts once and keeps them: a member's write is in the
next report, nobody else's journal is read again, and kept facts give the very figures a report
read afresh gives. Forgetting consent forgets what was kept."""

from __future__ import annotations

from datetime import timedelta

from nextyes.config import Settings
from nextyes.domain.accounts import Role
from nextyes.domain.models import NewApplication, Origin, Stage
from nextyes.services.accounts import admin
from nextyes.services.accounts.sessions import signed_in_as
from nextyes.services.jobs.worker import Worker
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


def _queued(journal: Journal) -> list[str]:
    rows = journal.db.query("SELECT once FROM jobs WHERE state = 'queued' ORDER BY id")
    journal.db.rollback()
    return [str(r["once"]) for r in rows]


def _tables(report: cohort.CohortReport) -> tuple[object, ...]:
    return (report.funnel, report.noes, report.themes, report.months, report.to_interview)


def test_a_report_only_reads_and_the_queued_refresh_reads_only_the_journals_that_changed(
    any_settings: Settings, any_journal: Journal
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
    postgres = journal.db.dialect == "postgresql"
    worker = Worker(any_settings, name="w", clock=lambda: NOW + timedelta(minutes=5))

    def report() -> cohort.CohortReport:
        return cohort.cohort_report(journal.uow(), runner, org.id, "everyone", NOW)

    def furthest(found: cohort.CohortReport) -> list[int | None]:
        return list(found.funnel.column_totals)

    first = report()  # ten with nothing kept: read by the report itself, and kept by the job
    assert first.funnel.total == 10
    assert (first.stale, first.uncounted) == (0, 0)
    assert cohort.behind(first) == []  # the figures are current: nothing to say
    assert _kept(journal) == {}  # the page wrote no facts
    assert _queued(journal) == ([f"cohort:{org.id}"] if postgres else [])
    report()
    assert len(_queued(journal)) == (1 if postgres else 0)  # one queued refresh, however asked
    assert worker.run_until_idle() == (1 if postgres else 0)
    before = _kept(journal)
    assert len(before) == (10 if postgres else 0)  # SQLite has no per-person version to key on
    assert _tables(report()) == _tables(first)
    assert _queued(journal) == []  # current: nothing queued

    moved = set()
    for who, app_id in people[:5]:
        uow = journal.for_owner(who.user_id).uow()
        move_application(
            uow, app_id, Stage.INTERVIEW, NOW.date() - timedelta(days=20), NOW, origin=Origin.CLI
        )
        record_rejection(uow, app_id, NOW.date() - timedelta(days=10), NOW, origin=Origin.CLI)
        moved.add(who.user_id)
    behind = report()
    if postgres:  # the figures as they were, said to be so, and a refresh queued
        assert furthest(behind) == furthest(first)
        assert behind.stale == 5 and behind.refresh_queued
        assert behind.as_of == NOW + timedelta(minutes=5)  # when the job read them
        said = " ".join(cohort.behind(behind))
        assert "as of 2026-" in said and "5 members" in said and "queued" in said
        assert _kept(journal) == before  # still nothing written by the page
        worker.run_until_idle()
        after = _kept(journal)
        changed = {user for user in after if after[user] != before[user]}
        assert changed == moved  # nobody else's facts were read again
    second = report()
    assert second.stale == 0 and cohort.behind(second) == []
    assert second.funnel.column_totals != first.funnel.column_totals  # the writes are counted

    uow = journal.uow()
    with uow:
        uow.db.execute("DELETE FROM cohort_facts")
        uow.commit()
    assert _tables(report()) == _tables(second)  # kept facts give what reading afresh gives

    membership.set_consent(journal.uow(), people[1][0], org.id, False)
    assert people[1][0].user_id not in _kept(journal)
    assert report().funnel.total == 9
