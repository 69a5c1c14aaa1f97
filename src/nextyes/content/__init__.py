"""nextyes.content."""
