"""nextyes.web."""
