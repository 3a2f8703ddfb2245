"""Outbound webhooks, the pure part: events, signatures, the retry schedule and URL safety.

A delivery's body is signed with HMAC-SHA256 over "<timestamp>.<body>" using the endpoint's
secret, sent as `TradeBridge-Signature: t=<unix seconds>,v1=<hex digest>` so a receiver can
refuse forgeries and replays older than a few minutes (see docs/webhooks.md).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
from urllib.parse import urlsplit

from tradebridge.core.errors import DomainError

EVENTS = (
    "order.placed",
    "order.confirmed",
    "order.rejected",
    "order.paid",
    "order.shipped",
    "order.delivered",
    "order.completed",
    "order.cancelled",
    "order.disputed",
    "order.dispute_resolved",
)

SIGNATURE_HEADER = "TradeBridge-Signature"
EVENT_HEADER = "TradeBridge-Event"
DELIVERY_HEADER = "TradeBridge-Delivery"
SIGNATURE_TOLERANCE_SECONDS = 300

MAX_ATTEMPTS = 8
BACKOFF_BASE_SECONDS = 30
BACKOFF_MAX_SECONDS = 6 * 3600
MAX_ENDPOINTS_PER_COMPANY = 10


def backoff_seconds(attempt: int) -> int:
    """Wait after failed attempt `attempt` (1-based): 30 s, 1 min, 2 min, … capped at 6 hours."""
    return min(BACKOFF_MAX_SECONDS, BACKOFF_BASE_SECONDS * 2 ** (attempt - 1))


def signature(secret: str, timestamp: int, body: bytes) -> str:
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, timestamp: int, body: bytes) -> str:
    return f"t={timestamp},v1={signature(secret, timestamp, body)}"


def verify(secret: str, header: str, body: bytes, *, now: int, tolerance: int = SIGNATURE_TOLERANCE_SECONDS) -> bool:
    """What a receiver does: the header's signature matches and its timestamp is recent."""
    parts = dict(item.split("=", 1) for item in header.split(",") if "=" in item)
    try:
        timestamp = int(parts.get("t", ""))
    except ValueError:
        return False
    if abs(now - timestamp) > tolerance:
        return False
    return hmac.compare_digest(parts.get("v1", ""), signature(secret, timestamp, body))


def check_url(url: str) -> str:
    """An endpoint URL must be http(s) with a host and no embedded credentials."""
    url = url.strip()
    if len(url) > 500:
        raise DomainError("webhook_url_too_long", "Keep the URL under 500 characters.", "url")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise DomainError("webhook_url_invalid", "Enter a full URL such as https://example.com/hooks.", "url") from None
    if parts.scheme not in ("http", "https"):
        raise DomainError("webhook_url_scheme", "Webhook URLs must start with https:// or http://.", "url")
    if not parts.hostname:
        raise DomainError("webhook_url_invalid", "Enter a full URL such as https://example.com/hooks.", "url")
    if parts.username or parts.password:
        raise DomainError("webhook_url_credentials", "Do not put a user name or password in the URL.", "url")
    if port == 0:
        raise DomainError("webhook_url_invalid", "Enter a full URL such as https://example.com/hooks.", "url")
    return url


def address_allowed(address: str, *, allow_private: bool) -> bool:
    """Public unicast addresses always; loopback and private networks only when allowed (tests,
    demo). Never the unspecified, multicast or reserved ranges."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    if ip.is_unspecified or ip.is_multicast or ip.is_reserved:
        return False
    if ip.is_global:
        return True
    return allow_private and (ip.is_loopback or ip.is_private or ip.is_link_local)


def host_allowed(host: str, *, allow_private: bool) -> bool:
    """A registration-time check of the URL's host: IP literals and localhost are judged now;
    other names are judged again on every delivery, when they are resolved."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return allow_private
    try:
        return address_allowed(host, allow_private=allow_private)
    except ValueError:
        return True  # a name; resolved and checked at delivery time
