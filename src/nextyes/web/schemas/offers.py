"""Offers as the JSON API reads and writes them."""

from __future__ import annotations

from datetime import date
from typing import Any

from pydantic import BaseModel, Field

from nextyes.domain.offers import MAX_AMOUNT, PayPeriod, WorkPlace
from nextyes.services.pipeline.offers import ClosingDraft, Decision, OfferView
from nextyes.web.schemas.applications import ApplicationPublic, Input
from nextyes.web.schemas.types import LongText, Name, RefId


class OfferCreate(Input):
    """An offer's terms; every part is optional. The application moves to the offer stage."""

    answer_by: date | None = Field(None, description="The day they need your answer by.")
    pay_amount: float | None = Field(None, gt=0, le=MAX_AMOUNT, examples=[65000])
    pay_currency: str | None = Field(None, min_length=3, max_length=3, examples=["EUR"])
    pay_period: PayPeriod | None = None
    pay_private: bool = Field(
        True, description="Keep the pay out of anything shared (true unless you say otherwise)."
    )
    leave_days: int | None = Field(None, ge=0, le=366, description="Paid leave, days a year.")
    location: Name | None = None
    remote: WorkPlace | None = None
    start_on: date | None = None
    notes: LongText | None = None
    on: date | None = Field(None, description="When the offer came (default: today).")


class OfferUpdate(Input):
    """Only the parts given change; null clears one."""

    answer_by: date | None = None
    pay_amount: float | None = Field(None, gt=0, le=MAX_AMOUNT)
    pay_currency: str | None = Field(None, min_length=3, max_length=3)
    pay_period: PayPeriod | None = None
    pay_private: bool | None = None
    leave_days: int | None = Field(None, ge=0, le=366)
    location: Name | None = None
    remote: WorkPlace | None = None
    start_on: date | None = None
    notes: LongText | None = None


class OfferPublic(BaseModel):
    application: ApplicationPublic
    status: str = Field(description="open, accepted or declined (or the stage it was moved to).")
    answer_by: date | None
    days_left: int | None = Field(description="Days until the answer is due; negative once passed.")
    pay_amount: float | None
    pay_currency: str | None
    pay_period: PayPeriod | None
    yearly_pay: float | None = Field(description="Pay per month or week as a yearly figure.")
    pay_private: bool
    leave_days: int | None
    location: str | None
    remote: WorkPlace | None
    start_on: date | None
    notes: str | None
    decided_on: date | None

    @classmethod
    def of(cls, view: OfferView) -> OfferPublic:
        terms, offer = view.offer.terms, view.offer
        status = "open" if view.is_open else (
            offer.status.value if not offer.is_open else view.application.stage.value
        )  # fmt: skip
        values: dict[str, Any] = {
            "application": ApplicationPublic.of(view.application), "status": status,
            "answer_by": terms.answer_by, "days_left": view.days_left,
            "pay_amount": terms.pay_amount, "pay_currency": terms.pay_currency,
            "pay_period": terms.pay_period, "yearly_pay": offer.yearly_pay,
            "pay_private": terms.pay_private, "leave_days": terms.leave_days,
            "location": terms.location, "remote": terms.remote, "start_on": terms.start_on,
            "notes": terms.notes, "decided_on": offer.decided_on,
        }  # fmt: skip
        return cls(**values)


class AcceptanceCreate(Input):
    on: date | None = Field(None, description="When you accepted (default: today).")
    close_others: bool = Field(
        False, description="Close the other open applications in the same step, with drafts."
    )


class DecisionCreate(Input):
    on: date | None = Field(None, description="When you decided (default: today).")


class CloseOthersCreate(Input):
    only: list[RefId] | None = Field(
        None, max_length=500, description="Close just these (default: every other open one)."
    )


class ClosingDraftPublic(BaseModel):
    application: ApplicationPublic
    kind: str = Field(description="withdrawal, or decline (for an application at the offer stage)")
    recipient: str | None
    subject: str
    body: str
    draft_id: int | None = Field(description="Set once the draft is kept with the application.")

    @classmethod
    def of(cls, draft: ClosingDraft) -> ClosingDraftPublic:
        return cls(
            application=ApplicationPublic.of(draft.application), kind=draft.kind,
            recipient=draft.recipient, subject=draft.subject, body=draft.body,
            draft_id=draft.draft_id,
        )  # fmt: skip


class DecisionPublic(BaseModel):
    offer: OfferPublic
    others: list[ClosingDraftPublic]
    closed: bool

    @classmethod
    def of(cls, decision: Decision) -> DecisionPublic:
        return cls(
            offer=OfferPublic.of(decision.offer),
            others=[ClosingDraftPublic.of(d) for d in decision.others],
            closed=decision.closed,
        )
