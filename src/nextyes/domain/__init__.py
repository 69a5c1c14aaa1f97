"""nextyes.domain."""
