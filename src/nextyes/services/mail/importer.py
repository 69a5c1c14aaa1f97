"""Turn analysed job email into journal updates, through the same services the commands use.

Each message is applied inside its own savepoint and a batch of messages is committed at once,
so an import stopped at any moment (even by kill -9) leaves whole messages or nothing, and the
next run skips everything already imported (by Message-ID, or a content hash without one).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from itertools import islice
from typing import Any

from nextyes.content import fill, load
from nextyes.domain.errors import InvalidInput, NextyesError
from nextyes.domain.mail import STAGE_FOR_LABEL, AnalysedMail, MailStatus, SenderRule
from nextyes.domain.mail_labels import Band, MailLabel
from nextyes.domain.models import Application, NewApplication, Origin
from nextyes.domain.queries import ApplicationQuery
from nextyes.domain.stages import CLOSED_STAGES, ENDINGS, RANK, Stage
from nextyes.services.mail.analysis import Analysed
from nextyes.services.mail.corrections import CorrectionMemory
from nextyes.services.mail.match import Matcher
from nextyes.services.mail.senders import SenderTies, sender_ties
from nextyes.services.pipeline.applications import (
    InterviewDetails,
    add_application,
    move_application,
)
from nextyes.services.recovery.cool_down import reject_and_recover
from nextyes.storage.uow import UnitOfWork
from nextyes.text.email_extract import domain_company

BATCH = 200
ROLE_NOT_NAMED = "Role not named"


@dataclass
class ImportSummary:
    """What one import did (or, in a dry run, would do)."""

    read: int = 0
    unreadable: int = 0
    already_imported: int = 0
    created: int = 0
    stage_changes: int = 0
    invitations: int = 0
    rejections: int = 0
    linked: int = 0
    noted: int = 0
    skipped: int = 0
    review: int = 0
    ignored: int = 0
    waiting: int = 0
    """Messages waiting in `mail review` after this import, from this one and earlier ones."""
    labels: Counter[str] = field(default_factory=Counter)
    dry_run: bool = False
    cut_short: str | None = None  # a compressed mailbox that ends early: where it stopped


@dataclass(frozen=True, slots=True)
class Outcome:
    status: MailStatus
    application_id: int | None = None
    event_id: int | None = None
    review_reason: str | None = None
    effect: str | None = None  # "created" | "moved" | "rejected"
    interview_id: int | None = None  # the interview or assessment a move scheduled


def _day(mail: AnalysedMail, now: datetime) -> date:
    if mail.received_at is None:
        return now.date()
    return min(mail.received_at.astimezone(now.tzinfo).date(), now.date())


class Importer:
    """Applies messages one at a time; keeps its view of the journal current as it goes."""

    def __init__(self, uow: UnitOfWork, now: datetime, ties: SenderTies | None = None) -> None:
        self.uow = uow
        self.now = now
        with uow:
            applications = uow.applications.find(ApplicationQuery())
            self.ties = sender_ties(uow) if ties is None else ties
            links = uow.mail.domain_links()
            for domain in self.ties.shared.intersection(links):
                del links[domain]  # a domain that speaks for many employers names none of them
            self.matcher = Matcher.build(applications, links)
            self.rules = uow.sender_rules.all()
            self.memory = CorrectionMemory.from_stored(uow.mail.corrected(), self.ties.shared)

    def as_shared(self, mail: AnalysedMail) -> AnalysedMail:
        """The message read as an applicant-tracking system's when the journal learned that
        its domain speaks for many employers (after it was analysed): its company then comes
        from the message, never from the domain."""
        if mail.via_ats or mail.sender_domain not in self.ties.shared:
            return mail
        company = mail.company
        if company and company == domain_company(mail.sender_domain):
            company = None
        return replace(mail, via_ats=True, company=company)

    def effective(self, mail: AnalysedMail) -> tuple[AnalysedMail, SenderRule | None]:
        """The message with what the user taught nextyes applied: their correction of a
        message like this one, and what they said about its sender."""
        mail = self.as_shared(mail)
        recalled = self.memory.recall(mail)
        if recalled is not None:
            like = fill(_words()["like_corrected"], subject=recalled.subject or "(no subject)")
            why = (like,)
            mail = replace(
                mail, label=recalled.label, confidence=1.0, band=Band.SURE, why=why + mail.why
            )
        rule = self.rules.get(mail.sender_address)
        if rule is not None and mail.via_ats and (rule.company or rule.label):
            # an address that speaks for many employers keeps no company or label of its own
            rule = replace(rule, company=None, label=None) if rule.ignore else None
        if rule is None:
            return mail, None
        return (
            replace(
                mail,
                label=rule.label or mail.label,
                company=rule.company or mail.company,
                confidence=1.0 if rule.label else mail.confidence,
                band=Band.SURE if rule.label else mail.band,
            ),
            rule,
        )

    def decide(
        self,
        mail: AnalysedMail,
        rule: SenderRule | None = None,
        *,
        application: Application | None = None,
    ) -> Outcome:
        """Apply one message (inside the caller's transaction).

        `application` skips matching: the user said which application the message is about.
        """
        if application is not None:
            return self._decide_for(mail, application)
        if rule is not None and rule.ignore:
            return Outcome(MailStatus.IGNORED)
        if mail.band is Band.REVIEW:
            return Outcome(MailStatus.REVIEW, review_reason=unsure_reason(mail))
        if mail.label is MailLabel.UNRELATED:
            return Outcome(MailStatus.SKIPPED)
        if mail.label is MailLabel.RECRUITER_OUTREACH:
            return Outcome(MailStatus.NOTED)
        shared = mail.via_ats or mail.sender_domain in self.ties.shared
        domain = "" if shared else mail.sender_domain
        match = self.matcher.match(mail.company, mail.role, domain)
        application = match.application
        if mail.label is MailLabel.APPLICATION_RECEIVED:
            return self._confirmation(mail, application, bool(match.candidates), match.problem)
        if application is None:
            return Outcome(MailStatus.REVIEW, review_reason=match.problem)
        if mail.label is MailLabel.REJECTION:
            return self._rejection(mail, application)
        return self._progress(mail, application)

    def _decide_for(self, mail: AnalysedMail, application: Application) -> Outcome:
        if mail.label in (MailLabel.UNRELATED, MailLabel.RECRUITER_OUTREACH):
            return Outcome(MailStatus.NOTED, application.id)
        if mail.label is MailLabel.APPLICATION_RECEIVED:
            if application.stage is Stage.SAVED:
                return self._move(mail, application, Stage.APPLIED)
            return Outcome(MailStatus.LINKED, application.id)
        if mail.label is MailLabel.REJECTION:
            return self._rejection(mail, application)
        return self._progress(mail, application)

    def _confirmation(
        self,
        mail: AnalysedMail,
        application: Application | None,
        ambiguous: bool,
        problem: str | None,
    ) -> Outcome:
        if application is not None and application.stage not in CLOSED_STAGES:
            if application.stage is Stage.SAVED:
                return self._move(mail, application, Stage.APPLIED)
            return Outcome(MailStatus.LINKED, application.id)
        if application is None and ambiguous:
            return Outcome(MailStatus.REVIEW, review_reason=problem)
        if not mail.company:
            return Outcome(
                MailStatus.REVIEW, review_reason="No company named; say which application it is."
            )
        created = self.create_from(mail)
        return Outcome(MailStatus.APPLIED, created.id, effect="created")

    def create_from(self, mail: AnalysedMail) -> Application:
        """A new application for the company and role the message names, applied on its day
        (the earliest the journal can know of)."""
        if not mail.company:
            raise InvalidInput("The email does not name the company; say which application it is.")
        created = add_application(
            self.uow,
            NewApplication(
                company=mail.company,
                role=mail.role or ROLE_NOT_NAMED,
                applied_on=_day(mail, self.now),
                source="email",
            ),
            self.now,
            origin=Origin.MAIL,
        )
        self._remember(mail, created)
        return created

    def _progress(self, mail: AnalysedMail, application: Application) -> Outcome:
        target = STAGE_FOR_LABEL[mail.label]
        if application.stage in ENDINGS:
            if application.stage_on <= _day(mail, self.now):
                return Outcome(
                    MailStatus.REVIEW,
                    application.id,
                    review_reason=f"Application #{application.id} already ended "
                    f"({application.stage.label.lower()} on {application.stage_on.isoformat()}).",
                )
            return Outcome(MailStatus.LINKED, application.id)
        if RANK.get(application.stage, 0) >= RANK[target]:
            return Outcome(MailStatus.LINKED, application.id)
        return self._move(mail, application, target)

    def _move(self, mail: AnalysedMail, application: Application, target: Stage) -> Outcome:
        on = _day(mail, self.now)
        details = None
        upcoming = [t for t in mail.interview_at if t.date() >= on]
        if upcoming and target in (Stage.INTERVIEW, Stage.ASSESSMENT):
            moment = upcoming[0].astimezone(self.now.tzinfo)
            at = moment.time().replace(second=0, microsecond=0)
            details = InterviewDetails(at=at if at != time() else None)
            if moment.date() > self.now.date():
                on = moment.date()
        note = None
        if upcoming and target is Stage.INTERVIEW:
            when = f"{upcoming[0]:%a %d %b %Y}"
            if upcoming[0].time() != time():
                when += f", {upcoming[0]:%H:%M}"
            note = f"Invited by email for {when}."
        try:
            moved = move_application(
                self.uow,
                application.id,
                target,
                on,
                self.now,
                details=details,
                note=note,
                origin=Origin.MAIL,
            )
        except NextyesError as exc:
            return Outcome(MailStatus.REVIEW, application.id, review_reason=exc.message)
        self._remember(mail, moved.application)
        return Outcome(
            MailStatus.APPLIED,
            application.id,
            moved.event.id,
            effect="moved",
            interview_id=moved.interview_id,
        )

    def _rejection(self, mail: AnalysedMail, application: Application) -> Outcome:
        if application.stage in ENDINGS:
            return Outcome(MailStatus.LINKED, application.id)
        reason = " ".join(mail.reasons) or None
        try:
            # the service `nextyes reject` uses: it also opens the cool-down when the no is recent
            outcome = reject_and_recover(
                self.uow,
                application.id,
                _day(mail, self.now),
                self.now,
                reason=reason,
                origin=Origin.MAIL,
            ).outcome
        except NextyesError as exc:
            return Outcome(MailStatus.REVIEW, application.id, review_reason=exc.message)
        self._remember(mail, outcome.application)
        return Outcome(MailStatus.APPLIED, application.id, outcome.event.id, effect="rejected")

    def _remember(self, mail: AnalysedMail, application: Application) -> None:
        self.matcher.put(application)
        self._tie(mail, application)

    def _tie(self, mail: AnalysedMail, application: Application) -> None:
        """Tie the message's sending domain to the application, as the next import will
        read the stored message; a domain tied to a second employer is shared from then on."""
        if mail.via_ats:
            return
        if self.ties.tie(mail.sender_domain, application.company):
            # tied to a second employer: from now on it speaks for many
            self.matcher.domain_links.pop(mail.sender_domain, None)
        elif mail.sender_domain not in self.ties.shared:
            self.matcher.link_domain(mail.sender_domain, application.id)

    def apply(self, mail: AnalysedMail) -> Outcome:
        """Decide and store one message in its own savepoint."""
        mail, rule = self.effective(mail)
        with self.uow:
            outcome = self.decide(mail, rule)
            linked = self.matcher.applications.get(outcome.application_id or 0)
            if outcome.status is MailStatus.LINKED and linked is not None:
                self._tie(mail, linked)
            if outcome.status is MailStatus.SKIPPED:
                self.uow.mail.add_skipped([mail], self.now)
            else:
                self.uow.mail.add(
                    mail,
                    outcome.status,
                    self.now,
                    application_id=outcome.application_id,
                    event_id=outcome.event_id,
                    review_reason=outcome.review_reason,
                    effect=outcome.effect,
                    interview_id=outcome.interview_id,
                )
            self.uow.commit()
        return outcome

    def set_aside(self, mail: AnalysedMail, failure: Exception) -> Outcome | None:
        """Keep a message nextyes could not apply for `mail review`, with the reason; its
        unusable parts (a date past the calendar) are left out. None if even that fails."""
        why = f"{type(failure).__name__}: {failure}"[:300]
        reason = fill(_words()["set_aside"], why=why)
        try:
            with self.uow:
                self.uow.mail.add(
                    replace(mail, received_at=None), MailStatus.REVIEW, self.now,
                    review_reason=reason,
                )  # fmt: skip
                self.uow.commit()
        except NextyesError:
            raise
        except Exception:
            return None
        return Outcome(MailStatus.REVIEW, review_reason=reason)


def _words() -> dict[str, Any]:
    words: dict[str, Any] = load("mail/messages")["bands"]
    return words


def unsure_reason(mail: AnalysedMail) -> str:
    """Why a message waits for review: the two likeliest readings, in words."""
    labels = _words()["labels"]
    second = mail.runner_up or MailLabel.UNRELATED
    return fill(
        _words()["unsure"],
        first=labels[mail.label.value],
        second=labels[second.value],
        sure=f"{mail.confidence:.0%}",
    )


def _count(summary: ImportSummary, outcome: Outcome) -> None:
    if outcome.effect == "created":
        summary.created += 1
    elif outcome.effect == "moved":
        summary.stage_changes += 1
    elif outcome.effect == "rejected":
        summary.rejections += 1
    elif outcome.status is MailStatus.LINKED:
        summary.linked += 1
    elif outcome.status is MailStatus.NOTED:
        summary.noted += 1
    elif outcome.status is MailStatus.SKIPPED:
        summary.skipped += 1
    elif outcome.status is MailStatus.REVIEW:
        summary.review += 1
    elif outcome.status is MailStatus.IGNORED:
        summary.ignored += 1


def _chunks(items: Iterable[Analysed], size: int) -> Iterator[list[Analysed]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _run(
    uow: UnitOfWork,
    items: Iterable[Analysed],
    now: datetime,
    summary: ImportSummary,
    progress: Callable[[int, int], None] | None,
    on_batch: Callable[[UnitOfWork, list[Analysed]], None] | None = None,
    ties: SenderTies | None = None,
) -> None:
    importer = Importer(uow, now, ties)
    for chunk in _chunks(items, BATCH):
        with uow:
            readable = [item.mail for item in chunk if item.mail is not None]
            summary.read += len(chunk)
            summary.unreadable += len(chunk) - len(readable)
            known = uow.mail.known_keys([m.message_key for m in readable])
            seen: set[str] = set()
            skipped: list[AnalysedMail] = []
            for mail in readable:
                if mail.message_key in known or mail.message_key in seen:
                    summary.already_imported += 1
                    continue
                seen.add(mail.message_key)
                summary.labels[mail.label.value] += 1
                effective, rule = importer.effective(mail)
                if effective.band is Band.ASIDE and rule is None:
                    skipped.append(effective)  # the common case, stored in one statement
                    summary.skipped += 1
                    continue
                try:
                    outcome = importer.apply(mail)
                except NextyesError:
                    raise
                except Exception as exc:  # one bad message never blocks a mailbox
                    aside = importer.set_aside(mail, exc)
                    if aside is None:
                        summary.unreadable += 1
                        continue
                    outcome = aside
                _count(summary, outcome)
                if outcome.effect == "moved" and mail.label is MailLabel.INTERVIEW:
                    summary.invitations += 1
            uow.mail.add_skipped(skipped, now)
            if on_batch is not None:
                on_batch(uow, chunk)  # in the same transaction as the messages themselves
            uow.commit()
        if progress is not None:
            progress(len(chunk), sum(item.size for item in chunk))


def import_analysed(
    uow: UnitOfWork,
    items: Iterable[Analysed],
    now: datetime,
    *,
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    on_batch: Callable[[UnitOfWork, list[Analysed]], None] | None = None,
    ties: SenderTies | None = None,
) -> ImportSummary:
    """Apply analysed messages to the journal; with `dry_run` nothing is kept.

    `on_batch` runs inside each batch's transaction (an IMAP import records there how far it
    has read, so the position and the messages are kept or lost together). `ties` are the
    journal's sender ties read when the import began (services/mail/senders.py).
    """
    summary = ImportSummary(dry_run=dry_run)
    if dry_run:
        with uow:  # never committed: everything is rolled back at the end
            _run(uow, items, now, summary, progress, on_batch, ties)
            summary.waiting = waiting_for_review(uow)
    else:
        _run(uow, items, now, summary, progress, on_batch, ties)
        with uow:
            summary.waiting = waiting_for_review(uow)
    return summary


def waiting_for_review(uow: UnitOfWork) -> int:
    """How many messages wait in `mail review`, inside an open uow."""
    return uow.mail.count_by_status().get(MailStatus.REVIEW, 0)


def nothing_read(uow: UnitOfWork, *, dry_run: bool) -> ImportSummary:
    """The summary of an import that found no messages: still says what is waiting."""
    with uow:
        return ImportSummary(dry_run=dry_run, waiting=waiting_for_review(uow))
