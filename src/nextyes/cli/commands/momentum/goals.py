"""`nextyes goal`: weekly goals, with progress, pace and streaks."""

from __future__ import annotations

import click

from nextyes import content
from nextyes.cli.commands.momentum.views import goal_json, render_goal
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.groups import DefaultGroup
from nextyes.cli.output import emit_json, format_option, say
from nextyes.services.momentum import goals as service

# "-3/week" must reach the service (and its clear message), not be read as an option.
TARGET_SETTINGS = {"ignore_unknown_options": True}


@click.group(cls=DefaultGroup, default_if_empty="list")
def goal() -> None:
    """Weekly goals: progress, pace and streaks.

    Goals count applications sent, networking touches (contacts logged) and practice sessions,
    week by week from Monday. `nextyes goal` alone shows how this week is going.

    \b
      nextyes goal set applications 10/week
      nextyes goal set networking 3/week
      nextyes goal stop practice
    """


@goal.command(name="set", context_settings=TARGET_SETTINGS)
@click.argument("metric")
@click.argument("target")
@format_option("text", "json")
@pass_app
def set_(app: AppContext, metric: str, target: str, fmt: str) -> None:
    """Set a weekly goal, or change its target from this week on.

    METRIC is applications, networking or practice; TARGET is a number per week, such as
    10/week.
    """
    change = service.set_goal(app.uow(), metric, target, app.now())
    if fmt == "json":
        emit_json(goal_json(change.status))
        return
    say(change.message)
    render_goal(change.status)


@goal.command(name="list")
@format_option("table", "json")
@pass_app
def list_(app: AppContext, fmt: str) -> None:
    """Show each goal's progress this week, the pace for the rest of it, and streaks."""
    statuses = service.goal_statuses(app.uow(), app.today())
    if fmt == "json":
        emit_json([goal_json(s) for s in statuses])
        return
    if not statuses:
        say(content.load("momentum/messages")["goals"]["none"])
        return
    for status in statuses:
        render_goal(status)


@goal.command()
@click.argument("metric")
@pass_app
def stop(app: AppContext, metric: str) -> None:
    """Stop a goal (its past weeks stay in the journal)."""
    say(service.stop_goal(app.uow(), metric, app.now()))
