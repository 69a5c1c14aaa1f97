"""The shipped email classifier: artifact integrity, behaviour on plain cases, and the guards."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from importlib import resources
from pathlib import Path

import pytest

from nextyes.domain.mail_labels import MailLabel
from nextyes.text.email_classifier import EmailClassifier, load_email_classifier
from nextyes.text.email_cues import has_rejection_language

ROOT = Path(__file__).resolve().parents[2]


def _artifact() -> dict[str, object]:
    text = resources.files("nextyes.text.models").joinpath("emails.json").read_text("utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def test_the_artifact_was_trained_on_the_committed_corpus() -> None:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "training" / "emails").glob("*.jsonl")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    assert _artifact()["corpus_sha256"] == digest.hexdigest()


def test_the_corpus_is_large_labelled_and_multilingual() -> None:
    rows = [
        json.loads(line)
        for path in (ROOT / "training" / "emails").glob("*.jsonl")
        for line in path.read_text("utf-8").splitlines()
    ]
    assert len(rows) >= 1500
    assert {r["label"] for r in rows} == {label.value for label in MailLabel}
    for label in MailLabel:
        langs = {r["lang"] for r in rows if r["label"] == label.value}
        assert {"en", "es", "fr", "de"} <= langs, label


def test_the_artifact_names_every_label_in_contract_order() -> None:
    assert _artifact()["labels"] == [label.value for label in MailLabel]


def test_loading_is_cached_and_happens_on_first_use() -> None:
    assert load_email_classifier() is load_email_classifier()


def test_importing_the_classifier_does_not_load_heavy_libraries() -> None:
    code = (
        "import sys, nextyes.text.email_classifier as m; m.load_email_classifier()"
        ".predict('hi', 'there');"
        "print(','.join(x for x in ('numpy', 'sklearn', 'scipy') if x in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


@pytest.mark.parametrize(
    ("subject", "body", "label"),
    [
        (
            "Update on your application",
            "Dear Robin,\n\nThank you so much for the time you spent with us. Everyone enjoyed "
            "meeting you. After a lot of thought we have decided to continue with another "
            "candidate whose experience is closer to what the team needs right now. We will "
            "keep your details on file.\n\nWarm wishes,\nThe Hiring Team",
            MailLabel.REJECTION,
        ),
        (
            "Thanks for applying",
            "Hi Robin, we've received your application for Data Analyst and our team will "
            "review it over the next two weeks. You can follow its status in your account.",
            MailLabel.APPLICATION_RECEIVED,
        ),
        (
            "Interview invitation",
            "Hi Robin, the hiring manager would love to meet you. Could you do a 45-minute video "
            "interview on Thursday at 2pm? If not, send me a couple of times that suit you.",
            MailLabel.INTERVIEW,
        ),
        (
            "Your coding challenge",
            "The next step is a timed online coding test with three problems. Please complete "
            "it within five days using the link below.",
            MailLabel.ASSESSMENT,
        ),
        (
            "Good news",
            "We're delighted to offer you the role! Your offer letter with the salary and start "
            "date is attached.",
            MailLabel.OFFER,
        ),
        (
            "A role you might like",
            "Hi Robin, I came across your profile and think you'd be a great fit for a senior "
            "role with one of my clients. Are you open to a quick chat this week?",
            MailLabel.RECRUITER_OUTREACH,
        ),
        (
            "Your rental application",
            "Unfortunately the landlord has decided to go with another tenant for the flat on "
            "Mill Lane. We'll let you know about similar properties.",
            MailLabel.UNRELATED,
        ),
    ],
)
def test_plain_examples_of_each_label_are_recognised(
    subject: str, body: str, label: MailLabel
) -> None:
    prediction = load_email_classifier().predict(subject, body)
    assert prediction.label is label
    assert 0 < prediction.confidence <= 1
    assert abs(sum(prediction.scores.values()) - 1) < 0.01


def test_a_conditional_no_is_not_rejection_language() -> None:
    body = "If you are not selected for this role, we will keep your CV on file."
    assert not has_rejection_language("Thanks for applying", body)
    assert has_rejection_language("", "You were not selected for this role.")


def test_without_rejection_language_the_runner_up_label_wins() -> None:
    # a model that would call everything a rejection
    model = EmailClassifier(["rejection", "interview"], [5.0, 0.0], {"word": [0.0, 0.0]})
    assert model.predict("Next steps", "Shall we meet on Friday?").label is MailLabel.INTERVIEW
    assert model.predict("Update", "Unfortunately we will not be moving forward.").label is (
        MailLabel.REJECTION
    )


def test_the_quick_rejection_check_reads_the_corpus_like_the_rewritten_text() -> None:
    from nextyes.text import email_cues

    rows = [
        json.loads(line)
        for path in sorted((ROOT / "training" / "emails").glob("*.jsonl"))
        for line in path.read_text("utf-8").splitlines()
    ]
    for row in rows:
        text = email_cues.decisive_text(row["subject"], row["body"])
        slow = any(pattern.search(text) for pattern in email_cues._PATTERNS)
        assert email_cues.has_rejection_language(row["subject"], row["body"]) is slow, row["id"]
