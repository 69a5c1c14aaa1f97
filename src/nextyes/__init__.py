"""nextyes: a job-search journal that turns every rejection into a plan for the next yes."""

__version__ = "0.1.0"
