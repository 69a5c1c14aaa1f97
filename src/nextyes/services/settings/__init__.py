"""The user's preferences."""
