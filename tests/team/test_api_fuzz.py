"""Schemathesis over the served app's OpenAPI document, with a personal API token: whatever a
script sends, the server never fails (no 5xx), and the document names how to authenticate."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given
from hypothesis import settings as examples
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode

from nextyes.services.demo.build import fill_demo
from tests.conftest import NOW
from tests.team.conftest import BASE, HOST, Team

EXAMPLES = 6


def test_the_openapi_document_names_the_security_schemes(sqlite_team: Team) -> None:
    document = sqlite_team.browser().get("/api/v1/openapi.json").json()
    schemes = document["components"]["securitySchemes"]
    assert schemes["token"] == {
        "type": "http",
        "scheme": "bearer",
        "description": "A personal API token (nyt_...) from your account page.",
    }
    assert schemes["session"]["in"] == "cookie"
    assert document["security"] == [{"token": []}, {"session": []}]


@pytest.mark.slow
@pytest.mark.postgres
def test_no_request_with_a_token_makes_the_served_app_fail(pg_team: Team) -> None:
    team = pg_team
    script = team.script("fuzz@example.org")
    journal = team.journal()
    fill_demo(journal.for_owner(script.user_id).uow(), NOW, count=10)
    journal.close()
    schema = schemathesis.openapi.from_asgi(
        "/api/v1/openapi.json", team.app, headers={"Host": HOST}
    )
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
                    base_url=BASE, headers={"Authorization": f"Bearer {script.token}", "Host": HOST}
                )
                if response.status_code >= 500:
                    failures.append(f"{case.method} {case.formatted_path}: {response.text[:300]}")

            try:
                send()
            except Unsatisfiable:
                assert mode is GenerationMode.NEGATIVE
    assert not failures, "\n".join(failures)
