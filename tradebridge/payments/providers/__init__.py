"""The registry of payment providers. To add one (Alipay, WeChat Pay, a bank), write a class that
satisfies `base.PaymentProvider` and list an instance in `_REGISTERED` before the simulator:
the first enabled provider offering a method serves it."""

from __future__ import annotations

from tradebridge.core.errors import DomainError, NotFound
from tradebridge.payments.providers.base import PaymentProvider, ProviderEvent, StartResult
from tradebridge.payments.providers.simulator import SimulatedGateway

__all__ = ["PaymentProvider", "ProviderEvent", "StartResult", "available_methods", "for_method", "get"]

_REGISTERED: tuple[PaymentProvider, ...] = (SimulatedGateway(),)


def get(name: str) -> PaymentProvider:
    for provider in _REGISTERED:
        if provider.name == name:
            return provider
    raise NotFound("provider_unknown", "There is no payment provider by that name.", "provider")


def for_method(method: str) -> PaymentProvider:
    for provider in _REGISTERED:
        if provider.enabled and method in provider.methods:
            return provider
    raise DomainError("method_unavailable", "This payment method is not available at the moment.", "method")


def available_methods() -> list[str]:
    """Methods some enabled provider offers, in a stable order."""
    seen: list[str] = []
    for provider in _REGISTERED:
        if provider.enabled:
            seen.extend(m for m in provider.methods if m not in seen)
    return seen
