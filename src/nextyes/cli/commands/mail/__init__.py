"""Job email: read a mailbox, classify, update the journal, and the review queue."""
