"""Every top-level command: where it lives and its one-line help.

Commands load only when used, so `nextyes --help` and quick commands stay fast. The one-line
help here must match the first line of the command's own help (a test checks it).
"""

from __future__ import annotations

# name -> (module, attribute, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "add": ("nextyes.cli.commands.applications", "add", "Log a new application."),
    "list": ("nextyes.cli.commands.applications", "list_", "List applications, most recent first."),
    "show": ("nextyes.cli.commands.applications", "show", "Show one application and its timeline."),
    "move": ("nextyes.cli.commands.applications", "move", "Move an application to another stage."),
    "reject": ("nextyes.cli.commands.applications", "reject", "Record a rejection."),
    "note": ("nextyes.cli.commands.applications", "note", "Add a note to an application."),
    "today": ("nextyes.cli.commands.today", "today", "What needs your attention today."),
    "demo": ("nextyes.cli.commands.demo", "demo", "Fill this home with a realistic demo journal."),
    "settings": ("nextyes.cli.commands.settings", "settings", "Show or change your settings."),
    "db": ("nextyes.cli.commands.db", "db", "Database upkeep (PostgreSQL upgrades)."),
    "web": ("nextyes.cli.commands.web", "web", "Open the local web app on 127.0.0.1."),
    "mail": (
        "nextyes.cli.commands.mail",
        "mail",
        "Read job email from an mbox, a folder of .eml files or a Maildir.",
    ),
    "feedback": (
        "nextyes.cli.commands.feedback",
        "feedback",
        "Ask for feedback after a no, and keep what comes back.",
    ),
    "reply": ("nextyes.cli.commands.reply", "reply", "Draft a gracious reply to a no."),
    "reflect": (
        "nextyes.cli.commands.reflect",
        "reflect",
        "Reflect on a no: a few questions, a time box, then let it go.",
    ),
    "interview": (
        "nextyes.cli.commands.interview",
        "interview",
        "Record what happened in an interview.",
    ),
    "goal": ("nextyes.cli.commands.goals", "goal", "Weekly goals: progress, pace and streaks."),
    "win": ("nextyes.cli.commands.wins", "win", "Log a small win, or list them."),
    "care": ("nextyes.cli.commands.wellbeing", "care", "Log time for yourself, or see it lately."),
    "mood": ("nextyes.cli.commands.wellbeing", "mood", "Note your mood (1-5), or see it lately."),
    "why": ("nextyes.cli.commands.why", "why", "What the search is for, and a check now and then."),
    "contact": ("nextyes.cli.commands.contacts", "contact", "Your network and support circle."),
    "calendar": ("nextyes.cli.commands.calendar", "calendar", "Put what is due in your calendar."),
    "growth": ("nextyes.cli.commands.growth", "growth", "Each no, what it taught, what came next."),
    "insights": (
        "nextyes.cli.commands.insights",
        "insights",
        "Patterns across your search, with the numbers behind them.",
    ),
    "plan": (
        "nextyes.cli.commands.plan",
        "plan",
        "Your improvement plan, and the evidence you're getting better.",
    ),
    "practice": (
        "nextyes.cli.commands.practice",
        "practice",
        "Practise interview questions, weighted to your weak themes.",
    ),
    "story": (
        "nextyes.cli.commands.story",
        "story",
        "Your STAR stories, ready for interviews and tagged by theme.",
    ),
    "backup": (
        "nextyes.cli.commands.backup",
        "backup",
        "Take a consistent copy of your journal, even while it is in use.",
    ),
    "export": (
        "nextyes.cli.commands.export",
        "export",
        "Write your journal out: all of it as JSON, or applications as CSV.",
    ),
    "import": (
        "nextyes.cli.commands.imports",
        "import_",
        "Bring in a journal export (JSON) or applications from a spreadsheet (CSV).",
    ),
    "review": (
        "nextyes.cli.commands.review",
        "review",
        "Look back at a week: wins, noes and what they taught, next week's focus.",
    ),
    "restore": (
        "nextyes.cli.commands.backup",
        "restore",
        "Put a backup back in place of your journal.",
    ),
}
