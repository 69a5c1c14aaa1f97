"""Role families: titles compared without level, contract or location words."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextyes.domain.roles import role_family


@pytest.mark.parametrize(
    ("title", "family"),
    [
        ("Senior Data Analyst (Remote)", "data analyst"),
        ("Data Analyst II", "data analyst"),
        ("Junior data analyst - 12 month contract", "data analyst"),
        ("Lead Software Engineer, Payments", "software engineer"),
        ("Staff Nurse [Band 5]", "nurse"),
        ("Head of Marketing", "marketing"),
        ("Chief of Staff", "chief of staff"),
    ],
)
def test_titles_fold_into_their_family(title: str, family: str) -> None:
    assert role_family(title) == family


@given(st.text(max_size=80))
def test_any_title_gives_a_lower_case_family_and_the_same_one_again(title: str) -> None:
    family = role_family(title)
    assert family == family.lower()
    assert role_family(title) == family
