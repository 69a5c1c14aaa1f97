"""Imported mail, the senders a user corrected, and where each mail source was read up to."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from nextyes.domain.mail import (
    AnalysedMail,
    MailCorrection,
    MailReading,
    MailStatus,
    SenderRule,
    StoredMail,
)
from nextyes.domain.mail_labels import MailLabel
from nextyes.storage.convert import as_datetime, as_datetime_or_none, from_json, to_json
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

COLUMNS = (
    "id, message_key, received_at, sender, sender_domain, subject, label, confidence, company, "
    "role, status, review_reason, application_id, snippet, details, event_id, interview_id, "
    "effect, corrected_at, corrections"
)
_CHUNK = 500


def to_stored(row: Row) -> StoredMail:
    return StoredMail(
        id=row["id"],
        message_key=row["message_key"],
        received_at=as_datetime_or_none(row["received_at"]),
        sender=row["sender"],
        sender_domain=row["sender_domain"],
        subject=row["subject"],
        label=MailLabel(row["label"]),
        confidence=row["confidence"],
        company=row["company"],
        role=row["role"],
        status=MailStatus(row["status"]),
        review_reason=row["review_reason"],
        application_id=row["application_id"],
        snippet=row["snippet"],
        details=from_json(row["details"], {}),
        event_id=row["event_id"],
        interview_id=row["interview_id"],
        effect=row["effect"],
        corrected_at=as_datetime_or_none(row["corrected_at"]),
        corrections=corrections_from(row["corrections"]),
    )


def _reading_from(data: dict[str, Any]) -> MailReading:
    return MailReading(
        label=MailLabel(data["label"]),
        status=MailStatus(data["status"]),
        application_id=data.get("application_id"),
        company=data.get("company"),
        effect=data.get("effect"),
    )


def corrections_from(text: str | None) -> tuple[MailCorrection, ...]:
    """The trail of corrections kept with a message (JSON: "from" and "to" readings)."""
    return tuple(
        MailCorrection(
            at=as_datetime(item["at"]),
            before=_reading_from(item["from"]),
            after=_reading_from(item["to"]),
            undone=tuple(item.get("undone", ())),
            kept=tuple(item.get("kept", ())),
        )
        for item in from_json(text, [])
    )


def _reading_json(reading: MailReading) -> dict[str, Any]:
    return {
        "label": reading.label.value,
        "status": reading.status.value,
        "application_id": reading.application_id,
        "company": reading.company,
        "effect": reading.effect,
    }


def corrections_json(trail: Sequence[MailCorrection]) -> str:
    return to_json(
        [
            {
                "at": c.at.isoformat(),
                "from": _reading_json(c.before),
                "to": _reading_json(c.after),
                "undone": list(c.undone),
                "kept": list(c.kept),
            }
            for c in trail
        ]
    )


def details_of(mail: AnalysedMail) -> dict[str, Any]:
    return {
        "sender_address": mail.sender_address,
        "via_ats": mail.via_ats,
        "interview_at": [moment.isoformat() for moment in mail.interview_at],
        "reached_stage": mail.reached_stage,
        "reasons": list(mail.reasons),
        "band": mail.band.value,
        "runner_up": mail.runner_up.value if mail.runner_up else None,
        "why": list(mail.why),
    }


class MailRepository(Repository):
    def known_keys(self, keys: Sequence[str]) -> set[str]:
        """Which of these message keys this journal has imported before."""
        found: set[str] = set()
        for start in range(0, len(keys), _CHUNK):
            chunk = keys[start : start + _CHUNK]
            names = {f"k{i}": key for i, key in enumerate(chunk)}
            placeholders = ", ".join(f":{name}" for name in names)
            rows = self.db.query(
                f"SELECT message_key FROM mail_messages WHERE owner_id = :owner "
                f"AND message_key IN ({placeholders})",
                {"owner": self.owner_id, **names},
            )
            found.update(row["message_key"] for row in rows)
        return found

    def _params(
        self,
        mail: AnalysedMail,
        status: MailStatus,
        now: datetime,
        *,
        application_id: int | None,
        event_id: int | None,
        review_reason: str | None,
        private: bool,
        effect: str | None = None,
        interview_id: int | None = None,
    ) -> dict[str, Any]:
        return {
            "owner": self.owner_id,
            "app": application_id,
            "key": mail.message_key,
            "mid": mail.message_id,
            "at": mail.received_at,
            "sender": None if private else mail.sender,
            "domain": mail.sender_domain or None,
            "subject": None if private else mail.subject,
            "label": mail.label.value,
            "confidence": mail.confidence,
            "company": None if private else mail.company,
            "role": None if private else mail.role,
            "status": status.value,
            "reason": review_reason,
            "snippet": None if private else (mail.snippet or None),
            "body": None if private else mail.body,
            "details": None if private else to_json(details_of(mail)),
            "event": event_id,
            "now": now,
            "effect": effect,
            "interview": interview_id,
        }

    _INSERT = (
        "INSERT INTO mail_messages (owner_id, application_id, message_key, message_id, "
        "received_at, sender, sender_domain, subject, label, confidence, company, role, status, "
        "review_reason, snippet, body, details, event_id, imported_at, effect, interview_id) "
        "VALUES (:owner, :app, :key, :mid, :at, :sender, :domain, :subject, :label, "
        ":confidence, :company, :role, :status, :reason, :snippet, :body, :details, :event, "
        ":now, :effect, :interview)"
    )

    def add(
        self,
        mail: AnalysedMail,
        status: MailStatus,
        now: datetime,
        *,
        application_id: int | None = None,
        event_id: int | None = None,
        review_reason: str | None = None,
        effect: str | None = None,
        interview_id: int | None = None,
    ) -> None:
        self.db.execute(
            self._INSERT,
            self._params(
                mail,
                status,
                now,
                application_id=application_id,
                event_id=event_id,
                review_reason=review_reason,
                private=False,
                effect=effect,
                interview_id=interview_id,
            ),
        )

    def add_skipped(self, mails: Iterable[AnalysedMail], now: datetime) -> None:
        """Remember messages that are not job mail: their key and label only, nothing private."""
        rows = [
            self._params(
                m, MailStatus.SKIPPED, now, application_id=None, event_id=None,
                review_reason=None, private=True,
            )
            for m in mails
        ]  # fmt: skip
        if rows:
            self.db.executemany(self._INSERT, rows)

    def get(self, mail_id: int) -> StoredMail | None:
        row = self.db.one(
            f"SELECT {COLUMNS} FROM mail_messages WHERE owner_id = :owner AND id = :id",
            {"owner": self.owner_id, "id": mail_id},
        )
        return None if row is None else to_stored(row)

    def with_status(self, status: MailStatus, limit: int | None = None) -> list[StoredMail]:
        sql = (
            f"SELECT {COLUMNS} FROM mail_messages WHERE owner_id = :owner AND status = :status "
            "ORDER BY received_at, id"
        )
        params: dict[str, Any] = {"owner": self.owner_id, "status": status.value}
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = limit
        return [to_stored(row) for row in self.db.query(sql, params)]

    def settled(self, statuses: Sequence[MailStatus], limit: int | None = None) -> list[StoredMail]:
        """Messages with any of `statuses` whose words were kept, newest first."""
        names = {f"s{n}": status.value for n, status in enumerate(statuses)}
        marks = ", ".join(":" + k for k in names)
        sql = (
            f"SELECT {COLUMNS} FROM mail_messages WHERE owner_id = :owner "
            f"AND status IN ({marks}) AND details IS NOT NULL "
            "ORDER BY COALESCE(received_at, imported_at) DESC, id DESC"
        )
        params: dict[str, Any] = {"owner": self.owner_id, **names}
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = limit
        return [to_stored(row) for row in self.db.query(sql, params)]

    def resolve(
        self,
        mail_id: int,
        status: MailStatus,
        *,
        label: MailLabel,
        application_id: int | None,
        event_id: int | None,
        company: str | None,
        details: dict[str, Any] | None = None,
        effect: str | None = None,
        interview_id: int | None = None,
    ) -> None:
        """Settle a queued message (or re-settle a corrected one): what it is and what it
        changed; `details`, when given, replaces what is kept about it."""
        sql = (
            "UPDATE mail_messages SET status = :status, label = :label, application_id = :app, "
            "event_id = :event, company = :company, review_reason = NULL, effect = :effect, "
            "interview_id = :interview"
        )
        params: dict[str, Any] = {
            "owner": self.owner_id,
            "id": mail_id,
            "status": status.value,
            "label": label.value,
            "app": application_id,
            "event": event_id,
            "company": company,
            "effect": effect,
            "interview": interview_id,
        }
        if details is not None:
            sql += ", details = :details"
            params["details"] = to_json(details)
        self.db.execute(sql + " WHERE owner_id = :owner AND id = :id", params)

    def corrected(self, limit: int = 2000) -> list[StoredMail]:
        """Messages whose label the person corrected in review, the latest first."""
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM mail_messages WHERE owner_id = :owner "
            "AND details LIKE :marker ORDER BY id DESC LIMIT :limit",
            {"owner": self.owner_id, "marker": '%"read_as":%', "limit": limit},
        )
        return [to_stored(row) for row in rows]

    def count_by_status(self) -> dict[MailStatus, int]:
        rows = self.db.query(
            "SELECT status, COUNT(*) AS n FROM mail_messages WHERE owner_id = :owner "
            "GROUP BY status",
            {"owner": self.owner_id},
        )
        return {MailStatus(row["status"]): row["n"] for row in rows}

    def domain_links(self) -> dict[str, set[int]]:
        """Sending domains already tied to applications (from mail imported before)."""
        rows = self.db.query(
            "SELECT DISTINCT sender_domain, application_id FROM mail_messages "
            "WHERE owner_id = :owner AND application_id IS NOT NULL AND sender_domain IS NOT NULL",
            {"owner": self.owner_id},
        )
        links: dict[str, set[int]] = {}
        for row in rows:
            links.setdefault(row["sender_domain"], set()).add(row["application_id"])
        return links

    def sender_companies(self) -> list[tuple[str, str]]:
        """(sender, company) pairs the journal ties together, in one query: a sending domain
        and the company of an application its mail was linked to, and a sender address and
        the company the person gave for it."""
        rows = self.db.query(
            "SELECT m.sender_domain AS sender, a.company AS company FROM mail_messages m "
            "JOIN applications a ON a.id = m.application_id AND a.owner_id = m.owner_id "
            "WHERE m.owner_id = :owner AND m.sender_domain IS NOT NULL "
            "UNION SELECT sender, company FROM mail_sender_rules "
            "WHERE owner_id = :owner AND company IS NOT NULL",
            {"owner": self.owner_id},
        )
        return [(row["sender"], row["company"]) for row in rows]


class SenderRuleRepository(Repository):
    def all(self) -> dict[str, SenderRule]:
        rows = self.db.query(
            "SELECT sender, company, label, ignore FROM mail_sender_rules WHERE owner_id = :owner",
            {"owner": self.owner_id},
        )
        return {
            row["sender"]: SenderRule(
                row["sender"],
                row["company"],
                MailLabel(row["label"]) if row["label"] else None,
                bool(row["ignore"]),
            )
            for row in rows
        }

    def remember(self, rule: SenderRule, now: datetime) -> None:
        self.db.execute(
            "INSERT INTO mail_sender_rules (owner_id, sender, company, label, ignore, created_at) "
            "VALUES (:owner, :sender, :company, :label, :ignore, :now) "
            "ON CONFLICT (owner_id, sender) DO UPDATE SET company = excluded.company, "
            "label = excluded.label, ignore = excluded.ignore",
            {
                "owner": self.owner_id,
                "sender": rule.sender,
                "company": rule.company,
                "label": rule.label.value if rule.label else None,
                "ignore": rule.ignore,
                "now": now,
            },
        )


class MailSourceRepository(Repository):
    def position(self, source_key: str) -> tuple[int | None, int | None]:
        """(UIDVALIDITY, last UID) recorded for an IMAP folder, or (None, None)."""
        row = self.db.one(
            "SELECT uidvalidity, last_uid FROM mail_sources WHERE owner_id = :owner "
            "AND source_key = :key",
            {"owner": self.owner_id, "key": source_key},
        )
        return (None, None) if row is None else (row["uidvalidity"], row["last_uid"])

    def save(self, source_key: str, uidvalidity: int, last_uid: int, now: datetime) -> None:
        self.db.execute(
            "INSERT INTO mail_sources (owner_id, source_key, uidvalidity, last_uid, last_run_at) "
            "VALUES (:owner, :key, :validity, :uid, :now) ON CONFLICT (owner_id, source_key) "
            "DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid, "
            "last_run_at = excluded.last_run_at",
            {
                "owner": self.owner_id,
                "key": source_key,
                "validity": uidvalidity,
                "uid": last_uid,
                "now": now,
            },
        )
