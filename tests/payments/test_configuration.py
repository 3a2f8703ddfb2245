"""The simulator's signing key: per data directory like SECRET_KEY, and off without one."""

import pytest

from tests.payments.factories import order_awaiting_payment, post_webhook, signed_event
from tradebridge import config
from tradebridge.core.errors import DomainError
from tradebridge.payments import providers, services
from tradebridge.payments.models import WebhookEvent


def test_one_generated_key_per_data_directory(monkeypatch, tmp_path):
    monkeypatch.delenv("PAYMENT_SIMULATOR_SECRET", raising=False)
    first = config.payment_simulator_secret("demo", tmp_path)
    assert len(first) >= 40 and first == config.payment_simulator_secret("development", tmp_path)
    assert (tmp_path / "payment_simulator_secret").stat().st_mode & 0o777 == 0o600
    assert config.payment_simulator_secret("demo", tmp_path / "other") != first


def test_the_environment_wins_and_production_has_no_default(monkeypatch, tmp_path):
    monkeypatch.setenv("PAYMENT_SIMULATOR_SECRET", "from-the-environment")
    assert config.payment_simulator_secret("production", tmp_path) == "from-the-environment"
    monkeypatch.delenv("PAYMENT_SIMULATOR_SECRET")
    assert config.payment_simulator_secret("production", tmp_path) == ""
    assert not (tmp_path / "payment_simulator_secret").exists()


@pytest.mark.django_db
def test_without_a_key_the_simulator_is_off_and_trusts_nothing(buyer, supplier, settings, client):
    order = order_awaiting_payment(buyer, supplier)
    intent = services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    headers, body = signed_event(intent)
    settings.PAYMENT_SIMULATOR_SECRET = ""
    assert providers.available_methods() == []
    with pytest.raises(DomainError) as exc:
        services.start_payment(membership=buyer, order_id=order.pk, method="alipay")
    assert (exc.value.code, exc.value.field) == ("method_unavailable", "method")
    response = post_webhook(client, headers, body)
    assert response.status_code == 401 and response.json()["errors"][0]["code"] == "provider_not_configured"


@pytest.mark.django_db
def test_a_call_to_an_unknown_provider_is_logged(client):
    response = client.post("/api/v1/payments/webhooks/paypal", data=b"{}", content_type="application/json")
    assert response.status_code == 404
    row = WebhookEvent.objects.get()
    assert (row.provider, row.signature_valid, row.outcome, row.error_code) == (
        "paypal",
        False,
        "rejected",
        "provider_unknown",
    )
