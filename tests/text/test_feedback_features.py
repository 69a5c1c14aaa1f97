"""The features the feedback-theme classifier sees."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nextyes.text.features import DISMISSED, clauses, extract, lexicon_features, stem


def dismissed_words(text: str) -> set[str]:
    return {w for words, dismissed in clauses(text) if dismissed for w in words}


def kept_words(text: str) -> set[str]:
    return {w for words, dismissed in clauses(text) if not dismissed for w in words}


def test_a_topic_called_not_the_issue_is_set_aside_and_the_real_reason_is_kept() -> None:
    text = "Your technical skills were not the issue; it came down to experience with budgets."
    assert {"technical", "skills"} <= dismissed_words(text)
    assert {"experience", "budgets"} <= kept_words(text)


def test_praise_before_but_is_set_aside() -> None:
    text = "We loved your portfolio, but the role needs more agency experience."
    assert "portfolio" in dismissed_words(text)
    assert "experience" in kept_words(text)


def test_praise_before_a_sentence_opening_with_however_is_set_aside() -> None:
    text = "Your coding was excellent. However, your answers were hard to follow."
    assert "coding" in dismissed_words(text)
    assert "follow" in kept_words(text)


def test_a_concession_opened_by_while_is_set_aside() -> None:
    text = "While we were impressed with your skills, the team felt the culture was not a match."
    assert "skills" in dismissed_words(text)
    assert "culture" in kept_words(text)


def test_a_plain_shortfall_is_not_mistaken_for_a_dismissal() -> None:
    for text in (
        "You did not have enough experience with budgets.",
        "You didn't answer the question we asked.",
        "It wasn't strong enough.",
    ):
        assert dismissed_words(text) == set(), text


def test_nothing_to_do_with_and_it_was_not_your_set_the_topic_aside() -> None:
    assert "interview" in dismissed_words("It had nothing to do with your interview.")
    assert "communication" in dismissed_words("It wasn't your communication, honestly.")


def test_a_short_tail_such_as_no_question_sets_aside_the_clause_before_it() -> None:
    text = "Technically you were one of the best, no question. The gap was leadership."
    assert "technically" in dismissed_words(text)
    assert "leadership" in kept_words(text)


def test_dismissed_words_become_marked_features() -> None:
    features = extract("Your technical skills were not the issue; it came down to experience.")
    assert DISMISSED + "technical" in features
    assert "technical" not in features
    assert "experience" in features


def test_other_forms_of_a_word_share_a_stem() -> None:
    assert stem("experienced") == stem("experience")
    assert stem("communication") == stem("communicate") == stem("communicating")
    assert stem("skills") == stem("skill")


def test_function_words_count_only_inside_word_pairs() -> None:
    features = extract("Not enough experience.")
    assert "not" not in features
    assert "not enough" in features
    assert "=experienc" in features


def test_a_lexicon_phrase_adds_its_theme_and_a_dismissed_one_adds_a_marked_theme() -> None:
    lexicon = lexicon_features({"hiring freez": ["role_filled_cancelled"]})
    assert "@role_filled_cancelled" in extract("There is a hiring freeze.", lexicon)
    dismissed = extract("The hiring freeze was not the reason, the budget was.", lexicon)
    assert DISMISSED + "@role_filled_cancelled" in dismissed
    assert "@role_filled_cancelled" not in dismissed


def test_curly_apostrophes_read_like_straight_ones() -> None:
    assert extract("You didn\u2019t prepare.") == extract("You didn't prepare.")


@given(st.text(max_size=400))
def test_any_text_gives_a_set_of_strings_and_the_same_set_every_time(text: str) -> None:
    first = extract(text)
    assert all(isinstance(f, str) and f for f in first)
    assert extract(text) == first
