"""Your data, from the browser: exports, imports (with the same preview as the command line),
backups to download and restores from an uploaded backup, through the services the CLI uses."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.responses import FileResponse

from nextyes import content
from nextyes.domain.tracker_columns import DAY_ORDERS, FIELDS, PRESETS
from nextyes.errors import InvalidInput, NextyesError, Words
from nextyes.services.portability import backups
from nextyes.services.portability import csv_import as csv_service
from nextyes.web.deps import WebDep
from nextyes.web.errors import in_browser
from nextyes.web.rendering import page, redirect
from nextyes.web.uploads import find_upload, save_upload, upload_of

router = APIRouter()
EXPORTS = {
    "journal.json": "application/json",
    "applications.csv": "text/csv; charset=utf-8",
    "stages.csv": "text/csv; charset=utf-8",
}
PREVIEW_ROWS = 15
# The encodings the import form offers ("" is UTF-8, the usual one; a byte-order mark decides).
ENCODINGS = ("", "cp1252", "latin-1", "mac_roman", "utf-16")
SEPARATORS = {"comma": ",", "semicolon": ";", "tab": "\t", "bar": "|"}


def separator_of(delimiter: str) -> str:
    return next((name for name, char in SEPARATORS.items() if char == delimiter), "comma")


def said(key: str, **values: object) -> str:
    return content.fill(content.load("portability/messages")["web"][key], **values)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


@router.get("/data", response_class=HTMLResponse)
async def data(request: Request, web: WebDep) -> HTMLResponse:
    found = backups.list_backups(web.settings) if web.settings.is_sqlite else []
    values = {"backups": found[:10], "sqlite": web.settings.is_sqlite, "w": _words(),
              "options": csv_service.CsvOptions(), "separator_of": separator_of}  # fmt: skip
    return page(request, "data.html", values)


def _words() -> dict[str, str]:
    words: dict[str, str] = content.load("portability/messages")["web"]
    return words


@router.get("/data/export/{name}")
async def export(web: WebDep, name: str) -> Response:
    """The journal as a file to download: journal.json, applications.csv, stages.csv, or
    journal.db (a journal file for nextyes on one's own computer)."""
    if name == "journal.db":
        return await run_in_threadpool(_journal_file, web)
    if name not in EXPORTS:
        raise InvalidInput(content.fill(content.load("web")["forms"]["no_export"], name=name))
    if name == "journal.json":
        from nextyes.services.portability.journal_json import export_journal_text

        text, _ = export_journal_text(web.uow(), web.now())
    else:
        from nextyes.services.portability.csv_export import export_csv

        text = export_csv(web.uow(), name.removesuffix(".csv"))
    stamp = web.today().isoformat()
    stem, suffix = name.split(".")
    headers = {"Content-Disposition": f'attachment; filename="nextyes-{stem}-{stamp}.{suffix}"'}
    return Response(text.encode("utf-8"), media_type=EXPORTS[name], headers=headers)


@router.post("/data/import/csv", response_class=HTMLResponse)
async def preview_csv(request: Request, web: WebDep) -> Response:
    """Keep the spreadsheet and show what an import would do; nothing is written yet."""
    async with request.form() as form:
        upload = upload_of(form.get("file"), said("no_file"))
        kept = await save_upload(web.settings, upload, ".csv")
        return _preview(request, web, kept, upload.filename or "the file", form)


@router.post("/data/import/csv/preview", response_class=HTMLResponse)
async def reread_csv(request: Request, web: WebDep) -> Response:
    """Read the kept spreadsheet again, the way the user chose (separator, encoding, dates,
    what each column holds), and show the preview again."""
    async with request.form() as form:
        return _preview(request, web, _kept_csv(web, form), _name_of(form), form)


def _preview(request: Request, web: WebDep, kept: Path, name: str, form: FormData) -> Response:
    """The preview, or the problem with the choices that fix it (the file stays kept)."""
    data = kept.read_bytes()
    options = _csv_options(form)
    header: tuple[str, ...] = ()
    plan = problem = None
    try:
        header = csv_service.read_columns(data, name, options)
        options = replace(options, mapping=_column_choices(form, header))
        plan = csv_service.plan_csv_import(web.uow(), data, name, options, web.today())
    except NextyesError as exc:
        problem = in_browser(exc)
    if plan is not None and not plan.new:
        kept.unlink(missing_ok=True)
        return redirect("/data", said("nothing_new", file=plan.name))
    read_as = dict(zip(plan.columns.columns, plan.columns.fields, strict=True)) if plan else {}
    columns = [(i, column, options.mapping.get(column, ""), read_as.get(column))
               for i, column in enumerate(header)]  # fmt: skip
    values = {"plan": plan, "problem": problem, "shown": plan.rows[:PREVIEW_ROWS] if plan else (),
              "token": kept.stem, "name": name, "columns": columns, "options": options,
              "separator_of": separator_of, "fields": FIELDS, "w": _words(),
              "cli": content.load("portability/messages")["csv_import"]}  # fmt: skip
    return page(request, "data_csv_preview.html", values, status=422 if problem else 200)


def _kept_csv(web: WebDep, form: FormData) -> Path:
    kept = find_upload(web.settings, str(form.get("token", "")), ".csv")
    if kept is None:
        raise InvalidInput(said("no_file_kept"))
    return kept


def _name_of(form: FormData) -> str:
    return str(form.get("name", "") or "the file")[:200]


def _csv_options(form: FormData) -> csv_service.CsvOptions:
    """The choices of the import form; anything the form does not offer is refused."""
    chosen = {key: str(form.get(key, "") or "") for key in ("preset", "dates", "delimiter",
                                                              "encoding")}  # fmt: skip
    preset, separator = chosen["preset"] or "generic", chosen["delimiter"] or "comma"
    if (preset not in PRESETS or chosen["dates"] not in ("", *DAY_ORDERS)
            or separator not in SEPARATORS or chosen["encoding"] not in ENCODINGS):  # fmt: skip
        raise InvalidInput(said("bad_choice"))
    return csv_service.CsvOptions(
        preset=preset, delimiter=SEPARATORS[separator], encoding=chosen["encoding"] or None,
        dates=chosen["dates"] or None,
    )  # fmt: skip


def _column_choices(form: FormData, header: tuple[str, ...]) -> dict[str, str]:
    """What the user said a column holds (`column-N`), for the columns they chose for."""
    mapping: dict[str, str] = {}
    for i, column in enumerate(header):
        field = str(form.get(f"column-{i}", "") or "")
        if field and field not in FIELDS:
            raise InvalidInput(said("bad_choice"), web=Words("portability/web", "map_form"))
        if field:
            mapping[column] = field
    return mapping


@router.post("/data/import/csv/apply")
async def apply_csv(request: Request, web: WebDep) -> Response:
    """Import what the preview showed (the file kept since then, read again the same way)."""
    async with request.form() as form:
        kept, name = _kept_csv(web, form), _name_of(form)
        data = kept.read_bytes()
        options = _csv_options(form)
        header = csv_service.read_columns(data, name, options)
        options = replace(options, mapping=_column_choices(form, header))
        plan = csv_service.plan_csv_import(web.uow(), data, name, options, web.today())
        done = csv_service.apply_csv_import(web.journal, plan, web.now())
        kept.unlink(missing_ok=True)
        return redirect("/data", said("imported_csv", added=_count(len(done.added), "application"),
                                      file=plan.name))  # fmt: skip


@router.post("/data/import/json")
async def import_json(request: Request, web: WebDep) -> Response:
    from nextyes.services.portability.journal_json import import_journal

    async with request.form() as form:
        upload = upload_of(form.get("file"), said("no_file"))
        data = await upload.read()
        done = import_journal(web.journal, data, upload.filename or "the file")
        applications = done.counts.get("applications", 0)
        counts = content.load("portability/messages")["counts"]
        return redirect(
            "/data",
            said(
                "imported_json_backup" if done.backup else "imported_json",
                applications=content.counted(counts["applications"], applications),
                others=content.counted(counts["others"], done.total - applications),
            ),
        )


def _journal_file(web: WebDep) -> Response:
    import tempfile

    from nextyes.services.portability.journal_file import export_journal_file

    with tempfile.TemporaryDirectory(prefix="nextyes-export-") as folder:
        body = export_journal_file(web.journal, Path(folder), web.now()).read_bytes()
    name = f"nextyes-journal-{web.today().isoformat()}.db"
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}
    return Response(body, media_type="application/vnd.sqlite3", headers=headers)


@router.post("/data/import/journal-file")
async def import_journal_file(request: Request, web: WebDep) -> Response:
    """A whole journal file (journal.db from one's own computer) into this empty journal."""
    from nextyes.services.portability.journal_file import import_journal_file as bring_in

    async with request.form() as form:
        upload = upload_of(form.get("file"), said("no_file"))
        kept = await save_upload(web.settings, upload, ".db")
        name = (upload.filename or "the file")[:200]
        try:
            done = await run_in_threadpool(bring_in, web.journal, kept, name, web.now())
        finally:
            kept.unlink(missing_ok=True)
        applications = done.counts.get("applications", 0)
        return redirect("/data", content.fill(
            content.load("portability/messages")["journal_file"]["imported"],
            applications=applications, others=done.total - applications, file=name,
        ))  # fmt: skip


@router.post("/data/backup")
async def take_backup(web: WebDep) -> Response:
    """Take a backup and hand it over as a download (it is kept in the backups folder too)."""
    taken = backups.take_backup(web.settings)
    return FileResponse(
        taken.path, media_type="application/vnd.sqlite3", filename=taken.path.name,
        headers={"Cache-Control": "no-store"},
    )  # fmt: skip


@router.get("/data/backups/{name}")
async def download_backup(web: WebDep, name: str) -> Response:
    found = {b.path.name: b for b in backups.list_backups(web.settings)}
    if name not in found:
        raise InvalidInput(said("no_such_backup", name=name))
    return FileResponse(found[name].path, media_type="application/vnd.sqlite3", filename=name)


@router.post("/data/restore")
async def restore(request: Request, web: WebDep) -> Response:
    """Check an uploaded backup, keep the current journal, and put the backup in its place."""
    async with request.form() as form:
        upload = upload_of(form.get("file"), said("no_file"))
        if not form.get("confirm"):
            raise InvalidInput(said("tick_to_restore", box=said("restore_confirm")))
        kept = await save_upload(web.settings, upload, ".db")
        name = upload.filename or "the backup"
        try:
            web.close()  # the journal file is about to be replaced: let go of it first
            done = backups.restore_backup(web.settings, kept)
        except NextyesError as exc:  # name the file as it was uploaded, not as it was kept
            raise type(exc)(exc.message.replace(str(kept), name), web=exc.web) from None
        finally:
            kept.unlink(missing_ok=True)
        count = _count(done.applications, "application")
        if done.previous:
            return redirect(
                "/data",
                said("restored", file=name, applications=count, previous=done.previous.name),
            )
        return redirect("/data", said("restored_fresh", file=name, applications=count))
