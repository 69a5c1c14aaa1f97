"""Accounts and what signing in needs: sessions, API tokens, one-time links, recovery codes and
the sign-in throttle.

These repositories are not scoped by the unit of work's owner: they answer "who is this?"
before there is an owner, and serve the administrator's commands. Secrets arrive here already
digested (`token_hash`, `code_hash`); nothing here ever sees a password or a token.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from nextyes.domain.accounts import (
    Account,
    Credentials,
    LinkPurpose,
    Role,
    SessionStage,
    StoredSession,
    StoredToken,
)
from nextyes.storage.convert import as_bool, as_datetime, as_datetime_or_none
from nextyes.storage.db import Database, Row
from nextyes.storage.repositories.base import Repository
from nextyes.storage.repositories.state import COUNTER_OF, counter_version

_USER_FIELDS = (
    "id", "username", "display_name", "email", "password_hash", "role", "disabled", "created_at",
    "totp_secret", "totp_pending", "totp_last_step", "last_sign_in_at",
)  # fmt: skip
_USER_COLUMNS = ", ".join(_USER_FIELDS)
# the user's columns in a join, each as u_<name>
_JOINED_USER = ", ".join(f"u.{name} AS u_{name}" for name in _USER_FIELDS)


def to_account(row: Row) -> Account:
    return Account(
        id=int(row["id"]),
        email=str(row["email"] or row["username"]),
        name=row["display_name"],
        role=Role(row["role"]),
        disabled=as_bool(row["disabled"]),
        created_at=as_datetime(row["created_at"]),
        has_password=row["password_hash"] is not None,
        two_factor=row["totp_secret"] is not None,
        last_sign_in_at=as_datetime_or_none(row["last_sign_in_at"]),
    )


def to_credentials(row: Row) -> Credentials:
    step = row["totp_last_step"]
    return Credentials(
        account=to_account(row),
        password_hash=row["password_hash"],
        totp_secret=row["totp_secret"],
        totp_pending=row["totp_pending"],
        totp_last_step=None if step is None else int(step),
    )


class UserRepository(Repository):
    def add(
        self, email: str, name: str | None, role: Role, password_hash: str | None, now: datetime
    ) -> int:
        return self.db.insert(
            "INSERT INTO users (username, display_name, email, password_hash, role, disabled, "
            "created_at, password_changed_at) VALUES (:email, :name, :email, :hash, :role, "
            ":no, :now, :changed) RETURNING id",
            {
                "email": email, "name": name, "hash": password_hash, "role": role.value,
                "no": False, "now": now, "changed": now if password_hash else None,
            },
        )  # fmt: skip

    def by_email(self, email: str) -> Credentials | None:
        row = self.db.one(
            f"SELECT {_USER_COLUMNS} FROM users WHERE username = :email AND email IS NOT NULL",
            {"email": email},
        )
        return None if row is None else to_credentials(row)

    def by_id(self, user_id: int) -> Credentials | None:
        row = self.db.one(
            f"SELECT {_USER_COLUMNS} FROM users WHERE id = :id AND email IS NOT NULL",
            {"id": user_id},
        )
        return None if row is None else to_credentials(row)

    def accounts(self) -> list[Account]:
        rows = self.db.query(
            f"SELECT {_USER_COLUMNS} FROM users WHERE email IS NOT NULL ORDER BY username"
        )
        return [to_account(r) for r in rows]

    def count(self) -> int:
        return int(self.db.scalar("SELECT count(*) FROM users WHERE email IS NOT NULL"))

    def set_password(self, user_id: int, password_hash: str, now: datetime) -> None:
        self.db.execute(
            "UPDATE users SET password_hash = :hash, password_changed_at = :now WHERE id = :id",
            {"hash": password_hash, "now": now, "id": user_id},
        )

    def set_disabled(self, user_id: int, disabled: bool) -> None:
        self.db.execute(
            "UPDATE users SET disabled = :disabled WHERE id = :id",
            {"disabled": disabled, "id": user_id},
        )

    def set_role(self, user_id: int, role: Role) -> None:
        self.db.execute(
            "UPDATE users SET role = :role WHERE id = :id", {"role": role.value, "id": user_id}
        )

    def signed_in(self, user_id: int, now: datetime) -> None:
        self.db.execute(
            "UPDATE users SET last_sign_in_at = :now WHERE id = :id", {"now": now, "id": user_id}
        )

    def set_totp(
        self, user_id: int, *, secret: str | None, pending: str | None, last_step: int | None
    ) -> None:
        self.db.execute(
            "UPDATE users SET totp_secret = :secret, totp_pending = :pending, "
            "totp_last_step = :step WHERE id = :id",
            {"secret": secret, "pending": pending, "step": last_step, "id": user_id},
        )

    def use_totp_step(self, user_id: int, step: int) -> bool:
        """Record `step` as used; False when it (or a later one) was used already."""
        changed = self.db.execute(
            "UPDATE users SET totp_last_step = :step WHERE id = :id "
            "AND (totp_last_step IS NULL OR totp_last_step < :step)",
            {"step": step, "id": user_id},
        )
        return changed == 1

    def delete(self, user_id: int) -> None:
        """The account and, through the schema's cascades, every row it owns."""
        self.db.execute("DELETE FROM users WHERE id = :id AND email IS NOT NULL", {"id": user_id})
        # after the cascades: their triggers have just moved the counter once more
        self.db.execute("DELETE FROM journal_versions WHERE user_id = :id", {"id": user_id})

    def owned_rows(self, user_id: int) -> int:
        """How many rows, in every table with an owner, belong to the user (imports the schema)."""
        from nextyes.storage.schema import metadata

        total = 0
        for table in metadata.sorted_tables:
            if "owner_id" in table.columns:
                total += int(
                    self.db.scalar(
                        f"SELECT count(*) FROM {table.name} WHERE owner_id = :id", {"id": user_id}
                    )
                )
        return total


def to_session(row: Row) -> StoredSession:
    return StoredSession(
        id=int(row["id"]),
        user_id=int(row["user_id"]),
        csrf_token=str(row["csrf_token"]),
        stage=SessionStage(row["stage"]),
        created_at=as_datetime(row["created_at"]),
        last_seen_at=as_datetime(row["last_seen_at"]),
        expires_at=as_datetime(row["expires_at"]),
        user_agent=row["user_agent"],
        address=row["address"],
    )


_SESSION_COLUMNS = (
    "s.id, s.user_id, s.csrf_token, s.stage, s.created_at, s.last_seen_at, s.expires_at, "
    "s.user_agent, s.address"
)


class AuthSessionRepository(Repository):
    def add(
        self,
        user_id: int,
        token_hash: str,
        csrf: str,
        stage: SessionStage,
        now: datetime,
        expires_at: datetime,
        user_agent: str | None,
        address: str | None,
    ) -> int:
        return self.db.insert(
            "INSERT INTO auth_sessions (user_id, token_hash, csrf_token, stage, created_at, "
            "last_seen_at, expires_at, user_agent, address) VALUES (:user, :hash, :csrf, :stage, "
            ":now, :now, :expires, :agent, :address) RETURNING id",
            {
                "user": user_id, "hash": token_hash, "csrf": csrf, "stage": stage.value,
                "now": now, "expires": expires_at, "agent": (user_agent or "")[:200] or None,
                "address": (address or "")[:64] or None,
            },
        )  # fmt: skip

    def find(self, token_hash: str, now: datetime) -> tuple[StoredSession, Credentials] | None:
        """The live session with this digest and its account (any account, disabled or not)."""
        row = self.db.one(
            f"SELECT {_SESSION_COLUMNS}, {_JOINED_USER} "
            "FROM auth_sessions s JOIN users u ON u.id = s.user_id "
            "WHERE s.token_hash = :hash AND s.expires_at > :now",
            {"hash": token_hash, "now": now},
        )
        if row is None:
            return None
        return to_session(row), to_credentials(_UserView(row))

    def arriving(
        self, token_hash: str, now: datetime
    ) -> tuple[StoredSession, Credentials, str | None] | None:
        """`find` in one statement outside any transaction (`Database.one_alone`), with the
        account's journal version on PostgreSQL (None on SQLite, whose version is per
        connection): what a served request needs before its route runs, in one round trip."""
        row = self.db.one_alone(
            f"SELECT {_SESSION_COLUMNS}, {_JOINED_USER}{_version_column('s.user_id', self.db)} "
            "FROM auth_sessions s JOIN users u ON u.id = s.user_id "
            "WHERE s.token_hash = :hash AND s.expires_at > :now",
            {"hash": token_hash, "now": now},
        )
        if row is None:
            return None
        return to_session(row), to_credentials(_UserView(row)), _version_of(row, self.db)

    def touch(self, session_id: int, now: datetime, expires_at: datetime) -> None:
        self.db.execute(
            "UPDATE auth_sessions SET last_seen_at = :now, expires_at = :expires WHERE id = :id",
            {"now": now, "expires": expires_at, "id": session_id},
        )

    def for_user(self, user_id: int, now: datetime) -> list[StoredSession]:
        rows = self.db.query(
            f"SELECT {_SESSION_COLUMNS} FROM auth_sessions s WHERE s.user_id = :user "
            "AND s.expires_at > :now ORDER BY s.last_seen_at DESC, s.id DESC",
            {"user": user_id, "now": now},
        )
        return [to_session(r) for r in rows]

    def remove(self, user_id: int, session_id: int) -> int:
        return self.db.execute(
            "DELETE FROM auth_sessions WHERE id = :id AND user_id = :user",
            {"id": session_id, "user": user_id},
        )

    def remove_all(self, user_id: int, keep: int | None = None) -> int:
        return self.db.execute(
            "DELETE FROM auth_sessions WHERE user_id = :user AND id <> :keep",
            {"user": user_id, "keep": keep or 0},
        )

    def remove_expired(self, now: datetime) -> int:
        return self.db.execute("DELETE FROM auth_sessions WHERE expires_at <= :now", {"now": now})


def _version_column(user: str, db: Database) -> str:
    if db.dialect == "sqlite":
        return ""
    return f", {COUNTER_OF.format(user=user)} AS journal_version"


def _version_of(row: Row, db: Database) -> str | None:
    return None if db.dialect == "sqlite" else counter_version(row["journal_version"])


class _UserView:
    """A joined row's user columns (u_<name>) under their own names."""

    def __init__(self, row: Row) -> None:
        self.row = row

    def __getitem__(self, key: str) -> Any:
        return self.row[f"u_{key}"]

    def keys(self) -> list[str]:
        return list(_USER_FIELDS)


def to_token(row: Row) -> StoredToken:
    return StoredToken(
        id=int(row["id"]),
        user_id=int(row["user_id"]),
        name=str(row["name"]),
        hint=str(row["hint"]),
        created_at=as_datetime(row["created_at"]),
        last_used_at=as_datetime_or_none(row["last_used_at"]),
        revoked_at=as_datetime_or_none(row["revoked_at"]),
    )


_TOKEN_COLUMNS = "t.id, t.user_id, t.name, t.hint, t.created_at, t.last_used_at, t.revoked_at"


class ApiTokenRepository(Repository):
    def add(self, user_id: int, name: str, token_hash: str, hint: str, now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO api_tokens (user_id, name, token_hash, hint, created_at) "
            "VALUES (:user, :name, :hash, :hint, :now) RETURNING id",
            {"user": user_id, "name": name, "hash": token_hash, "hint": hint, "now": now},
        )

    def find(self, token_hash: str) -> tuple[StoredToken, Credentials] | None:
        row = self.db.one(
            f"SELECT {_TOKEN_COLUMNS}, {_JOINED_USER} "
            "FROM api_tokens t JOIN users u ON u.id = t.user_id "
            "WHERE t.token_hash = :hash AND t.revoked_at IS NULL",
            {"hash": token_hash},
        )
        if row is None:
            return None
        return to_token(row), to_credentials(_UserView(row))

    def arriving(self, token_hash: str) -> tuple[StoredToken, Credentials, str | None] | None:
        """`find` in one statement outside any transaction, with the journal version (as
        `AuthSessionRepository.arriving`)."""
        row = self.db.one_alone(
            f"SELECT {_TOKEN_COLUMNS}, {_JOINED_USER}{_version_column('t.user_id', self.db)} "
            "FROM api_tokens t JOIN users u ON u.id = t.user_id "
            "WHERE t.token_hash = :hash AND t.revoked_at IS NULL",
            {"hash": token_hash},
        )
        if row is None:
            return None
        return to_token(row), to_credentials(_UserView(row)), _version_of(row, self.db)

    def used(self, token_id: int, now: datetime) -> None:
        self.db.execute(
            "UPDATE api_tokens SET last_used_at = :now WHERE id = :id", {"now": now, "id": token_id}
        )

    def for_user(self, user_id: int) -> list[StoredToken]:
        rows = self.db.query(
            f"SELECT {_TOKEN_COLUMNS} FROM api_tokens t WHERE t.user_id = :user "
            "AND t.revoked_at IS NULL ORDER BY t.created_at DESC, t.id DESC",
            {"user": user_id},
        )
        return [to_token(r) for r in rows]

    def revoke(self, user_id: int, token_id: int, now: datetime) -> int:
        return self.db.execute(
            "UPDATE api_tokens SET revoked_at = :now WHERE id = :id AND user_id = :user "
            "AND revoked_at IS NULL",
            {"now": now, "id": token_id, "user": user_id},
        )


@dataclass(frozen=True, slots=True)
class StoredLink:
    id: int
    user_id: int
    purpose: LinkPurpose
    expires_at: datetime
    used_at: datetime | None


class LinkRepository(Repository):
    def add(
        self, user_id: int, purpose: LinkPurpose, token_hash: str, now: datetime, expires: datetime
    ) -> int:
        # a new link of the same kind replaces any earlier one still unused
        self.db.execute(
            "DELETE FROM one_time_links WHERE user_id = :user AND purpose = :purpose "
            "AND used_at IS NULL",
            {"user": user_id, "purpose": purpose.value},
        )
        return self.db.insert(
            "INSERT INTO one_time_links (user_id, purpose, token_hash, created_at, expires_at) "
            "VALUES (:user, :purpose, :hash, :now, :expires) RETURNING id",
            {
                "user": user_id, "purpose": purpose.value, "hash": token_hash, "now": now,
                "expires": expires,
            },
        )  # fmt: skip

    def find(self, token_hash: str) -> StoredLink | None:
        row = self.db.one(
            "SELECT id, user_id, purpose, expires_at, used_at FROM one_time_links "
            "WHERE token_hash = :hash",
            {"hash": token_hash},
        )
        if row is None:
            return None
        return StoredLink(
            id=int(row["id"]),
            user_id=int(row["user_id"]),
            purpose=LinkPurpose(row["purpose"]),
            expires_at=as_datetime(row["expires_at"]),
            used_at=as_datetime_or_none(row["used_at"]),
        )

    def use(self, link_id: int, now: datetime) -> bool:
        """Mark the link used; False when another request used it first."""
        return (
            self.db.execute(
                "UPDATE one_time_links SET used_at = :now WHERE id = :id AND used_at IS NULL",
                {"now": now, "id": link_id},
            )
            == 1
        )


class RecoveryCodeRepository(Repository):
    def replace(self, user_id: int, code_hashes: list[str]) -> None:
        self.db.execute("DELETE FROM recovery_codes WHERE user_id = :user", {"user": user_id})
        self.db.executemany(
            "INSERT INTO recovery_codes (user_id, code_hash) VALUES (:user, :hash)",
            [{"user": user_id, "hash": h} for h in code_hashes],
        )

    def use(self, user_id: int, code_hash: str, now: datetime) -> bool:
        return (
            self.db.execute(
                "UPDATE recovery_codes SET used_at = :now WHERE user_id = :user "
                "AND code_hash = :hash AND used_at IS NULL",
                {"now": now, "user": user_id, "hash": code_hash},
            )
            >= 1
        )

    def left(self, user_id: int) -> int:
        return int(
            self.db.scalar(
                "SELECT count(*) FROM recovery_codes WHERE user_id = :user AND used_at IS NULL",
                {"user": user_id},
            )
        )


@dataclass(frozen=True, slots=True)
class Throttle:
    failures: int
    last_failure_at: datetime
    locked_until: datetime | None


class ThrottleRepository(Repository):
    def get(self, key: str) -> Throttle | None:
        row = self.db.one(
            "SELECT failures, last_failure_at, locked_until FROM sign_in_throttle WHERE key = :key",
            {"key": key},
        )
        if row is None:
            return None
        return Throttle(
            failures=int(row["failures"]),
            last_failure_at=as_datetime(row["last_failure_at"]),
            locked_until=as_datetime_or_none(row["locked_until"]),
        )

    def failed(self, key: str, now: datetime, forget_before: datetime) -> int:
        """Count one more failure (a count older than `forget_before` starts again); returns it."""
        self.db.execute(
            "INSERT INTO sign_in_throttle (key, failures, last_failure_at) VALUES (:key, 1, :now) "
            "ON CONFLICT (key) DO UPDATE SET failures = CASE WHEN "
            "sign_in_throttle.last_failure_at < :forget THEN 1 ELSE sign_in_throttle.failures + 1 "
            "END, last_failure_at = :now",
            {"key": key, "now": now, "forget": forget_before},
        )
        return int(
            self.db.scalar("SELECT failures FROM sign_in_throttle WHERE key = :key", {"key": key})
        )

    def lock(self, key: str, until: datetime) -> None:
        self.db.execute(
            "UPDATE sign_in_throttle SET locked_until = :until WHERE key = :key",
            {"until": until, "key": key},
        )

    def clear(self, key: str) -> None:
        self.db.execute("DELETE FROM sign_in_throttle WHERE key = :key", {"key": key})

    def remove_stale(self, before: datetime) -> int:
        return self.db.execute(
            "DELETE FROM sign_in_throttle WHERE last_failure_at < :before "
            "AND (locked_until IS NULL OR locked_until < :before)",
            {"before": before},
        )


class CalendarFeedRepository(Repository):
    """One secret feed address per account, at most: a new one replaces the old."""

    def replace(self, user_id: int, token_hash: str, now: datetime) -> None:
        self.db.execute("DELETE FROM calendar_feeds WHERE user_id = :user", {"user": user_id})
        self.db.execute(
            "INSERT INTO calendar_feeds (user_id, token_hash, created_at) "
            "VALUES (:user, :hash, :now)",
            {"user": user_id, "hash": token_hash, "now": now},
        )

    def remove(self, user_id: int) -> int:
        return self.db.execute(
            "DELETE FROM calendar_feeds WHERE user_id = :user", {"user": user_id}
        )

    def created(self, user_id: int) -> datetime | None:
        value = self.db.scalar(
            "SELECT created_at FROM calendar_feeds WHERE user_id = :user", {"user": user_id}
        )
        return as_datetime_or_none(value)

    def owner(self, token_hash: str) -> tuple[int, datetime | None] | None:
        """The feed's account (when it can sign in) and when the feed was last fetched."""
        row = self.db.one(
            "SELECT f.user_id, f.last_fetched_at FROM calendar_feeds f JOIN users u "
            "ON u.id = f.user_id WHERE f.token_hash = :hash AND u.disabled = :no",
            {"hash": token_hash, "no": False},
        )
        if row is None:
            return None
        return int(row["user_id"]), as_datetime_or_none(row["last_fetched_at"])

    def fetched(self, token_hash: str, now: datetime) -> None:
        self.db.execute(
            "UPDATE calendar_feeds SET last_fetched_at = :now WHERE token_hash = :hash",
            {"now": now, "hash": token_hash},
        )


@dataclass(frozen=True, slots=True)
class ReminderSubscriber:
    user_id: int
    email: str
    name: str | None
    token: str


class ReminderRepository(Repository):
    """Who gets reminders by email, their unsubscribe tokens, and what was sent already."""

    def set(self, user_id: int, on: bool, token: str | None) -> None:
        self.db.execute(
            "UPDATE users SET reminders = :on, reminders_token = COALESCE(reminders_token, :token) "
            "WHERE id = :id",
            {"on": on, "token": token, "id": user_id},
        )

    def is_on(self, user_id: int) -> bool:
        return bool(self.db.scalar("SELECT reminders FROM users WHERE id = :id", {"id": user_id}))

    def subscribers(self) -> list[ReminderSubscriber]:
        rows = self.db.query(
            "SELECT id, email, display_name, reminders_token FROM users WHERE reminders = :yes "
            "AND disabled = :no AND email IS NOT NULL AND reminders_token IS NOT NULL ORDER BY id",
            {"yes": True, "no": False},
        )
        return [
            ReminderSubscriber(
                int(r["id"]), str(r["email"]), r["display_name"], str(r["reminders_token"])
            )
            for r in rows
        ]

    def unsubscribe(self, token: str) -> int:
        return self.db.execute(
            "UPDATE users SET reminders = :no WHERE reminders_token = :token",
            {"no": False, "token": token},
        )

    def claim(self, user_id: int, key: str, now: datetime) -> bool:
        """Note `key` as sent; False when it was sent already (by this run or another)."""
        return (
            self.db.execute(
                "INSERT INTO reminders_sent (user_id, key, sent_at) VALUES (:user, :key, :now) "
                "ON CONFLICT (user_id, key) DO NOTHING",
                {"user": user_id, "key": key, "now": now},
            )
            == 1
        )
