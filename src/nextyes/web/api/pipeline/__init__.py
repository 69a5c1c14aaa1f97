"""Applications and their way through the pipeline: log, move, edit, the board."""
