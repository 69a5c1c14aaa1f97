"""`python -m nextyes` runs the command line."""

from nextyes.cli.main import main

main()
