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
_CSRF = re.compile(r'name="csrf-token" content="([^"]+)"')


class Person(HttpUser):  # type: ignore[misc]
    wait_time = between(0.5, 1.5)

    def on_start(self) -> None:
        self.number = random.randrange(PEOPLE)
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
