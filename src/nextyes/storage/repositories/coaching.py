"""Coaching's records: shares, invitations, the audit log of reads, comments, suggestions and
session notes.

Like the accounts' repositories, these are not scoped by the unit of work's owner: each row
names a seeker and a coach, and every method says which. Who may call them with which ids is
decided in `services.coaching.policy`, never here.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime

from nextyes.domain.coaching import (
    CoachRead,
    Comment,
    CommentTarget,
    Scope,
    SessionNote,
    Share,
    StoredInvitation,
    Suggestion,
    SuggestionKind,
    SuggestionStatus,
    parse_scopes,
    scopes_text,
)
from nextyes.storage.convert import as_date, as_datetime, as_datetime_or_none
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

_SHARE = (
    "s.id, s.owner_id, s.coach_id, s.scopes, s.granted_at, s.revoked_at, "
    "so.display_name AS seeker_name, so.email AS seeker_email, "
    "co.display_name AS coach_name, co.email AS coach_email"
)
_SHARE_FROM = (
    "FROM coach_shares s JOIN users so ON so.id = s.owner_id JOIN users co ON co.id = s.coach_id"
)


def to_share(row: Row) -> Share:
    return Share(
        id=int(row["id"]),
        seeker_id=int(row["owner_id"]),
        coach_id=int(row["coach_id"]),
        scopes=parse_scopes(row["scopes"]),
        granted_at=as_datetime(row["granted_at"]),
        revoked_at=as_datetime_or_none(row["revoked_at"]),
        seeker_name=str(row["seeker_name"] or row["seeker_email"] or ""),
        coach_name=str(row["coach_name"] or row["coach_email"] or ""),
        coach_email=str(row["coach_email"] or ""),
    )


class CoachShareRepository(Repository):
    def active(self, seeker_id: int, coach_id: int) -> Share | None:
        row = self.db.one(
            f"SELECT {_SHARE} {_SHARE_FROM} WHERE s.owner_id = :seeker AND s.coach_id = :coach "
            "AND s.revoked_at IS NULL ORDER BY s.id DESC",
            {"seeker": seeker_id, "coach": coach_id},
        )
        return None if row is None else to_share(row)

    def add(self, seeker_id: int, coach_id: int, scopes: frozenset[Scope], now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO coach_shares (owner_id, coach_id, scopes, granted_at) "
            "VALUES (:seeker, :coach, :scopes, :now) RETURNING id",
            {"seeker": seeker_id, "coach": coach_id, "scopes": scopes_text(scopes), "now": now},
        )

    def of_seeker(self, seeker_id: int) -> list[Share]:
        rows = self.db.query(
            f"SELECT {_SHARE} {_SHARE_FROM} WHERE s.owner_id = :seeker AND s.revoked_at IS NULL "
            "ORDER BY s.granted_at, s.id",
            {"seeker": seeker_id},
        )
        return [to_share(r) for r in rows]

    def of_coach(self, coach_id: int) -> list[Share]:
        rows = self.db.query(
            f"SELECT {_SHARE} {_SHARE_FROM} WHERE s.coach_id = :coach AND s.revoked_at IS NULL "
            "AND so.disabled = :no ORDER BY s.id",
            {"coach": coach_id, "no": False},
        )
        return [to_share(r) for r in rows]

    def set_scopes(
        self, seeker_id: int, coach_id: int, scopes: frozenset[Scope], now: datetime
    ) -> int:
        return self.db.execute(
            "UPDATE coach_shares SET scopes = :scopes, changed_at = :now WHERE owner_id = :seeker "
            "AND coach_id = :coach AND revoked_at IS NULL",
            {"scopes": scopes_text(scopes), "now": now, "seeker": seeker_id, "coach": coach_id},
        )

    def revoke(self, seeker_id: int, coach_id: int, now: datetime) -> int:
        return self.db.execute(
            "UPDATE coach_shares SET revoked_at = :now WHERE owner_id = :seeker "
            "AND coach_id = :coach AND revoked_at IS NULL",
            {"now": now, "seeker": seeker_id, "coach": coach_id},
        )


class CoachInvitationRepository(Repository):
    def add(
        self,
        seeker_id: int,
        code_hash: str,
        scopes: frozenset[Scope],
        now: datetime,
        expires_at: datetime,
    ) -> int:
        return self.db.insert(
            "INSERT INTO coach_invitations (seeker_id, code_hash, scopes, created_at, expires_at) "
            "VALUES (:seeker, :hash, :scopes, :now, :expires) RETURNING id",
            {
                "seeker": seeker_id, "hash": code_hash, "scopes": scopes_text(scopes),
                "now": now, "expires": expires_at,
            },
        )  # fmt: skip

    def find(self, code_hash: str) -> StoredInvitation | None:
        row = self.db.one(
            "SELECT i.id, i.seeker_id, i.scopes, i.expires_at, i.used_at, u.display_name, u.email "
            "FROM coach_invitations i JOIN users u ON u.id = i.seeker_id "
            "WHERE i.code_hash = :hash AND u.disabled = :no",
            {"hash": code_hash, "no": False},
        )
        if row is None:
            return None
        return StoredInvitation(
            id=int(row["id"]),
            seeker_id=int(row["seeker_id"]),
            scopes=parse_scopes(row["scopes"]),
            expires_at=as_datetime(row["expires_at"]),
            used_at=as_datetime_or_none(row["used_at"]),
            seeker_name=str(row["display_name"] or row["email"] or ""),
        )

    def use(self, invitation_id: int, coach_id: int, now: datetime) -> bool:
        return (
            self.db.execute(
                "UPDATE coach_invitations SET used_at = :now, used_by = :coach "
                "WHERE id = :id AND used_at IS NULL",
                {"now": now, "coach": coach_id, "id": invitation_id},
            )
            == 1
        )

    def open_count(self, seeker_id: int, now: datetime) -> int:
        return int(
            self.db.scalar(
                "SELECT count(*) FROM coach_invitations WHERE seeker_id = :seeker "
                "AND used_at IS NULL AND expires_at > :now",
                {"seeker": seeker_id, "now": now},
            )
        )


class CoachReadRepository(Repository):
    def add(self, reads: Sequence[tuple[int, int, str, str, int | None]], now: datetime) -> None:
        """(seeker, coach, coach's label, what, item) for each read, all at `now`."""
        self.db.executemany(
            "INSERT INTO coach_reads (seeker_id, coach_id, coach_label, what, item_id, read_at) "
            "VALUES (:seeker, :coach, :label, :what, :item, :now)",
            [
                {"seeker": s, "coach": c, "label": label[:320], "what": w, "item": i, "now": now}
                for s, c, label, w, i in reads
            ],
        )

    def of_seeker(self, seeker_id: int, limit: int = 200) -> list[CoachRead]:
        rows = self.db.query(
            "SELECT coach_id, coach_label, what, item_id, read_at FROM coach_reads "
            "WHERE seeker_id = :seeker ORDER BY read_at DESC, id DESC LIMIT :limit",
            {"seeker": seeker_id, "limit": limit},
        )
        return [
            CoachRead(
                coach_id=None if r["coach_id"] is None else int(r["coach_id"]),
                coach=str(r["coach_label"]),
                what=str(r["what"]),
                item_id=None if r["item_id"] is None else int(r["item_id"]),
                read_at=as_datetime(r["read_at"]),
            )
            for r in rows
        ]

    def count(self, seeker_id: int) -> int:
        return int(
            self.db.scalar(
                "SELECT count(*) FROM coach_reads WHERE seeker_id = :seeker", {"seeker": seeker_id}
            )
        )


def _comment(row: Row) -> Comment:
    return Comment(
        id=int(row["id"]),
        seeker_id=int(row["seeker_id"]),
        coach_id=None if row["coach_id"] is None else int(row["coach_id"]),
        coach=str(row["coach_label"]),
        target=CommentTarget(row["target"]),
        target_id=int(row["target_id"]),
        text=str(row["text"]),
        created_at=as_datetime(row["created_at"]),
        read_at=as_datetime_or_none(row["read_at"]),
    )


_COMMENT = "id, seeker_id, coach_id, coach_label, target, target_id, text, created_at, read_at"


class CoachCommentRepository(Repository):
    def add(
        self,
        seeker_id: int,
        coach_id: int,
        label: str,
        target: CommentTarget,
        target_id: int,
        text: str,
        now: datetime,
    ) -> int:
        return self.db.insert(
            "INSERT INTO coach_comments (seeker_id, coach_id, coach_label, target, target_id, "
            "text, created_at) VALUES (:seeker, :coach, :label, :target, :target_id, :text, :now) "
            "RETURNING id",
            {
                "seeker": seeker_id, "coach": coach_id, "label": label[:320],
                "target": target.value, "target_id": target_id, "text": text, "now": now,
            },
        )  # fmt: skip

    def of_seeker(self, seeker_id: int, limit: int = 200) -> list[Comment]:
        rows = self.db.query(
            f"SELECT {_COMMENT} FROM coach_comments WHERE seeker_id = :seeker "
            "ORDER BY created_at DESC, id DESC LIMIT :limit",
            {"seeker": seeker_id, "limit": limit},
        )
        return [_comment(r) for r in rows]

    def by_coach(self, seeker_id: int, coach_id: int) -> list[Comment]:
        rows = self.db.query(
            f"SELECT {_COMMENT} FROM coach_comments WHERE seeker_id = :seeker "
            "AND coach_id = :coach ORDER BY created_at, id",
            {"seeker": seeker_id, "coach": coach_id},
        )
        return [_comment(r) for r in rows]

    def on_items(self, seeker_id: int, items: Sequence[tuple[CommentTarget, int]]) -> list[Comment]:
        """Comments on these items of the seeker's, from any coach, oldest first."""
        if not items:
            return []
        wanted = {(t.value, int(i)) for t, i in items}
        ids = ", ".join(str(i) for i in sorted({i for _, i in wanted}))  # integers only
        rows = self.db.query(
            f"SELECT {_COMMENT} FROM coach_comments WHERE seeker_id = :seeker "
            f"AND target_id IN ({ids}) ORDER BY created_at, id",
            {"seeker": seeker_id},
        )
        return [c for c in map(_comment, rows) if (c.target.value, c.target_id) in wanted]

    def mark_read_ids(self, seeker_id: int, comment_ids: Sequence[int], now: datetime) -> int:
        if not comment_ids:
            return 0
        ids = ", ".join(str(int(i)) for i in comment_ids)
        return self.db.execute(
            "UPDATE coach_comments SET read_at = :now WHERE seeker_id = :seeker "
            f"AND read_at IS NULL AND id IN ({ids})",
            {"now": now, "seeker": seeker_id},
        )

    def mark_read(self, seeker_id: int, now: datetime, comment_id: int | None = None) -> int:
        extra = "" if comment_id is None else " AND id = :id"
        return self.db.execute(
            "UPDATE coach_comments SET read_at = :now WHERE seeker_id = :seeker "
            f"AND read_at IS NULL{extra}",
            {"now": now, "seeker": seeker_id, "id": comment_id or 0},
        )

    def unread(self, seeker_id: int) -> int:
        return int(
            self.db.scalar(
                "SELECT count(*) FROM coach_comments WHERE seeker_id = :seeker AND read_at IS NULL",
                {"seeker": seeker_id},
            )
        )


_SUGGESTION = (
    "id, seeker_id, coach_id, coach_label, kind, title, detail, status, created_at, decided_at, "
    "plan_item_id"
)


def _suggestion(row: Row) -> Suggestion:
    return Suggestion(
        id=int(row["id"]),
        seeker_id=int(row["seeker_id"]),
        coach_id=None if row["coach_id"] is None else int(row["coach_id"]),
        coach=str(row["coach_label"]),
        kind=SuggestionKind(row["kind"]),
        title=str(row["title"]),
        detail=row["detail"],
        status=SuggestionStatus(row["status"]),
        created_at=as_datetime(row["created_at"]),
        decided_at=as_datetime_or_none(row["decided_at"]),
        plan_item_id=None if row["plan_item_id"] is None else int(row["plan_item_id"]),
    )


class CoachSuggestionRepository(Repository):
    def add(
        self,
        seeker_id: int,
        coach_id: int,
        label: str,
        kind: SuggestionKind,
        title: str,
        detail: str | None,
        now: datetime,
    ) -> int:
        return self.db.insert(
            "INSERT INTO coach_suggestions (seeker_id, coach_id, coach_label, kind, title, "
            "detail, status, created_at) VALUES (:seeker, :coach, :label, :kind, :title, "
            ":detail, :status, :now) RETURNING id",
            {
                "seeker": seeker_id, "coach": coach_id, "label": label[:320], "kind": kind.value,
                "title": title, "detail": detail, "status": SuggestionStatus.OPEN.value,
                "now": now,
            },
        )  # fmt: skip

    def of_seeker(self, seeker_id: int) -> list[Suggestion]:
        rows = self.db.query(
            f"SELECT {_SUGGESTION} FROM coach_suggestions WHERE seeker_id = :seeker "
            "ORDER BY created_at DESC, id DESC",
            {"seeker": seeker_id},
        )
        return [_suggestion(r) for r in rows]

    def by_coach(self, seeker_id: int, coach_id: int) -> list[Suggestion]:
        rows = self.db.query(
            f"SELECT {_SUGGESTION} FROM coach_suggestions WHERE seeker_id = :seeker "
            "AND coach_id = :coach ORDER BY created_at DESC, id DESC",
            {"seeker": seeker_id, "coach": coach_id},
        )
        return [_suggestion(r) for r in rows]

    def get(self, seeker_id: int, suggestion_id: int) -> Suggestion | None:
        row = self.db.one(
            f"SELECT {_SUGGESTION} FROM coach_suggestions WHERE seeker_id = :seeker AND id = :id",
            {"seeker": seeker_id, "id": suggestion_id},
        )
        return None if row is None else _suggestion(row)

    def decide(
        self,
        seeker_id: int,
        suggestion_id: int,
        status: SuggestionStatus,
        now: datetime,
        plan_item_id: int | None,
    ) -> int:
        return self.db.execute(
            "UPDATE coach_suggestions SET status = :status, decided_at = :now, "
            "plan_item_id = :item WHERE seeker_id = :seeker AND id = :id AND status = :open",
            {
                "status": status.value, "now": now, "item": plan_item_id, "seeker": seeker_id,
                "id": suggestion_id, "open": SuggestionStatus.OPEN.value,
            },
        )  # fmt: skip


class CoachNoteRepository(Repository):
    def add(self, coach_id: int, seeker_id: int, on: date, text: str, now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO coach_notes (coach_id, seeker_id, written_on, text, created_at, "
            "updated_at) VALUES (:coach, :seeker, :on, :text, :now, :now) RETURNING id",
            {"coach": coach_id, "seeker": seeker_id, "on": on, "text": text, "now": now},
        )

    def of_coach(self, coach_id: int, seeker_id: int | None = None) -> list[SessionNote]:
        extra = "" if seeker_id is None else " AND n.seeker_id = :seeker"
        rows = self.db.query(
            "SELECT n.id, n.coach_id, n.seeker_id, n.written_on, n.text, n.updated_at, "
            "u.display_name, u.email FROM coach_notes n JOIN users u ON u.id = n.seeker_id "
            f"WHERE n.coach_id = :coach{extra} ORDER BY n.written_on DESC, n.id DESC",
            {"coach": coach_id, "seeker": seeker_id or 0},
        )
        return [
            SessionNote(
                id=int(r["id"]),
                coach_id=int(r["coach_id"]),
                seeker_id=int(r["seeker_id"]),
                client=str(r["display_name"] or r["email"] or ""),
                written_on=as_date(r["written_on"]),
                text=str(r["text"]),
                updated_at=as_datetime(r["updated_at"]),
            )
            for r in rows
        ]

    def remove(self, coach_id: int, note_id: int) -> int:
        return self.db.execute(
            "DELETE FROM coach_notes WHERE id = :id AND coach_id = :coach",
            {"id": note_id, "coach": coach_id},
        )
