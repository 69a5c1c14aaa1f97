"""Team mode's web edge: `nextyes serve`, many people, each signed in to their own journal.

The local app (`nextyes web`) is untouched by this package: it keeps its own guard and its one
implicit owner. Here `guard.TeamGuard` decides who a request is from, once, and hands the
routes a WebState scoped to that person (`deps.web_state` picks it up), so every route written
for the local app serves the signed-in person's journal and nobody else's.
"""
