"""nextyes.cli."""
