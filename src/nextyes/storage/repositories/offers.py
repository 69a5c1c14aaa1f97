"""Offers: one per application, with its terms and whether it is still open."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from nextyes.domain.offers import Offer, OfferStatus, OfferTerms, PayPeriod, WorkPlace
from nextyes.storage.convert import as_bool, as_date_or_none
from nextyes.storage.db import Row
from nextyes.storage.repositories.base import Repository

COLUMNS = (
    "id, application_id, status, answer_by, pay_amount, pay_currency, pay_period, pay_private, "
    "leave_days, location, remote, start_on, notes, decided_on"
)


def to_offer(row: Row) -> Offer:
    amount = row["pay_amount"]
    return Offer(
        id=row["id"],
        application_id=row["application_id"],
        status=OfferStatus(row["status"]),
        terms=OfferTerms(
            answer_by=as_date_or_none(row["answer_by"]),
            pay_amount=None if amount is None else float(amount),
            pay_currency=row["pay_currency"],
            pay_period=PayPeriod(row["pay_period"]) if row["pay_period"] else None,
            pay_private=as_bool(row["pay_private"]),
            leave_days=row["leave_days"],
            location=row["location"],
            remote=WorkPlace(row["remote"]) if row["remote"] else None,
            start_on=as_date_or_none(row["start_on"]),
            notes=row["notes"],
        ),
        decided_on=as_date_or_none(row["decided_on"]),
    )


def _terms(terms: OfferTerms) -> dict[str, Any]:
    return {
        "answer_by": terms.answer_by,
        "pay_amount": terms.pay_amount,
        "pay_currency": terms.pay_currency,
        "pay_period": terms.pay_period.value if terms.pay_period else None,
        "pay_private": terms.pay_private,
        "leave_days": terms.leave_days,
        "location": terms.location,
        "remote": terms.remote.value if terms.remote else None,
        "start_on": terms.start_on,
        "notes": terms.notes,
    }


class OfferRepository(Repository):
    def add(self, application_id: int, terms: OfferTerms, now: datetime) -> int:
        return self.db.insert(
            "INSERT INTO offers (owner_id, application_id, status, answer_by, pay_amount, "
            "pay_currency, pay_period, pay_private, leave_days, location, remote, start_on, "
            "notes, created_at, updated_at) VALUES (:owner, :app, :status, :answer_by, "
            ":pay_amount, :pay_currency, :pay_period, :pay_private, :leave_days, :location, "
            ":remote, :start_on, :notes, :now, :now) RETURNING id",
            {
                "owner": self.owner_id,
                "app": application_id,
                "status": OfferStatus.OPEN.value,
                "now": now,
                **_terms(terms),
            },
        )

    def update_terms(self, offer_id: int, terms: OfferTerms, now: datetime) -> None:
        self.db.execute(
            "UPDATE offers SET answer_by = :answer_by, pay_amount = :pay_amount, "
            "pay_currency = :pay_currency, pay_period = :pay_period, pay_private = :pay_private, "
            "leave_days = :leave_days, location = :location, remote = :remote, "
            "start_on = :start_on, notes = :notes, updated_at = :now "
            "WHERE id = :id AND owner_id = :owner",
            {"id": offer_id, "owner": self.owner_id, "now": now, **_terms(terms)},
        )

    def set_status(
        self, offer_id: int, status: OfferStatus, decided_on: date | None, now: datetime
    ) -> None:
        self.db.execute(
            "UPDATE offers SET status = :status, decided_on = :decided_on, updated_at = :now "
            "WHERE id = :id AND owner_id = :owner",
            {
                "status": status.value,
                "decided_on": decided_on,
                "now": now,
                "id": offer_id,
                "owner": self.owner_id,
            },
        )

    def for_application(self, application_id: int) -> Offer | None:
        row = self.db.one(
            f"SELECT {COLUMNS} FROM offers WHERE application_id = :app AND owner_id = :owner",
            {"app": application_id, "owner": self.owner_id},
        )
        return None if row is None else to_offer(row)

    def with_status(self, statuses: Sequence[OfferStatus]) -> list[Offer]:
        """Offers with these statuses, the soonest answer-by date first (none last)."""
        names = {f"s{i}": s.value for i, s in enumerate(statuses)}
        if not names:
            return []
        rows = self.db.query(
            f"SELECT {COLUMNS} FROM offers WHERE owner_id = :owner AND status IN "
            f"({', '.join(':' + k for k in names)}) "
            "ORDER BY CASE WHEN answer_by IS NULL THEN 1 ELSE 0 END, answer_by, id",
            {"owner": self.owner_id, **names},
        )
        return [to_offer(row) for row in rows]

    def delete(self, offer_id: int) -> None:
        self.db.execute(
            "DELETE FROM offers WHERE id = :id AND owner_id = :owner",
            {"id": offer_id, "owner": self.owner_id},
        )
