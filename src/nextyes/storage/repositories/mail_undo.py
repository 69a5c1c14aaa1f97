"""Taking back what one applied message changed, and finding what was added after it.

Used only by a correction of applied mail (services/mail/correcting.py), inside the caller's
transaction, so the undo and the corrected reading are kept or lost together.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from nextyes.domain.mail import MailCorrection
from nextyes.domain.models import StageEvent
from nextyes.storage.convert import as_date
from nextyes.storage.repositories.base import Repository
from nextyes.storage.repositories.mail import corrections_json

ATTACHED = (
    # (table, kind, extra condition): rows that belong to an application and carry created_at
    ("notes", "notes", ""),
    ("feedback", "feedback", ""),
    ("feedback_requests", "feedback_requests", ""),
    ("drafts", "drafts", ""),
    ("reflections", "reflections", ""),
    ("offers", "offers", ""),
    ("postings", "postings", ""),
    ("contact_interactions", "interactions", ""),
    ("moods", "moods", ""),
    ("wins", "wins", " AND auto_key IS NULL"),
)
"""What a person may add to an application; automatic wins are derived, not added."""


class MailUndoRepository(Repository):
    def attached_since(
        self, application_id: int, since: datetime, *, skip_interview: int | None
    ) -> dict[str, int]:
        """How many rows of each kind were added to the application at or after `since`
        (interviews other than `skip_interview` included); kinds with none are left out."""
        found: dict[str, int] = {}
        params: dict[str, Any] = {"owner": self.owner_id, "app": application_id, "since": since}
        for table, kind, extra in ATTACHED:
            count = self.db.scalar(
                f"SELECT COUNT(*) FROM {table} WHERE owner_id = :owner AND application_id = :app "
                f"AND created_at >= :since{extra}",
                params,
            )
            if count:
                found[kind] = int(count)
        interviews = self.db.scalar(
            "SELECT COUNT(*) FROM interviews WHERE owner_id = :owner AND application_id = :app "
            "AND created_at >= :since AND id <> :skip",
            {**params, "skip": skip_interview or 0},
        )
        if interviews:
            found["interviews"] = int(interviews)
        return found

    def linked_contacts(self, application_id: int) -> int:
        """People tied to the application (links carry no date: any counts)."""
        return int(
            self.db.scalar(
                "SELECT COUNT(*) FROM application_contacts WHERE owner_id = :owner "
                "AND application_id = :app",
                {"owner": self.owner_id, "app": application_id},
            )
            or 0
        )

    def other_mail(self, application_id: int, mail_id: int) -> int:
        """Other messages matched to the application (they would go with it)."""
        return int(
            self.db.scalar(
                "SELECT COUNT(*) FROM mail_messages WHERE owner_id = :owner "
                "AND application_id = :app AND id <> :mail",
                {"owner": self.owner_id, "app": application_id, "mail": mail_id},
            )
            or 0
        )

    def edited_after(self, application_id: int, moment: datetime) -> bool:
        """Whether the application's own details were written after `moment`."""
        return bool(
            self.db.scalar(
                "SELECT COUNT(*) FROM applications WHERE owner_id = :owner AND id = :app "
                "AND updated_at > :at",
                {"owner": self.owner_id, "app": application_id, "at": moment},
            )
        )

    def questions_of(self, interview_id: int) -> int:
        return int(
            self.db.scalar(
                "SELECT COUNT(*) FROM interview_questions WHERE owner_id = :owner "
                "AND interview_id = :id",
                {"owner": self.owner_id, "id": interview_id},
            )
            or 0
        )

    def interview_recorded_with(self, application_id: int, event: StageEvent) -> int | None:
        """The interview recorded in the same moment as a move (for mail applied before
        messages kept the interview they scheduled)."""
        found = self.db.scalar(
            "SELECT MAX(id) FROM interviews WHERE owner_id = :owner AND application_id = :app "
            "AND created_at = :at",
            {"owner": self.owner_id, "app": application_id, "at": event.recorded_at},
        )
        return None if found is None else int(found)

    def delete_event(self, event_id: int) -> None:
        """Delete one stage event (its cool-down goes with it)."""
        self.db.execute(
            "DELETE FROM stage_events WHERE owner_id = :owner AND id = :id",
            {"owner": self.owner_id, "id": event_id},
        )

    def latest_activity(self, application_id: int, today: date) -> date | None:
        """The latest day anything happened to the application, as `touch` would have kept it:
        its stage events, notes, feedback requests sent, and interviews (up to today)."""
        params = {"owner": self.owner_id, "app": application_id, "today": today}
        days = [
            self.db.scalar(
                f"SELECT MAX({column}) FROM {table} WHERE owner_id = :owner "
                "AND application_id = :app",
                params,
            )
            for table, column in (
                ("stage_events", "occurred_on"),
                ("notes", "written_on"),
                ("feedback_requests", "sent_on"),
            )
        ]
        days.append(
            self.db.scalar(
                "SELECT MAX(CASE WHEN scheduled_on < :today THEN scheduled_on ELSE :today END) "
                "FROM interviews WHERE owner_id = :owner AND application_id = :app",
                params,
            )
        )
        found = [as_date(day) for day in days if day is not None]
        return max(found) if found else None

    def set_last_activity(self, application_id: int, day: date, now: datetime) -> None:
        self.db.execute(
            "UPDATE applications SET last_activity_on = :day, updated_at = :now "
            "WHERE owner_id = :owner AND id = :id",
            {"owner": self.owner_id, "id": application_id, "day": day, "now": now},
        )

    def unlink(self, mail_id: int) -> None:
        """Forget what a message changed before it is applied again (so deleting an
        application it created does not take the message with it)."""
        self.db.execute(
            "UPDATE mail_messages SET application_id = NULL, event_id = NULL, "
            "interview_id = NULL, effect = NULL WHERE owner_id = :owner AND id = :id",
            {"owner": self.owner_id, "id": mail_id},
        )

    def record_correction(
        self, mail_id: int, trail: Sequence[MailCorrection], now: datetime
    ) -> None:
        self.db.execute(
            "UPDATE mail_messages SET corrected_at = :now, corrections = :trail "
            "WHERE owner_id = :owner AND id = :id",
            {"owner": self.owner_id, "id": mail_id, "now": now, "trail": corrections_json(trail)},
        )
