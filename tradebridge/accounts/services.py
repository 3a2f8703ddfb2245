"""Writes for people: throttled sign-in and API token lifecycle. One transaction each."""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import authenticate
from django.db import transaction
from django.utils import timezone

from tradebridge.accounts import domain
from tradebridge.accounts.models import ApiToken, LoginAttempt, User
from tradebridge.companies.models import Company, Membership
from tradebridge.core.errors import DomainError, NotFound, TooManyRequests
from tradebridge.core.queries import Columns, select

TOKEN_TOUCH_INTERVAL = timedelta(minutes=1)


def _lockout(email: str, now) -> domain.Lockout:
    window = timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    failures = list(
        LoginAttempt.objects.filter(email=email, attempted_at__gt=now - window).values_list("attempted_at", flat=True)
    )
    return domain.lockout(failures, now=now, max_failures=settings.LOGIN_MAX_FAILURES, window=window)


def sign_in(*, request, email: str, password: str, ip_address: str | None) -> User:
    """Check the password unless the address is locked out; record each failure.

    Throttling is per email address, so a guesser cannot try many passwords on one account
    even from many addresses."""
    email = (email or "").strip().lower()
    now = timezone.now()
    state = _lockout(email, now)
    if state.locked:
        minutes = max(1, round(state.retry_after.total_seconds() / 60))
        raise TooManyRequests("login_locked", f"Too many failed sign-ins. Try again in {minutes} minute(s).", None)
    user = authenticate(request, username=email, password=password)
    if user is None:
        with transaction.atomic():
            LoginAttempt.objects.create(email=email, ip_address=ip_address, attempted_at=now)
        raise DomainError("invalid_credentials", "The email or password is not right.", None)
    with transaction.atomic():
        LoginAttempt.objects.filter(email=email).delete()
    return user


@transaction.atomic
def create_api_token(*, membership: Membership, name: str) -> tuple[ApiToken, str]:
    name = (name or "").strip()
    if not name:
        raise DomainError("required", "Give the token a name.", "name")
    if len(name) > 100:
        raise DomainError("too_long", "Keep the name under 100 characters.", "name")
    token = domain.new_token()
    row = ApiToken.objects.create(
        user=membership.user,
        company=membership.company,
        name=name,
        prefix=token.prefix,
        digest=token.digest,
    )
    return row, token.secret


@transaction.atomic
def revoke_api_token(*, user: User, token_id: int) -> ApiToken:
    # Scoped to the owner: someone else's token id is simply not found.
    token = ApiToken.objects.select_for_update().filter(user=user, pk=token_id).first()
    if token is None:
        raise NotFound("not_found", "No such token.", "token")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


_TOKENS, _USERS = Columns(ApiToken, "t"), Columns(User, "u")
_COMPANIES, _MEMBERSHIPS = Columns(Company, "c"), Columns(Membership, "m")


def membership_for_token(secret: str) -> Membership | None:
    """The membership a bearer token acts as, or None if the token is unknown, revoked, or its
    user has since left the company or been deactivated."""
    if not secret or not secret.startswith(domain.TOKEN_PREFIX):
        return None
    # One hand-written query for the token, its user, its company and the user's membership of
    # that company: it runs on every API request (see core.queries.Columns).
    found = select(
        (_TOKENS, _USERS, _COMPANIES, _MEMBERSHIPS),
        f"FROM {_TOKENS.table} JOIN {_USERS.table} ON u.id = t.user_id"
        f" JOIN {_COMPANIES.table} ON c.id = t.company_id"
        f" JOIN {_MEMBERSHIPS.table} ON m.company_id = t.company_id AND m.user_id = t.user_id"
        " WHERE t.digest = %s AND t.revoked_at IS NULL AND u.is_active = %s",
        [domain.token_digest(secret), True],
    )
    if not found:
        return None
    [(token, user, company, membership)] = found
    membership.user, membership.company = user, company
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > TOKEN_TOUCH_INTERVAL:
        # Throttled so a busy integration does not turn every read into a write.
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return membership
