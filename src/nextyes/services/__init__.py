"""nextyes.services."""
