"""The weekly review, built section by section."""
