"""Applications: add, list, show, move, reject, note."""

from __future__ import annotations

from datetime import date, time

import click

from nextyes import content
from nextyes.cli.context import AppContext, pass_app
from nextyes.cli.output import emit_json, format_option, say
from nextyes.cli.params import DATE, DATE_TEXT, STAGE, TIME, read_date
from nextyes.cli.views import application_json, cool_down_json, detail_json
from nextyes.domain.models import InterviewKind, NewApplication
from nextyes.domain.postings import NewPosting
from nextyes.domain.stages import MOVE_TARGETS, SCHEDULED_STAGES, Stage
from nextyes.errors import InvalidInput
from nextyes.services.pipeline import applications as service
from nextyes.services.pipeline.applications import InterviewDetails, PastRejection


def _adding() -> dict[str, str]:
    """What `nextyes add` and `nextyes move` say, from content/pipeline/messages.toml."""
    words: dict[str, str] = content.load("pipeline/messages")["adding"]
    return words


@click.command()
@click.argument("company", required=False)
@click.argument("role", required=False)
@click.option(
    "--from-url", "from_url", metavar="URL", help="Fill it in from the job posting at this link."
)
@click.option(
    "--from-file",
    "from_file",
    type=click.Path(exists=True, dir_okay=False),
    help="Fill it in from a saved posting page (.html) or the ad's text (.txt).",
)
@click.option("--source", help="Where you found it: linkedin, referral, company-site, ...")
@click.option("--on", "on", type=DATE, help="When you applied (default: today).")
@click.option("--url", help="Link to the job ad.")
@click.option("--resume", "resume", metavar="VERSION", help="Which résumé version you sent.")
@click.option("--cover-letter", metavar="VERSION", help="Which cover letter version you sent.")
@click.option("--location", help="Where the job is (city, remote, hybrid).")
@click.option("--salary", help="Advertised salary or range.")
@click.option("--note", help="A note to keep with it.")
@click.option("--saved", is_flag=True, help="Save it to apply later instead of logging it as sent.")
@click.option(
    "--yes", "-y", is_flag=True, help="Don't ask (about a posting's details, or an earlier no)."
)
@format_option("text", "json")
@pass_app
def add(
    app: AppContext,
    company: str | None,
    role: str | None,
    from_url: str | None,
    from_file: str | None,
    source: str | None,
    on: date | None,
    url: str | None,
    resume: str | None,
    cover_letter: str | None,
    location: str | None,
    salary: str | None,
    note: str | None,
    saved: bool,
    yes: bool,
    fmt: str,
) -> None:
    """Log a new application.

    Prints the new application's id (with --format json, the application). If the same company
    said no in the last six months, it shows when and what they said before saving.

    With --from-url or --from-file, the company, role, location, salary and link come from the
    posting (its schema.org job data, or else its title and headings); what you give yourself
    wins. It shows what it found and asks before saving (--yes doesn't ask), and keeps the
    posting's text with the application: `nextyes show ID --posting`.

    \b
    Examples:
      nextyes add "Acme Robotics" "Data Analyst" --source linkedin --resume v3 --on "3 days ago"
      nextyes add --from-url https://jobs.example.com/acme/data-analyst --saved
      nextyes add --from-file ~/Downloads/posting.html --source linkedin
    """
    new = NewApplication(
        company=company or "", role=role or "", applied_on=on, source=source, url=url,
        resume_version=resume, cover_letter_version=cover_letter, location=location,
        salary=salary, note=note, saved_only=saved,
    )  # fmt: skip
    posting = None
    if from_url is not None or from_file is not None:
        new, posting = _from_posting(new, from_url, from_file, yes)
    elif company is None or role is None:
        raise InvalidInput(_adding()["company_and_role"])
    company = new.company
    if not yes and company.strip():
        earlier = service.earlier_rejections(app.uow(), company, app.today())
        if earlier and not _confirm_despite(earlier):
            raise InvalidInput(_adding()["not_added"])
    if posting is not None:
        from nextyes.services.pipeline.postings import add_with_posting

        application = add_with_posting(app.uow(), new, posting, app.now(), origin=app.origin)
    else:
        application = service.add_application(app.uow(), new, app.now(), origin=app.origin)
    if fmt == "json":
        emit_json(application_json(application))
    else:
        click.echo(application.id)


def _from_posting(
    new: NewApplication, url: str | None, path: str | None, yes: bool
) -> tuple[NewApplication, NewPosting]:
    """Read the posting, show what it says, and ask before going on (unless --yes)."""
    from nextyes.cli.files import read_text_file
    from nextyes.services.pipeline import postings

    if url is not None and path is not None:
        raise InvalidInput(_adding()["posting_twice"])
    if url is not None:
        facts = postings.fetch_posting(url)
    else:
        assert path is not None
        facts = postings.read_posting(read_text_file(path), url=new.url)
    filled = postings.application_from_posting(facts, new)
    words = content.load("pipeline/messages")["posting"]
    click.echo(words[f"found_{facts.how}"], err=True)
    labels = words["labels"]
    for name in ("company", "role", "location", "salary", "url"):
        value = getattr(filled, name)
        click.echo(f"  {labels[name]}: {value or words['not_found']}", err=True)
    if not filled.company or not filled.role:
        missing = "company" if not filled.company else "role"
        raise InvalidInput(content.fill(words["missing"], what=missing))
    if not yes:
        try:
            sure = click.confirm(words["ask"], default=True, err=True)
        except click.Abort:
            sure = False
        if not sure:
            raise InvalidInput(words["nothing_saved"])
    return filled, postings.posting_of(facts)


def _confirm_despite(earlier: list[PastRejection]) -> bool:
    words = content.load("pipeline/messages")["earlier_rejection"]
    lines = [content.fill(words["intro"], company=earlier[0].application.company)]
    for past in earlier:
        stage = past.event.from_stage or Stage.APPLIED
        lines.append(
            "  "
            + content.fill(
                words["line"],
                role=past.application.role,
                day=past.event.occurred_on.isoformat(),
                stage=stage.value,
            )
        )
        if past.event.reason:
            lines.append("    " + content.fill(words["reason"], reason=past.event.reason))
        for text in past.feedback[:2]:
            lines.append("    " + content.fill(words["feedback"], feedback=text))
    click.echo("\n".join(lines), err=True)
    try:
        return click.confirm(words["nudge"], default=True, err=True)
    except click.Abort:
        return False


@click.command()
@click.argument("application_id", type=int, metavar="ID")
@click.option("--posting", is_flag=True, help="Show the job posting kept with it instead.")
@format_option("table", "json")
@pass_app
def show(app: AppContext, application_id: int, posting: bool, fmt: str) -> None:
    """Show one application and its timeline."""
    if posting:
        _show_posting(app, application_id, fmt)
        return
    detail = service.application_detail(app.uow(), application_id)
    if fmt == "json":
        emit_json(detail_json(detail))
        return
    from nextyes.cli.render_detail import render_detail

    render_detail(detail, app.today())


def _show_posting(app: AppContext, application_id: int, fmt: str) -> None:
    from nextyes.services.pipeline.postings import get_posting

    kept = get_posting(app.uow(), application_id)
    if fmt == "json":
        emit_json(
            {"application_id": kept.application_id, "url": kept.url, "title": kept.title,
             "captured_on": kept.captured_on.isoformat(), "text": kept.text}
        )  # fmt: skip
        return
    if kept.title:
        say(kept.title, style="bold")
    say(content.fill(content.load("pipeline/messages")["posting"]["kept_on"],
                     day=kept.captured_on.isoformat(), url=kept.url or "-"), style="dim")  # fmt: skip
    say()
    click.echo(kept.text)


@click.command()
@click.argument("application_id", type=int, metavar="ID")
@click.argument("stage", type=STAGE)
@click.option(
    "--on", "on", type=DATE_TEXT,
    help="When it happened, or when it is scheduled (a weekday is the coming one for an "
    "interview, assessment or final; the last one otherwise).",
)  # fmt: skip
@click.option("--round", "round_", type=int, help="Interview round (default: the next one).")
@click.option("--at", "at", type=TIME, help="Time of the interview or assessment (14:30, 2pm).")
@click.option("--kind", type=click.Choice([k.value for k in InterviewKind]), help="Interview kind.")
@click.option("--with", "with_", metavar="NAMES", help="Who you meet, comma-separated.")
@click.option("--note", help="A note to keep with the move.")
@click.option(
    "--private", "note_private", is_flag=True,
    help="Keep the note private: out of anything you share and of what a coach sees.",
)  # fmt: skip
@click.option(
    "--correct", is_flag=True, help="Fix a stage recorded by mistake (allows going back)."
)
@format_option("text", "json")
@pass_app
def move(
    app: AppContext,
    application_id: int,
    stage: Stage,
    on: str | None,
    round_: int | None,
    at: time | None,
    kind: str | None,
    with_: str | None,
    note: str | None,
    note_private: bool,
    correct: bool,
    fmt: str,
) -> None:
    """Move an application to another stage.

    STAGE is one of: applied, screening, assessment, interview, final, offer, accepted,
    declined, withdrawn, ghosted. For an interview or assessment, --on may be a date ahead: the
    move is recorded today and the date goes in your calendar.

    \b
    Example:
      nextyes move 12 interview --round 2 --on 2026-11-25 --note "panel with the data team"
    """
    if stage not in MOVE_TARGETS and stage is not Stage.REJECTED:
        stages = ", ".join(s.value for s in MOVE_TARGETS)
        raise InvalidInput(
            content.fill(_adding()["move_targets"], stage=stage.value, stages=stages)
        )
    details = InterviewDetails(
        kind=InterviewKind(kind) if kind else None,
        at=at,
        interviewers=tuple(n.strip() for n in (with_ or "").split(",") if n.strip()),
    )
    day = read_date(on, app.today(), ahead=stage in SCHEDULED_STAGES) if on else app.today()
    outcome = service.move_application(
        app.uow(), application_id, stage, day, app.now(),
        round=round_, note=note, note_private=note_private, correct=correct, details=details,
        origin=app.origin,
    )  # fmt: skip
    if fmt == "json":
        data = application_json(outcome.application)
        data["event_id"] = outcome.event.id
        data["interview_id"] = outcome.interview_id
        emit_json(data)
        return
    a = outcome.application
    say(f"{a.company} · {a.role}: now {a.stage.label.lower()}.")
    if outcome.scheduled_on:
        say(content.fill(_adding()["scheduled"], day=outcome.scheduled_on.isoformat()))
    say(outcome.message)


@click.command()
@click.argument("application_id", type=int, metavar="ID")
@click.option("--on", "on", type=DATE, help="When you heard (default: today).")
@click.option("--reason", help="The reason they gave, in their words if you have them.")
@click.option(
    "--cool-down",
    "cool_down",
    metavar="WINDOW",
    help="Time before next steps: evening, weekend, a duration (90m, 24h, 2d) or none "
    "(default: the cool_down setting, evening).",
)
@format_option("text", "json")
@pass_app
def reject(
    app: AppContext,
    application_id: int,
    on: date | None,
    reason: str | None,
    cool_down: str | None,
    fmt: str,
) -> None:
    """Record a rejection.

    Keeps the stage it came at, the day, and the reason given, then opens a cool-down: time to
    feel it before any analysis. `nextyes today` shows the window and holds the next steps
    (feedback request, reply, reflection) until it is over.

    \b
    Example:
      nextyes reject 12 --reason "They went with someone more senior" --cool-down weekend
    """
    from nextyes.services.recovery.cool_down import reject_and_recover

    recovery = reject_and_recover(
        app.uow(),
        application_id,
        on or app.today(),
        app.now(),
        reason=reason,
        cool_down=cool_down,
        origin=app.origin,
    )
    outcome, message = recovery.outcome, recovery.message
    if fmt == "json":
        data = application_json(outcome.application)
        data["at_stage"] = outcome.at_stage.value
        data["event_id"] = outcome.event.id
        data["noes_this_week"] = recovery.noes_this_week
        data["message"] = message.message
        data["cool_down"] = cool_down_json(recovery.window, message.window)
        data["window_text"] = message.window
        data["suggestions"] = list(message.suggestions)
        why = recovery.why
        data["why"] = (
            {"text": why.text, "recheck": why.recheck.reason if why.recheck else None}
            if why
            else None
        )
        emit_json(data)
        return
    say(message.message)
    say()
    say(message.window, style="bold")
    if message.during:
        say(message.during)
    say()
    say(message.suggestions_intro)
    for suggestion in message.suggestions:
        say(f"  - {suggestion}")
    if recovery.why:
        say()
        say(recovery.why.intro)
        say(f"  {recovery.why.text}", style="bold")
        if recovery.why.recheck:
            say(f"  {recovery.why.recheck.title} {recovery.why.recheck.reason}", style="dim")


@click.command()
@click.argument("application_id", type=int, metavar="ID")
@click.argument("text")
@click.option("--on", "on", type=DATE, help="The day it is about (default: today).")
@click.option("--private", is_flag=True, help="Keep it out of anything you share.")
@format_option("text", "json")
@pass_app
def note(
    app: AppContext, application_id: int, text: str, on: date | None, private: bool, fmt: str
) -> None:
    """Add a note to an application.

    Says what was kept and where; with --format json, the note's id and its application's.
    """
    from nextyes.services.pipeline.records import keep_note

    kept = keep_note(app.uow(), application_id, text, on or app.today(), app.now(), private)
    if fmt == "json":
        emit_json({"note_id": kept.note.id, "application_id": kept.application.id,
                   "written_on": kept.note.written_on.isoformat(), "private": kept.note.private})  # fmt: skip
        return
    words = content.load("pipeline/messages")["note"]
    a, written = kept.application, kept.note
    short = written.text if len(written.text) <= 80 else written.text[:79].rstrip() + "…"
    say(content.fill(words["kept"], company=a.company, role=a.role, id=a.id,
                     day=written.written_on.isoformat(), text=short))  # fmt: skip
    if written.private:
        say(words["private"])
    say(content.fill(words["where"], id=a.id), style="dim")
