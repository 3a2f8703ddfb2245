"""Form helpers shared by every app: turning a DomainError into field errors."""

from __future__ import annotations

from django import forms

from tradebridge.core.errors import DomainError
from tradebridge.core.messages import localize


def add_domain_errors(form: forms.Form, exc: DomainError) -> None:
    """Attach each error to its field when the form has it, else to the form as a whole."""
    for error in exc.errors:
        field = error.field if error.field in form.fields else None
        form.add_error(field, localize(error))
