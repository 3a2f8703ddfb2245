"""The one error shape every layer speaks: a stable code, the field at fault, and a message.

Pure Python, so domain modules raise these without knowing about HTTP or forms. The API turns
them into `{"errors": [{"code", "field", "message"}]}`; forms turn them into field errors.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class FieldError:
    code: str
    message: str
    field: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "field": self.field, "message": self.message}


class DomainError(Exception):
    """A rule refused the request. Carries one or more FieldErrors; HTTP status is a hint."""

    status = 400

    def __init__(self, code: str, message: str, field: str | None = None):
        super().__init__(message)
        self.errors: list[FieldError] = [FieldError(code, message, field)]

    @classmethod
    def many(cls, errors: Iterable[FieldError]) -> DomainError:
        errors = list(errors)
        first = errors[0]
        exc = cls(first.code, first.message, first.field)
        exc.errors = errors
        return exc

    @property
    def code(self) -> str:
        return self.errors[0].code

    @property
    def message(self) -> str:
        return self.errors[0].message

    @property
    def field(self) -> str | None:
        return self.errors[0].field


class Forbidden(DomainError):
    status = 403


class NotFound(DomainError):
    status = 404


class Conflict(DomainError):
    status = 409


class TooManyRequests(DomainError):
    status = 429
