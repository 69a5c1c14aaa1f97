from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.text.templating import TemplateError, parse, render


def test_an_optional_segment_disappears_when_its_fact_is_unknown() -> None:
    source = "Thanks for talking with me[ on {day}] about {role}."
    assert render(source, {"day": "3 November", "role": "the role"}) == (
        "Thanks for talking with me on 3 November about the role."
    )
    assert render(source, {"day": None, "role": "the role"}) == (
        "Thanks for talking with me about the role."
    )


def test_alternatives_fall_back_to_the_first_one_whose_facts_are_known() -> None:
    source = "[Hi {first}|Dear {full}|Hello],"
    assert render(source, {"first": "Ana", "full": "Ana Ruiz"}) == "Hi Ana,"
    assert render(source, {"first": "", "full": "Ana Ruiz"}) == "Dear Ana Ruiz,"
    assert render(source, {"first": None, "full": None}) == "Hello,"


def test_a_dropped_paragraph_leaves_no_extra_blank_lines() -> None:
    source = "One.\n\n[{extra}]\n\nTwo."
    assert render(source, {"extra": None}) == "One.\n\nTwo."
    assert render(source, {"extra": "Middle."}) == "One.\n\nMiddle.\n\nTwo."


def test_a_required_fact_that_is_unknown_is_an_error() -> None:
    with pytest.raises(TemplateError, match="needs role"):
        render("About {role}.", {"role": None})


def test_a_fact_missing_from_the_values_is_an_error_even_inside_a_segment() -> None:
    with pytest.raises(TemplateError, match="not even None"):
        render("Hi[ {name}].", {})


@pytest.mark.parametrize("source", ["[unclosed", "a ] b", "[a [b] c]", "{Bad}", "a | b", "{open"])
def test_malformed_templates_are_rejected(source: str) -> None:
    with pytest.raises(TemplateError):
        parse(source)


def test_fields_and_required_fields_are_listed() -> None:
    template = parse("{a}[ {b}|{c}]")
    assert template.fields == {"a", "b", "c"}
    assert template.required == {"a"}


@given(st.text(alphabet=st.characters(exclude_characters="\n"), min_size=1))
def test_values_are_inserted_verbatim_and_never_read_as_template_syntax(value: str) -> None:
    assert render("<{v}>[ ({w})]", {"v": value, "w": value}) == f"<{value}> ({value})"
