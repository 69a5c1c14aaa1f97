"""`nextyes story`: your STAR stories, tagged by the themes they answer."""

from __future__ import annotations

from typing import Any

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, emit_table, format_option, say
from nextyes.domain.stories import PARTS, NewStory, Story
from nextyes.domain.themes import Theme

THEMES = click.Choice([t.value for t in Theme])


def _said(key: str, **values: object) -> str:
    """What `nextyes story` says, from content/learning/practice.toml [stories]."""
    return content.fill(content.load("learning/practice")["stories"][key], **values)


@click.group()
def story() -> None:
    """Your STAR stories, ready for interviews and tagged by theme.

    \b
    nextyes story add "The migration rescue" --situation ... --task ... --action ... \\
        --result ... --theme behavioural_answers --theme technical_skills
    nextyes story list [--theme communication]
    nextyes story show ID
    nextyes story edit ID --result "Cut the report from 3 days to 2 hours"
    nextyes story delete ID
    """


@story.command()
@click.argument("title")
@click.option("--situation", help="Where and when; what was going on.")
@click.option("--task", help="What you had to do, or the problem you owned.")
@click.option("--action", help="What you did (say 'I').")
@click.option("--result", help="How it turned out, with a number if you have one.")
@click.option(
    "--theme",
    "themes",
    multiple=True,
    type=THEMES,
    help="A feedback theme it answers (repeat for several).",
)
@format_option("text", "json")
@pass_app
def add(
    app: AppContext, title: str, situation: str | None, task: str | None, action: str | None,
    result: str | None, themes: tuple[str, ...], fmt: str,
) -> None:  # fmt: skip
    """Add a story to your bank (parts can be filled in over time)."""
    from nextyes.services.learning.stories import add_story

    new = NewStory(title, situation, task, action, result, themes)
    saved = add_story(app.uow(), new, app.today(), app.now())
    if fmt == "json":
        emit_json(story_json(saved))
        return
    say(_said("saved", id=saved.id, title=saved.title))
    if saved.missing:
        say(_said("still_to_write", parts=", ".join(saved.missing)), style="dim")


@story.command(name="list")
@click.option("--theme", help="Only stories tagged with this theme.")
@format_option("table", "json")
@pass_app
def list_(app: AppContext, theme: str | None, fmt: str) -> None:
    """List your stories, oldest first."""
    from nextyes.services.learning.stories import list_stories

    stories = list_stories(app.uow(), theme)
    if fmt == "json":
        emit_json([story_json(s) for s in stories])
        return
    if not stories:
        say(_said("none"))
        return
    emit_table(
        ("id", "title", "themes", "missing"),
        ((s.id, s.title, ", ".join(s.themes), ", ".join(s.missing) or "-") for s in stories),
        justify={"id": "right"},
    )


@story.command()
@click.argument("story_id", type=int, metavar="ID")
@format_option("text", "json")
@pass_app
def show(app: AppContext, story_id: int, fmt: str) -> None:
    """Show one story in full."""
    from nextyes.services.learning.stories import get_story

    found = get_story(app.uow(), story_id)
    if fmt == "json":
        emit_json(story_json(found))
        return
    say(found.title, style="bold")
    for part in PARTS:
        text = getattr(found, part) or _said("not_written")
        say(_said("part", part=part.capitalize(), text=text))
    if found.themes:
        say(_said("themes", themes=", ".join(found.themes)), style="dim")


@story.command()
@click.argument("story_id", type=int, metavar="ID")
@click.option("--title", help="A few words to recognise it by.")
@click.option("--situation", help="Where and when; what was going on.")
@click.option("--task", help="What you had to do, or the problem you owned.")
@click.option("--action", help="What you did (say 'I').")
@click.option("--result", help="How it turned out, with a number if you have one.")
@click.option(
    "--theme",
    "themes",
    multiple=True,
    type=THEMES,
    help="The themes it answers (replaces the ones it has; repeat for several).",
)
@click.option("--no-themes", is_flag=True, help="Remove every theme from it.")
@format_option("text", "json")
@pass_app
def edit(
    app: AppContext, story_id: int, title: str | None, situation: str | None, task: str | None,
    action: str | None, result: str | None, themes: tuple[str, ...], no_themes: bool, fmt: str,
) -> None:  # fmt: skip
    """Change a story: only the parts given change (an empty one clears that part)."""
    from nextyes.errors import InvalidInput
    from nextyes.services.learning.stories import update_story

    given = {"title": title, "situation": situation, "task": task, "action": action,
             "result": result}  # fmt: skip
    changes: dict[str, Any] = {k: v for k, v in given.items() if v is not None}
    if themes or no_themes:
        changes["themes"] = () if no_themes else themes
    if not changes:
        raise InvalidInput(_said("nothing_to_change", id=story_id))
    saved = update_story(app.uow(), story_id, changes, app.now())
    if fmt == "json":
        emit_json(story_json(saved))
        return
    say(_said("updated", id=saved.id, title=saved.title))
    if saved.missing:
        say(_said("still_to_write_short", parts=", ".join(saved.missing)), style="dim")


@story.command()
@click.argument("story_id", type=int, metavar="ID")
@click.option("--yes", "-y", is_flag=True, help="Don't ask first (for scripts).")
@pass_app
def delete(app: AppContext, story_id: int, yes: bool) -> None:
    """Remove a story from your bank."""
    from nextyes.errors import InvalidInput
    from nextyes.services.learning.stories import delete_story, get_story

    if not yes:
        found = get_story(app.uow(), story_id)
        try:
            sure = click.confirm(_said("delete_ask", id=story_id, title=found.title), default=False)
        except click.Abort:
            sure = False
        if not sure:
            raise InvalidInput(_said("delete_kept", id=story_id))
    gone = delete_story(app.uow(), story_id)
    say(_said("removed", id=gone.id, title=gone.title))


def story_json(found: Story) -> dict[str, Any]:
    return {
        "id": found.id, "title": found.title, "situation": found.situation, "task": found.task,
        "action": found.action, "result": found.result, "themes": list(found.themes),
        "missing": list(found.missing), "created_on": found.created_on,
    }  # fmt: skip
