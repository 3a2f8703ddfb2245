"""Pure rules for sign-in: when repeated failures lock an address, and API token format."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

TOKEN_PREFIX = "tb_"


@dataclass(frozen=True)
class Lockout:
    locked: bool
    retry_after: timedelta = timedelta(0)


def lockout(failures: list[datetime], *, now: datetime, max_failures: int, window: timedelta) -> Lockout:
    """Locked once `max_failures` failures fall inside the window; open again when the oldest
    of those ages out. A sliding window, so a patient guesser gets max_failures per window."""
    recent = sorted(t for t in failures if now - t < window)
    if len(recent) < max_failures:
        return Lockout(False)
    unlocks_at = recent[-max_failures] + window
    return Lockout(True, max(unlocks_at - now, timedelta(seconds=1)))


@dataclass(frozen=True)
class NewToken:
    secret: str
    prefix: str
    digest: str


def new_token() -> NewToken:
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    return NewToken(secret=secret, prefix=secret[: len(TOKEN_PREFIX) + 6], digest=token_digest(secret))


def token_digest(secret: str) -> str:
    # A fast hash is right here: the secret is 256 random bits, so nothing is gained by a slow KDF.
    return hashlib.sha256(secret.encode()).hexdigest()
