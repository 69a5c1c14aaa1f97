"""nextyes.storage.migrations."""
