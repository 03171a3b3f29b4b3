"""Business logic: one module per domain noun; no HTTP, no commits (the caller commits)."""
