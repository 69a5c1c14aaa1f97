"""`nextyes today`: what needs attention now."""

from __future__ import annotations

from typing import Any

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, format_option, say
from nextyes.services.today.agenda import Agenda, AgendaItem, build_agenda


def agenda_json(agenda: Agenda) -> dict[str, Any]:
    data: dict[str, Any] = {
        "date": agenda.today.isoformat(),
        "items": [
            {
                "kind": i.kind,
                "title": i.title,
                "due_on": i.due_on.isoformat(),
                "at": i.at,
                "detail": i.detail,
                "suggestion": i.suggestion,
                "application_id": i.application_id,
                "key": i.key,
            }
            for i in agenda.items
        ],
        "more": agenda.more,
    }
    data.update(agenda.sections)
    return data


@click.command()
@format_option("table", "json")
@pass_app
def today(app: AppContext, fmt: str) -> None:
    """What needs your attention today.

    This week's wins and goals first; then interviews coming up (with a reminder to prepare the
    day before), applications that have been quiet for a while, people to follow up with, and
    anything else that is due; and a gentle word when the week has been heavy.
    """
    agenda = build_agenda(app.uow(), app.now())
    if fmt == "json":
        emit_json(agenda_json(agenda))
        return
    from nextyes.cli.commands.momentum.views import render_today_momentum, render_today_nudges

    words = content.load("pipeline/messages")["today"]
    say(f"Today, {agenda.today:%A %d %B %Y}", style="bold")
    render_today_momentum(agenda.sections)
    cool_down = agenda.sections.get("cool_down")
    if cool_down:
        _cool_down(cool_down)
    if not agenda.items:
        say(words["nothing"])
        render_today_nudges(agenda.sections)
        return
    due = [i for i in agenda.items if i.due_on <= agenda.today]
    ahead = [i for i in agenda.items if i.due_on > agenda.today]
    for item in sorted(due, key=lambda i: i.priority):
        _item(item)
    for kind, count in agenda.more.items():
        say(content.fill(words[f"more_{kind}"], count=count), style="dim")
    if ahead:
        say()
        say(words["coming_up"], style="bold")
        for item in ahead:
            _item(item)
    render_today_nudges(agenda.sections)


def _item(item: AgendaItem) -> None:
    ref = f"  #{item.application_id}" if item.application_id else ""
    say(f"• {item.title}{ref}")
    if item.detail:
        say(f"    {item.detail}", style="dim")
    if item.suggestion:
        say(f"    {item.suggestion}", style="dim")


def _cool_down(state: dict[str, Any]) -> None:
    words = content.load("recovery/next_steps")["today"]
    say(content.fill(words["cool_down"], company=state["company"], role=state["role"],
                     window=state["text"]))  # fmt: skip
    say(f"    {words['held_back']}", style="dim")
    say()
