"""Caches are keyed by the owner's own version: one person's writes leave others' caches be."""

from __future__ import annotations

from nextyes.services.journal_version import journal_version
from tests.team.conftest import Team


def test_a_persons_write_moves_their_version_and_nobody_elses(team: Team) -> None:
    ada = team.person("ada@example.org")
    bo = team.person("bo@example.org")
    journal = team.journal()
    try:

        def versions() -> tuple[str, str]:
            return (
                journal_version(journal.for_owner(ada.user_id).uow()),
                journal_version(journal.for_owner(bo.user_id).uow()),
            )

        before = versions()
        assert ada.api("POST", "/api/v1/wins", {"text": "a win"}).status_code == 201
        after = versions()
        assert after[0] != before[0]
        if journal.db.dialect == "postgresql":  # SQLite's counts are per database file
            assert after[1] == before[1]
        assert bo.api("POST", "/api/v1/wins", {"text": "bo's"}).status_code == 201
        assert versions()[1] != after[1]
    finally:
        journal.close()


def test_the_dashboard_shows_a_write_at_once_and_others_keep_their_cached_pages(
    team: Team,
) -> None:
    ada = team.person("ada@example.org")
    bo = team.person("bo@example.org")
    assert ada.get("/board").status_code == 200
    made = ada.api("POST", "/api/v1/applications", {"company": "Fresh Co", "role": "Analyst"})
    assert made.status_code == 201
    assert "Fresh Co" in ada.get("/board").text
    assert "Fresh Co" in ada.get("/").text or ada.get("/applications").text.count("Fresh Co")
    bo.get("/board")
    bo_cache = team.app.state.team.cache_for(bo.user_id)
    computed = bo_cache.computed
    ada.api("POST", "/api/v1/wins", {"text": "another"})
    bo.get("/board")
    if team.settings.database_url.startswith("postgresql"):
        assert bo_cache.computed == computed  # ada's write did not empty bo's cache
