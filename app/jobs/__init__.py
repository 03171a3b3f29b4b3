"""Background jobs on huey: SQLite queue in data_dir by default, Redis when configured.

Jobs take ids, open their own session and are enqueued only after the commit
(``enqueue_after_commit``)."""
