"""Team mode's coaching: a seeker shares parts of their journal with a coach, by consent.

- `policy`: the one place that decides what a viewer may read of another person's journal
  (viewer, owner, scope), and that writes every such read to the owner's audit log;
- `sharing`: invitations, accepting one, scopes, revoking, the log and the preview;
- `client_view`: what a coach reads of a client, section by section (one per scope);
- `caseload`: who needs a check-in and why, across all of a coach's clients;
- `conversation`: comments and suggestions between coach and seeker; `notes`: the coach's own.
"""
