"""`export json` / `import json`: the whole journal out and back in, exactly, on both databases."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextyes.config import Settings
from nextyes.domain.models import Origin
from nextyes.errors import Conflict, InvalidInput
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import Journal, open_journal
from nextyes.services.portability.journal_json import export_journal, import_journal
from nextyes.storage.migrate import upgrade
from nextyes.storage.repositories.journal_rows import table_specs
from tests.conftest import NOW, Cli, snapshot

SERVER_ONLY = {"users", "alembic_version", "coach_shares", "journal_versions"}  # not journal rows


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def two_journals(
    request: pytest.FixtureRequest, tmp_path: Path
) -> Iterator[tuple[Journal, Journal]]:
    """Two fresh, separate journals on the same kind of database."""
    if request.param == "sqlite":
        urls = [f"sqlite:///{tmp_path / name / 'journal.db'}" for name in ("a", "b")]
    else:
        make: Callable[[], str] = request.getfixturevalue("make_pg_database")
        urls = [make(), make()]
        for url in urls:
            upgrade(url)
    first, second = (
        open_journal(Settings.from_env(home=tmp_path / f"home{i}", db=url))
        for i, url in enumerate(urls)
    )
    yield first, second
    first.close()
    second.close()


def _journal_rows(journal: Journal) -> dict[str, Any]:
    """Every journal row, table by table (rows in a stable order: tables without ids, such as
    settings, have no order of their own)."""
    return {
        k: sorted(rows, key=repr) for k, rows in snapshot(journal).items() if k not in SERVER_ONLY
    }


def _bytes(document: dict[str, Any]) -> bytes:
    return json.dumps(document).encode()


def _fill_every_table(journal: Journal) -> None:
    """Two rows in every journal table, with every kind of value, references between them."""
    db, owner = journal.db, journal.owner_id
    db.begin()
    ids: dict[str, list[int]] = {}
    for spec in table_specs():
        ids[spec.name] = []
        for i in range(2):
            row: dict[str, Any] = {"owner_id": owner}
            for column in spec.columns:
                if column.name == "id":
                    row["id"] = 10 * (i + 1) + 3  # gaps, as deletions leave them
                elif column.refers_to is not None:
                    row[column.name] = ids[column.refers_to][i] if i else None
                    if not column.nullable:
                        row[column.name] = ids[column.refers_to][i]
                elif column.kind == "text":
                    text = f'{spec.name}.{column.name} {i} naïve ✓ "quoted", = +1'
                    row[column.name] = text[: column.length] if column.length else text
                elif column.kind == "integer":
                    row[column.name] = column.largest if i else -5
                elif column.kind == "number":
                    row[column.name] = 0.125 + i
                elif column.kind == "flag":
                    row[column.name] = bool(i)
                elif column.kind == "date":
                    row[column.name] = date(2026, 2, 28) + timedelta(days=i)
                else:
                    row[column.name] = datetime(2026, 3, 29, 1, 30, 15 + i, tzinfo=UTC)
            names = list(row)
            db.execute(
                f"INSERT INTO {spec.name} ({', '.join(names)}) "
                f"VALUES ({', '.join(':' + n for n in names)})",
                row,
            )
            if spec.has_id:
                ids[spec.name].append(row["id"])
    db.commit()
    if db.dialect == "postgresql":
        db.begin()
        for spec in table_specs():
            if spec.has_id:
                db.execute(f"SELECT setval(pg_get_serial_sequence('{spec.name}', 'id'), 100)")
        db.commit()


def test_a_demo_journal_comes_back_exactly(two_journals: tuple[Journal, Journal]) -> None:
    source, target = two_journals
    fill_demo(source.uow(), NOW, count=40)
    document = export_journal(source.uow(), NOW)
    done = import_journal(target, _bytes(document), "demo.json")
    assert done.counts["applications"] == 40
    assert _journal_rows(target) == _journal_rows(source)
    assert export_journal(target.uow(), NOW) == document


def test_every_table_and_every_kind_of_value_comes_back_exactly(
    two_journals: tuple[Journal, Journal],
) -> None:
    source, target = two_journals
    _fill_every_table(source)
    document = export_journal(source.uow(), NOW)
    assert all(len(rows) == 2 for rows in document["tables"].values())
    import_journal(target, _bytes(document), "all.json")
    assert _journal_rows(target) == _journal_rows(source)
    assert export_journal(target.uow(), NOW) == document


def test_new_records_after_an_import_get_fresh_ids(two_journals: tuple[Journal, Journal]) -> None:
    source, target = two_journals
    _fill_every_table(source)
    import_journal(target, _bytes(export_journal(source.uow(), NOW)), "all.json")
    from nextyes.domain.models import NewApplication
    from nextyes.services.pipeline.applications import add_application

    added = add_application(
        target.uow(), NewApplication("Late Co", "Analyst", None), NOW, origin=Origin.CLI
    )
    assert added.id > 23


def test_ids_another_account_holds_are_renumbered_and_references_follow(
    journal: Journal, tmp_path: Path
) -> None:
    """On a team server other accounts hold ids; the imported rows get new ones."""
    other = open_journal(Settings.from_env(home=tmp_path / "other"))
    fill_demo(other.uow(), NOW, count=12)
    document = export_journal(other.uow(), NOW)
    other.close()
    db = journal.db
    db.begin()
    db.execute(
        "INSERT INTO users (username, role, disabled, created_at) "
        "VALUES ('sam', 'user', false, :now)",
        {"now": NOW},
    )
    sam = db.scalar("SELECT id FROM users WHERE username = 'sam'")
    db.execute(
        "INSERT INTO applications (id, owner_id, company, company_key, role, stage, stage_on, "
        "last_activity_on, created_at, updated_at) VALUES (1, :sam, 'Theirs', 'theirs', 'Role', "
        "'applied', :day, :day, :now, :now)",
        {"sam": sam, "day": NOW.date(), "now": NOW},
    )
    db.commit()
    import_journal(journal, _bytes(document), "team.json")
    again = export_journal(journal.uow(), NOW)
    mine = again["tables"]["applications"]
    assert len(mine) == 12 and all(a["id"] != 1 for a in mine)
    assert _without_ids(again) == _without_ids(document)


def _without_ids(document: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """The document with each id replaced by its row's position, references followed."""
    specs = {s.name: s for s in table_specs()}
    position = {
        name: {row["id"]: n for n, row in enumerate(rows)}
        for name, rows in document["tables"].items()
        if specs[name].has_id
    }
    result = {}
    for name, rows in document["tables"].items():
        out = []
        for row in rows:
            row = dict(row)
            if "id" in row:
                row["id"] = position[name][row["id"]]
            for column in specs[name].columns:
                if column.refers_to and row[column.name] is not None:
                    row[column.name] = position[column.refers_to][row[column.name]]
            out.append(row)
        result[name] = out
    return result


def test_importing_into_a_journal_that_holds_records_is_refused(
    journal: Journal, tmp_path: Path
) -> None:
    fill_demo(journal.uow(), NOW, count=12)
    document = export_journal(journal.uow(), NOW)
    before = snapshot(journal)
    with pytest.raises(Conflict, match="already holds 12 applications"):
        import_journal(journal, _bytes(document), "again.json")
    assert snapshot(journal) == before


# --- through the command line ---------------------------------------------------------------


@pytest.fixture
def exported(run: Cli, tmp_path: Path) -> dict[str, Any]:
    """An export of a small journal; the current home is then emptied for the import."""
    run.ok("--home", str(tmp_path / "source"), "demo", "--count", "12")
    return dict(json.loads(run.ok("--home", str(tmp_path / "source"), "export", "json").output))


def _state() -> dict[str, Any]:
    journal = open_journal(Settings.from_env())
    try:
        return snapshot(journal)
    finally:
        journal.close()


def test_export_writes_a_file_with_out_and_import_reads_it_back(
    run: Cli, exported: dict[str, Any], tmp_path: Path, home: Path
) -> None:
    source_home = str(tmp_path / "source")
    out = tmp_path / "journal.json"
    assert "Exported" in run.ok("--home", source_home, "export", "json", "--out", str(out)).output
    result = run.ok("import", "json", str(out))
    assert "Brought back 12 applications and " in result.output
    assert "backup" not in result.output and "kept at" not in result.output
    assert not (home / "backups").exists(), "a new home held nothing to back up"
    again = json.loads(run.ok("export", "json").output)
    assert again["tables"] == exported["tables"]
    assert again["format"] == "nextyes-journal" and again["version"] == 1


def test_import_with_the_kind_left_out_reads_it_from_the_files_name(
    run: Cli, exported: dict[str, Any], tmp_path: Path, home: Path
) -> None:
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    assert "Brought back 12 applications" in run.ok("import", str(path)).output
    sheet = tmp_path / "sheet.csv"
    sheet.write_text("company,role\nBrightwell,Analyst\n", encoding="utf-8")
    assert "Added 1 application" in run.ok("import", str(sheet), "--yes").output
    notes = tmp_path / "notes.txt"
    notes.write_text("company,role\n", encoding="utf-8")
    refused = run.fails("import", str(notes))
    assert "cannot tell what kind of file" in refused.output
    assert (
        "nextyes import json FILE" in refused.output and "nextyes import csv FILE" in refused.output
    )


def test_an_import_into_an_opened_but_empty_journal_speaks_of_no_backup(
    run: Cli, exported: dict[str, Any], tmp_path: Path, home: Path
) -> None:
    run.ok("list")  # the journal file exists, with nothing in it
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    result = run.ok("import", "json", str(path))
    assert "Brought back 12 applications" in result.output
    assert "backup" not in result.output and "kept at" not in result.output
    assert not (home / "backups").exists()


def test_an_import_into_a_journal_with_settings_keeps_them_in_a_backup_and_says_where(
    run: Cli, exported: dict[str, Any], tmp_path: Path, home: Path
) -> None:
    run.ok("settings", "follow_up_after_applied_days", "14")
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    result = run.ok("import", "json", str(path))
    [backup] = (home / "backups").glob("*-before-import.db")
    assert f"Your journal as it was before is kept at {backup}." in result.output


def test_an_import_into_a_journal_with_one_application_counts_it_right_and_says_what_to_do(
    run: Cli, exported: dict[str, Any], tmp_path: Path, home: Path
) -> None:
    run.ok("add", "Acme Robotics", "Data Analyst")
    path = tmp_path / "journal.json"
    path.write_text(json.dumps(exported), encoding="utf-8")
    before = _state()
    result = run.fails("import", "json", str(path))
    assert "already holds 1 application, so nothing was imported" in result.output
    assert f"nextyes --home NEW_FOLDER import json {path}" in result.output
    assert _state() == before
    assert not (home / "backups").exists()


def test_an_export_to_a_place_that_cannot_be_written_says_so(run: Cli, tmp_path: Path) -> None:
    run.ok("add", "Acme", "Analyst")
    result = run.fails("export", "json", "--out", str(tmp_path / "no" / "such" / "x.json"))
    assert "does not exist" in result.output
    assert "is a folder" in run.fails("export", "json", "--out", str(tmp_path)).output


def _mutate(document: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> bytes:
    copy = json.loads(json.dumps(document))
    change(copy)
    return json.dumps(copy).encode()


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(doc: dict[str, Any]) -> None:
        node = doc
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value

    return change


BAD_DOCUMENTS: dict[str, tuple[Callable[[dict[str, Any]], bytes], str]] = {
    "not json": (lambda d: b"{not json", "not valid JSON"),
    "not utf-8": (lambda d: "café".encode("latin-1"), "not UTF-8"),
    "another program": (lambda d: b'{"jobs": []}', "not written by nextyes"),
    "another format": (lambda d: _mutate(d, _set(("format",), "trello")), '"trello"'),
    "a newer format": (lambda d: _mutate(d, _set(("version",), 2)), "newer nextyes"),
    "an unknown format version": (lambda d: _mutate(d, _set(("version",), "one")), "does not know"),
    "a newer schema": (lambda d: _mutate(d, _set(("schema",), "0999")), "schema '0999'"),
    "an unknown table": (lambda d: _mutate(d, _set(("tables", "pets"), [])), "'pets'"),
    "an unknown field": (
        lambda d: _mutate(d, _set(("tables", "applications", 0, "mood"), 3)),
        "(mood)",
    ),
    "a bad date": (
        lambda d: _mutate(d, _set(("tables", "applications", 0, "stage_on"), "31/12/2026")),
        "not an ISO date",
    ),
    "a missing value": (
        lambda d: _mutate(d, _set(("tables", "applications", 0, "company"), None)),
        "'company' is empty",
    ),
    "a dangling reference": (
        lambda d: _mutate(d, _set(("tables", "stage_events", 0, "application_id"), 999)),
        "applications 999",
    ),
    "a repeated id": (
        lambda d: _mutate(d, _set(("tables", "applications", 1, "id"), 1)),
        "repeats id 1",
    ),
    "a flag as text": (
        lambda d: _mutate(d, _set(("tables", "stage_events", 0, "correction"), "no")),
        "true or false",
    ),
    "rows that are not objects": (
        lambda d: _mutate(d, _set(("tables", "notes"), [1, 2])),
        "not an object",
    ),
    "no tables": (lambda d: _mutate(d, _set(("tables",), None)), "no list of rows"),
}


@pytest.mark.parametrize("kind", sorted(BAD_DOCUMENTS))
def test_a_file_that_cannot_be_imported_is_refused_and_nothing_changes(
    run: Cli, exported: dict[str, Any], tmp_path: Path, home: Path, kind: str
) -> None:
    make, message = BAD_DOCUMENTS[kind]
    path = tmp_path / "bad.json"
    path.write_bytes(make(exported))
    run.ok("settings")  # the journal exists, empty
    before = _state()
    result = run.fails("import", "json", str(path))
    assert message in result.output
    assert _state() == before
    assert not (home / "backups").exists()


def test_a_missing_file_is_a_usage_error(run: Cli, tmp_path: Path) -> None:
    assert "No such file" in run.fails("import", "json", str(tmp_path / "none.json")).output


def test_the_export_format_page_lists_every_table_and_field_as_the_schema_has_them() -> None:
    """docs/export-format.md's table list is generated: `python scripts/export_format.py`."""
    import subprocess
    import sys

    script = Path(__file__).resolve().parents[2] / "scripts" / "export_format.py"
    out = subprocess.run([sys.executable, str(script), "--check"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


values = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20),
    st.lists(st.integers(), max_size=2), st.dictionaries(st.text(max_size=3), st.integers(), max_size=2),
)  # fmt: skip


@pytest.fixture(scope="module")
def small_export(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Any], Path]:
    """A demo journal's export, and an empty journal file to copy for each attempt."""
    folder = tmp_path_factory.mktemp("small")
    source = open_journal(Settings.from_env(home=folder / "source"))
    empty = open_journal(Settings.from_env(home=folder / "empty"))
    try:
        fill_demo(source.uow(), NOW, count=10)
        return export_journal(source.uow(), NOW), empty.settings.sqlite_path
    finally:
        source.close()
        empty.close()


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_a_damaged_export_is_either_imported_whole_or_refused_whole(
    tmp_path_factory: pytest.TempPathFactory,
    small_export: tuple[dict[str, Any], Path],
    data: st.DataObject,
) -> None:
    import shutil

    exported, empty = small_export
    document = json.loads(json.dumps(exported))
    home = tmp_path_factory.mktemp("fuzz")
    shutil.copyfile(empty, home / "journal.db")
    target = open_journal(Settings.from_env(home=home))
    try:
        table = data.draw(st.sampled_from(sorted(k for k, v in document["tables"].items() if v)))
        rows = document["tables"][table]
        row = rows[data.draw(st.integers(0, len(rows) - 1))]
        field = data.draw(st.sampled_from(sorted(row)))
        row[field] = data.draw(values)
        before = snapshot(target)
        try:
            import_journal(target, _bytes(document), "fuzz.json")
        except InvalidInput:
            assert snapshot(target) == before
        else:
            assert len(snapshot(target)["applications"]) == 10
    finally:
        target.close()


def test_every_export_takes_out_the_calendar_too(run: Cli, tmp_path: Path) -> None:
    run.ok("add", "Acme", "Analyst")
    run.ok("move", "1", "interview", "--on", "2026-11-25")
    out = tmp_path / "due.ics"
    run.ok("calendar", "export", "--out", str(out))
    assert out.read_text().startswith("BEGIN:VCALENDAR")
    assert "once" in run.fails("calendar", "export", "a.ics", "--out", "b.ics").output
