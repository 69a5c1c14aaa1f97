"""The unit of work: one transaction over the journal, with a repository per aggregate.

    with journal.uow() as uow:
        ...
        uow.commit()

Leaving the block without commit() rolls everything back, so a failure half-way never
half-writes the journal. Blocks nest: an inner block is a savepoint, so a service can run inside
a larger transaction (a demo fill, an import) and still undo just its own work on failure; only
the outermost commit() makes anything permanent.
"""

from __future__ import annotations

import importlib
from types import TracebackType
from typing import TYPE_CHECKING, Any

from nextyes.storage.db import Database

if TYPE_CHECKING:
    from nextyes.storage.repositories.accounts import (
        ApiTokenRepository,
        AuthSessionRepository,
        CalendarFeedRepository,
        LinkRepository,
        RecoveryCodeRepository,
        ReminderRepository,
        ThrottleRepository,
        UserRepository,
    )
    from nextyes.storage.repositories.applications import ApplicationRepository
    from nextyes.storage.repositories.caseload import CaseloadRepository, ClientRowsRepository
    from nextyes.storage.repositories.coaching import (
        CoachCommentRepository,
        CoachInvitationRepository,
        CoachNoteRepository,
        CoachReadRepository,
        CoachShareRepository,
        CoachSuggestionRepository,
    )
    from nextyes.storage.repositories.coaching_records import CoachingRecords
    from nextyes.storage.repositories.cohort import CohortRepository
    from nextyes.storage.repositories.contacts import ContactRepository
    from nextyes.storage.repositories.events import StageEventRepository
    from nextyes.storage.repositories.feedback import FeedbackRepository
    from nextyes.storage.repositories.goals import GoalRepository
    from nextyes.storage.repositories.insights import InsightsRepository
    from nextyes.storage.repositories.interviews import InterviewRepository, QuestionRepository
    from nextyes.storage.repositories.jobs import ImapConnectionRepository, JobRepository
    from nextyes.storage.repositories.journal_rows import JournalRows
    from nextyes.storage.repositories.mail import (
        MailRepository,
        MailSourceRepository,
        SenderRuleRepository,
    )
    from nextyes.storage.repositories.mail_undo import MailUndoRepository
    from nextyes.storage.repositories.merging import MergeRepository
    from nextyes.storage.repositories.momentum import MomentumRepository
    from nextyes.storage.repositories.notes import NoteRepository
    from nextyes.storage.repositories.offers import OfferRepository
    from nextyes.storage.repositories.organisations import OrganisationRepository
    from nextyes.storage.repositories.plans import PlanRepository
    from nextyes.storage.repositories.postings import PostingRepository
    from nextyes.storage.repositories.practice import PracticeRepository
    from nextyes.storage.repositories.recovery import (
        CoolDownRepository,
        DraftRepository,
        FeedbackRequestRepository,
        RecoveryProgressRepository,
        ReflectionRepository,
    )
    from nextyes.storage.repositories.settings import SettingsRepository
    from nextyes.storage.repositories.state import JournalStateRepository
    from nextyes.storage.repositories.stories import StoryRepository
    from nextyes.storage.repositories.wellbeing import CareRepository, MoodRepository, WhyRepository
    from nextyes.storage.repositories.wins import WinRepository

# attribute -> (module under nextyes.storage.repositories, class). Repositories are imported
# on first use, so a quick command pays only for the ones it touches.
REPOSITORIES: dict[str, tuple[str, str]] = {
    "applications": ("applications", "ApplicationRepository"),
    "events": ("events", "StageEventRepository"),
    "interviews": ("interviews", "InterviewRepository"),
    "questions": ("interviews", "QuestionRepository"),
    "notes": ("notes", "NoteRepository"),
    "contacts": ("contacts", "ContactRepository"),
    "settings": ("settings", "SettingsRepository"),
    "feedback": ("feedback", "FeedbackRepository"),
    "state": ("state", "JournalStateRepository"),
    "mail": ("mail", "MailRepository"),
    "sender_rules": ("mail", "SenderRuleRepository"),
    "mail_sources": ("mail", "MailSourceRepository"),
    "mail_undo": ("mail_undo", "MailUndoRepository"),
    "cool_downs": ("recovery", "CoolDownRepository"),
    "feedback_requests": ("recovery", "FeedbackRequestRepository"),
    "drafts": ("recovery", "DraftRepository"),
    "reflections": ("recovery", "ReflectionRepository"),
    "moods": ("wellbeing", "MoodRepository"),
    "recovery_progress": ("recovery", "RecoveryProgressRepository"),
    "goals": ("goals", "GoalRepository"),
    "wins": ("wins", "WinRepository"),
    "care": ("wellbeing", "CareRepository"),
    "whys": ("wellbeing", "WhyRepository"),
    "momentum": ("momentum", "MomentumRepository"),
    "insights": ("insights", "InsightsRepository"),
    "plans": ("plans", "PlanRepository"),
    "practice": ("practice", "PracticeRepository"),
    "stories": ("stories", "StoryRepository"),
    "journal_rows": ("journal_rows", "JournalRows"),
    "offers": ("offers", "OfferRepository"),
    "postings": ("postings", "PostingRepository"),
    "merging": ("merging", "MergeRepository"),
    # team mode's accounts: not scoped by the owner (they decide who the owner is)
    "users": ("accounts", "UserRepository"),
    "auth_sessions": ("accounts", "AuthSessionRepository"),
    "api_tokens": ("accounts", "ApiTokenRepository"),
    "links": ("accounts", "LinkRepository"),
    "recovery_codes": ("accounts", "RecoveryCodeRepository"),
    "throttle": ("accounts", "ThrottleRepository"),
    "calendar_feeds": ("accounts", "CalendarFeedRepository"),
    "reminders": ("accounts", "ReminderRepository"),
    # team mode's coaching and organisations: each method names the accounts it is about
    "coach_shares": ("coaching", "CoachShareRepository"),
    "coach_invitations": ("coaching", "CoachInvitationRepository"),
    "coach_reads": ("coaching", "CoachReadRepository"),
    "coach_comments": ("coaching", "CoachCommentRepository"),
    "coach_suggestions": ("coaching", "CoachSuggestionRepository"),
    "coach_notes": ("coaching", "CoachNoteRepository"),
    "caseload": ("caseload", "CaseloadRepository"),
    "client_rows": ("caseload", "ClientRowsRepository"),
    "organisations": ("organisations", "OrganisationRepository"),
    "cohort": ("cohort", "CohortRepository"),
    "coaching_records": ("coaching_records", "CoachingRecords"),
    # work outside requests, claimed by any worker; each person's IMAP connection
    "jobs": ("jobs", "JobRepository"),
    "imap_connections": ("jobs", "ImapConnectionRepository"),
}


class UnitOfWork:
    def __init__(self, db: Database, owner_id: int) -> None:
        self.db = db
        self.owner_id = owner_id
        self._depth = 0

    applications: ApplicationRepository
    events: StageEventRepository
    interviews: InterviewRepository
    questions: QuestionRepository
    notes: NoteRepository
    contacts: ContactRepository
    settings: SettingsRepository
    feedback: FeedbackRepository
    state: JournalStateRepository
    mail: MailRepository
    sender_rules: SenderRuleRepository
    mail_sources: MailSourceRepository
    mail_undo: MailUndoRepository
    cool_downs: CoolDownRepository
    feedback_requests: FeedbackRequestRepository
    drafts: DraftRepository
    reflections: ReflectionRepository
    moods: MoodRepository
    recovery_progress: RecoveryProgressRepository
    goals: GoalRepository
    wins: WinRepository
    care: CareRepository
    whys: WhyRepository
    momentum: MomentumRepository
    insights: InsightsRepository
    plans: PlanRepository
    practice: PracticeRepository
    stories: StoryRepository
    journal_rows: JournalRows
    offers: OfferRepository
    postings: PostingRepository
    merging: MergeRepository
    users: UserRepository
    auth_sessions: AuthSessionRepository
    api_tokens: ApiTokenRepository
    links: LinkRepository
    recovery_codes: RecoveryCodeRepository
    throttle: ThrottleRepository
    calendar_feeds: CalendarFeedRepository
    reminders: ReminderRepository
    coach_shares: CoachShareRepository
    coach_invitations: CoachInvitationRepository
    coach_reads: CoachReadRepository
    coach_comments: CoachCommentRepository
    coach_suggestions: CoachSuggestionRepository
    coach_notes: CoachNoteRepository
    caseload: CaseloadRepository
    client_rows: ClientRowsRepository
    organisations: OrganisationRepository
    cohort: CohortRepository
    coaching_records: CoachingRecords
    jobs: JobRepository
    imap_connections: ImapConnectionRepository

    def __getattr__(self, name: str) -> Any:
        if name not in REPOSITORIES:
            raise AttributeError(name)
        module_name, class_name = REPOSITORIES[name]
        module = importlib.import_module(f"nextyes.storage.repositories.{module_name}")
        repository = getattr(module, class_name)(self.db, self.owner_id)
        setattr(self, name, repository)
        return repository

    @property
    def depth(self) -> int:
        return self._depth

    def __enter__(self) -> UnitOfWork:
        if self._depth == 0:
            self.db.begin()
        else:
            self.db.execute(f"SAVEPOINT uow_{self._depth}")
        self._depth += 1
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        # Whatever was not committed is undone; after a commit() this undoes nothing.
        self._depth -= 1
        if self._depth == 0:
            self.db.rollback()
        else:
            name = f"uow_{self._depth}"
            self.db.execute(f"ROLLBACK TO SAVEPOINT {name}")
            self.db.execute(f"RELEASE SAVEPOINT {name}")

    def commit(self) -> None:
        """Keep everything done so far in this block; the block stays open for more."""
        if self._depth == 0:
            raise RuntimeError("commit() outside a `with uow:` block")
        if self._depth == 1:
            self.db.commit()
            self.db.begin()
        else:
            name = f"uow_{self._depth - 1}"
            self.db.execute(f"RELEASE SAVEPOINT {name}")
            self.db.execute(f"SAVEPOINT {name}")
