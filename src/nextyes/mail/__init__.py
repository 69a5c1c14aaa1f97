"""nextyes.mail."""
