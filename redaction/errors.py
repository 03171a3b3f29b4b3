"""Errors for input the library refuses. Messages are Danish: clerks read them."""

from __future__ import annotations


class RedactionError(Exception):
    """A document cannot be processed; the message says why in plain Danish."""

    def __init__(self, message: str, *, filename: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.filename = filename

    def __str__(self) -> str:
        return f"{self.filename}: {self.message}" if self.filename else self.message


class NotAPdfError(RedactionError):
    """The content is not a PDF, whatever the file name says."""


class EncryptedPdfError(RedactionError):
    """The PDF is password protected."""


class CorruptPdfError(RedactionError):
    """The PDF cannot be parsed or has no pages."""


class TooLargeError(RedactionError):
    """The file or one of its pages exceeds a configured limit."""
