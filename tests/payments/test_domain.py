"""The pure payment rules: the event-ordering table, the amount check and the signature."""

from decimal import Decimal

import pytest

from tradebridge.core.errors import DomainError
from tradebridge.payments import domain
from tradebridge.payments.domain import Effect, EventKind, IntentStatus
from tradebridge.pricing.money import Money

SECRET = "s3cr3t-for-tests"
NOW = 1_800_000_000


def test_every_status_and_event_pair_has_an_effect():
    assert set(domain.EFFECTS) == {(s, k) for s in IntentStatus for k in EventKind}


def test_a_capture_wins_over_a_failure_either_way_round():
    assert domain.effect_of(status="failed", kind="payment.captured") is Effect.CAPTURE
    assert domain.effect_of(status="captured", kind="payment.failed") is Effect.NOTHING
    assert domain.effect_of(status="captured", kind="payment.captured") is Effect.NOTHING
    assert domain.effect_of(status="pending", kind="payment.failed") is Effect.FAIL


def test_amount_and_currency_must_match_exactly():
    expected = Money(Decimal("100.00"), "CNY")
    domain.check_amount(expected=expected, received=Money(Decimal("100"), "CNY"))
    with pytest.raises(DomainError) as short:
        domain.check_amount(expected=expected, received=Money(Decimal("99.99"), "CNY"))
    assert (short.value.code, short.value.field, short.value.status) == ("amount_mismatch", "amount", 409)
    with pytest.raises(DomainError) as other:
        domain.check_amount(expected=expected, received=Money(Decimal("100.00"), "GBP"))
    assert other.value.code == "currency_mismatch"


def test_unknown_method_is_a_field_error():
    assert domain.parse_method("alipay") is domain.Method.ALIPAY
    with pytest.raises(DomainError) as exc:
        domain.parse_method("paypal")
    assert (exc.value.code, exc.value.field) == ("method_invalid", "method")


def _verify(**overrides):
    body = overrides.pop("body", b'{"a":1}')
    signature = domain.sign(secret=SECRET, timestamp=NOW, event_id="evt_1", body=b'{"a":1}')
    args = {"secret": SECRET, "timestamp": str(NOW), "event_id": "evt_1", "signature": signature, "now": NOW}
    args.update(overrides)
    return domain.verify_signature(body=body, **args)


def test_a_correct_signature_verifies():
    assert _verify() == NOW
    assert _verify(now=NOW + domain.SIGNATURE_TOLERANCE_SECONDS) == NOW


@pytest.mark.parametrize(
    ("overrides", "code", "status"),
    [
        ({"body": b'{"a":2}'}, "signature_invalid", 401),
        ({"event_id": "evt_2"}, "signature_invalid", 401),
        ({"timestamp": str(NOW + 1)}, "signature_invalid", 401),
        ({"secret": "another-key"}, "signature_invalid", 401),
        ({"signature": ""}, "signature_missing", 401),
        ({"secret": ""}, "provider_not_configured", 401),
        ({"timestamp": "yesterday"}, "timestamp_invalid", 400),
        ({"timestamp": "\u00b2"}, "timestamp_invalid", 400),  # a digit to isdigit(), not to int()
        ({"signature": "v1=\u00e9"}, "signature_invalid", 401),
        ({"signature": "v1=\u00e9, v1=abc"}, "signature_invalid", 401),
        ({"now": NOW + domain.SIGNATURE_TOLERANCE_SECONDS + 1}, "timestamp_out_of_window", 400),
        ({"now": NOW - domain.SIGNATURE_TOLERANCE_SECONDS - 1}, "timestamp_out_of_window", 400),
    ],
)
def test_tampered_stale_or_unsigned_deliveries_are_rejected(overrides, code, status):
    with pytest.raises(domain.WebhookRejected) as exc:
        _verify(**overrides)
    assert (exc.value.code, exc.value.status) == (code, status)


def test_signature_is_hmac_sha256_over_timestamp_event_id_and_body():
    import hashlib
    import hmac

    expected = hmac.new(SECRET.encode(), f"{NOW}.evt_1.".encode() + b"{}", hashlib.sha256).hexdigest()
    assert domain.sign(secret=SECRET, timestamp=NOW, event_id="evt_1", body=b"{}") == f"v1={expected}"
