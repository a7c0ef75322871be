"""Pages of the feedback app."""
