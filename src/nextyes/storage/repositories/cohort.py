"""The facts behind an organisation's cohort figures, per consenting member, by position.

Not scoped by the unit of work's owner: every method names the organisation. Facts are plain
per-person values keyed by an opaque position, never by account; `services.organisations.cohort`
folds them into tables that pass the suppression function before anything leaves the services.

Reading a person's facts means grouped scans over their applications, stage events and
feedback, so they are kept between reports in `cohort_facts`, with the person's journal version
they were read at (`journal_versions`, which PostgreSQL's triggers move on every change to any
of the person's rows, whoever makes it). A report re-reads only the people whose version moved
since, or whose kept facts start after the months it needs, and keeps what it read. The version
is read before the facts, so a change landing in between is read again next time, never missed.
SQLite has no per-person version: there, facts are read afresh for every report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from nextyes.domain.organisations import MemberFacts
from nextyes.storage.convert import as_date, as_datetime_or_none, from_json, to_json
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

_RANK = (
    "CASE e.stage WHEN 'screening' THEN 2 WHEN 'assessment' THEN 2 WHEN 'interview' THEN 3 "
    "WHEN 'final' THEN 4 WHEN 'offer' THEN 5 WHEN 'accepted' THEN 5 WHEN 'declined' THEN 5 "
    "WHEN 'rejected' THEN 2 ELSE 1 END"
)
_TELLING = (
    "('screening', 'assessment', 'interview', 'final', 'offer', 'accepted', 'declined', 'rejected')"
)
_CHUNK = 2000  # owners per batch of reads: keeps each statement's list of ids small


@dataclass(frozen=True, slots=True)
class KeptFacts:
    """What a report counts without writing: kept facts, and how far they are behind."""

    facts: list[MemberFacts]
    stale: int  # members counted from facts kept before their journal last changed
    uncounted: int  # members with nothing kept, left out until a refresh reads them
    as_of: datetime | None  # when the oldest of the stale facts was read (None: not known)
    unkept: int = 0  # members with nothing kept, read afresh for this report (not kept)

    @property
    def behind(self) -> bool:
        """Whether a refresh has work to do: facts to read again, or to keep."""
        return bool(self.stale or self.uncounted or self.unkept)


class CohortRepository(Repository):
    """Cohort facts of an organisation's consenting members, kept current between reports."""

    def member_facts(
        self, organisation_id: int, months: list[str], since: date, now: datetime | None = None
    ) -> list[MemberFacts]:
        """One MemberFacts for each active consenting member (in no particular order); their
        marks may hold months before or after `months`, which a report does not count. Facts
        kept from an earlier report are used while the member's journal version has not moved;
        the others are read and kept, as read at `now` (commit to keep them)."""
        people, rows = self._members(organisation_id)
        first = months[0]
        kept: dict[int, MemberFacts] = {}
        stale: dict[int, int] = {}  # owner -> the version to keep their new facts at
        for user, r in rows.items():
            found = self._usable(r, first)
            if found is not None and int(r["kept"]) == int(r["version"]):
                kept[user] = found
            else:
                stale[user] = int(r["version"])
        read = self.read(sorted(stale), since)
        if self.db.dialect == "postgresql" and read:
            self._keep(read, stale, first, now)
        return [self._grouped(kept.get(owner) or read[owner], groups)
                for owner, groups in people.items()]  # fmt: skip

    def kept_facts(
        self, organisation_id: int, months: list[str], since: date, read_at_most: int
    ) -> KeptFacts:
        """The members' facts as a report counts them without writing anything: kept facts as
        they are, even when a member's journal changed since (counted as `stale`); members with
        nothing kept are read afresh when there are at most `read_at_most` of them, and left
        out (`uncounted`) otherwise. SQLite keeps nothing: there, every member is read."""
        people, rows = self._members(organisation_id)
        if self.db.dialect != "postgresql":
            read = self.read(sorted(people), since)
            return KeptFacts([self._grouped(read[o], g) for o, g in people.items()], 0, 0, None)
        first = months[0]
        kept: dict[int, MemberFacts] = {}
        stale_at: list[datetime | None] = []
        for user, r in rows.items():
            found = self._usable(r, first)
            if found is None:
                continue
            kept[user] = found
            if int(r["kept"]) != int(r["version"]):
                stale_at.append(as_datetime_or_none(r["kept_at"]))
        missing = sorted(set(people) - set(kept))
        uncounted = unkept = 0
        if len(missing) <= read_at_most:
            kept.update(self.read(missing, since))
            unkept = len(missing)
        else:
            uncounted = len(missing)
        known = [at for at in stale_at if at is not None]
        as_of = min(known) if known and len(known) == len(stale_at) else None
        facts = [self._grouped(kept[o], g) for o, g in people.items() if o in kept]
        return KeptFacts(facts, len(stale_at), uncounted, as_of, unkept)

    def _members(self, organisation_id: int) -> tuple[dict[int, list[int]], dict[int, Row]]:
        """Each active consenting member's groups, and their kept facts and journal version."""
        params: dict[str, Any] = {"org": organisation_id, "yes": True}
        people: dict[int, list[int]] = {}
        member_of: dict[int, int] = {}
        rows: dict[int, Row] = {}
        for r in self.db.query(
            "SELECT m.id AS member_id, m.user_id, f.version AS kept, f.since AS kept_since, "
            "f.facts, f.kept_at, coalesce(v.version, 0) AS version "
            "FROM organisation_members m "
            "LEFT JOIN cohort_facts f ON f.user_id = m.user_id "
            "LEFT JOIN journal_versions v ON v.user_id = m.user_id "
            "WHERE m.organisation_id = :org AND m.status = 'active' AND m.consent = :yes "
            "AND m.role = 'member'",
            params,
        ):
            user = int(r["user_id"])
            people[user] = []
            member_of[int(r["member_id"])] = user
            rows[user] = r
        if people:
            for r in self.db.query(
                "SELECT gm.member_id, gm.group_id FROM organisation_group_members gm "
                "JOIN organisation_members m ON m.id = gm.member_id "
                "WHERE m.organisation_id = :org",
                params,
            ):
                placed = member_of.get(int(r["member_id"]))
                if placed is not None:
                    people[placed].append(int(r["group_id"]))
        return people, rows

    def _usable(self, row: Row, first: str) -> MemberFacts | None:
        """The kept facts of this row, when there are some that cover the report's months."""
        if self.db.dialect != "postgresql" or row["kept"] is None:
            return None
        if str(row["kept_since"]) > first:
            return None
        return _decode(str(row["facts"]))

    @staticmethod
    def _grouped(found: MemberFacts, groups: list[int]) -> MemberFacts:
        return MemberFacts(
            tuple(sorted(groups)), found.furthest, found.marks, found.days_to_interview,
            found.days_to_offer,
        )  # fmt: skip

    def _keep(
        self, read: dict[int, MemberFacts], versions: dict[int, int], since: str,
        now: datetime | None,
    ) -> None:  # fmt: skip
        rows = []
        for owner in sorted(read):  # one order for every writer: no two reports deadlock
            rows.append(
                {
                    "user": owner,
                    "version": versions[owner],
                    "since": since,
                    "facts": _encode(read[owner]),
                    "at": now,
                }
            )
        self.db.executemany(
            "INSERT INTO cohort_facts (user_id, version, since, facts, kept_at) "
            "VALUES (:user, :version, :since, :facts, :at) ON CONFLICT (user_id) DO UPDATE SET "
            "version = excluded.version, since = excluded.since, facts = excluded.facts, "
            "kept_at = excluded.kept_at",
            rows,
        )

    def read(self, owners: Sequence[int], since: date) -> dict[int, MemberFacts]:
        """The facts of these people read from their journals (no groups; months from `since`
        on, however late), whether or not anything is kept for them."""
        found: dict[int, MemberFacts] = {}
        for at in range(0, len(owners), _CHUNK):
            found.update(self._read(owners[at : at + _CHUNK], since))
        return found

    def _read(self, owners: Sequence[int], since: date) -> dict[int, MemberFacts]:
        if not owners:
            return {}
        ids = ", ".join(str(int(o)) for o in owners)  # integers only: nothing to quote
        params: dict[str, Any] = {"since": since}
        first_applied: dict[int, date] = {}
        for r in self.db.query(
            "SELECT a.owner_id, min(a.applied_on) AS first FROM applications a "
            f"WHERE a.owner_id IN ({ids}) AND a.applied_on IS NOT NULL GROUP BY a.owner_id",
            params,
        ):
            first_applied[int(r["owner_id"])] = as_date(r["first"])
        furthest: dict[int, int] = {}
        first_interview: dict[int, date] = {}
        first_offer: dict[int, date] = {}
        for r in self.db.query(
            f"SELECT e.owner_id, max({_RANK}) AS rank, "
            "min(CASE WHEN e.stage IN ('interview', 'final', 'offer', 'accepted', 'declined') "
            "THEN e.occurred_on END) AS interview, "
            "min(CASE WHEN e.stage IN ('offer', 'accepted', 'declined') THEN e.occurred_on END) "
            "AS offer FROM stage_events e "
            f"WHERE e.owner_id IN ({ids}) AND e.stage IN {_TELLING} GROUP BY e.owner_id",
            params,
        ):
            owner = int(r["owner_id"])
            furthest[owner] = int(r["rank"])
            if r["interview"] is not None:
                first_interview[owner] = as_date(r["interview"])
            if r["offer"] is not None:
                first_offer[owner] = as_date(r["offer"])
        noes: dict[int, set[str]] = defaultdict(set)
        for r in self.db.query(
            "SELECT DISTINCT e.owner_id, e.from_stage FROM stage_events e "
            f"WHERE e.owner_id IN ({ids}) AND e.stage = 'rejected'",
            params,
        ):
            noes[int(r["owner_id"])].add(str(r["from_stage"] or "applied"))
        themes: dict[int, set[str]] = defaultdict(set)
        parsed: dict[str, list[str]] = {}  # few distinct theme lists: parse each once
        for r in self.db.query(
            "SELECT DISTINCT f.owner_id, f.themes FROM feedback f "
            f"WHERE f.owner_id IN ({ids}) AND f.themes IS NOT NULL",
            params,
        ):
            text = str(r["themes"])
            if text not in parsed:
                parsed[text] = from_json(text, [])
            themes[int(r["owner_id"])].update(parsed[text])
        monthly: dict[int, set[str]] = defaultdict(set)
        month = self._month("a.applied_on")
        for r in self.db.query(
            f"SELECT DISTINCT a.owner_id, {month} AS month FROM applications a "
            f"WHERE a.owner_id IN ({ids}) AND a.applied_on >= :since",
            params,
        ):
            monthly[int(r["owner_id"])].add(f"applied:{r['month']}")
        month = self._month("e.occurred_on")
        for r in self.db.query(
            f"SELECT DISTINCT e.owner_id, e.stage, {month} AS month FROM stage_events e "
            f"WHERE e.owner_id IN ({ids}) AND e.occurred_on >= :since "
            "AND e.stage IN ('interview', 'rejected', 'offer')",
            params,
        ):
            kind = {"interview": "interview", "rejected": "no", "offer": "offer"}[r["stage"]]
            monthly[int(r["owner_id"])].add(f"{kind}:{r['month']}")
        found = {}
        for owner in owners:
            start = first_applied.get(owner)
            found[owner] = MemberFacts.of(
                groups=(),
                furthest=furthest.get(owner, 1 if start else 0),
                noes=frozenset(noes.get(owner, ())),
                themes=frozenset(themes.get(owner, ())),
                months=frozenset(monthly.get(owner, ())),
                days_to_interview=_days(start, first_interview.get(owner)),
                days_to_offer=_days(start, first_offer.get(owner)),
            )
        return found

    def _month(self, column: str) -> str:
        if self.db.dialect == "postgresql":
            return f"to_char({column}, 'YYYY-MM')"
        return f"substr({column}, 1, 7)"

    def archived(self, organisation_id: int) -> list[MemberFacts]:
        rows = self.db.query(
            "SELECT groups, facts FROM cohort_archive WHERE organisation_id = :org",
            {"org": organisation_id},
        )
        return [
            MemberFacts.from_record(from_json(r["groups"], []), from_json(r["facts"], {}))
            for r in rows
        ]

    def archive(self, organisation_id: int, facts: MemberFacts) -> None:
        groups, record = facts.to_record()
        self.db.execute(
            "INSERT INTO cohort_archive (organisation_id, groups, facts) VALUES (:org, :g, :f)",
            {"org": organisation_id, "g": to_json(groups), "f": to_json(record)},
        )

    def facts_of(
        self, organisation_id: int, user_id: int, months: list[str], since: date
    ) -> MemberFacts | None:
        """One active consenting member's facts read afresh (for the archive, when they
        leave), with their groups and the months in `months` only."""
        groups = [
            int(r["group_id"])
            for r in self.db.query(
                "SELECT gm.group_id FROM organisation_group_members gm "
                "JOIN organisation_members m ON m.id = gm.member_id "
                "WHERE m.organisation_id = :org AND m.user_id = :user",
                {"org": organisation_id, "user": user_id},
            )
        ]
        member = self.db.scalar(
            "SELECT count(*) FROM organisation_members WHERE organisation_id = :org "
            "AND user_id = :user AND status = 'active' AND consent = :yes AND role = 'member'",
            {"org": organisation_id, "user": user_id, "yes": True},
        )
        if not member:
            return None
        return _placed(self.read([user_id], since)[user_id], groups, set(months))

    def forget(self, user_id: int) -> None:
        """Drop what is kept of a person's facts (they left, or stopped consenting)."""
        self.db.execute("DELETE FROM cohort_facts WHERE user_id = :user", {"user": user_id})


def _placed(found: MemberFacts, groups: list[int], window: set[str]) -> MemberFacts:
    """A person's facts with their groups, and their months in the report's window only."""
    return MemberFacts.of(
        groups=tuple(sorted(groups)),
        furthest=found.furthest,
        noes=found.noes,
        themes=found.themes,
        months=frozenset(m for m in found.months if m[-7:] in window),
        days_to_interview=found.days_to_interview,
        days_to_offer=found.days_to_offer,
    )


_FORMAT = "f2"
"""How kept facts are written: one line of words, quick to read back for 10,000 people
(JSON took most of a report's time). Kept facts in another format are read afresh."""


def _encode(facts: MemberFacts) -> str:
    """`f2 furthest days-to-interview days-to-offer mark mark...`, `-` for a missing number."""
    return " ".join(
        [
            _FORMAT,
            str(facts.furthest),
            "-" if facts.days_to_interview is None else str(facts.days_to_interview),
            "-" if facts.days_to_offer is None else str(facts.days_to_offer),
            # a mark with a space (a hand-made theme) names no question a report asks: dropped
            *(m for m in facts.marks if m and len(m.split()) == 1 and m == m.strip()),
        ]
    )


def _decode(text: str) -> MemberFacts | None:
    """Kept facts read back (no groups), or None when they are not in this format."""
    words = text.split()
    if len(words) < 4 or words[0] != _FORMAT:
        return None
    return MemberFacts(
        groups=(),
        furthest=int(words[1]),
        marks=tuple(words[4:]),
        days_to_interview=None if words[2] == "-" else int(words[2]),
        days_to_offer=None if words[3] == "-" else int(words[3]),
    )


def _days(start: date | None, end: date | None) -> int | None:
    if start is None or end is None:
        return None
    return max(0, (end - start).days)
