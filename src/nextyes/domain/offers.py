"""Offers: what was offered, by when to answer, and how open offers compare.

Pure rules only: reading the amounts people type ("65k", "4,200.50"), checking an offer's
details, the days left to answer, and a yearly figure to compare pay given per month or week.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields
from datetime import date
from enum import StrEnum

from nextyes.domain.errors import InvalidInput, Words

MAX_AMOUNT = 100_000_000
MAX_LEAVE_DAYS = 366
MAX_TEXT = 200
MAX_NOTES = 20_000


class OfferStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    DECLINED = "declined"


class PayPeriod(StrEnum):
    YEAR = "year"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"
    HOUR = "hour"


class WorkPlace(StrEnum):
    ONSITE = "onsite"
    HYBRID = "hybrid"
    REMOTE = "remote"


# How many of each period make a year, for comparing pay given per month or per week. Days and
# hours depend on the contract, so they are not turned into a yearly figure.
PER_YEAR = {PayPeriod.YEAR: 1, PayPeriod.MONTH: 12, PayPeriod.WEEK: 52}


@dataclass(frozen=True, slots=True)
class OfferTerms:
    """What an offer says; every part is optional (people learn them over a few calls)."""

    answer_by: date | None = None
    pay_amount: float | None = None
    pay_currency: str | None = None
    pay_period: PayPeriod | None = None
    pay_private: bool = True
    leave_days: int | None = None
    location: str | None = None
    remote: WorkPlace | None = None
    start_on: date | None = None
    notes: str | None = None


TERM_NAMES = tuple(f.name for f in fields(OfferTerms))


@dataclass(frozen=True, slots=True)
class Offer:
    id: int
    application_id: int
    status: OfferStatus
    terms: OfferTerms
    decided_on: date | None = None

    @property
    def is_open(self) -> bool:
        return self.status is OfferStatus.OPEN

    def days_left(self, today: date) -> int | None:
        """Days until the answer is due (0 on the day, negative once it has passed)."""
        if self.terms.answer_by is None:
            return None
        return (self.terms.answer_by - today).days

    @property
    def yearly_pay(self) -> float | None:
        terms = self.terms
        if terms.pay_amount is None or terms.pay_period not in PER_YEAR:
            return None
        assert terms.pay_period is not None
        return terms.pay_amount * PER_YEAR[terms.pay_period]


_CURRENCY = re.compile(r"^[A-Za-z]{3}$")
_GROUPED = r"\d{1,3}(?:%s\d{3})+"


def parse_amount(text: str) -> float:
    """ "65000", "65,000", "65 000", "65k", "4200.50", "4.200,50" -> a number, or InvalidInput."""
    raw = "".join(text.split()).replace("_", "")
    thousands = raw[-1:] in ("k", "K")
    number = raw[:-1] if thousands else raw
    if "," in number and "." in number:  # the later one separates the decimals
        decimal = "," if number.rfind(",") > number.rfind(".") else "."
        number = number.replace("." if decimal == "," else ",", "").replace(",", ".")
    elif "," in number:
        number = (
            number.replace(",", "")
            if re.fullmatch(_GROUPED % ",", number)
            else number.replace(",", ".")
        )
    elif re.fullmatch(_GROUPED % r"\.", number):
        number = number.replace(".", "")
    if not re.fullmatch(r"\d+(?:\.\d+)?", number):
        raise InvalidInput(
            f"'{text}' is not an amount nextyes can read. Give a number such as 65000, "
            "65k or 4200.50 (the currency goes in --currency, the period in --per).",
            web=Words("pipeline/web", "not_an_amount", {"text": text}),
        )
    value = float(number) * (1000 if thousands else 1)
    if not 0 < value <= MAX_AMOUNT:
        raise InvalidInput(f"The pay should be more than 0 and at most {MAX_AMOUNT:,}.")
    return round(value, 2)


def check_currency(text: str | None) -> str | None:
    if text is None or not text.strip():
        return None
    code = text.strip().upper()
    if not _CURRENCY.match(code):
        raise InvalidInput(
            f"'{text}' is not a currency code. Give its three letters, such as EUR, GBP or USD."
        )
    return code


def check_terms(terms: OfferTerms, today: date, *, answer_by_changed: bool = True) -> OfferTerms:
    """The terms as they will be kept, or InvalidInput saying what to change."""
    if answer_by_changed and terms.answer_by is not None and terms.answer_by < today:
        raise InvalidInput(
            f"The answer-by date {terms.answer_by.isoformat()} has already passed. If they gave "
            "you more time, give the new date; if not, leave it out and note what they said."
        )
    if terms.pay_amount is not None and not 0 < terms.pay_amount <= MAX_AMOUNT:
        raise InvalidInput(f"The pay should be more than 0 and at most {MAX_AMOUNT:,}.")
    if terms.pay_amount is None and (terms.pay_currency or terms.pay_period):
        raise InvalidInput(
            "Give the amount too (--pay 65000), not only its currency or period.",
            web=Words("pipeline/web", "pay_without_amount"),
        )
    if terms.leave_days is not None and not 0 <= terms.leave_days <= MAX_LEAVE_DAYS:
        raise InvalidInput(f"Leave is counted in days a year, from 0 to {MAX_LEAVE_DAYS}.")
    location = _clean(terms.location)
    if location is not None and len(location) > MAX_TEXT:
        raise InvalidInput(f"The location is longer than {MAX_TEXT} characters; shorten it.")
    notes = (terms.notes or "").strip() or None
    if notes is not None and len(notes) > MAX_NOTES:
        raise InvalidInput(f"The notes are longer than {MAX_NOTES:,} characters; shorten them.")
    return OfferTerms(
        answer_by=terms.answer_by,
        pay_amount=None if terms.pay_amount is None else round(terms.pay_amount, 2),
        pay_currency=check_currency(terms.pay_currency),
        pay_period=terms.pay_period,
        pay_private=terms.pay_private,
        leave_days=terms.leave_days,
        location=location,
        remote=terms.remote,
        start_on=terms.start_on,
        notes=notes,
    )


def _clean(text: str | None) -> str | None:
    value = " ".join((text or "").split())
    return value or None


def describe_pay(terms: OfferTerms) -> str | None:
    """ "65,000 EUR a year", or None when no amount is known."""
    if terms.pay_amount is None:
        return None
    amount = terms.pay_amount
    number = f"{amount:,.0f}" if amount == int(amount) else f"{amount:,.2f}"
    currency = f" {terms.pay_currency}" if terms.pay_currency else ""
    period = f" a {terms.pay_period.value}" if terms.pay_period else ""
    return f"{number}{currency}{period}"
