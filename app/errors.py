"""Domain errors that carry their HTTP status; services raise them, handlers map them."""

from __future__ import annotations


class AppError(Exception):
    """Base of every error a client may see; ``detail`` is safe to show (often Danish)."""

    status_code = 400

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


class BadRequest(AppError):
    status_code = 400


class NotAuthenticated(AppError):
    status_code = 401

    def __init__(self, detail: str = "Login eller API-nøgle mangler eller er ugyldig") -> None:
        super().__init__(detail)


class Forbidden(AppError):
    status_code = 403

    def __init__(self, detail: str = "Din rolle giver ikke adgang til dette") -> None:
        super().__init__(detail)


class NotFound(AppError):
    status_code = 404


class Conflict(AppError):
    status_code = 409


class PayloadTooLarge(AppError):
    status_code = 413


class UnsupportedMediaType(AppError):
    status_code = 415


class Unprocessable(AppError):
    status_code = 422

    def __init__(self, detail: str, errors: list[dict[str, object]] | None = None) -> None:
        super().__init__(detail)
        self.errors = errors or []
