"""Secrets the server keeps are sealed with its key: they open with the same key and purpose
only, a wrong key says what to do, and values kept before sealing still open."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextyes.errors import InvalidInput
from nextyes.services.accounts.sealing import PREFIX, sealer_for


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_a_sealed_secret_opens_with_the_same_key_and_purpose_only(text: str) -> None:
    sealer = sealer_for("the server's secret key, long enough to use", Path("/nonexistent"))
    sealed = sealer.seal(text, "client secret")
    assert sealed.startswith(PREFIX)
    assert sealer.open(sealed, "client secret") == text
    assert sealer.seal(text, "client secret") != sealed  # a new nonce each time
    with pytest.raises(InvalidInput):
        sealer.open(sealed, "mail password")
    with pytest.raises(InvalidInput, match="NEXTYES_SECRET_KEY"):
        sealer_for("another key", Path("/nonexistent")).open(sealed, "client secret")


def test_without_a_configured_key_one_is_made_in_the_home_and_kept(tmp_path: Path) -> None:
    first = sealer_for(None, tmp_path)
    key = tmp_path / "server.key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600
    sealed = first.seal("CLIENT-SECRET-0123456789", "client secret")
    assert "CLIENT-SECRET" not in sealed
    assert sealer_for(None, tmp_path).open(sealed, "client secret") == "CLIENT-SECRET-0123456789"
    assert [p.name for p in tmp_path.iterdir()] == ["server.key"]


def test_a_value_kept_before_sealing_opens_as_it_is(tmp_path: Path) -> None:
    assert sealer_for(None, tmp_path).open("plain-old-secret", "client secret") == (
        "plain-old-secret"
    )
