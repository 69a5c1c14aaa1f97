"""The STAR story bank over a real journal."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.domain.stories import NewStory, clean_story
from nextyes.errors import InvalidInput, NotFound
from nextyes.services.journal import Journal
from nextyes.services.learning import stories
from tests.conftest import NOW, TODAY


def test_a_story_is_kept_tidied_with_its_themes(any_journal: Journal) -> None:
    saved = stories.add_story(
        any_journal.uow(),
        NewStory("  The   migration rescue ", situation=" Old system failing ", task="",
                 action="I moved the data in stages", result="Zero downtime",
                 themes=("technical-skills", "behavioural_answers", "technical_skills")),
        TODAY, NOW,
    )  # fmt: skip
    assert saved.title == "The migration rescue"
    assert saved.situation == "Old system failing"
    assert saved.task is None
    assert saved.themes == ("technical_skills", "behavioural_answers")
    assert saved.missing == ("task",)
    assert stories.get_story(any_journal.uow(), saved.id) == saved


def test_stories_can_be_listed_by_theme(any_journal: Journal) -> None:
    for title, themes in (("A", ("communication",)), ("B", ("culture_fit", "communication")),
                          ("C", ("culture_fit",))):  # fmt: skip
        stories.add_story(any_journal.uow(), NewStory(title, themes=themes), TODAY, NOW)
    assert [s.title for s in stories.list_stories(any_journal.uow(), "communication")] == ["A", "B"]
    assert [s.title for s in stories.list_stories(any_journal.uow())] == ["A", "B", "C"]


@pytest.mark.parametrize(
    ("new", "message"),
    [
        (NewStory("   "), "needs a short title"),
        (NewStory("x" * 201), "over 200"),
        (NewStory("Fine", result="x" * 4001), "result is over"),
        (NewStory("Fine", themes=("luck",)), "not a theme"),
    ],
)
def test_bad_stories_are_refused_and_nothing_is_kept(
    any_journal: Journal, new: NewStory, message: str
) -> None:
    with pytest.raises(InvalidInput, match=message):
        stories.add_story(any_journal.uow(), new, TODAY, NOW)
    assert stories.list_stories(any_journal.uow()) == []


def test_a_missing_story_says_where_to_find_the_ids(any_journal: Journal) -> None:
    with pytest.raises(NotFound, match="nextyes story list"):
        stories.get_story(any_journal.uow(), 3)


@given(st.text(max_size=60), st.text(max_size=60))
def test_any_title_and_part_is_either_tidied_or_refused_clearly(title: str, part: str) -> None:
    try:
        story = clean_story(NewStory(title, action=part))
    except InvalidInput as exc:
        assert "title" in exc.message
    else:
        assert story.title == " ".join(title.split())
        assert story.action == (part.strip() or None)
