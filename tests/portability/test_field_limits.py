"""What nextyes accepts, its own export imports again: one set of field limits at every edge.

Journals are built through the command line and the JSON API from generated values (lengths
around each limit, NUL characters, broken surrogates, "&" that grows in the company key). Each
command either does it (exit 0 / 201) or says what to shorten (exit 2 / 422), never a crash;
the journal then exports and imports into an empty one, which exports the same document.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from nextyes.config import Settings
from nextyes.domain.limits import FIELD_LIMITS
from nextyes.services.journal import open_journal
from nextyes.services.portability.journal_json import export_journal
from nextyes.storage.migrate import upgrade
from nextyes.storage.schema import metadata
from nextyes.web.app import create_app
from tests.conftest import NOW, Cli, _empty_pg

PIECES = st.sampled_from(["a", "&", "é", " ", "\x00", "\ud800", "Ω", "1", "-", "\t"])


def _text(limit: int) -> st.SearchStrategy[str]:
    """Text near a limit: short, just under, at, just over, far over."""
    sizes = st.sampled_from([1, 3, limit - 1, limit, limit + 1, limit * 3])
    return sizes.flatmap(lambda n: st.lists(PIECES, min_size=n, max_size=n).map("".join))


LIMITS = FIELD_LIMITS["applications"]
CONTACTS = FIELD_LIMITS["contacts"]

ADD = st.fixed_dictionaries(
    {
        "company": _text(LIMITS["company"]),
        "--source": _text(LIMITS["source"]),
        "--resume": _text(LIMITS["resume_version"]),
        "--salary": _text(LIMITS["salary"]),
        "--location": _text(LIMITS["location"]),
    }
)
CONTACT = st.fixed_dictionaries(
    {"name": _text(CONTACTS["name"]), "--phone": _text(CONTACTS["phone"])}
)


def test_the_field_limits_are_the_columns_of_the_schema() -> None:
    columns = {
        table.name: {
            c.name: c.type.length
            for c in table.columns
            if isinstance(c.type, sa.String) and c.type.length
        }
        for table in metadata.tables.values()
    }
    assert {name: found for name, found in columns.items() if found} == FIELD_LIMITS


def _database(kind: str, request: pytest.FixtureRequest, folder: Path) -> Callable[[], str]:
    """A function that gives an empty journal's URL each time it is called."""
    if kind == "sqlite":
        return lambda: f"sqlite:///{tempfile.mkdtemp(dir=folder)}/journal.db"
    make: Callable[[], str] = request.getfixturevalue("make_pg_database")
    url = make()
    upgrade(url)

    def empty() -> str:
        _empty_pg(url)
        return url

    return empty


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def databases(request: pytest.FixtureRequest, tmp_path: Path) -> tuple[Callable[[], str], ...]:
    """Two sources of empty journals (one to build, one to import into)."""
    folder = tmp_path / "journals"
    folder.mkdir()
    if request.param == "sqlite":
        return _database("sqlite", request, folder), _database("sqlite", request, folder)
    return _database("pg", request, folder), _database("pg", request, folder)


def _document(url: str, home: Path) -> dict[str, Any]:
    journal = open_journal(Settings.from_env(home=home, db=url))
    try:
        document = export_journal(journal.uow(), NOW)
    finally:
        journal.close()
    document.pop("exported_at", None)
    return document


def _round_trip(source: str, target: str, run: Cli, folder: Path) -> None:
    out = folder / "journal.json"
    exported = run("--db", source, "export", "json", "--out", str(out))
    assert exported.exit_code == 0, exported.output
    imported = run("--db", target, "import", "json", str(out))
    assert imported.exit_code == 0, imported.output
    assert _document(target, folder) == _document(source, folder)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=(Phase.explicit, Phase.generate),
)
@given(adds=st.lists(ADD, min_size=1, max_size=3), contacts=st.lists(CONTACT, max_size=2))
def test_a_journal_built_on_the_command_line_exports_and_imports_again(
    databases: tuple[Callable[[], str], ...],
    tmp_path: Path,
    run: Cli,
    adds: list[dict[str, str]],
    contacts: list[dict[str, str]],
) -> None:
    source, target = databases[0](), databases[1]()
    for values in adds:
        options = [x for k, v in values.items() if k.startswith("--") for x in (k, v)]
        result = run("--db", source, "add", values["company"], "Analyst", *options, "--yes")
        assert result.exit_code in (0, 2), (result.output, result.exception)
    for values in contacts:
        result = run("--db", source, "contact", "add", values["name"], "--phone", values["--phone"])
        assert result.exit_code in (0, 2), (result.output, result.exception)
    _round_trip(source, target, run, tmp_path)


API_ADD = st.fixed_dictionaries(
    {
        "company": _text(LIMITS["company"]),
        "role": _text(LIMITS["role"]),
        "source": _text(LIMITS["source"]),
        "salary": _text(LIMITS["salary"]),
        "resume_version": _text(LIMITS["resume_version"]),
    }
)


@settings(
    max_examples=6,
    deadline=None,
    suppress_health_check=list(HealthCheck),
    phases=(Phase.explicit, Phase.generate),
)
@given(bodies=st.lists(API_ADD, min_size=1, max_size=3))
def test_a_journal_built_through_the_api_exports_and_imports_again(
    databases: tuple[Callable[[], str], ...], tmp_path: Path, run: Cli, bodies: list[dict[str, str]]
) -> None:
    source, target = databases[0](), databases[1]()
    app = create_app(Settings.from_env(home=tmp_path / "web", db=source), port=8765)
    with TestClient(app, base_url="http://127.0.0.1:8765") as client:
        token = client.get("/api/v1/session").json()["csrf_token"]
        for body in bodies:
            # JSON cannot carry a lone surrogate; the API would see the replacement character
            wire = json.loads(json.dumps(body).replace("\\ud800", "\\ufffd"))
            answer = client.post("/api/v1/applications", json=wire, headers={"X-CSRF-Token": token})
            assert answer.status_code in (201, 422), answer.text
    _round_trip(source, target, run, tmp_path)
