"""Pages of the child_voice app."""
