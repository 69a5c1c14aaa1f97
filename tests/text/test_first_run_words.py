"""Words that were wrong for a newcomer: each test here failed before its fix."""

from __future__ import annotations

from datetime import timedelta

import pytest

from nextyes import content
from nextyes.domain.models import NewApplication, Origin
from nextyes.domain.stages import Stage
from nextyes.services.journal import Journal
from nextyes.services.pipeline import applications as svc
from nextyes.services.today.agenda import build_agenda
from nextyes.text.drafts import compose_reply
from nextyes.text.recovery import rejection_message
from tests.conftest import NOW, TODAY

STAGES = ("applied", "screening", "assessment", "interview", "final")


@pytest.mark.parametrize("stage", STAGES)
@pytest.mark.parametrize("noes", [1, 2, 3, 5])
@pytest.mark.parametrize("first_no", [True, False])
@pytest.mark.parametrize("seed", range(4))
def test_with_no_cool_down_the_message_never_speaks_of_one(
    stage: str, noes: int, first_no: bool, seed: int
) -> None:
    _, text = rejection_message(
        stage=stage, company="Acme", role="Analyst", noes_this_week=noes, first_no=first_no,
        seed=seed, cool_down=False,
    )  # fmt: skip
    assert "cool-down" not in text


def test_every_message_that_speaks_of_the_cool_down_has_words_for_none() -> None:
    for message in content.load("recovery/rejection")["message"]:
        if "cool-down" in message["text"]:
            assert "cool-down" not in message["without_cool_down"], message["id"]


@pytest.mark.parametrize("seed", range(6))
def test_an_assessment_is_not_called_the_interviews(seed: int) -> None:
    _, text = rejection_message(
        stage="assessment", company="Acme", role="Analyst", noes_this_week=1, first_no=False,
        seed=seed,
    )  # fmt: skip
    assert "the interviews" not in text
    reply = compose_reply(tone="warm", stage="assessment", company="Acme", role="Analyst")
    assert "interview" not in reply.body


def test_a_quiet_assessment_says_since_the_assessment(journal: Journal) -> None:
    app = svc.add_application(
        journal.uow(),
        NewApplication("Acme", "Analyst", TODAY - timedelta(days=40)),
        NOW,
        origin=Origin.CLI,
    )
    svc.move_application(
        journal.uow(), app.id, Stage.ASSESSMENT, TODAY - timedelta(days=30), NOW, origin=Origin.CLI
    )
    titles = [i.title for i in build_agenda(journal.uow(), NOW).items if i.kind == "follow_up"]
    assert any("since the assessment" in t for t in titles), titles
    assert not any("since the interview" in t for t in titles)


def test_today_names_the_weekly_review_once(journal: Journal) -> None:
    svc.add_application(
        journal.uow(), NewApplication("Acme", "Analyst", TODAY), NOW, origin=Origin.CLI
    )
    reviews = [i for i in build_agenda(journal.uow(), NOW).items if i.kind == "review"]
    assert len(reviews) == 1


ON_HOLD_REASONS = (
    "The role has been put on hold after a budget review.",
    "We've paused hiring for this team.",
    "Unfortunately the position has been cancelled.",
    "We are no longer hiring for this role.",
    "HIRING FREEZE until Q3",
)
PEOPLE_CHOSEN_REASONS = (
    "They went with someone more senior.",
    "Another candidate had more experience with dbt.",
    None,
)


@pytest.mark.parametrize("tone", ["warm", "formal", "brief"])
@pytest.mark.parametrize("reason", ON_HOLD_REASONS)
def test_a_role_put_on_hold_is_not_the_hire(tone: str, reason: str) -> None:
    reply = compose_reply(
        tone=tone, stage="interview", company="Acme", role="Analyst", reason=reason
    )
    text = f"{reply.subject}\n{reply.body}".lower()
    assert "hire" not in text
    assert "selected" not in text
    assert "{" not in text and "}" not in text


@pytest.mark.parametrize("tone", ["warm", "formal", "brief"])
@pytest.mark.parametrize("reason", PEOPLE_CHOSEN_REASONS)
def test_a_no_for_someone_else_keeps_its_words(tone: str, reason: str | None) -> None:
    reply = compose_reply(
        tone=tone, stage="interview", company="Acme", role="Analyst", reason=reason
    )
    wish = content.load("recovery/replies")[tone]["wish"].replace("{role}", "Analyst")
    assert wish in reply.body
    assert "{" not in reply.body
