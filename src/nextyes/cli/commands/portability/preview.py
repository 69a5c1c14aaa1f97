"""The preview `nextyes import csv` shows before it writes, and what it says afterwards."""

from __future__ import annotations

from typing import Any

import click

from nextyes import content
from nextyes.cli.output import emit_json, emit_table, say
from nextyes.services.portability.csv_import import CsvImported, CsvPlan

PREVIEW_ROWS = 15


def _plan_json(plan: CsvPlan) -> dict[str, Any]:
    return {
        "file": plan.name,
        "columns": dict(zip(plan.columns.columns, plan.columns.fields, strict=True)),
        "rows": [
            {
                "line": r.line,
                "company": r.company,
                "role": r.role,
                "stage": r.stage.value,
                "applied_on": r.applied_on,
                "stage_on": r.stage_on,
                "source": r.source,
                "existing_id": r.existing_id,
                "notes": dict(r.extras),
            }
            for r in plan.rows
        ],
        "new": len(plan.new),
        "known": len(plan.known),
    }


def show_plan(plan: CsvPlan, *, fmt: str, dry_run: bool, ask: bool) -> bool:
    """Show what the import would do; True when it should go ahead."""
    words = content.load("portability/messages")["csv_import"]
    if fmt == "json":
        if dry_run or not plan.new:
            emit_json({**_plan_json(plan), "imported": []})
            return False
    else:
        _show_text(plan, words)
        if not plan.new:
            say(content.fill(words["nothing_new"], file=plan.name))
            return False
        if dry_run:
            say(content.fill(words["dry_run"]))
            return False
    if not ask:
        return True
    try:
        go = click.confirm(
            content.fill(words["confirm"], new=len(plan.new)), default=True, err=True
        )
    except click.Abort:
        go = False
    if not go:
        click.echo(words["declined"], err=True)
    return go


def _show_text(plan: CsvPlan, words: dict[str, str]) -> None:
    described = {"note": words["kept_as_note"], "skip": words["left_out"]}
    say(content.fill(words["columns_title"]), style="bold")
    for column, field in zip(plan.columns.columns, plan.columns.fields, strict=True):
        say(f"  {column} → {described.get(field, field)}")
    say()
    rows = [
        (r.line, r.company, r.role, r.stage.value,
         r.applied_on.isoformat() if r.applied_on else "",
         words["new"] if r.is_new else content.fill(words["known"], id=r.existing_id))
        for r in plan.rows[:PREVIEW_ROWS]
    ]  # fmt: skip
    more = len(plan.rows) - len(rows)
    emit_table(
        ("line", "company", "role", "stage", "applied", "in nextyes"),
        rows,
        title=content.fill(words["preview_title"], file=plan.name),
        caption=f"… and {more} more rows" if more > 0 else None,
        justify={"line": "right"},
    )
    new, known = _count(len(plan.new), "new application"), len(plan.known)
    say(content.fill(words["summary"], new=new, known=known))


def show_result(plan: CsvPlan, done: CsvImported, *, fmt: str) -> None:
    words = content.load("portability/messages")["csv_import"]
    if fmt == "json":
        emit_json(
            {
                **_plan_json(plan),
                "imported": list(done.added),
                "backup": str(done.backup) if done.backup else None,
            }
        )
        return
    added = _count(len(done.added), "application")
    say(content.fill(words["done"], added=added, file=plan.name), style="good")
    if done.backup:
        say(content.fill(words["backup"], path=done.backup))


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"
