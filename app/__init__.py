"""The aktindsigt service: API, caseworker UI, persistence, jobs and command line."""

__version__ = "0.1.0"
