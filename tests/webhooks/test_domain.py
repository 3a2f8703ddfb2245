"""Signatures, the retry schedule and URL safety, without a database."""

import time

import pytest

from tradebridge.core.errors import DomainError
from tradebridge.webhooks import domain


def test_a_signature_verifies_and_a_tampered_body_does_not():
    now = int(time.time())
    header = domain.signature_header("whsec_test", now, b'{"event":"order.paid"}')
    assert domain.verify("whsec_test", header, b'{"event":"order.paid"}', now=now)
    assert not domain.verify("whsec_test", header, b'{"event":"order.paid "}', now=now)
    assert not domain.verify("whsec_other", header, b'{"event":"order.paid"}', now=now)


def test_an_old_signature_is_a_replay():
    then = 1_700_000_000
    header = domain.signature_header("s", then, b"{}")
    assert domain.verify("s", header, b"{}", now=then + 299)
    assert not domain.verify("s", header, b"{}", now=then + 301)
    assert not domain.verify("s", "t=soon,v1=abc", b"{}", now=then)


def test_backoff_doubles_and_is_capped():
    assert [domain.backoff_seconds(n) for n in range(1, 6)] == [30, 60, 120, 240, 480]
    assert domain.backoff_seconds(40) == domain.BACKOFF_MAX_SECONDS


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("ftp://example.com/hooks", "webhook_url_scheme"),
        ("file:///etc/passwd", "webhook_url_scheme"),
        ("javascript:alert(1)", "webhook_url_scheme"),
        ("https://", "webhook_url_invalid"),
        ("https://user:pw@example.com/", "webhook_url_credentials"),
        ("https://example.com:99999/", "webhook_url_invalid"),
        ("https://example.com/" + "a" * 500, "webhook_url_too_long"),
    ],
)
def test_bad_urls_are_refused(url, code):
    with pytest.raises(DomainError) as caught:
        domain.check_url(url)
    assert (caught.value.code, caught.value.field) == (code, "url")


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("93.184.216.34", True),
        ("2606:4700::6810:84e5", True),
        ("127.0.0.1", False),
        ("10.1.2.3", False),
        ("172.16.0.1", False),
        ("192.168.1.1", False),
        ("169.254.169.254", False),  # cloud metadata
        ("::1", False),
        ("::ffff:127.0.0.1", False),
        ("fd00::1", False),
        ("0.0.0.0", False),
        ("224.0.0.1", False),
    ],
)
def test_only_public_addresses_are_allowed_in_production(address, public):
    assert domain.address_allowed(address, allow_private=False) is public


def test_loopback_is_allowed_when_the_setting_says_so_but_never_unspecified():
    assert domain.address_allowed("127.0.0.1", allow_private=True)
    assert not domain.address_allowed("0.0.0.0", allow_private=True)
    assert not domain.host_allowed("localhost", allow_private=False)
    assert domain.host_allowed("hooks.example.com", allow_private=False)  # checked again on delivery
