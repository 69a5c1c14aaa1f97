"""What recovering from a "no" leaves in the journal: cool-downs, feedback requests, drafts and
reflections (the moods recorded around them live with the mood log, in `wellbeing`)."""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from nextyes.domain.recovery import (
    CoolDownRecord,
    FeedbackRequest,
    RequestStatus,
    StageGroup,
    Tone,
)
from nextyes.domain.stages import Stage
from nextyes.storage.convert import (
    as_date,
    as_date_or_none,
    as_datetime,
    as_datetime_or_none,
    from_json,
    to_json,
)
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

if TYPE_CHECKING:  # `today` reads no reflection or draft: defined when used
    from nextyes.domain.recovery_rows import DraftRow, Reflection

COOL_DOWN_COLUMNS = "id, application_id, kind, starts_at, ends_at"
REQUEST_COLUMNS = (
    "id, application_id, contact_id, tone, sent_on, follow_up_on, followed_up_on, status, closed_on"
)
DRAFT_COLUMNS = "id, application_id, kind, recipient, subject, body, sent_on"
REFLECTION_COLUMNS = (
    "id, application_id, stage_group, started_at, finished_at, time_box_minutes, mood_before, "
    "mood_after, answers, attributions"
)


def to_cool_down(row: Row) -> CoolDownRecord:
    return CoolDownRecord(
        id=row["id"],
        application_id=row["application_id"],
        kind=row["kind"],
        starts_at=as_datetime(row["starts_at"]),
        ends_at=as_datetime(row["ends_at"]),
    )


def to_request(row: Row) -> FeedbackRequest:
    return FeedbackRequest(
        id=row["id"],
        application_id=row["application_id"],
        contact_id=row["contact_id"],
        tone=Tone(row["tone"]) if row["tone"] else None,
        sent_on=as_date(row["sent_on"]),
        follow_up_on=as_date_or_none(row["follow_up_on"]),
        followed_up_on=as_date_or_none(row["followed_up_on"]),
        status=RequestStatus(row["status"]),
        closed_on=as_date_or_none(row["closed_on"]),
    )


def to_reflection(row: Row) -> Reflection:
    from nextyes.domain.recovery_rows import Reflection

    return Reflection(
        id=row["id"],
        application_id=row["application_id"],
        stage_group=StageGroup(row["stage_group"]),
        started_at=as_datetime(row["started_at"]),
        finished_at=as_datetime_or_none(row["finished_at"]),
        time_box_minutes=row["time_box_minutes"],
        mood_before=row["mood_before"],
        mood_after=row["mood_after"],
        answers=dict(from_json(row["answers"], {})),
        attributions=dict(from_json(row["attributions"], {})),
    )


class CoolDownRepository(Repository):
    def add(
        self,
        application_id: int,
        kind: str,
        starts_at: datetime,
        ends_at: datetime,
        now: datetime,
        *,
        event_id: int | None = None,
    ) -> int:
        return self.db.insert(
            "INSERT INTO cool_downs (owner_id, application_id, event_id, kind, starts_at, ends_at, "
            "created_at) VALUES (:owner, :app, :event, :kind, :starts, :ends, :now) RETURNING id",
            {
                "owner": self.owner_id,
                "app": application_id,
                "event": event_id,
                "kind": kind,
                "starts": starts_at,
                "ends": ends_at,
                "now": now,
            },
        )

    def active_at(self, moment: datetime) -> list[CoolDownRecord]:
        """Windows open at `moment`, the one ending last first."""
        rows = self.db.query(
            f"SELECT {COOL_DOWN_COLUMNS} FROM cool_downs WHERE owner_id = :owner "
            "AND starts_at <= :at AND ends_at > :at ORDER BY ends_at DESC, id DESC",
            {"owner": self.owner_id, "at": moment},
        )
        return [to_cool_down(row) for row in rows]

    def for_application(self, application_id: int) -> list[CoolDownRecord]:
        rows = self.db.query(
            f"SELECT {COOL_DOWN_COLUMNS} FROM cool_downs WHERE owner_id = :owner "
            "AND application_id = :app ORDER BY starts_at, id",
            {"owner": self.owner_id, "app": application_id},
        )
        return [to_cool_down(row) for row in rows]


class FeedbackRequestRepository(Repository):
    def add(
        self,
        application_id: int,
        sent_on: date,
        follow_up_on: date,
        now: datetime,
        *,
        contact_id: int | None = None,
        tone: Tone | None = None,
    ) -> int:
        return self.db.insert(
            "INSERT INTO feedback_requests (owner_id, application_id, contact_id, tone, sent_on, "
            "follow_up_on, status, created_at) VALUES (:owner, :app, :contact, :tone, :sent, "
            ":follow_up, :status, :now) RETURNING id",
            {
                "owner": self.owner_id,
                "app": application_id,
                "contact": contact_id,
                "tone": tone.value if tone else None,
                "sent": sent_on,
                "follow_up": follow_up_on,
                "status": RequestStatus.WAITING.value,
                "now": now,
            },
        )

    def get(self, request_id: int) -> FeedbackRequest | None:
        row = self.db.one(
            f"SELECT {REQUEST_COLUMNS} FROM feedback_requests WHERE id = :id AND owner_id = :owner",
            {"id": request_id, "owner": self.owner_id},
        )
        return None if row is None else to_request(row)

    def latest_for(self, application_id: int) -> FeedbackRequest | None:
        row = self.db.one(
            f"SELECT {REQUEST_COLUMNS} FROM feedback_requests WHERE owner_id = :owner "
            "AND application_id = :app ORDER BY sent_on DESC, id DESC LIMIT 1",
            {"owner": self.owner_id, "app": application_id},
        )
        return None if row is None else to_request(row)

    def open_ones(self) -> list[FeedbackRequest]:
        rows = self.db.query(
            f"SELECT {REQUEST_COLUMNS} FROM feedback_requests WHERE owner_id = :owner "
            "AND status IN (:waiting, :followed) ORDER BY follow_up_on, id",
            {
                "owner": self.owner_id,
                "waiting": RequestStatus.WAITING.value,
                "followed": RequestStatus.FOLLOWED_UP.value,
            },
        )
        return [to_request(row) for row in rows]

    def all(self) -> list[FeedbackRequest]:
        rows = self.db.query(
            f"SELECT {REQUEST_COLUMNS} FROM feedback_requests WHERE owner_id = :owner "
            "ORDER BY sent_on, id",
            {"owner": self.owner_id},
        )
        return [to_request(row) for row in rows]

    def for_application(self, application_id: int) -> list[FeedbackRequest]:
        rows = self.db.query(
            f"SELECT {REQUEST_COLUMNS} FROM feedback_requests WHERE owner_id = :owner "
            "AND application_id = :app ORDER BY sent_on, id",
            {"owner": self.owner_id, "app": application_id},
        )
        return [to_request(row) for row in rows]

    def record_follow_up(self, request_id: int, on: date) -> None:
        self._update(
            request_id,
            "followed_up_on = :on, status = :status",
            {"on": on, "status": RequestStatus.FOLLOWED_UP.value},
        )

    def close(self, request_id: int, status: RequestStatus, on: date) -> None:
        self._update(
            request_id, "status = :status, closed_on = :on", {"status": status.value, "on": on}
        )

    def _update(self, request_id: int, assignments: str, params: dict[str, Any]) -> None:
        self.db.execute(
            f"UPDATE feedback_requests SET {assignments} WHERE id = :id AND owner_id = :owner",
            {"id": request_id, "owner": self.owner_id, **params},
        )


class DraftRepository(Repository):
    def add(
        self,
        application_id: int,
        kind: str,
        subject: str,
        body: str,
        now: datetime,
        *,
        recipient: str | None = None,
    ) -> int:
        return self.db.insert(
            "INSERT INTO drafts (owner_id, application_id, kind, recipient, subject, body, "
            "created_at) VALUES (:owner, :app, :kind, :recipient, :subject, :body, :now) "
            "RETURNING id",
            {
                "owner": self.owner_id,
                "app": application_id,
                "kind": kind,
                "recipient": recipient,
                "subject": subject,
                "body": body,
                "now": now,
            },
        )

    def for_application(self, application_id: int, kind: str | None = None) -> list[DraftRow]:
        from nextyes.domain.recovery_rows import DraftRow

        params: dict[str, Any] = {"owner": self.owner_id, "app": application_id}
        where = "owner_id = :owner AND application_id = :app"
        if kind is not None:
            where += " AND kind = :kind"
            params["kind"] = kind
        rows = self.db.query(
            f"SELECT {DRAFT_COLUMNS} FROM drafts WHERE {where} ORDER BY id", params
        )
        return [
            DraftRow(
                id=row["id"],
                application_id=row["application_id"],
                kind=row["kind"],
                recipient=row["recipient"],
                subject=row["subject"],
                body=row["body"],
                sent_on=as_date_or_none(row["sent_on"]),
            )
            for row in rows
        ]

    def mark_sent(self, draft_id: int, on: date) -> None:
        self.db.execute(
            "UPDATE drafts SET sent_on = :on WHERE id = :id AND owner_id = :owner",
            {"on": on, "id": draft_id, "owner": self.owner_id},
        )


class ReflectionRepository(Repository):
    def add(
        self,
        application_id: int,
        stage_group: StageGroup,
        started_at: datetime,
        finished_at: datetime,
        time_box_minutes: int,
        now: datetime,
        *,
        mood_before: int | None,
        mood_after: int | None,
        answers: dict[str, str],
        attributions: dict[str, str],
    ) -> int:
        return self.db.insert(
            "INSERT INTO reflections (owner_id, application_id, stage_group, started_at, "
            "finished_at, time_box_minutes, mood_before, mood_after, answers, attributions, "
            "created_at) VALUES (:owner, :app, :group, :started, :finished, :minutes, :before, "
            ":after, :answers, :attributions, :now) RETURNING id",
            {
                "owner": self.owner_id,
                "app": application_id,
                "group": stage_group.value,
                "started": started_at,
                "finished": finished_at,
                "minutes": time_box_minutes,
                "before": mood_before,
                "after": mood_after,
                "answers": to_json(answers),
                "attributions": to_json(attributions),
                "now": now,
            },
        )

    def for_application(self, application_id: int) -> list[Reflection]:
        rows = self.db.query(
            f"SELECT {REFLECTION_COLUMNS} FROM reflections WHERE owner_id = :owner "
            "AND application_id = :app ORDER BY started_at, id",
            {"owner": self.owner_id, "app": application_id},
        )
        return [to_reflection(row) for row in rows]

    def count(self) -> int:
        return int(
            self.db.scalar(
                "SELECT COUNT(*) FROM reflections WHERE owner_id = :owner", {"owner": self.owner_id}
            )
        )

    def get(self, reflection_id: int) -> Reflection | None:
        row = self.db.one(
            f"SELECT {REFLECTION_COLUMNS} FROM reflections WHERE id = :id AND owner_id = :owner",
            {"id": reflection_id, "owner": self.owner_id},
        )
        return None if row is None else to_reflection(row)

    def update(
        self,
        reflection_id: int,
        *,
        finished_at: datetime,
        mood_before: int | None,
        mood_after: int | None,
        answers: dict[str, str],
        attributions: dict[str, str],
    ) -> None:
        self.db.execute(
            "UPDATE reflections SET finished_at = :finished, mood_before = :before, "
            "mood_after = :after, answers = :answers, attributions = :attributions "
            "WHERE id = :id AND owner_id = :owner",
            {
                "finished": finished_at,
                "before": mood_before,
                "after": mood_after,
                "answers": to_json(answers),
                "attributions": to_json(attributions),
                "id": reflection_id,
                "owner": self.owner_id,
            },
        )

    def delete(self, reflection_id: int) -> None:
        self.db.execute(
            "DELETE FROM reflections WHERE id = :id AND owner_id = :owner",
            {"id": reflection_id, "owner": self.owner_id},
        )


class RecentNo(NamedTuple):
    """An application still at "rejected" whose no came in a window, with what was done after
    it (for `today`'s next steps). A NamedTuple: `today` reads one per recent no."""

    application_id: int
    from_stage: Stage | None  # the stage the no came at
    with_feedback: bool
    with_reply: bool
    with_reflection: bool


class RecoveryProgressRepository(Repository):
    def recent_noes(self, start: date, end: date) -> list[RecentNo]:
        """Applications still at "rejected" whose no is dated start..end, newest no first (one
        per application, its latest no), with what was done after each: one query, however
        many noes. `+x.owner_id` steers SQLite to each table's application_id index (with
        no statistics it would walk all the owner's rows instead)."""
        rows = self.db.query(
            "SELECT e.application_id, e.from_stage, "
            "EXISTS (SELECT 1 FROM feedback f WHERE f.application_id = e.application_id "
            "AND +f.owner_id = :owner) AS with_feedback, "
            "EXISTS (SELECT 1 FROM drafts d WHERE d.application_id = e.application_id "
            "AND +d.owner_id = :owner AND d.kind = 'reply') AS with_reply, "
            "EXISTS (SELECT 1 FROM reflections r WHERE r.application_id = e.application_id "
            "AND +r.owner_id = :owner) AS with_reflection "
            "FROM stage_events e JOIN applications a ON a.id = e.application_id "
            "WHERE e.owner_id = :owner AND e.stage = 'rejected' "
            "AND e.occurred_on BETWEEN :start AND :end "
            "AND a.owner_id = :owner AND a.stage = 'rejected' "
            "ORDER BY e.occurred_on DESC, e.id DESC",
            {"owner": self.owner_id, "start": start, "end": end},
        )
        noes: dict[int, RecentNo] = {}
        for row in rows:
            if row["application_id"] not in noes:
                noes[row["application_id"]] = RecentNo(
                    row["application_id"],
                    Stage(row["from_stage"]) if row["from_stage"] else None,
                    bool(row["with_feedback"]),
                    bool(row["with_reply"]),
                    bool(row["with_reflection"]),
                )
        return list(noes.values())

    def latest_requests(self, start: date, end: date) -> dict[int, FeedbackRequest]:
        """The latest feedback request of each application with a no dated start..end."""
        latest: dict[int, FeedbackRequest] = {}
        for row in self.db.query(
            f"SELECT {REQUEST_COLUMNS} FROM feedback_requests WHERE owner_id = :owner "
            "AND application_id IN (SELECT application_id FROM stage_events WHERE "
            "owner_id = :owner AND stage = 'rejected' AND occurred_on BETWEEN :start AND :end) "
            "ORDER BY sent_on, id",
            {"owner": self.owner_id, "start": start, "end": end},
        ):
            latest[row["application_id"]] = to_request(row)
        return latest
