"""How momentum looks on the command line: JSON shapes and the lines people read.

`nextyes today` leads with these (wins and goals first, then gentle nudges), before what is due.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from nextyes import content
from nextyes.cli.output import say
from nextyes.domain.wins import Win
from nextyes.services.momentum.goals import GoalStatus


def goal_json(status: GoalStatus) -> dict[str, Any]:
    return {
        "metric": status.goal.metric.value,
        "target": status.goal.target,
        "period": status.goal.period,
        "since": status.goal.starts_on.isoformat(),
        "done": status.pace.done,
        "remaining": status.pace.remaining,
        "days_left": status.pace.days_left,
        "per_day": status.pace.per_day,
        "met": status.pace.met,
        "streak": status.streak,
        "last_week": (
            {"done": status.last_week.done, "target": status.last_week.target,
             "met": status.last_week.met}
            if status.last_week else None
        ),
        "message": status.message,
        "notes": list(status.notes),
    }  # fmt: skip


def win_json(win: Win) -> dict[str, Any]:
    return {
        "id": win.id,
        "on": win.occurred_on.isoformat(),
        "text": win.text,
        "kind": win.kind.value,
        "automatic": win.automatic,
        "application_id": win.application_id,
    }


def render_goal(status: GoalStatus) -> None:
    say(f"• {status.message}", style="good" if status.pace.met else None)
    for note in status.notes:
        say(f"    {note}", style="dim")


def render_today_momentum(sections: Mapping[str, Any]) -> None:
    """The top of `nextyes today`: this week's wins and goals."""
    words = content.load("momentum/messages")
    wins = sections.get("wins") or {}
    goals: Sequence[Mapping[str, Any]] = sections.get("goals") or []
    if not wins.get("this_week") and not goals:
        return
    say(words["today"]["this_week"], style="bold")
    count = int(wins.get("this_week", 0))
    if count:
        key = "wins_count_one" if count == 1 else "wins_count"
        say(content.fill(words["today"][key], count=count))
        for item in wins["items"]:
            say(f"  ★ {item['text']}", style="good")
        if count > len(wins["items"]):
            say("  " + content.fill(words["today"]["more_wins"],
                                    count=count - len(wins["items"])), style="dim")  # fmt: skip
    else:
        say(words["wins"]["this_week_none"], style="dim")
    for goal in goals:
        say(f"• {goal['message']}", style="good" if goal["met"] else None)
        for note in goal["notes"]:
            say(f"    {note}", style="dim")
    say()


def render_today_nudges(sections: Mapping[str, Any]) -> None:
    nudges: Sequence[Mapping[str, Any]] = sections.get("nudges") or []
    if not nudges:
        return
    say()
    say(content.load("momentum/messages")["today"]["looking_after"], style="bold")
    for nudge in nudges:
        say(f"• {nudge['text']}")
        say(f"    {nudge['suggestion']}", style="dim")
