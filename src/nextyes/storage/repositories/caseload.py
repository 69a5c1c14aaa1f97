"""What the caseload reads: a few queries over all of a coach's clients at once.

`CaseloadRepository` takes the clients' ids explicitly (the policy decided who they are) and
answers with plain values per client, one query per kind of fact, so fifty clients cost the
same handful of queries as one. `ClientRowsRepository` is owner-scoped like the journal's own
repositories: whole-journal reads the coach's view needs that nothing else did.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from nextyes.domain.caseload import Celebration, CoolDownEnd, Outcome, Upcoming
from nextyes.domain.mail import StoredMail
from nextyes.domain.recovery import Reflection
from nextyes.storage.convert import as_date, as_datetime, as_datetime_or_none
from nextyes.storage.repositories.base import Repository

INTERVIEW_STAGES = ("interview", "final", "offer", "accepted", "declined")
OUTCOME_STAGES = ("screening", "assessment", "interview", "final", "offer", "accepted", "rejected")
CELEBRATED = ("interview", "final", "offer", "accepted")


def _in(ids: Sequence[int], prefix: str = "c") -> tuple[str, dict[str, Any]]:
    names = [f"{prefix}{n}" for n in range(len(ids))]
    return ", ".join(f":{n}" for n in names), dict(zip(names, ids, strict=True))


def _stages(stages: Sequence[str]) -> str:
    return ", ".join(f"'{s}'" for s in stages)


class CaseloadRepository(Repository):
    def last_seen(self, ids: Sequence[int]) -> dict[int, datetime | None]:
        marks, params = _in(ids)
        rows = self.db.query(
            "SELECT u.id, u.last_sign_in_at, max(s.last_seen_at) AS seen FROM users u "
            f"LEFT JOIN auth_sessions s ON s.user_id = u.id WHERE u.id IN ({marks}) "
            "GROUP BY u.id, u.last_sign_in_at",
            params,
        )
        found: dict[int, datetime | None] = {}
        for r in rows:
            moments = [
                m
                for m in (as_datetime_or_none(r["last_sign_in_at"]), as_datetime_or_none(r["seen"]))
                if m is not None
            ]
            found[int(r["id"])] = max(moments) if moments else None
        return found

    def applying(self, ids: Sequence[int], week_start: date) -> dict[int, tuple[date | None, int]]:
        """Per client: the last day they applied, and how many since `week_start`."""
        marks, params = _in(ids)
        rows = self.db.query(
            "SELECT owner_id, max(applied_on) AS last, "
            "sum(CASE WHEN applied_on >= :week THEN 1 ELSE 0 END) AS week "
            f"FROM applications WHERE owner_id IN ({marks}) AND applied_on IS NOT NULL "
            "GROUP BY owner_id",
            {**params, "week": week_start},
        )
        return {
            int(r["owner_id"]): (
                None if r["last"] is None else as_date(r["last"]),
                int(r["week"] or 0),
            )
            for r in rows
        }

    def weekly_goals(self, ids: Sequence[int]) -> dict[int, int]:
        marks, params = _in(ids)
        rows = self.db.query(
            "SELECT owner_id, max(target) AS target FROM goals WHERE owner_id IN "
            f"({marks}) AND metric = 'applications' AND ended_on IS NULL GROUP BY owner_id",
            params,
        )
        return {int(r["owner_id"]): int(r["target"]) for r in rows if r["target"]}

    def outcomes(self, ids: Sequence[int], since: date) -> dict[int, list[Outcome]]:
        """Answers from employers since `since`, newest first, per client."""
        marks, params = _in(ids)
        rows = self.db.query(
            "SELECT e.owner_id, e.application_id, e.stage, e.occurred_on, a.company "
            "FROM stage_events e JOIN applications a ON a.id = e.application_id "
            f"WHERE e.owner_id IN ({marks}) AND e.stage IN ({_stages(OUTCOME_STAGES)}) "
            "AND e.occurred_on >= :since AND e.correction = :no "
            "ORDER BY e.owner_id, e.occurred_on DESC, e.id DESC",
            {**params, "since": since, "no": False},
        )
        found: dict[int, list[Outcome]] = defaultdict(list)
        for r in rows:
            found[int(r["owner_id"])].append(
                Outcome(
                    int(r["application_id"]), str(r["company"]), str(r["stage"]),
                    as_date(r["occurred_on"]),
                )
            )  # fmt: skip
        return found

    def latest_plan_step(self, ids: Sequence[int]) -> dict[int, date]:
        marks, params = _in(ids)
        rows = self.db.query(
            f"SELECT owner_id, max(created_on) AS last FROM plan_items WHERE owner_id IN ({marks}) "
            "GROUP BY owner_id",
            params,
        )
        return {int(r["owner_id"]): as_date(r["last"]) for r in rows if r["last"] is not None}

    def latest_reflection(self, ids: Sequence[int]) -> dict[int, date]:
        marks, params = _in(ids)
        rows = self.db.query(
            f"SELECT owner_id, max(started_at) AS last FROM reflections WHERE owner_id IN ({marks}) "
            "GROUP BY owner_id",
            params,
        )
        return {
            int(r["owner_id"]): as_datetime(r["last"]).date() for r in rows if r["last"] is not None
        }

    def ended_cool_downs(
        self, ids: Sequence[int], since: datetime, now: datetime
    ) -> dict[int, list[CoolDownEnd]]:
        marks, params = _in(ids)
        rows = self.db.query(
            "SELECT c.owner_id, c.application_id, c.ends_at, a.company FROM cool_downs c "
            f"JOIN applications a ON a.id = c.application_id WHERE c.owner_id IN ({marks}) "
            "AND c.ends_at >= :since AND c.ends_at <= :now ORDER BY c.owner_id, c.ends_at DESC",
            {**params, "since": since, "now": now},
        )
        found: dict[int, list[CoolDownEnd]] = defaultdict(list)
        for r in rows:
            found[int(r["owner_id"])].append(
                CoolDownEnd(int(r["application_id"]), str(r["company"]), as_datetime(r["ends_at"]))
            )
        return found

    def steps_after(
        self, ids: Sequence[int], since: date
    ) -> dict[int, list[tuple[int | None, date]]]:
        """Next steps taken since `since`: feedback requests (per application), plan items and
        new applications (for the whole search), as (application id or None, day)."""
        marks, params = _in(ids)
        params = {**params, "since": since}
        found: dict[int, list[tuple[int | None, date]]] = defaultdict(list)
        for r in self.db.query(
            "SELECT owner_id, application_id, sent_on FROM feedback_requests "
            f"WHERE owner_id IN ({marks}) AND sent_on >= :since",
            params,
        ):
            found[int(r["owner_id"])].append((int(r["application_id"]), as_date(r["sent_on"])))
        for r in self.db.query(
            "SELECT owner_id, max(created_on) AS last FROM plan_items "
            f"WHERE owner_id IN ({marks}) AND created_on >= :since GROUP BY owner_id",
            params,
        ):
            found[int(r["owner_id"])].append((None, as_date(r["last"])))
        for r in self.db.query(
            "SELECT owner_id, max(applied_on) AS last FROM applications "
            f"WHERE owner_id IN ({marks}) AND applied_on >= :since GROUP BY owner_id",
            params,
        ):
            found[int(r["owner_id"])].append((None, as_date(r["last"])))
        return found

    def upcoming(self, ids: Sequence[int], start: date, end: date) -> dict[int, list[Upcoming]]:
        marks, params = _in(ids)
        rows = self.db.query(
            "SELECT i.owner_id, i.application_id, i.scheduled_on, a.company FROM interviews i "
            f"JOIN applications a ON a.id = i.application_id WHERE i.owner_id IN ({marks}) "
            "AND i.scheduled_on >= :start AND i.scheduled_on <= :end "
            "ORDER BY i.owner_id, i.scheduled_on, i.id",
            {**params, "start": start, "end": end},
        )
        found: dict[int, list[Upcoming]] = defaultdict(list)
        for r in rows:
            found[int(r["owner_id"])].append(
                Upcoming(int(r["application_id"]), str(r["company"]), as_date(r["scheduled_on"]))
            )
        return found

    def conversion(
        self, ids: Sequence[int], window_start: date, window_end: date
    ) -> dict[int, tuple[int, int, int, int]]:
        """Per client: (sent, interviews) for applications sent in the window, then before it."""
        marks, params = _in(ids)
        marks2, params2 = _in(ids, "d")
        rows = self.db.query(
            "SELECT a.owner_id, CASE WHEN a.applied_on >= :start THEN 1 ELSE 0 END AS recent, "
            "count(*) AS sent, count(r.application_id) AS interviews FROM applications a "
            "LEFT JOIN (SELECT DISTINCT application_id FROM stage_events WHERE owner_id IN "
            f"({marks2}) AND stage IN ({_stages(INTERVIEW_STAGES)})) r "
            f"ON r.application_id = a.id WHERE a.owner_id IN ({marks}) "
            "AND a.applied_on IS NOT NULL AND a.applied_on <= :end "
            "GROUP BY a.owner_id, CASE WHEN a.applied_on >= :start THEN 1 ELSE 0 END",
            {**params, **params2, "start": window_start, "end": window_end},
        )
        found: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
        for r in rows:
            at = 0 if int(r["recent"]) == 1 else 2
            found[int(r["owner_id"])][at] = int(r["sent"])
            found[int(r["owner_id"])][at + 1] = int(r["interviews"])
        return {k: (v[0], v[1], v[2], v[3]) for k, v in found.items()}

    def celebrations(
        self, ids: Sequence[int], since: date, with_wins: bool
    ) -> dict[int, list[Celebration]]:
        """Recent good news per client: steps forward, and (when shared) their wins."""
        marks, params = _in(ids)
        params = {**params, "since": since}
        found: dict[int, list[Celebration]] = defaultdict(list)
        for r in self.db.query(
            "SELECT e.owner_id, e.application_id, e.stage, e.occurred_on, a.company "
            "FROM stage_events e JOIN applications a ON a.id = e.application_id "
            f"WHERE e.owner_id IN ({marks}) AND e.stage IN ({_stages(CELEBRATED)}) "
            "AND e.occurred_on >= :since AND e.correction = :no "
            "ORDER BY e.occurred_on DESC, e.id DESC",
            {**params, "no": False},
        ):
            found[int(r["owner_id"])].append(
                Celebration(
                    int(r["application_id"]), f"{r['stage']}|{r['company']}",
                    as_date(r["occurred_on"]),
                )
            )  # fmt: skip
        if with_wins:
            for r in self.db.query(
                "SELECT owner_id, application_id, occurred_on, text FROM wins "
                f"WHERE owner_id IN ({marks}) AND occurred_on >= :since AND auto_key IS NULL "
                "ORDER BY occurred_on DESC, id DESC",
                params,
            ):
                app = r["application_id"]
                found[int(r["owner_id"])].append(
                    Celebration(
                        None if app is None else int(app), f"win|{r['text']}",
                        as_date(r["occurred_on"]),
                    )
                )  # fmt: skip
        return found


class ClientRowsRepository(Repository):
    """Owner-scoped reads of a whole journal that only the coach's view needs."""

    def reflections(self) -> list[Reflection]:
        from nextyes.storage.repositories.recovery import REFLECTION_COLUMNS, to_reflection

        rows = self.db.query(
            f"SELECT {REFLECTION_COLUMNS} FROM reflections WHERE owner_id = :owner "
            "ORDER BY started_at DESC, id DESC",
            {"owner": self.owner_id},
        )
        return [to_reflection(r) for r in rows]

    def mail(self, limit: int) -> list[StoredMail]:
        from nextyes.storage.repositories.mail import COLUMNS, to_stored

        rows = self.db.query(
            f"SELECT {COLUMNS} FROM mail_messages WHERE owner_id = :owner "
            "ORDER BY received_at DESC, id DESC LIMIT :limit",
            {"owner": self.owner_id, "limit": limit},
        )
        return [to_stored(r) for r in rows]
