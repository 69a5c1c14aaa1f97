"""`nextyes edit`, `nextyes delete` and `nextyes merge`: fix what was recorded."""

from __future__ import annotations

from typing import Any

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, format_option, say
from nextyes.cli.params import DATE
from nextyes.cli.views import application_json
from nextyes.errors import InvalidInput
from nextyes.services.pipeline import applications, records
from nextyes.services.pipeline.merge import merge_applications


@click.command()
@click.argument("application_id", type=int, metavar="ID")
@click.option("--company", help="The company's name.")
@click.option("--role", help="The role.")
@click.option("--source", help="Where you found it.")
@click.option("--url", help="Link to the job ad.")
@click.option("--location", help="Where the job is.")
@click.option("--salary", help="Advertised salary or range.")
@click.option("--resume", "resume_version", metavar="VERSION", help="Résumé version sent.")
@click.option("--cover-letter", "cover_letter_version", metavar="VERSION", help="Cover letter.")
@click.option("--applied-on", type=DATE, help="When you applied.")
@format_option("text", "json")
@pass_app
def edit(app: AppContext, application_id: int, fmt: str, **given: Any) -> None:
    """Change an application's details.

    Only the options given change; an empty value clears a detail (--url ""). The timeline is
    changed with `nextyes move` (and --correct for a mistake), not here.

    \b
    Example:
      nextyes edit 12 --role "Senior Data Analyst" --salary "€60–70k" --url ""
    """
    changes = {name: value for name, value in given.items() if value is not None}
    if not changes:
        said = content.load("pipeline/messages")["cli"]["nothing_to_edit"]
        raise InvalidInput(content.fill(said, id=application_id))
    updated = records.update_application(app.uow(), application_id, changes, app.now())
    if fmt == "json":
        emit_json(application_json(updated))
        return
    say(content.fill(_words()["edited"], company=updated.company, role=updated.role))


@click.command()
@click.argument("application_id", type=int, metavar="ID")
@click.option("--yes", "-y", is_flag=True, help="Don't ask first (for scripts).")
@pass_app
def delete(app: AppContext, application_id: int, yes: bool) -> None:
    """Remove an application logged by mistake, with everything recorded about it.

    A no, a withdrawal or silence belongs in the timeline instead (`nextyes reject`, `nextyes
    move ID withdrawn`): they are part of your search. Asks first unless --yes.
    """
    words = _words()
    if not yes:
        detail = applications.application_detail(app.uow(), application_id)
        a = detail.application
        say(
            content.fill(
                words["delete_what"], company=a.company, role=a.role,
                events=len(detail.events), interviews=len(detail.interviews),
                notes=len(detail.notes), questions=len(detail.questions),
            )
        )  # fmt: skip
        if not _confirm(words["delete_ask"]):
            raise InvalidInput(words["nothing_changed"])
    gone = records.delete_application(app.uow(), application_id)
    say(content.fill(words["deleted"], company=gone.company, role=gone.role))


@click.command()
@click.argument("keep_id", type=int, metavar="KEEP")
@click.argument("other_id", type=int, metavar="DUPLICATE")
@click.option("--yes", "-y", is_flag=True, help="Don't ask first (for scripts).")
@format_option("text", "json")
@pass_app
def merge(app: AppContext, keep_id: int, other_id: int, yes: bool, fmt: str) -> None:
    """Merge two applications for the same job into one, keeping both histories.

    KEEP stays; DUPLICATE's timeline, interviews, questions, notes, people, feedback, drafts,
    reflections and mail links move to it, details KEEP lacks are filled from DUPLICATE, and
    DUPLICATE is removed. A step recorded on both is kept once. All or nothing.

    \b
    Example (an imported application and one you added by hand):
      nextyes merge 12 31
    """
    words = _words()
    if not yes and keep_id != other_id:
        keep = applications.application_detail(app.uow(), keep_id).application
        other = applications.application_detail(app.uow(), other_id).application
        say(
            content.fill(
                words["merge_what"], keep=f"#{keep.id} {keep.company} · {keep.role}",
                other=f"#{other.id} {other.company} · {other.role}",
            )
        )  # fmt: skip
        if not _confirm(words["merge_ask"]):
            raise InvalidInput(words["nothing_changed"])
    outcome = merge_applications(app.uow(), keep_id, other_id, app.now())
    if fmt == "json":
        data = application_json(outcome.application)
        data["merged_from"] = outcome.removed.id
        data["moved"] = outcome.moved
        data["same_steps"] = outcome.same_steps
        data["filled"] = list(outcome.filled)
        emit_json(data)
        return
    a = outcome.application
    say(content.fill(words["merged"], id=a.id, company=a.company, role=a.role,
                     other=outcome.removed.id, stage=a.stage.label.lower()))  # fmt: skip
    if outcome.filled:
        say(content.fill(words["merged_filled"], fields=", ".join(outcome.filled)), style="dim")


def _confirm(question: str) -> bool:
    try:
        return click.confirm(question, default=False, err=True)
    except click.Abort:
        return False


def _words() -> dict[str, str]:
    words: dict[str, str] = content.load("pipeline/messages")["editing"]
    return words
