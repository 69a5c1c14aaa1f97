"""Whatever text arrives as an email, a password or a server setting, the answer is a value or a
clear InvalidInput, never a crash, and a refused account writes nothing."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nextyes.domain.accounts import normalise_email
from nextyes.errors import InvalidInput, NextyesError
from nextyes.server_settings import ServerSettings
from nextyes.services.accounts import admin
from nextyes.services.accounts.secrets import check_password
from nextyes.services.journal import Journal
from tests.conftest import NOW, snapshot


@given(st.text(max_size=400))
def test_any_text_is_an_email_address_or_a_clear_refusal(text: str) -> None:
    try:
        email = normalise_email(text)
    except InvalidInput as exc:
        assert "email address" in exc.message
        return
    assert email == email.strip().lower()
    assert email.count("@") == 1 and len(email) <= 254


@given(st.text(max_size=300))
def test_any_password_is_accepted_or_refused_with_a_reason(text: str) -> None:
    try:
        check_password(text, "ada@example.org")
    except InvalidInput as exc:
        assert exc.message.endswith(".")
        return
    assert len(text) >= 12


@settings(max_examples=40, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            ["NEXTYES_PUBLIC_URL", "NEXTYES_OPEN_SIGN_UP", "NEXTYES_SESSION_HOURS",
             "NEXTYES_POOL_SIZE", "NEXTYES_SMTP_HOST", "NEXTYES_SMTP_PORT",
             "NEXTYES_TRUSTED_PROXIES", "NEXTYES_SMTP_STARTTLS"]
        ),
        st.text(max_size=40),
    )
)  # fmt: skip
def test_any_server_environment_loads_or_says_what_to_fix(env: dict[str, str]) -> None:
    try:
        loaded = ServerSettings.load(env=env)
    except InvalidInput as exc:
        assert exc.message
        return
    assert loaded.public_url.startswith(("http://", "https://"))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(email=st.text(max_size=60), password=st.text(max_size=40))
def test_a_refused_account_writes_nothing(journal: Journal, email: str, password: str) -> None:
    # one journal for every example: a refused example leaves it as it was
    before = snapshot(journal)
    try:
        admin.create_account(journal.uow(), email, NOW, password=password)
    except NextyesError:
        assert snapshot(journal) == before
