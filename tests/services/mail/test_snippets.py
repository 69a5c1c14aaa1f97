"""A message's snippet ends at a whole word, marked as cut, and is never longer than its limit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nextyes.services.mail.analysis import SNIPPET_CHARS, snippet_of

LETTER = (
    "Dear Sam, Thank you for your interest in the Reporting Analyst position and for the time "
    "you spent on your application. After careful review, we have decided not to move forward "
    "with your application at this time. We had many strong applications this round, and we "
    "wish you every success."
)


def test_a_long_message_is_cut_at_a_word_and_says_so() -> None:
    snippet = snippet_of(LETTER)
    assert snippet.endswith("…") and len(snippet) <= SNIPPET_CHARS
    assert LETTER.startswith(snippet[:-1])
    assert LETTER[len(snippet) - 1] in " ,.", snippet  # the next character starts a new word


def test_a_short_message_is_kept_whole() -> None:
    assert snippet_of("Thanks, we'd love to meet you.") == "Thanks, we'd love to meet you."


@given(st.text(alphabet=st.sampled_from("ab c\n"), max_size=600))
def test_a_snippet_is_never_longer_than_its_limit(body: str) -> None:
    snippet = snippet_of(body)
    assert len(snippet) <= SNIPPET_CHARS
    if not snippet.endswith("…"):
        assert snippet == " ".join(body.split())
