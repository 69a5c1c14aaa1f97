"""Schemathesis over the OpenAPI document: whatever a client sends, the server never fails.

Every operation gets generated requests, valid and invalid, sent with a real session and CSRF
token to the app over a small demo journal; a 5xx answer fails the test.
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from nextyes.config import Settings
from nextyes.services.demo.build import fill_demo
from nextyes.services.journal import open_journal
from nextyes.text.fetch import PageUnreachable
from nextyes.web.app import create_app
from nextyes.web.security import SESSION_COOKIE, csrf_token
from tests.conftest import NOW
from tests.web.conftest import BASE

SESSION = "fuzz" * 8
EXAMPLES = 10


def test_no_request_makes_the_server_fail(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    def offline(url: str, **kwargs: object) -> object:  # no test goes on the web
        raise PageUnreachable(f"Could not reach {url}: you may be offline.")

    monkeypatch.setattr("nextyes.text.fetch.fetch_page", offline)
    journal = open_journal(settings)
    fill_demo(journal.uow(), NOW, count=20)
    journal.close()
    app = create_app(settings, port=8765)
    schema = schemathesis.openapi.from_asgi(
        "/api/v1/openapi.json", app, headers={"Host": "127.0.0.1:8765"}
    )
    token = csrf_token(app.state.nextyes.secret, SESSION)
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 15
    for operation in operations:
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):

            @given(case=operation.as_strategy(generation_mode=mode))
            @examples(
                max_examples=EXAMPLES,
                deadline=None,
                derandomize=True,
                database=None,
                suppress_health_check=list(HealthCheck),
            )
            def send(case: Any) -> None:
                response = case.call(
                    base_url=BASE,
                    headers={"X-CSRF-Token": token},
                    cookies={SESSION_COOKIE: SESSION},
                )
                if response.status_code >= 500:
                    failures.append(f"{case.method} {case.formatted_path}: {response.text[:300]}")

            try:
                send()
            except Unsatisfiable:  # nothing invalid to send to an operation without inputs
                assert mode is GenerationMode.NEGATIVE
    assert not failures, "\n".join(failures)
