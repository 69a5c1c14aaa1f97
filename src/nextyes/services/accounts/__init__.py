"""Team mode's accounts: passwords, sessions, API tokens, one-time links, two-step sign-in.

Every function takes a unit of work and plain values (`now` included). Secrets are made here,
handed to the caller once, and stored only as digests.
"""
