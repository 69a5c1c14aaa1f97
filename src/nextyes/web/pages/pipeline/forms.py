"""The pipeline's page forms as the browser sends them: one dataclass per record, read the same
way by its create form and its edit form (routes take them with `Depends()`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nextyes.domain.models import InterviewKind, NewApplication, NewInterview
from nextyes.domain.postings import NewPosting
from nextyes.web import forms
from nextyes.web.forms import FormText, PostingText


@dataclass
class ApplicationForm:
    """An application's facts (the edit form; the new-application form adds to it)."""

    company: FormText = ""
    role: FormText = ""
    applied_on: FormText = ""
    source: FormText = ""
    url: FormText = ""
    resume_version: FormText = ""
    cover_letter_version: FormText = ""
    location: FormText = ""
    salary: FormText = ""

    def changes(self, today: date) -> dict[str, object]:
        """What the edit form sets: every field, an empty one cleared."""
        return {
            "company": forms.optional(self.company),
            "role": forms.optional(self.role),
            "source": forms.optional(self.source),
            "url": forms.optional(self.url),
            "resume_version": forms.optional(self.resume_version),
            "cover_letter_version": forms.optional(self.cover_letter_version),
            "location": forms.optional(self.location),
            "salary": forms.optional(self.salary),
            "applied_on": forms.day(self.applied_on, today),
        }


@dataclass
class NewApplicationForm(ApplicationForm):
    """The new-application form: the facts, a first note, and the posting it came from."""

    note: FormText = ""
    saved: FormText = ""
    confirmed: FormText = ""  # the earlier noes from this company were shown and passed
    next: FormText = ""  # where to go once it is logged
    posting_text: PostingText = ""
    posting_url: FormText = ""
    posting_title: FormText = ""

    def application(self, today: date) -> NewApplication:
        return NewApplication(
            company=self.company,
            role=self.role,
            applied_on=forms.day(self.applied_on, today),
            source=forms.optional(self.source),
            url=forms.optional(self.url),
            resume_version=forms.optional(self.resume_version),
            cover_letter_version=forms.optional(self.cover_letter_version),
            location=forms.optional(self.location),
            salary=forms.optional(self.salary),
            note=forms.optional(self.note),
            saved_only=bool(self.saved),
        )

    def posting(self) -> NewPosting | None:
        if not self.posting_text.strip():
            return None
        return NewPosting(
            text=self.posting_text,
            url=forms.optional(self.posting_url),
            title=forms.optional(self.posting_title),
        )


@dataclass
class InterviewForm:
    """An interview, as the schedule form and the edit form send it."""

    scheduled_on: FormText = ""
    kind: FormText = ""
    scheduled_time: FormText = ""
    round: FormText = ""
    duration_minutes: FormText = ""
    location: FormText = ""
    interviewers: FormText = ""
    notes: FormText = ""

    def changes(self, today: date) -> dict[str, object]:
        return {
            "scheduled_on": forms.day(self.scheduled_on, today),
            "kind": forms.choice(self.kind, InterviewKind, "kind of interview"),
            "scheduled_time": forms.clock(self.scheduled_time),
            "round": forms.number(self.round, "round", 1, 20),
            "duration_minutes": forms.number(self.duration_minutes, "length in minutes", 1, 1440),
            "location": forms.optional(self.location),
            "interviewers": forms.names(self.interviewers),
            "notes": forms.optional(self.notes),
        }

    def interview(self, application_id: int, day: date) -> NewInterview:
        return NewInterview(
            application_id=application_id,
            kind=forms.choice(self.kind, InterviewKind, "kind of interview") or InterviewKind.VIDEO,
            scheduled_on=day,
            round=forms.number(self.round, "round", 1, 20),
            scheduled_time=forms.clock(self.scheduled_time),
            duration_minutes=forms.number(self.duration_minutes, "length in minutes", 1, 1440),
            location=forms.optional(self.location),
            interviewers=forms.names(self.interviewers),
            notes=forms.optional(self.notes),
        )


@dataclass
class QuestionForm:
    """A question asked, as the add form and the edit form send it."""

    text: FormText = ""
    interview_id: FormText = ""
    hard: FormText = ""
    notes: FormText = ""

    @property
    def interview(self) -> int | None:
        return forms.number(self.interview_id, "interview", 1, 2**31 - 1)
