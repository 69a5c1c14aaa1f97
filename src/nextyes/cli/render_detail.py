"""`nextyes show` for people: the application, then its timeline."""

from __future__ import annotations

from datetime import date

from nextyes import content
from nextyes.cli.output import say
from nextyes.domain.dates import describe_day
from nextyes.domain.models import ApplicationDetail
from nextyes.services.pipeline.interview_names import interview_name


def render_detail(detail: ApplicationDetail, today: date) -> None:
    a = detail.application
    say(f"#{a.id}  {a.company} · {a.role}", style="bold")
    facts = [
        ("Stage", f"{a.stage.label} (since {a.stage_on.isoformat()})"),
        ("Applied", a.applied_on.isoformat() if a.applied_on else "not yet (saved)"),
        ("Source", a.source),
        ("Résumé", a.resume_version),
        ("Cover letter", a.cover_letter_version),
        ("Location", a.location),
        ("Salary", a.salary),
        ("Link", a.url),
    ]
    offer = detail.offer
    if offer is not None:
        from nextyes.domain.offers import describe_pay

        due = offer.terms.answer_by
        text = f"{offer.status.value}" + (f", answer by {due.isoformat()}" if due else "")
        pay = describe_pay(offer.terms)
        facts.append(("Offer", text + (f", {pay}" if pay else "")))
    posting = detail.posting
    if posting is not None:
        facts.append(
            ("Posting", f"kept on {posting.captured_on.isoformat()}: nextyes show {a.id} --posting")
        )
    for label, value in facts:
        if value:
            say(f"  {label}: {value}")
    timeline: list[tuple[date, int, str]] = []
    for e in detail.events:
        text = e.stage.label
        if e.round:
            text += f" (round {e.round})"
        if e.correction:
            text += " [correction]"
        if e.reason:
            text += f": {e.reason}"
        if e.note:
            text += f" · {e.note}"
        timeline.append((e.occurred_on, 0, text))
    for i in detail.interviews:
        when = i.scheduled_time.strftime(" %H:%M") if i.scheduled_time else ""
        who = f" with {', '.join(i.interviewers)}" if i.interviewers else ""
        label = interview_name(i.kind)
        timeline.append((i.scheduled_on, 1, f"{label} #{i.id}{when}{who}"))
    for n in detail.notes:
        timeline.append((n.written_on, 2, f"Note{' (private)' if n.private else ''}: {n.text}"))
    for f in detail.feedback:
        themes = f" [{', '.join(t.replace('_', ' ') for t in f.themes)}]" if f.themes else ""
        timeline.append((f.received_on, 3, f"Feedback from {f.giver}: {f.text}{themes}"))
    for request in detail.feedback_requests:
        followed = " (followed up)" if request.followed_up_on else ""
        status = request.status_on(today).value.replace("_", " ")
        timeline.append((request.sent_on, 4, f"Asked for feedback{followed}: {status}"))
    for r in detail.reflections:
        moods = ""
        if r.mood_before and r.mood_after:
            moods = f" (mood {r.mood_before} → {r.mood_after})"
        timeline.append((r.started_at.date(), 5, f"Reflected on it (reflection #{r.id}){moods}"))
    say()
    say("Timeline", style="bold")
    for day, _, text in sorted(timeline, key=lambda t: (t[0], t[1])):
        marker = "→" if day > today else "•"
        say(f"  {marker} {day.isoformat()} {text}")
        if day > today:
            say(f"      {describe_day(day, today)}", style="dim")
    if detail.questions:
        say()
        words = content.load("common")["detail"]
        say(words["questions"], style="bold")
        for q in detail.questions:
            say(content.fill(words["hard_question" if q.hard else "question"], text=q.text))
    if detail.contacts:
        say()
        say("People", style="bold")
        for c in detail.contacts:
            email = f" <{c.contact.email}>" if c.contact.email else ""
            say(f"  {c.contact.name}{email} · {c.role}")
