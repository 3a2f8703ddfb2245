"""Every page with an id in its path answers an id no database key can hold without a server
error, whoever asks: Django's int converter takes any number of digits."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from tests import factories

pytestmark = pytest.mark.django_db

HUGE = str(2**64)


def _paths(patterns, prefix=""):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            if "api/v1" in str(entry.pattern):
                continue  # the API has its own tests and error shape
            yield from _paths(entry.url_patterns, prefix + str(entry.pattern))
        elif isinstance(entry, URLPattern):
            route = prefix + str(entry.pattern)
            if "<int:" in route:
                yield "/" + re.sub(r"<int:\w+>", HUGE, re.sub(r"<(?:str|slug):\w+>", "x", route))


PATHS = sorted(set(_paths(get_resolver().url_patterns)))


def test_there_are_pages_with_ids_to_check():
    assert len(PATHS) > 10, PATHS


@pytest.mark.parametrize("kind", ["supplier", "buyer", "operator"])
def test_an_id_no_key_can_hold_is_never_a_server_error(client_for, kind):
    client = client_for(factories.member(kind=kind, role="owner" if kind != "operator" else "admin"))
    failures = []
    for path in PATHS:
        for method in ("get", "post"):
            status = getattr(client, method)(path).status_code
            if status >= 500:
                failures.append(f"{method.upper()} {path} -> {status}")
    assert not failures, failures
