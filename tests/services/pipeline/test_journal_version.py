from __future__ import annotations

from nextyes.config import Settings
from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.queries import ApplicationQuery
from nextyes.services.journal import Journal, open_journal
from nextyes.services.journal_version import journal_version
from nextyes.services.pipeline import applications as svc
from tests.conftest import NOW, TODAY


def test_the_version_stays_put_while_nothing_changes(journal: Journal) -> None:
    # SQLite only: on PostgreSQL the version is the server's next transaction id, which any
    # other database on the same server moves too (a cache refresh, never a stale page).
    first = journal_version(journal.uow())
    svc.list_applications(journal.uow(), ApplicationQuery())
    assert journal_version(journal.uow()) == first


def test_a_write_through_this_connection_moves_the_version(any_journal: Journal) -> None:
    before = journal_version(any_journal.uow())
    svc.add_application(
        any_journal.uow(), NewApplication("Acme", "Analyst", TODAY), NOW, origin=Origin.CLI
    )
    assert journal_version(any_journal.uow()) != before


def test_a_write_by_another_program_moves_the_version(
    any_journal: Journal, any_settings: Settings
) -> None:
    before = journal_version(any_journal.uow())
    other = open_journal(any_settings)
    try:
        svc.add_application(
            other.uow(), NewApplication("Acme", "Analyst", TODAY), NOW, origin=Origin.CLI
        )
    finally:
        other.close()
    assert journal_version(any_journal.uow()) != before
