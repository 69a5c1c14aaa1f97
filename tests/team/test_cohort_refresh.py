"""The cohort figures' refresh runs in the jobs queue, never in the page: after a bulk import
the page answers at once, says who is not counted yet, and queues one refresh; the job counts
them. At most one refresh is queued per organisation, however many pages ask at once."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nextyes.config import Settings
from nextyes.domain.accounts import Role, SignedIn
from nextyes.domain.models import NewApplication, Origin
from nextyes.services.accounts import admin
from nextyes.services.accounts.sessions import signed_in_as
from nextyes.services.jobs.queue import Kind
from nextyes.services.jobs.worker import Worker
from nextyes.services.journal import Journal
from nextyes.services.organisations import cohort, membership
from nextyes.services.pipeline.applications import add_application
from tests.conftest import NOW


def _organisation(journal: Journal, members: int) -> tuple[SignedIn, int]:
    runner = signed_in_as(
        admin.create_account(journal.uow(), "runner@example.org", NOW, role=Role.ADMIN)
    )
    org = membership.create_organisation(journal.uow(), runner, "West Careers", NOW)
    for n in range(members):
        who = signed_in_as(admin.create_account(journal.uow(), f"m{n}@example.org", NOW))
        made = membership.invite(journal.uow(), runner, org.id, "member", None, NOW)
        membership.join(journal.uow(), who, made.token, True, NOW)
        day = NOW.date() - timedelta(days=30)
        uow = journal.for_owner(who.user_id).uow()
        add_application(uow, NewApplication("Acme", "Analyst", day), NOW, origin=Origin.CLI)
    return runner, org.id


def _queued(journal: Journal) -> list[tuple[str, str]]:
    rows = journal.db.query("SELECT kind, once FROM jobs WHERE state = 'queued' ORDER BY id")
    journal.db.rollback()
    return [(str(r["kind"]), str(r["once"])) for r in rows]


def test_after_a_bulk_import_the_page_answers_at_once_and_the_queued_refresh_counts_everyone(
    any_settings: Settings, any_journal: Journal, monkeypatch: pytest.MonkeyPatch
) -> None:
    journal = any_journal
    monkeypatch.setattr(cohort, "READ_IN_REQUEST", 3)  # more joined than a page reads itself
    runner, org = _organisation(journal, 7)
    postgres = journal.db.dialect == "postgresql"

    first = cohort.cohort_report(journal.uow(), runner, org, "everyone", NOW)
    if postgres:
        assert first.uncounted == 7 and not first.shown and first.refresh_queued
        said = " ".join(cohort.behind(first))
        assert "7 members are not counted yet" in said and "queued" in said
        assert _queued(journal) == [(Kind.COHORT, f"cohort:{org}")]
        rows = journal.db.query("SELECT count(*) AS n FROM cohort_facts")
        assert int(next(iter(rows))["n"]) == 0  # the page wrote no facts
        journal.db.rollback()
        assert Worker(any_settings, name="w", clock=lambda: NOW).run_until_idle() == 1
    else:  # SQLite keeps nothing: every report reads every journal, and queues nothing
        assert first.uncounted == 0 and _queued(journal) == []
    counted = cohort.cohort_report(journal.uow(), runner, org, "everyone", NOW)
    assert counted.funnel.total == 7
    assert (counted.uncounted, counted.stale, cohort.behind(counted)) == (0, 0, [])
    assert _queued(journal) == []


def test_one_refresh_is_queued_per_organisation_however_many_ask(any_journal: Journal) -> None:
    journal = any_journal
    uow = journal.uow()
    with uow:
        jobs = uow.jobs
        assert jobs.add_pending("cohort:1", "a" * 32, Kind.COHORT, "Cohort figures", "{}", NOW)
        assert not jobs.add_pending("cohort:1", "b" * 32, Kind.COHORT, "Cohort figures", "{}", NOW)
        assert jobs.add_pending("cohort:2", "c" * 32, Kind.COHORT, "Cohort figures", "{}", NOW)
        assert jobs.pending("cohort:1") and jobs.pending("cohort:2")
        running = jobs.claim("w", NOW)  # the first: being run, it holds its key no more
        assert running is not None and running.public_id == "a" * 32
        assert not jobs.pending("cohort:1")
        assert jobs.add_pending("cohort:1", "d" * 32, Kind.COHORT, "Cohort figures", "{}", NOW)
        # a running job cannot go back in the queue beside a queued one with its key
        assert not jobs.release(running.id, "w")
        assert jobs.requeue_stalled(NOW + timedelta(hours=1), 3, "stopped") == 1
        uow.commit()
    rows = journal.db.query("SELECT public_id, state FROM jobs ORDER BY public_id")
    journal.db.rollback()
    assert [(r["public_id"][0], r["state"]) for r in rows] == [
        ("a", "failed"),  # the queued one with its key does the same work
        ("c", "queued"),
        ("d", "queued"),
    ]
