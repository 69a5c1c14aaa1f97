"""`build_insights` over a real journal (SQLite, and PostgreSQL when available)."""

from __future__ import annotations

from datetime import timedelta

from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.stages import Stage
from nextyes.domain.themes import Theme
from nextyes.services.journal import Journal
from nextyes.services.learning.insights import build_insights
from nextyes.services.pipeline import applications as svc
from tests.conftest import NOW, TODAY


def add(journal: Journal, days_ago: int, *, source: str = "linkedin", role: str = "Data Analyst",
        resume: str | None = "v1") -> int:  # fmt: skip
    new = NewApplication("Acme", role, TODAY - timedelta(days=days_ago), source=source,
                         resume_version=resume)  # fmt: skip
    return svc.add_application(journal.uow(), new, NOW, origin=Origin.CLI).id


def move(journal: Journal, app_id: int, stage: Stage, days_ago: int) -> None:
    svc.move_application(
        journal.uow(), app_id, stage, TODAY - timedelta(days=days_ago), NOW, origin=Origin.CLI
    )


def reject(journal: Journal, app_id: int, days_ago: int, reason: str | None = None) -> None:
    svc.record_rejection(journal.uow(), app_id, TODAY - timedelta(days=days_ago), NOW,
                         reason=reason, origin=Origin.CLI)  # fmt: skip


def feedback(journal: Journal, app_id: int, text: str, days_ago: int,
             themes: tuple[str, ...] | None = None) -> None:  # fmt: skip
    uow = journal.uow()
    with uow:
        uow.feedback.add(app_id, text, "interviewer", TODAY - timedelta(days=days_ago), NOW,
                         themes=themes, origin="cli")  # fmt: skip
        uow.commit()


def a_search(journal: Journal) -> None:
    """Twelve applications: answers, interviews, an offer, noes and silences."""
    for n in range(12):
        app_id = add(journal, 80 - n * 5, source="referral" if n % 3 == 0 else "linkedin")
        if n in (0, 1, 2, 3):
            move(journal, app_id, Stage.SCREENING, 75 - n * 5)
            move(journal, app_id, Stage.INTERVIEW, 70 - n * 5)
        if n == 0:
            move(journal, app_id, Stage.OFFER, 60)
        if n in (1, 2):
            reject(journal, app_id, 60 - n * 5, reason="We chose someone with more experience.")
        if n == 3:
            move(journal, app_id, Stage.GHOSTED, 40)
        if n in (4, 5):
            reject(journal, app_id, 70 - n * 5)


def test_a_new_journal_is_told_there_is_nothing_yet(any_journal: Journal) -> None:
    found = build_insights(any_journal.uow(), TODAY)
    assert found.sent == 0
    assert "Add your first application" in found.sentences["overview"][0]


def test_a_few_applications_are_called_too_few_to_read_patterns_from(any_journal: Journal) -> None:
    for days in (3, 5, 9):
        add(any_journal, days)
    found = build_insights(any_journal.uow(), TODAY)
    assert not found.enough
    assert "3 applications" in found.sentences["overview"][0]
    assert "too few" in found.sentences["overview"][0]
    assert "conversion" not in found.sentences


def test_the_funnel_and_noes_come_from_the_timeline(any_journal: Journal) -> None:
    a_search(any_journal)
    found = build_insights(any_journal.uow(), TODAY)
    assert found.enough
    steps = {s.key: s.count for s in found.funnel}
    assert steps == {"applied": 12, "response": 6, "interview": 4, "final": 1, "offer": 1}
    assert found.noes_by_stage == {Stage.APPLIED: 2, Stage.INTERVIEW: 2}
    assert (found.ghosted_after_interview.hits, found.ghosted_after_interview.total) == (1, 3)
    assert "Of 12 applications sent, 6 got an answer (50%)" in found.sentences["overview"][0]


def test_conversion_is_grouped_by_source_and_role_family(any_journal: Journal) -> None:
    a_search(any_journal)
    add(any_journal, 2, source="referral", role="Senior Data Analyst (Remote)")
    found = build_insights(any_journal.uow(), TODAY)
    sources = {g.group: g.applications for g in found.conversions["source"]}
    assert sources == {"linkedin": 8, "referral": 5}
    assert [g.group for g in found.conversions["role_family"]] == ["data analyst"]


def test_feedback_and_reasons_without_themes_are_classified_for_recurring_themes(
    any_journal: Journal,
) -> None:
    a_search(any_journal)
    app_id = add(any_journal, 20)
    feedback(any_journal, app_id, "They went with someone who had more years in the sector.", 10)
    found = build_insights(any_journal.uow(), TODAY)
    experience = next(t for t in found.themes if t.theme is Theme.EXPERIENCE_LEVEL)
    assert experience.last_90 == 3
    assert experience.recurring
    assert any("Experience level came up 3 times" in s for s in found.sentences["themes"])


def test_themes_stored_with_feedback_are_used_as_they_are(any_journal: Journal) -> None:
    a_search(any_journal)
    for days in (5, 15):
        app_id = add(any_journal, 20 + days)
        feedback(any_journal, app_id, "Anything at all", days, themes=("salary_budget",))
    found = build_insights(any_journal.uow(), TODAY)
    salary = next(t for t in found.themes if t.theme is Theme.SALARY_BUDGET)
    assert (salary.last_30, salary.last_90) == (2, 2)
    outside = found.sentences["themes"]
    assert outside.index("Outside your control:") < next(
        i for i, s in enumerate(outside) if s.startswith("Salary or budget")
    )


def test_a_theme_counts_once_per_no_however_often_it_is_named(any_journal: Journal) -> None:
    app_id = add(any_journal, 30)
    reject(any_journal, app_id, 20, reason="We went with someone with more experience.")
    feedback(any_journal, app_id, "They wanted more years in the role.", 15,
             themes=("experience_level",))  # fmt: skip
    feedback(any_journal, app_id, "More seniority, mainly.", 12, themes=("experience_level",))
    other = add(any_journal, 40)
    feedback(any_journal, other, "Not enough years yet.", 35, themes=("experience_level",))
    found = build_insights(any_journal.uow(), TODAY)
    experience = next(t for t in found.themes if t.theme is Theme.EXPERIENCE_LEVEL)
    assert (experience.last_30, experience.last_90) == (1, 2)  # dated when it first came up


def test_published_figures_come_with_their_source_and_how_sure_they_are(
    any_journal: Journal,
) -> None:
    a_search(any_journal)
    found = build_insights(any_journal.uow(), TODAY)
    interview = next(c for c in found.comparisons if c.key == "interview_rate")
    assert (interview.yours.hits, interview.yours.total) == (4, 12)
    assert interview.source
    assert interview.url.startswith("https://")
    assert all("How sure:" in line for line in found.sentences["comparison"][1:])
