"""Project-wide plumbing: the error shape, request limits, health check, layout, home page."""
