"""Which application is an email about? Company (fuzzy), sending domain, then role."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process

from nextyes.domain.companies import company_key
from nextyes.domain.models import Application
from nextyes.domain.stages import CLOSED_STAGES

COMPANY_CUTOFF = 90
ROLE_CUTOFF = 75
ROLE_MARGIN = 10


@dataclass(frozen=True, slots=True)
class Match:
    """The application a message belongs to, or why none could be chosen."""

    application: Application | None
    candidates: tuple[Application, ...] = ()
    problem: str | None = None


@dataclass
class Matcher:
    """Applications indexed for matching; kept current as an import creates and moves them."""

    applications: dict[int, Application] = field(default_factory=dict)
    domain_links: dict[str, set[int]] = field(default_factory=dict)
    _by_key: dict[str, list[int]] = field(default_factory=dict)
    _sorted_keys: list[str] = field(default_factory=list)
    """The company keys in sorted order, so a fuzzy tie goes the same way whatever order the
    journal was read in (an import resumed after a stop must decide as one that ran through)."""

    @classmethod
    def build(cls, applications: list[Application], domain_links: dict[str, set[int]]) -> Matcher:
        matcher = cls(domain_links={d: set(ids) for d, ids in domain_links.items()})
        for application in applications:
            matcher.put(application)
        return matcher

    def put(self, application: Application) -> None:
        """Add or refresh an application (after it was created or moved)."""
        known = application.id in self.applications
        self.applications[application.id] = application
        if not known:
            key = company_key(application.company)
            if key not in self._by_key:
                bisect.insort(self._sorted_keys, key)
            self._by_key.setdefault(key, []).append(application.id)

    def link_domain(self, domain: str, application_id: int) -> None:
        if domain:
            self.domain_links.setdefault(domain, set()).add(application_id)

    def _company_candidates(self, company: str | None) -> list[Application]:
        if not company:
            return []
        key = company_key(company)
        ids = self._by_key.get(key)
        if ids is None and self._by_key:
            found = process.extractOne(
                key, self._sorted_keys, scorer=fuzz.WRatio, score_cutoff=COMPANY_CUTOFF
            )
            ids = self._by_key[found[0]] if found else None
        return [self.applications[i] for i in sorted(ids or ())]

    def match(self, company: str | None, role: str | None, sender_domain: str = "") -> Match:
        candidates = self._company_candidates(company)
        if not candidates and sender_domain in self.domain_links:
            candidates = [self.applications[i] for i in sorted(self.domain_links[sender_domain])]
        if not candidates:
            problem = (
                f"{company} is not in your journal yet."
                if company
                else "The email does not name the company."
            )
            return Match(None, (), problem)
        if len(candidates) == 1:
            return Match(candidates[0], tuple(candidates))
        return self._by_role(candidates, role)

    def _by_role(self, candidates: list[Application], role: str | None) -> Match:
        open_ones = [a for a in candidates if a.stage not in CLOSED_STAGES] or candidates
        if role:
            scored = sorted(
                ((fuzz.token_set_ratio(role.lower(), a.role.lower()), a) for a in open_ones),
                key=lambda pair: (-pair[0], -pair[1].id),
            )
            best_score, best = scored[0]
            runner_up = scored[1][0] if len(scored) > 1 else 0.0
            if best_score >= ROLE_CUTOFF and best_score - runner_up >= ROLE_MARGIN:
                return Match(best, tuple(candidates))
        if len(open_ones) == 1:
            return Match(open_ones[0], tuple(candidates))
        roles = ", ".join(f"{a.role} (#{a.id})" for a in open_ones[:4])
        return Match(
            None,
            tuple(open_ones),
            f"More than one application fits: {roles}.",
        )
