"""A realistic demo journal, built through the same services a user's commands call."""
