"""Session notes a coach keeps for themself: private to the coach, exportable as CSV.

Writing a note about a client needs a live share (the policy's decision, with no scope: the
note is the coach's own, not a read of the journal). Reading and exporting them needs nothing
but being their author: a coach keeps their own notes after a share ends.
"""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from nextyes.domain.accounts import SignedIn
from nextyes.domain.coaching import MAX_NOTE, SessionNote, clean_text
from nextyes.domain.errors import NotFound
from nextyes.services.coaching.policy import ClientAccess, read_client
from nextyes.storage.uow import UnitOfWork


def write_note(
    uow: UnitOfWork, coach: SignedIn, client_id: int, text: str, now: datetime
) -> SessionNote:
    body = clean_text(text, MAX_NOTE, "note")

    def write(access: ClientAccess) -> SessionNote:
        note_id = access.uow.coach_notes.add(
            coach.user_id, client_id, now.astimezone(UTC).date(), body, now
        )
        return next(n for n in access.uow.coach_notes.of_coach(coach.user_id) if n.id == note_id)

    return read_client(uow, coach, client_id, None, "session note", now, write)


def my_notes(uow: UnitOfWork, coach: SignedIn, client_id: int | None = None) -> list[SessionNote]:
    with uow:
        return uow.coach_notes.of_coach(coach.user_id, client_id)


def delete_note(uow: UnitOfWork, coach: SignedIn, note_id: int) -> None:
    with uow:
        if uow.coach_notes.remove(coach.user_id, note_id) != 1:
            raise NotFound(f"No session note {note_id} of yours.")
        uow.commit()


def notes_csv(uow: UnitOfWork, coach: SignedIn) -> str:
    """Every note of the coach's, as CSV (client, day, text)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["client", "client_id", "written_on", "note"])
    for note in my_notes(uow, coach):
        writer.writerow([note.client, note.seeker_id, note.written_on.isoformat(), note.text])
    return out.getvalue()
