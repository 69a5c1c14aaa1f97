"""The labels nextyes gives to job-search email (part of the command-line contract)."""

from __future__ import annotations

from enum import StrEnum


class MailLabel(StrEnum):
    APPLICATION_RECEIVED = "application_received"
    INTERVIEW = "interview"
    ASSESSMENT = "assessment"
    REJECTION = "rejection"
    OFFER = "offer"
    RECRUITER_OUTREACH = "recruiter_outreach"
    UNRELATED = "unrelated"


class Band(StrEnum):
    """How sure the classifier is, and so what happens to a message.

    sure: applied to the journal; review: a person chooses between the two likeliest labels;
    aside: clearly not job mail, set aside quietly.
    """

    SURE = "sure"
    REVIEW = "review"
    ASIDE = "aside"
