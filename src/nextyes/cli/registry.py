"""Every top-level command: where it lives and its one-line help.

Commands load only when used, so `nextyes --help` and quick commands stay fast. The one-line
help here must match the first line of the command's own help (a test checks it).
"""

from __future__ import annotations

# name -> (module, attribute, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "add": ("nextyes.cli.commands.pipeline.applications", "add", "Log a new application."),
    "list": (
        "nextyes.cli.commands.pipeline.listing",
        "list_",
        "List applications, most recent first.",
    ),
    "show": (
        "nextyes.cli.commands.pipeline.applications",
        "show",
        "Show one application and its timeline.",
    ),
    "move": (
        "nextyes.cli.commands.pipeline.applications",
        "move",
        "Move an application to another stage.",
    ),
    "reject": ("nextyes.cli.commands.pipeline.applications", "reject", "Record a rejection."),
    "note": ("nextyes.cli.commands.pipeline.applications", "note", "Add a note to an application."),
    "edit": ("nextyes.cli.commands.pipeline.editing", "edit", "Change an application's details."),
    "delete": (
        "nextyes.cli.commands.pipeline.editing",
        "delete",
        "Remove an application logged by mistake, with everything recorded about it.",
    ),
    "merge": (
        "nextyes.cli.commands.pipeline.editing",
        "merge",
        "Merge two applications for the same job into one, keeping both histories.",
    ),
    "offer": (
        "nextyes.cli.commands.pipeline.offers",
        "offer",
        "Record an offer, then accept or decline it.",
    ),
    "offers": (
        "nextyes.cli.commands.pipeline.offers",
        "offers",
        "Compare your open offers side by side.",
    ),
    "today": ("nextyes.cli.commands.today.today", "today", "What needs your attention today."),
    "demo": ("nextyes.cli.commands.demo", "demo", "Fill this home with a realistic demo journal."),
    "settings": ("nextyes.cli.commands.settings", "settings", "Show or change your settings."),
    "db": ("nextyes.cli.commands.db", "db", "Database upkeep (PostgreSQL upgrades)."),
    "web": ("nextyes.cli.commands.web", "web", "Open the local web app on 127.0.0.1."),
    "serve": (
        "nextyes.cli.commands.serve",
        "serve",
        "Serve nextyes for many people: accounts, each with their own journal.",
    ),
    "admin": (
        "nextyes.cli.commands.admin",
        "admin",
        "Team-mode accounts and organisations, from the server.",
    ),
    "mail": (
        "nextyes.cli.commands.mail.group",
        "mail",
        "Read job email from an mbox, a folder of .eml files or a Maildir.",
    ),
    "feedback": (
        "nextyes.cli.commands.recovery.feedback",
        "feedback",
        "Ask for feedback after a no, and keep what comes back.",
    ),
    "reply": ("nextyes.cli.commands.recovery.reply", "reply", "Draft a gracious reply to a no."),
    "reflect": (
        "nextyes.cli.commands.recovery.reflect",
        "reflect",
        "Reflect on a no: a few questions, a time box, then let it go.",
    ),
    "reflection": (
        "nextyes.cli.commands.recovery.reflect",
        "reflection",
        "Your reflections after a no: remove one.",
    ),
    "interview": (
        "nextyes.cli.commands.pipeline.interview",
        "interview",
        "Record what happened in an interview.",
    ),
    "goal": (
        "nextyes.cli.commands.momentum.goals",
        "goal",
        "Weekly goals: progress, pace and streaks.",
    ),
    "win": ("nextyes.cli.commands.momentum.wins", "win", "Log a small win, or list them."),
    "care": (
        "nextyes.cli.commands.momentum.wellbeing",
        "care",
        "Log time for yourself, or see it lately.",
    ),
    "mood": (
        "nextyes.cli.commands.momentum.wellbeing",
        "mood",
        "Note your mood (1-5), or see it lately.",
    ),
    "why": (
        "nextyes.cli.commands.momentum.why",
        "why",
        "What the search is for, and a check now and then.",
    ),
    "contact": (
        "nextyes.cli.commands.people.contacts",
        "contact",
        "Your network and support circle.",
    ),
    "calendar": (
        "nextyes.cli.commands.today.calendar",
        "calendar",
        "Put what is due in your calendar.",
    ),
    "growth": (
        "nextyes.cli.commands.momentum.growth",
        "growth",
        "Each no, what it taught, what came next.",
    ),
    "insights": (
        "nextyes.cli.commands.learning.insights",
        "insights",
        "Patterns across your search, with the numbers behind them.",
    ),
    "plan": (
        "nextyes.cli.commands.learning.plan",
        "plan",
        "Your improvement plan, and the evidence you're getting better.",
    ),
    "practice": (
        "nextyes.cli.commands.learning.practice",
        "practice",
        "Practise interview questions, weighted to your weak themes.",
    ),
    "story": (
        "nextyes.cli.commands.learning.story",
        "story",
        "Your STAR stories, ready for interviews and tagged by theme.",
    ),
    "backup": (
        "nextyes.cli.commands.portability.backup",
        "backup",
        "Take a consistent copy of your journal, even while it is in use.",
    ),
    "export": (
        "nextyes.cli.commands.portability.export",
        "export",
        "Write your journal out: all of it as JSON, or applications as CSV.",
    ),
    "import": (
        "nextyes.cli.commands.portability.imports",
        "import_",
        "Bring in a journal export (JSON) or applications from a spreadsheet (CSV).",
    ),
    "review": (
        "nextyes.cli.commands.review.review",
        "review",
        "Look back at a week: wins, noes and what they taught, next week's focus.",
    ),
    "restore": (
        "nextyes.cli.commands.portability.backup",
        "restore",
        "Put a backup back in place of your journal.",
    ),
}
