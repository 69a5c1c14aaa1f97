"""Offers as `today`, `nextyes offers` and the offers page read them: light to import.

Kept apart from `services.pipeline.offers` (recording and deciding, which move applications)
so that `nextyes today`, run many times a day, does not import what only writing needs.
"""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from nextyes.domain.models import Application
from nextyes.domain.offers import Offer, OfferStatus
from nextyes.domain.stages import Stage
from nextyes.storage.uow import UnitOfWork


class OfferView(NamedTuple):
    """An offer with its application, for `nextyes offers`, the offers page and the API (a
    NamedTuple: `today` reads them on every run, and it costs a fraction of a dataclass)."""

    offer: Offer
    application: Application
    days_left: int | None

    @property
    def is_open(self) -> bool:
        return self.offer.is_open and self.application.stage is Stage.OFFER


def list_offers(uow: UnitOfWork, today: date, *, include_decided: bool = False) -> list[OfferView]:
    """Open offers (soonest answer-by date first); with `include_decided`, the decided ones too."""
    with uow:
        return _offers(uow, today, include_decided=include_decided)


def _offers(uow: UnitOfWork, today: date, *, include_decided: bool = False) -> list[OfferView]:
    statuses = list(OfferStatus) if include_decided else [OfferStatus.OPEN]
    offers = uow.offers.with_status(statuses)
    apps = uow.applications.get_many([o.application_id for o in offers])
    views = [
        OfferView(o, apps[o.application_id], o.days_left(today))
        for o in offers
        if o.application_id in apps
    ]
    return views if include_decided else [v for v in views if v.is_open]


def open_offers(uow: UnitOfWork, today: date) -> list[OfferView]:
    """Open offers, inside an open uow (the agenda's provider reads them this way)."""
    return _offers(uow, today)
