"""Work outside requests, held in the database so any worker on any machine can run it."""
