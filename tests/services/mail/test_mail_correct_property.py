"""Apply-then-correct leaves the journal as if the corrected reading had been applied from the
start: for every kind of change mail makes (an application added, a step, an interview, a
rejection with its cool-down), on SQLite and PostgreSQL.

"From the start" is the review queue's path: the same message waiting in review and settled
with the same correction, in a journal built the same way. Ids and the moments rows were
written differ between the two and are left out; everything else must be equal, and a
correction that cannot be made must leave the journal exactly as it was.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from nextyes.config import Settings
from nextyes.domain.errors import NextyesError
from nextyes.domain.mail import AnalysedMail, MailStatus
from nextyes.domain.mail_labels import Band, MailLabel
from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal, open_journal
from nextyes.services.mail.correcting import CORRECTABLE, correct_applied
from nextyes.services.mail.importer import Importer
from nextyes.services.mail.review import Correction, settle
from nextyes.services.pipeline.applications import add_application, move_application
from nextyes.services.recovery.cool_down import reject_and_recover
from tests.conftest import snapshot

SETUP = datetime(2026, 11, 1, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)
LATER = datetime(2026, 11, 20, 16, 30, tzinfo=UTC)
COMPANIES = ("Acme Robotics", "Lumen Analytics", "Orbit Labs")
"""The journal knows the first two (perhaps twice over); the third only the mail names."""
PATHS: dict[str, tuple[Stage, ...]] = {
    "applied": (),
    "screening": (Stage.SCREENING,),
    "interview": (Stage.SCREENING, Stage.INTERVIEW),
    "assessment": (Stage.ASSESSMENT,),
    "rejected": (Stage.REJECTED,),
}


@dataclass(frozen=True)
class Setup:
    applications: tuple[tuple[int, str, str], ...]  # (company index, role, path)
    label: MailLabel
    company: int
    role: str | None
    received: int  # days before NOW
    invited_in: int | None  # days after the message, for an interview or assessment
    corrected_label: MailLabel | None
    corrected_application: int | None  # an index into applications


ROLES = ("Data Analyst", "Data Engineer")
setups = st.builds(
    Setup,
    applications=st.lists(
        st.tuples(st.integers(0, 1), st.sampled_from(ROLES), st.sampled_from(sorted(PATHS))),
        min_size=1,
        max_size=3,
    ).map(tuple),
    # a sure "not job mail" is only counted, never applied: nothing there to correct; the
    # labels that change the journal come up more often than recruiters reaching out
    label=st.sampled_from(
        [
            MailLabel.APPLICATION_RECEIVED,
            MailLabel.APPLICATION_RECEIVED,
            MailLabel.INTERVIEW,
            MailLabel.INTERVIEW,
            MailLabel.ASSESSMENT,
            MailLabel.REJECTION,
            MailLabel.REJECTION,
            MailLabel.OFFER,
            MailLabel.RECRUITER_OUTREACH,
        ]
    ),
    company=st.sampled_from((0, 0, 1, 1, 2)),
    role=st.sampled_from((None, *ROLES)),
    received=st.integers(0, 6),
    invited_in=st.one_of(st.none(), st.integers(1, 9)),
    corrected_label=st.sampled_from([None, *MailLabel]),
    corrected_application=st.one_of(st.none(), st.integers(0, 2)),
)


def _build(journal: Journal, setup: Setup) -> list[int]:
    ids = []
    uow = journal.uow()
    for n, (company, role, path) in enumerate(setup.applications):
        on = date(2026, 10, 1) + timedelta(days=n)
        new = NewApplication(COMPANIES[company], role, on)
        app_id = add_application(uow, new, SETUP, origin=Origin.CLI).id
        for step, stage in enumerate(PATHS[path], start=1):
            day = on + timedelta(days=3 * step)
            if stage is Stage.REJECTED:
                reject_and_recover(uow, app_id, day, SETUP, cool_down="none", origin=Origin.CLI)
            else:
                move_application(uow, app_id, stage, day, SETUP, origin=Origin.CLI)
        ids.append(app_id)
    return ids


def _mail(setup: Setup, band: Band) -> AnalysedMail:
    received = NOW - timedelta(days=setup.received, hours=3)
    invited = ()
    if setup.invited_in is not None:
        invited = (received + timedelta(days=setup.invited_in, hours=2),)
    company = COMPANIES[setup.company]
    return AnalysedMail(
        message_key="<m1@example.test>", message_id="<m1@example.test>", received_at=received,
        sender=f"Hiring <jobs@{company.split()[0].lower()}.test>",
        sender_address=f"jobs@{company.split()[0].lower()}.test",
        sender_domain=f"{company.split()[0].lower()}.test",
        subject=f"About your application to {company}", label=setup.label, confidence=0.99,
        company=company, role=setup.role, interview_at=invited,
        reasons=("We went with someone further along.",), band=band,
        snippet="Thank you for your time and the conversations so far with our team.",
    )  # fmt: skip


def _correction(setup: Setup, ids: list[int]) -> Correction:
    application = None
    if setup.corrected_application is not None and setup.corrected_application < len(ids):
        application = ids[setup.corrected_application]
    return Correction(setup.corrected_label, application)


def _state(journal: Journal) -> dict[str, Any]:
    """The journal as a person sees it: no ids, no moments rows were written."""
    db = journal.db
    rows: dict[str, Any] = {}
    company = "(SELECT company || '/' || role FROM applications a WHERE a.id = t.application_id)"
    queries = {
        "applications": "SELECT company, role, stage, stage_on, applied_on, last_activity_on, "
        "source FROM applications t",
        "stage_events": f"SELECT {company} AS app, stage, occurred_on, from_stage, round, note, "
        "reason, correction, origin FROM stage_events t",
        "interviews": f"SELECT {company} AS app, kind, round, scheduled_on, scheduled_time, "
        "location, notes FROM interviews t",
        "cool_downs": f"SELECT {company} AS app, kind, starts_at, ends_at FROM cool_downs t",
        "sender_rules": "SELECT sender, company, label, ignore FROM mail_sender_rules",
        "mail": "SELECT label, status, company, application_id IS NULL AS unlinked "
        "FROM mail_messages",
    }
    for name, sql in queries.items():
        rows[name] = sorted((tuple(str(r[k]) for k in r.keys()) for r in db.query(sql)), key=repr)
    if db.dialect == "postgresql":
        db.rollback()
    return rows


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One migrated SQLite journal, copied for each example (migrating is the slow part)."""
    path = tmp_path_factory.mktemp("template") / "journal.db"
    open_journal(Settings.from_env(db=f"sqlite:///{path}")).close()
    return path


def _opener(
    tmp_path: Path, open_empty: Callable[[int], Settings]
) -> Iterator[Callable[[], Journal]]:
    opened: list[Journal] = []
    counter = iter(range(10**6))

    def make() -> Journal:
        for journal in opened:
            journal.close()
        opened.clear()
        journal = open_journal(open_empty(next(counter)))
        opened.append(journal)
        return journal

    yield make
    for journal in opened:
        journal.close()


@pytest.fixture
def fresh_sqlite(template: Path, tmp_path: Path) -> Iterator[Callable[[], Journal]]:
    """Opens an empty SQLite journal each time it is called (the one before is closed)."""

    def empty(n: int) -> Settings:
        path = tmp_path / f"journal-{n}.db"
        shutil.copy(template, path)
        return Settings.from_env(db=f"sqlite:///{path}")

    yield from _opener(tmp_path, empty)


@pytest.fixture
def fresh_pg(pg_journal_url: str, tmp_path: Path) -> Iterator[Callable[[], Journal]]:
    """Empties the PostgreSQL journal each time it is called, and opens it."""
    from tests.conftest import _empty_pg

    def empty(n: int) -> Settings:
        _empty_pg(pg_journal_url)
        return Settings.from_env(db=pg_journal_url)

    yield from _opener(tmp_path, empty)


HEALTH = [HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.filter_too_much]


@settings(max_examples=150, deadline=None, suppress_health_check=HEALTH)
@given(setup=setups)
def test_apply_then_correct_equals_the_corrected_reading_from_the_start(
    fresh_sqlite: Callable[[], Journal], setup: Setup
) -> None:
    check_correction(fresh_sqlite, setup)


@pytest.mark.postgres
@settings(max_examples=20, deadline=None, suppress_health_check=HEALTH)
@given(setup=setups)
def test_apply_then_correct_equals_the_corrected_reading_on_postgresql(
    fresh_pg: Callable[[], Journal], setup: Setup
) -> None:
    check_correction(fresh_pg, setup)


def check_correction(fresh: Callable[[], Journal], setup: Setup) -> None:
    # the message as nextyes applied it when it was sure
    journal = fresh()
    ids = _build(journal, setup)
    outcome = Importer(journal.uow(), NOW).apply(_mail(setup, Band.SURE))
    assume(outcome.status in CORRECTABLE)
    correction = _correction(setup, ids)
    with journal.uow() as uow:
        (stored,) = uow.mail.settled(list(MailStatus))
    # saying it is what it already is, is refused (review has no such case: it accepts)
    assume(
        correction.label not in (None, stored.label)
        or correction.application_id not in (None, stored.application_id)
    )
    before = snapshot(journal)
    try:
        correct_applied(journal.uow(), stored.id, LATER, correction, confirmed=True)
        corrected: dict[str, Any] | None = _state(journal)
    except NextyesError:
        assert snapshot(journal) == before, "a refused correction changed the journal"
        corrected = None
    # the same message, waiting in review and settled with the same correction
    reference = fresh()
    assert _build(reference, setup) == ids
    uow = reference.uow()
    with uow:
        uow.mail.add(_mail(setup, Band.REVIEW), MailStatus.REVIEW, NOW, review_reason="unsure")
        uow.commit()
        (queued,) = uow.mail.with_status(MailStatus.REVIEW)
    try:
        settle(reference.uow(), queued.id, LATER, correction=correction)
        expected: dict[str, Any] | None = _state(reference)
    except NextyesError:
        expected = None
    event(f"applied: {outcome.effect or outcome.status.value}")
    event("corrected" if corrected is not None else "refused, journal unchanged")
    assert corrected == expected
