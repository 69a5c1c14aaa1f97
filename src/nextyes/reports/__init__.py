"""nextyes.reports."""
