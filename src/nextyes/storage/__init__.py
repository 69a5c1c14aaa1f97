"""nextyes.storage."""
