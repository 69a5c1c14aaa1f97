from __future__ import annotations

import re
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextyes import content
from nextyes.text.feedback_lint import CATEGORIES, _expand, default_rules, fold, lint

FLAGGED = [
    # comparison-seeking, in several shapes
    ("Why did you pick the other candidate?", "comparison", "Why did you pick the other candidate"),
    ("Why did you guys choose him over me?", "comparison", "choose him over me"),
    ("Why was the successful applicant preferred?", "comparison", "successful applicant"),
    ("What did they have that I don't?", "comparison", "that I don't"),
    ("What did the chosen candidate bring that I didn’t?", "comparison", "bring that I didn’t"),
    ("Who got the job in the end?", "comparison", "Who got the job"),
    ("Who did you end up hiring?", "comparison", "Who did you end up hiring"),
    ("Who was hired for the role?", "comparison", "Who was hired"),
    ("Was she more experienced than me?", "comparison", "more experienced than me"),
    ("I was passed over and someone was picked instead of me.", "comparison", "instead of me"),
    ("How did I compare to the other finalists?", "comparison", "How did I compare"),
    ("Where did I rank on your shortlist?", "comparison", "Where did I rank"),
    # demands and entitlement
    ("I need an explanation.", "demand", "I need an explanation"),
    ("I still want a proper answer about this.", "demand", "I still want a proper answer"),
    ("I deserve to know why.", "demand", "I deserve to know why"),
    ("Honestly I think I deserved this job.", "demand", "I think I deserved"),
    ("I feel entitled to some transparency.", "demand", "I feel entitled"),
    ("You owe me that much.", "demand", "You owe me"),
    ("You should at least explain your reasoning.", "demand", "You should at least explain"),
    ("Please explain why I was rejected.", "demand", "explain why"),
    ("Please respond by Friday.", "demand", "respond by Friday"),
    ("Kindly get back to me within 48 hours.", "demand", "get back to me within 48"),
    ("I expect a detailed response.", "demand", "I expect a detailed response"),
    # defensiveness or blame
    ("This whole thing is unfair.", "blame", "unfair"),
    ("Honestly it was not fair on me.", "blame", "not fair"),
    ("Your process was disorganised from start to finish.", "blame", "Your process"),
    ("The interview process felt rushed.", "blame", "interview process"),
    ("You didn't even read my portfolio.", "blame", "You didn't even"),
    ("You never even looked at my code sample.", "blame", "You never even looked"),
    ("You never gave me a fair chance.", "blame", "You never gave me a fair chance"),
    ("The interviewer was rude and kept checking his phone.", "blame", "rude"),
    ("I think you've made a big mistake.", "blame", "you've made a big mistake"),
    ("You'll regret this.", "blame", "You'll regret"),
    ("I was clearly the most qualified candidate.", "blame", "clearly the most qualified"),
    ("I'm honestly shocked by this decision.", "blame", "I'm honestly shocked"),
    ("It makes no sense to me.", "blame", "makes no sense"),
    ("With all due respect, I disagree.", "blame", "With all due respect"),
    ("This feels like discrimination.", "blame", "discrimination"),
    # pleading
    ("Please reconsider.", "pleading", "Please reconsider"),
    ("Could you possibly reconsider your decision?", "pleading", "reconsider your decision"),
    ("Would the team be willing to re-consider my application?", "pleading", "re-consider my"),
    ("Is there any way you could change your mind?", "pleading", "change your mind"),
    ("I really need this job.", "pleading", "I really need this job"),
    ("I'm begging you.", "pleading", "I'm begging"),
    ("I am desperate for this role.", "pleading", "desperate"),
    ("I'll do whatever it takes.", "pleading", "I'll do whatever it takes"),
    ("Please give me another chance.", "pleading", "give me another chance"),
    ("Can I still be considered for this role?", "pleading", "still be considered for this role"),
    ("I can't afford to lose this.", "pleading", "I can't afford"),
]

POLITE = [
    "I'd value any thoughts on how I could strengthen my answers.",
    "Thank you for taking the time to interview me.",
    "Is there anything I could have done differently to be a stronger candidate?",
    "If a similar role opens up, I'd be glad to be considered.",
    "I enjoyed learning about your process and the team.",
    "Thank you for your consideration throughout the process.",
    "I enjoyed the process, even though it didn't work out.",
    "I would appreciate any feedback you're able to share.",
    "I understand you may not be able to share feedback.",
    "Which skills would you suggest I focus on developing?",
    "I'm disappointed, but I appreciate the opportunity.",
    "Please keep me in mind for future roles.",
    "I need to brush up on system design, so any pointers would help.",
    "Thank you for getting back to me so quickly.",
    "I hope I have another chance to interview with you in future.",
    "What could I do to be a more competitive candidate next time?",
    "How could I better demonstrate my experience with SQL?",
    "I hope this isn't rude to ask, but could you share one thing to improve?",
    "Is there someone else I should ask for feedback?",
    "Is there anything I should reconsider in my approach to case studies?",
    "I want to understand how I could improve.",
    "I made a joke during the interview that may not have landed.",
    "I look forward to hearing from you, whenever you have time.",
    "Would you consider me for future openings?",
    "I'd appreciate knowing which areas to focus on.",
    "Congratulations to whoever joins the team; I'm sure they'll do well.",
]


@pytest.mark.parametrize(("text", "category", "words"), FLAGGED)
def test_phrasings_that_put_readers_off_are_flagged_at_their_words(
    text: str, category: str, words: str
) -> None:
    flags = [f for f in lint(text) if f.category == category]
    assert flags, f"expected a {category} flag in {text!r}"
    assert any(f.start <= text.index(words) < f.end for f in flags)
    for flag in flags:
        assert text[flag.start : flag.end] == flag.excerpt
        assert flag.rewrite
        assert flag.message
        assert flag.label


@pytest.mark.parametrize("text", POLITE)
def test_polite_requests_raise_no_false_alarm(text: str) -> None:
    assert lint(text) == []


def test_curly_apostrophes_and_line_breaks_do_not_hide_a_phrase() -> None:
    text = "What did they have\nthat I don’t?"
    (flag,) = lint(text)
    assert flag.category == "comparison"
    assert flag.excerpt == "What did they have\nthat I don’t"


def test_a_sentence_wrapped_over_two_lines_is_still_one_sentence() -> None:
    (flag,) = lint("Thanks. Honestly, your interview process felt\nrushed and chaotic.")
    assert (flag.category, flag.excerpt) == ("blame", "your interview process")


def test_a_request_over_the_word_limit_is_flagged_from_the_first_word_too_many() -> None:
    limit = default_rules().max_words
    words = [f"word{i}" for i in range(limit + 20)]
    text = " ".join(words)
    (flag,) = lint(text)
    assert flag.category == "length"
    assert flag.excerpt.startswith(f"word{limit} ")
    assert flag.excerpt.endswith(f"word{limit + 19}")
    assert str(limit + 20) in flag.message


def test_a_request_at_the_word_limit_is_not_flagged() -> None:
    limit = default_rules().max_words
    assert lint(" ".join(["thanks"] * limit)) == []


def test_quoted_lines_from_their_email_are_neither_checked_nor_counted() -> None:
    quoted = "> We decided to go with the other candidate. Who got the job is confidential.\n"
    text = "Thank you for letting me know.\n\n" + quoted * 40
    assert lint(text) == []


def test_overlapping_matches_of_one_category_become_one_flag() -> None:
    flags = lint("Why did you choose the other candidate over me?")
    assert len([f for f in flags if f.category == "comparison"]) == 1


def test_every_category_in_the_rules_is_one_the_cli_knows() -> None:
    rules = default_rules()
    assert {r.category for r in rules.rules} | {"length"} == set(CATEGORIES)


def test_every_rule_pattern_finds_nothing_in_an_empty_request() -> None:
    assert lint("") == []


flagged_phrases = st.sampled_from([words for _, _, words in FLAGGED])
padding = st.sampled_from(
    ["", " ", "\n", "Thank you. ", "\n\nBest wishes,\nSam", "Hi Ana,\n\n", " (and) "]
)


@settings(deadline=None)
@given(st.text())
def test_any_unicode_text_lints_without_error_and_spans_lie_inside_it(text: str) -> None:
    for flag in lint(text):
        assert 0 <= flag.start < flag.end <= len(text)
        assert text[flag.start : flag.end] == flag.excerpt
        assert flag.category in CATEGORIES


@settings(deadline=None)
@given(st.sampled_from(POLITE), padding, padding)
def test_clean_text_stays_clean_when_padded(text: str, before: str, after: str) -> None:
    assert lint(before + text + after) == []


@settings(deadline=None)
@given(st.sampled_from(FLAGGED), st.sampled_from(POLITE), st.sampled_from(POLITE))
def test_a_flagged_sentence_among_polite_ones_is_found_where_it_was_put(
    flagged: tuple[str, str, str], first: str, last: str
) -> None:
    sentence, category, words = flagged
    text = f"{first} {sentence} {last}"
    where = text.index(sentence) + sentence.index(words)
    flags = [f for f in lint(text) if f.category == category]
    assert any(f.start <= where < f.end for f in flags)
    for flag in lint(text):
        assert flag.end > len(first), flag
        assert flag.start < text.index(sentence) + len(sentence), flag


@settings(deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=80), flagged_phrases)
def test_flag_excerpts_contain_word_characters(noise: str, phrase: str) -> None:
    for flag in lint(noise + " " + phrase):
        assert re.search(r"\w", flag.excerpt)


RAW_RULES = content.load("recovery/feedback_lint")["rules"]


@pytest.mark.parametrize("raw", RAW_RULES, ids=[r["id"] for r in RAW_RULES])
@settings(deadline=None, max_examples=25, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_text_a_rule_matches_contains_one_of_its_triggers(
    raw: dict[str, Any], data: st.DataObject
) -> None:
    rule = next(r for r in default_rules().rules if r.id == raw["id"])
    assert rule.triggers, f"{rule.id} has no triggers, so it is compiled for every text"
    macros = content.load("recovery/feedback_lint")["macros"]
    source = data.draw(st.sampled_from(raw["patterns"]))
    text = data.draw(st.from_regex(_expand(source, macros), fullmatch=True))
    assert rule.may_match(fold(text)), (rule.id, text)
