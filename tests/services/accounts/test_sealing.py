"""One rule for the secrets a server keeps: sealed with its secret key only, opened with that key,
the keys it had before, or the server.key an earlier version made; values sealed by earlier
versions still open, a wrong key says what to do, and without a key nothing is sealed."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextyes.config import Settings
from nextyes.domain.errors import Words
from nextyes.errors import InvalidInput
from nextyes.server_settings import ServerSettings
from nextyes.services.accounts.sealing import (
    IMAP_PASSWORD,
    PREFIX,
    SSO_CLIENT_SECRET,
    NoSecretKey,
    Sealer,
    reseal,
    server_sealer,
)
from nextyes.services.journal import open_journal
from nextyes.services.mail import connection
from nextyes.services.organisations import membership
from tests.conftest import NOW

KEY = "the server-s secret key long enough to use"
NEW_KEY = "a new secret key after the old one was changed"

# Sealed by nextyes before sealing had one rule (main at 43f6f9e), kept here as they were
# stored: an IMAP password and an SSO client secret under a secret key, and an SSO client
# secret under the server.key file a server without a secret key made in its home.
OLD_KEY = "an-older-server-key-kept-for-the-tests-0123456789"
OLD_IMAP = "sealed:v1:T2x1xQn9p8o8oYnUijLF61MS9YbZStEi5zOGRX9sPP7lXxSOh_9CE9Jm78QddYqizEjy8VPQ"
OLD_SSO = (
    "sealed:v1:VlaZAWftM7svYVOYEuUkd1RXR5PZWFx1UIQt-7rxI-xOxEg3oTQLs8KIP4yTwwgB-XpqZLp94wiITa6Wvx"
    "1eKQ=="
)
OLD_FILE = "mWq3r3Jm0p1aX2bYc9dEfGhIjKlMnOpQrStUvWxYz01\n"  # server.key's content
OLD_SSO_FROM_FILE = (
    "sealed:v1:TKaiP54qKGen0mRtuC38h7ecnAki3wHnrUg9wyCjG53VjHqWeAoH1EiqhPp5qEMFkPmxp2cTolHpRY9Yup"
    "xIKVQMSG7a"
)


def sealer(key: str | None, *previous: str, home: Path = Path("/nonexistent")) -> Sealer:
    return server_sealer(ServerSettings(secret_key=key, previous_secret_keys=previous), home)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=200))
def test_a_sealed_secret_opens_with_the_same_key_and_purpose_only(text: str) -> None:
    sealed = sealer(KEY).seal(text, "client secret")
    assert sealed.startswith(PREFIX)
    assert sealer(KEY).open(sealed, "client secret") == text
    assert sealer(KEY).seal(text, "client secret") != sealed  # a new nonce each time
    with pytest.raises(InvalidInput):
        sealer(KEY).open(sealed, "mail password")
    with pytest.raises(InvalidInput, match="NEXTYES_PREVIOUS_SECRET_KEYS") as refused:
        sealer("another key of at least thirty-two characters").open(sealed, "client secret")
    assert refused.value.web == Words("accounts/web", "sealing.cannot_open")


def test_the_purposes_are_the_ones_the_features_seal_for() -> None:
    assert membership.SSO_SECRET == SSO_CLIENT_SECRET
    assert IMAP_PASSWORD != SSO_CLIENT_SECRET


def test_values_sealed_by_the_earlier_code_still_open(tmp_path: Path) -> None:
    assert sealer(OLD_KEY).open(OLD_IMAP, IMAP_PASSWORD) == "app-password-sealed-by-0.x"
    assert connection.unseal(sealer(OLD_KEY), OLD_IMAP) == "app-password-sealed-by-0.x"
    opened = sealer(OLD_KEY).open(OLD_SSO, SSO_CLIENT_SECRET)
    assert opened == "client-secret-sealed-with-secret-key"
    (tmp_path / "server.key").write_text(OLD_FILE)
    from_file = sealer(KEY, home=tmp_path).open(OLD_SSO_FROM_FILE, SSO_CLIENT_SECRET)
    assert from_file == "client-secret-sealed-with-server-key-file"
    with pytest.raises(InvalidInput):  # without the file, the key alone does not open it
        sealer(KEY).open(OLD_SSO_FROM_FILE, SSO_CLIENT_SECRET)


def test_a_changed_key_still_opens_what_the_old_one_sealed_and_seals_with_the_new() -> None:
    changed = sealer(NEW_KEY, OLD_KEY)
    assert changed.open(OLD_SSO, SSO_CLIENT_SECRET) == "client-secret-sealed-with-secret-key"
    fresh = changed.seal("new secret", SSO_CLIENT_SECRET)
    assert sealer(NEW_KEY).open(fresh, SSO_CLIENT_SECRET) == "new secret"
    with pytest.raises(InvalidInput):
        sealer(OLD_KEY).open(fresh, SSO_CLIENT_SECRET)
    assert changed.is_current(fresh, SSO_CLIENT_SECRET)
    assert not changed.is_current(OLD_SSO, SSO_CLIENT_SECRET)


def test_without_a_secret_key_nothing_is_sealed_and_no_key_file_is_made(tmp_path: Path) -> None:
    keyless = sealer(None, home=tmp_path)
    assert not keyless.can_seal
    with pytest.raises(NoSecretKey, match="NEXTYES_SECRET_KEY") as refused:
        keyless.seal("CLIENT-SECRET-0123456789", SSO_CLIENT_SECRET)
    assert refused.value.web == Words("accounts/web", "sealing.no_key")
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(InvalidInput, match="secret key first"):
        connection.seal(keyless, "app-password")
    (tmp_path / "server.key").write_text(OLD_FILE)  # an earlier version's file still opens
    assert sealer(None, home=tmp_path).open(OLD_SSO_FROM_FILE, SSO_CLIENT_SECRET) == (
        "client-secret-sealed-with-server-key-file"
    )


def test_a_value_kept_before_sealing_opens_as_it_is() -> None:
    assert sealer(None).open("plain-old-secret", "client secret") == "plain-old-secret"


def test_keys_too_short_are_refused_where_the_settings_are_read() -> None:
    with pytest.raises(InvalidInput, match="secret_key should be at least 32"):
        ServerSettings.load(env={"NEXTYES_SECRET_KEY": "short"})
    with pytest.raises(InvalidInput, match="previous_secret_keys should be at least 32"):
        ServerSettings.load(env={"NEXTYES_SECRET_KEY": KEY, "NEXTYES_PREVIOUS_SECRET_KEYS": "x"})
    loaded = ServerSettings.load(
        env={"NEXTYES_SECRET_KEY": NEW_KEY, "NEXTYES_PREVIOUS_SECRET_KEYS": f"{OLD_KEY}, {KEY}"}
    )
    assert loaded.previous_secret_keys == (OLD_KEY, KEY)
    assert KEY not in repr(loaded) and OLD_KEY not in repr(loaded)


def _store_old_secrets(settings: Settings) -> None:
    """An IMAP password and two organisations' SSO secrets, as earlier versions stored them."""
    from nextyes.domain.accounts import Role
    from nextyes.domain.organisations import SingleSignOn
    from nextyes.services.accounts import admin

    journal = open_journal(settings)
    try:
        uow = journal.uow()
        ada = admin.create_account(uow, "ada@example.org", NOW, role=Role.SEEKER, password=None)
        with uow:
            uow.imap_connections.save(
                ada.id, "imap://ada@mail.example.org:993/INBOX", OLD_IMAP, NOW
            )
            for name, secret in (("North", OLD_SSO), ("South", OLD_SSO_FROM_FILE)):
                made = uow.organisations.add(name, NOW)
                sso = SingleSignOn("https://id.example.org", "nextyes", secret, None)
                uow.organisations.set_sso(made, sso)
            uow.commit()
    finally:
        journal.close()


def _stored(settings: Settings) -> list[str]:
    journal = open_journal(settings)
    try:
        rows = journal.db.query(
            "SELECT secret AS sealed FROM imap_connections UNION ALL "
            "SELECT sso_client_secret AS sealed FROM organisations ORDER BY 1"
        )
        journal.db.rollback()
        return [str(r["sealed"]) for r in rows]
    finally:
        journal.close()


def test_reseal_seals_every_stored_secret_with_the_new_key_all_or_nothing(
    any_settings: Settings,
) -> None:
    _store_old_secrets(any_settings)
    before = _stored(any_settings)
    journal = open_journal(any_settings)
    try:
        with pytest.raises(InvalidInput, match="cannot be opened"):  # server.key is not there
            reseal(journal.uow(), sealer(NEW_KEY, OLD_KEY, home=any_settings.home))
        assert _stored(any_settings) == before
        with pytest.raises(NoSecretKey):
            reseal(journal.uow(), sealer(None, OLD_KEY, home=any_settings.home))
        any_settings.home.mkdir(parents=True, exist_ok=True)
        (any_settings.home / "server.key").write_text(OLD_FILE)
        done = reseal(journal.uow(), sealer(NEW_KEY, OLD_KEY, home=any_settings.home))
        assert (done.resealed, done.current) == (3, 0)
        again = reseal(journal.uow(), sealer(NEW_KEY, home=any_settings.home))
        assert (again.resealed, again.current) == (0, 3)
    finally:
        journal.close()
    (any_settings.home / "server.key").unlink()
    only_new = sealer(NEW_KEY, home=any_settings.home)
    opened = set()
    for stored in _stored(any_settings):
        for purpose in (IMAP_PASSWORD, SSO_CLIENT_SECRET):
            try:
                opened.add(only_new.open(stored, purpose))
            except InvalidInput:
                continue
    assert opened == {
        "app-password-sealed-by-0.x",
        "client-secret-sealed-with-secret-key",
        "client-secret-sealed-with-server-key-file",
    }
