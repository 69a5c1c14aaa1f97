from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from nextyes.domain.companies import company_key
from nextyes.domain.themes import CONTROL, Control, Theme, overall_control


def test_spellings_of_one_employer_meet_under_one_key() -> None:
    names = ["Acme Robotics", "ACME Robotics, Inc.", "acme robotics ltd", "The Acme Robotics Co."]
    assert {company_key(n) for n in names} == {"acme robotics"}


def test_accents_and_ampersands_are_folded() -> None:
    assert company_key("Café & Co") == company_key("cafe and co")
    assert company_key("Müller GmbH") == "muller"


@given(st.text(min_size=1, max_size=60))
def test_a_key_is_never_empty_for_a_name(name: str) -> None:
    if name.strip():
        assert company_key(name)


def test_every_theme_has_a_control_and_outside_causes_are_not_blamed_on_the_candidate() -> None:
    assert set(CONTROL) == set(Theme)
    assert CONTROL[Theme.INTERNAL_CANDIDATE] is Control.NO
    assert overall_control(["technical_skills"]) is Control.YES
    assert overall_control(["technical_skills", "salary_budget"]) is Control.PARTLY
    assert overall_control(["role_filled_cancelled"]) is Control.NO
    assert overall_control([]) is Control.NO
