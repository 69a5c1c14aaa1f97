"""nextyes.cli.commands."""
