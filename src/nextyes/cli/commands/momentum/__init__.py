"""Keeping going: weekly goals, wins, care and mood, the why, the growth record."""
