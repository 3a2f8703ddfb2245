"""Sign-in lockout and token rules, without a database."""

from datetime import UTC, datetime, timedelta

from tradebridge.accounts.domain import TOKEN_PREFIX, lockout, new_token, token_digest

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
WINDOW = timedelta(minutes=15)


def test_below_the_limit_is_open():
    failures = [NOW - timedelta(minutes=m) for m in range(4)]
    assert lockout(failures, now=NOW, max_failures=5, window=WINDOW).locked is False


def test_at_the_limit_locks_until_the_oldest_counted_failure_ages_out():
    failures = [NOW - timedelta(minutes=m) for m in (1, 2, 3, 4, 10)]
    state = lockout(failures, now=NOW, max_failures=5, window=WINDOW)
    assert state.locked is True
    assert state.retry_after == timedelta(minutes=5)


def test_old_failures_do_not_count():
    failures = [NOW - timedelta(minutes=m) for m in (1, 2, 16, 20, 30)]
    assert lockout(failures, now=NOW, max_failures=5, window=WINDOW).locked is False


def test_tokens_are_unique_prefixed_and_only_the_digest_identifies_them():
    a, b = new_token(), new_token()
    assert a.secret != b.secret
    assert a.secret.startswith(TOKEN_PREFIX)
    assert a.secret.startswith(a.prefix)
    assert a.digest == token_digest(a.secret) != token_digest(b.secret)
    assert a.secret not in a.digest
