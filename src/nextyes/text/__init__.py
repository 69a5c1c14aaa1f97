"""nextyes.text."""
