"""The list of applications, as `nextyes list`, the web list and the API read it: light to import.

Kept apart from `services.pipeline.applications` (adding, moving and rejecting) so that
`nextyes list`, run many times a day, does not import what only writing needs.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from nextyes import content
from nextyes.domain.models import Application
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import Stage
from nextyes.errors import InvalidInput
from nextyes.services.settings.preferences import get_preferences
from nextyes.storage.uow import UnitOfWork


@dataclass(frozen=True, slots=True)
class ApplicationPage:
    items: list[Application]
    total: int
    folded: int = 0


def list_applications(
    uow: UnitOfWork, query: ApplicationQuery, *, include_folded: bool = False
) -> ApplicationPage:
    """Applications, most recently active first. With the `fold_rejected` setting on, closed
    noes stay out of an unfiltered list unless `include_folded` is given."""
    if query.limit is not None and query.limit < 1:
        raise InvalidInput(content.load("pipeline/messages")["cli"]["limit_too_low"])
    with uow:
        folded = 0
        if not query.stages and not include_folded and get_preferences(uow)["fold_rejected"]:
            folded = uow.applications.count(replace(query, stages=(Stage.REJECTED,), limit=None))
            query = replace(query, exclude_stages=(Stage.REJECTED,))
        items = uow.applications.find(query)
        total = (
            len(items)
            if query.limit is None or (len(items) < query.limit and query.offset == 0)
            else uow.applications.count(query)
        )
        return ApplicationPage(items, total, folded)
