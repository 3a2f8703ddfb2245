"""Error messages in the user's language, looked up by error code.

Domain modules stay free of Django and speak English; each app registers translated messages
for its codes here, and the edges (forms, API) show the translated text.
"""

from __future__ import annotations

from django.utils.functional import Promise

from tradebridge.core.errors import FieldError

_catalog: dict[str, Promise | str] = {}


def register(messages: dict[str, Promise | str]) -> None:
    """Keys are `code` or `code:field` (the latter wins, for codes shared by several fields)."""
    _catalog.update(messages)


def localize(error: FieldError) -> str:
    message = _catalog.get(f"{error.code}:{error.field}") or _catalog.get(error.code)
    return str(message) if message is not None else error.message
