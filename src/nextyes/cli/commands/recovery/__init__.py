"""After a no: the cool-down, the feedback request, the gracious reply, the reflection."""
