"""The people bench/team_scale.py simulates: each signs in, then uses the app like a person.

Run by locust (headless) against `nextyes serve`; NEXTYES_BENCH_PEOPLE says how many accounts
the database holds (person<N>@bench.nextyes, all with the same password). Every answer other
than the expected status counts as an error.
"""

from __future__ import annotations

import os
import random
import re
from typing import Any

from locust import HttpUser, between, task

PASSWORD = "bench password, not a secret"
PEOPLE = int(os.environ.get("NEXTYES_BENCH_PEOPLE", "10000"))
COACHES = int(os.environ.get("NEXTYES_BENCH_COACHES", "200"))
_CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')
# Each simulated person is a different account (drawn without replacement): two users drawing
# the same account moved the same application twice, and the second move was rightly refused.
_PEOPLE = random.sample(range(PEOPLE), PEOPLE)
_COACHES = random.sample(range(COACHES), COACHES)


def sign_in(client: Any, email: str) -> str:
    page = client.get("/sign-in", name="sign-in page")
    found = _CSRF.search(page.text)
    token = found.group(1) if found else ""
    with client.post(
        "/sign-in", data={"csrf_token": token, "email": email, "password": PASSWORD},
        allow_redirects=False, name="sign in", catch_response=True,
    ) as answer:  # fmt: skip
        if answer.status_code != 303:
            answer.failure(f"sign in: {answer.status_code}")
    return str(client.get("/api/v1/session", name="session").json()["csrf_token"])


class Coach(HttpUser):  # type: ignore[misc]
    """A coach with 50 clients: the caseload (page and API), and one client's page."""

    weight = 1
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.number = _COACHES.pop()
        self.csrf = sign_in(self.client, f"coach{self.number}@bench.nextyes")
        self.clients = [
            c["id"] for c in self.client.get("/api/v1/clients", name="API caseload").json()
        ]

    def _expect(self, answer: Any, status: int) -> None:
        if answer.status_code != status:
            answer.failure(f"{answer.status_code}: {answer.text[:200]}")

    @task(3)
    def caseload(self) -> None:
        with self.client.get("/clients", name="caseload", catch_response=True) as answer:
            self._expect(answer, 200)

    @task(2)
    def api_caseload(self) -> None:
        with self.client.get("/api/v1/clients", name="API caseload", catch_response=True) as answer:
            self._expect(answer, 200)
            if answer.status_code == 200 and len(answer.json()) != 50:
                answer.failure(f"{len(answer.json())} clients, not 50")

    @task(1)
    def client_page(self) -> None:
        if not self.clients:
            return
        client = random.choice(self.clients)
        with self.client.get(
            f"/clients/{client}", name="client page", catch_response=True
        ) as answer:
            self._expect(answer, 200)


class Person(HttpUser):  # type: ignore[misc]
    weight = 9
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.number = _PEOPLE.pop()
        page = self.client.get("/sign-in", name="sign-in page")
        found = _CSRF.search(page.text)
        token = found.group(1) if found else ""
        with self.client.post(
            "/sign-in",
            data={"csrf_token": token, "email": f"person{self.number}@bench.nextyes",
                  "password": PASSWORD},
            allow_redirects=False, name="sign in", catch_response=True,
        ) as answer:  # fmt: skip
            if answer.status_code != 303:
                answer.failure(f"sign in: {answer.status_code}")
        self.csrf = self.client.get("/api/v1/session", name="session").json()["csrf_token"]
        listed = self.client.get("/api/v1/applications?limit=100", name="API list").json()
        self.applied = [a["id"] for a in listed["items"] if a["stage"] == "applied"]

    def _expect(self, answer: Any, status: int) -> None:
        if answer.status_code != status:
            answer.failure(f"{answer.status_code}: {answer.text[:200]}")

    @task(3)
    def dashboard(self) -> None:
        with self.client.get("/", name="dashboard", catch_response=True) as answer:
            self._expect(answer, 200)

    @task(3)
    def application_list(self) -> None:
        with self.client.get(
            "/api/v1/applications?limit=50", name="API list", catch_response=True
        ) as answer:
            self._expect(answer, 200)

    @task(2)
    def board(self) -> None:
        with self.client.get("/board", name="board", catch_response=True) as answer:
            self._expect(answer, 200)

    @task(1)
    def add(self) -> None:
        body = {"company": f"Bench Company {random.randrange(5000)}", "role": "Data Analyst"}
        with self.client.post(
            "/api/v1/applications", json=body, headers={"X-CSRF-Token": self.csrf},
            name="add", catch_response=True,
        ) as answer:  # fmt: skip
            self._expect(answer, 201)
            if answer.status_code == 201:
                self.applied.append(answer.json()["id"])

    @task(1)
    def move(self) -> None:
        if not self.applied:
            return
        app_id = self.applied.pop(random.randrange(len(self.applied)))
        with self.client.post(
            f"/api/v1/applications/{app_id}/stages", json={"stage": "screening"},
            headers={"X-CSRF-Token": self.csrf}, name="move", catch_response=True,
        ) as answer:  # fmt: skip
            self._expect(answer, 201)
