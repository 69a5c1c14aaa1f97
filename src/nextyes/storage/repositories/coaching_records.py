"""A person's coaching records in their journal export, and back (docs/export-format.md).

Comments, suggestions and the log of coach reads are the seeker's: they were addressed to them
or are about their journal, so they go with the seeker's export. The coach is named as the
seeker saw them (`coach`), never by account: on another server that account means nothing, and
importing the records gives nobody access (sharing, `coach_shares`, is never exported; a coach
reads again only when invited again). A coach's session notes are the coach's: they go with the
coach's export, naming the client as the coach saw them; they are not imported, since the client
they are about has no account on the journal they are imported into.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from nextyes.domain.coaching import (
    MAX_COMMENT,
    MAX_TITLE,
    CommentTarget,
    SuggestionKind,
    SuggestionStatus,
)
from nextyes.domain.errors import InvalidInput
from nextyes.storage.convert import as_date, as_datetime
from nextyes.storage.repositories.base import Repository

SECTIONS = ("comments", "suggestions", "reads", "session_notes")
_TARGET_TABLE = {
    CommentTarget.APPLICATION.value: "applications",
    CommentTarget.FEEDBACK.value: "feedback",
    CommentTarget.PLAN_ITEM.value: "plan_items",
}


def _moment(value: Any) -> str | None:
    return None if value is None else as_datetime(value).astimezone(UTC).isoformat()


class CoachingRecords(Repository):
    def dump(self) -> dict[str, list[dict[str, Any]]]:
        owner = {"owner": self.owner_id}
        comments = [
            {
                "id": int(r["id"]), "coach": str(r["coach_label"]), "target": str(r["target"]),
                "target_id": int(r["target_id"]), "text": str(r["text"]),
                "created_at": _moment(r["created_at"]), "read_at": _moment(r["read_at"]),
            }
            for r in self.db.query(
                "SELECT id, coach_label, target, target_id, text, created_at, read_at "
                "FROM coach_comments WHERE seeker_id = :owner ORDER BY id",
                owner,
            )
        ]  # fmt: skip
        suggestions = [
            {
                "id": int(r["id"]), "coach": str(r["coach_label"]), "kind": str(r["kind"]),
                "title": str(r["title"]), "detail": r["detail"], "status": str(r["status"]),
                "created_at": _moment(r["created_at"]), "decided_at": _moment(r["decided_at"]),
                "plan_item_id": r["plan_item_id"],
            }
            for r in self.db.query(
                "SELECT id, coach_label, kind, title, detail, status, created_at, decided_at, "
                "plan_item_id FROM coach_suggestions WHERE seeker_id = :owner ORDER BY id",
                owner,
            )
        ]  # fmt: skip
        reads = [
            {
                "coach": str(r["coach_label"]), "what": str(r["what"]), "item_id": r["item_id"],
                "read_at": _moment(r["read_at"]),
            }
            for r in self.db.query(
                "SELECT coach_label, what, item_id, read_at FROM coach_reads "
                "WHERE seeker_id = :owner ORDER BY id",
                owner,
            )
        ]  # fmt: skip
        notes = [
            {
                "client": str(r["display_name"] or r["email"] or ""),
                "written_on": as_date(r["written_on"]).isoformat(), "text": str(r["text"]),
                "created_at": _moment(r["created_at"]),
            }
            for r in self.db.query(
                "SELECT u.display_name, u.email, n.written_on, n.text, n.created_at "
                "FROM coach_notes n JOIN users u ON u.id = n.seeker_id "
                "WHERE n.coach_id = :owner ORDER BY n.id",
                owner,
            )
        ]  # fmt: skip
        return {
            "comments": comments, "suggestions": suggestions, "reads": reads,
            "session_notes": notes,
        }  # fmt: skip

    def check(
        self, section: Any, tables: Mapping[str, list[dict[str, Any]]]
    ) -> dict[str, list[dict[str, Any]]]:
        """The coaching section of an export, checked (references into `tables`, the checked
        journal rows) and ready to load; nothing is written."""
        if section is None:
            return {"comments": [], "suggestions": [], "reads": []}
        if not isinstance(section, dict) or not all(
            isinstance(section.get(k, []), list) for k in SECTIONS
        ):
            raise InvalidInput(
                "The file's coaching section is not lists of records; it is damaged."
            )
        ids = {name: {row["id"] for row in tables.get(name, ())} for name in _TARGET_TABLE.values()}
        comments = []
        for i, row in enumerate(section.get("comments", [])):
            where = f"coaching comment {i + 1}"
            target = _choice(row, "target", [t.value for t in CommentTarget], where)
            target_id = _whole(row, "target_id", where)
            if target_id not in ids[_TARGET_TABLE[target]]:
                raise InvalidInput(
                    f"The file's {where} is about {target.replace('_', ' ')} {target_id}, which "
                    "is not in the file; it is damaged."
                )
            comments.append({
                "coach": _text(row, "coach", 320, where), "target": target,
                "target_id": target_id, "text": _text(row, "text", MAX_COMMENT, where),
                "created_at": _when(row, "created_at", where),
                "read_at": _when(row, "read_at", where, optional=True),
            })  # fmt: skip
        suggestions = []
        for i, row in enumerate(section.get("suggestions", [])):
            where = f"coaching suggestion {i + 1}"
            plan_item = row.get("plan_item_id") if isinstance(row, dict) else None
            if plan_item is not None and plan_item not in ids["plan_items"]:
                raise InvalidInput(
                    f"The file's {where} points at plan item {plan_item!r}, which is not in the "
                    "file; it is damaged."
                )
            suggestions.append({
                "coach": _text(row, "coach", 320, where),
                "kind": _choice(row, "kind", [k.value for k in SuggestionKind], where),
                "title": _text(row, "title", MAX_TITLE, where),
                "detail": _text(row, "detail", MAX_COMMENT, where, optional=True),
                "status": _choice(row, "status", [s.value for s in SuggestionStatus], where),
                "created_at": _when(row, "created_at", where),
                "decided_at": _when(row, "decided_at", where, optional=True),
                "plan_item_id": plan_item,
            })  # fmt: skip
        reads = []
        for i, row in enumerate(section.get("reads", [])):
            where = f"coach read {i + 1}"
            item = row.get("item_id") if isinstance(row, dict) else None
            reads.append({
                "coach": _text(row, "coach", 320, where), "what": _text(row, "what", 40, where),
                "item_id": item if isinstance(item, int) and not isinstance(item, bool) else None,
                "read_at": _when(row, "read_at", where),
            })  # fmt: skip
        return {"comments": comments, "suggestions": suggestions, "reads": reads}

    def load(
        self, records: dict[str, list[dict[str, Any]]], new_ids: Mapping[str, Mapping[int, int]]
    ) -> dict[str, int]:
        """Insert checked records for this owner (the seeker), references following the journal
        rows' new ids; no coach account is named, so nobody gains access."""

        def moved(table: str, old: int | None) -> int | None:
            return None if old is None else new_ids.get(table, {}).get(old, old)

        self.db.executemany(
            "INSERT INTO coach_comments (seeker_id, coach_id, coach_label, target, target_id, "
            "text, created_at, read_at) VALUES (:owner, NULL, :coach, :target, :target_id, "
            ":text, :created_at, :read_at)",
            [
                {**c, "owner": self.owner_id,
                 "target_id": moved(_TARGET_TABLE[c["target"]], c["target_id"])}
                for c in records["comments"]
            ],
        )  # fmt: skip
        self.db.executemany(
            "INSERT INTO coach_suggestions (seeker_id, coach_id, coach_label, kind, title, "
            "detail, status, created_at, decided_at, plan_item_id) VALUES (:owner, NULL, :coach, "
            ":kind, :title, :detail, :status, :created_at, :decided_at, :plan_item_id)",
            [
                {**s, "owner": self.owner_id,
                 "plan_item_id": moved("plan_items", s["plan_item_id"])}
                for s in records["suggestions"]
            ],
        )  # fmt: skip
        self.db.executemany(
            "INSERT INTO coach_reads (seeker_id, coach_id, coach_label, what, item_id, read_at) "
            "VALUES (:owner, NULL, :coach, :what, :item_id, :read_at)",
            [{**r, "owner": self.owner_id} for r in records["reads"]],
        )
        return {name: len(records[name]) for name in ("comments", "suggestions", "reads")}


def _field(row: Any, name: str, where: str) -> Any:
    if not isinstance(row, dict):
        raise InvalidInput(f"The file's {where} is not a record; it is damaged.")
    return row.get(name)


def _text(row: Any, name: str, limit: int, where: str, *, optional: bool = False) -> str | None:
    value = _field(row, name, where)
    if value is None and optional:
        return None
    if not isinstance(value, str) or not value.strip() or len(value) > limit:
        raise InvalidInput(
            f"The file's {where} needs '{name}' as text of at most {limit} characters."
        )
    return value


def _choice(row: Any, name: str, allowed: list[str], where: str) -> str:
    value = _field(row, name, where)
    if value not in allowed:
        raise InvalidInput(
            f"The file's {where} has '{name}' {value!r}; it should be one of "
            + ", ".join(allowed)
            + "."
        )
    return str(value)


def _whole(row: Any, name: str, where: str) -> int:
    value = _field(row, name, where)
    if not isinstance(value, int) or isinstance(value, bool):
        raise InvalidInput(f"The file's {where} needs '{name}' as a whole number.")
    return value


def _when(row: Any, name: str, where: str, *, optional: bool = False) -> datetime | None:
    value = _field(row, name, where)
    if value is None and optional:
        return None
    try:
        found = datetime.fromisoformat(str(value))
    except ValueError:
        found = None
    if value is None or found is None or found.tzinfo is None:
        raise InvalidInput(
            f"The file's {where} needs '{name}' as a moment such as 2026-11-22T09:00:00+00:00."
        )
    return found
