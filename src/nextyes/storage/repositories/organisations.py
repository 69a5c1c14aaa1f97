"""Organisations (career centres): members, groups, invitations, and the cohort's facts."""

from __future__ import annotations

from nextyes.storage.repositories.base import Repository


class OrganisationRepository(Repository):
    pass


class CohortRepository(Repository):
    pass
