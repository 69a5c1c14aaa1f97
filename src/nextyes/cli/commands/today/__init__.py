"""What is due: the agenda behind `nextyes today`, the dashboard and the calendar."""
