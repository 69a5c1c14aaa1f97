"""The project's own labelled job-email corpus, composed from hand-written fragments."""
