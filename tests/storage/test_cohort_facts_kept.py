"""Kept cohort facts are written as one line of words; reading them back gives the very report
that the facts themselves give, whatever the facts hold."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from nextyes.domain.organisations import FURTHEST, MemberFacts
from nextyes.services.organisations.cohort import build_report
from nextyes.storage.repositories.cohort import _decode, _encode

GROUPS = {1: "A", 2: "B"}
MONTHS = ["2026-10", "2026-11"]
WORDS = st.sampled_from(["applied", "interview", "final", "technical_skills", "communication"])

facts = st.builds(
    MemberFacts.of,
    groups=st.sampled_from([(), (1,), (2,), (1, 2)]),
    furthest=st.integers(0, len(FURTHEST) - 1),
    noes=st.frozensets(WORDS),
    themes=st.frozensets(st.one_of(WORDS, st.text(max_size=12))),  # hand-made themes too
    months=st.frozensets(
        st.builds(
            "{}:{}".format,
            st.sampled_from(["applied", "interview", "no", "offer"]),
            st.sampled_from(["2025-12", *MONTHS]),
        )
    ),
    days_to_interview=st.one_of(st.none(), st.integers(0, 400)),
    days_to_offer=st.one_of(st.none(), st.integers(0, 400)),
)


@settings(max_examples=150, deadline=None)
@given(st.lists(facts, max_size=30))
def test_kept_facts_give_the_report_the_facts_give(members: list[MemberFacts]) -> None:
    kept = []
    for member in members:
        back = _decode(_encode(member))
        assert back is not None
        assert (back.furthest, back.days_to_interview, back.days_to_offer) == (
            member.furthest, member.days_to_interview, member.days_to_offer,
        )  # fmt: skip
        kept.append(MemberFacts(member.groups, back.furthest, back.marks, back.days_to_interview,
                                back.days_to_offer))  # fmt: skip
    for by in ("everyone", "cohort"):
        assert build_report("North", by, {"cohort": GROUPS}, MONTHS, kept) == build_report(
            "North", by, {"cohort": GROUPS}, MONTHS, members
        )


def test_facts_kept_in_another_format_are_read_again() -> None:
    assert _decode('{"furthest": 3}') is None
    assert _decode("f1 3 - - no:applied") is None
