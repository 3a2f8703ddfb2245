"""Sending one webhook request without being turned against our own network (SSRF).

The host is resolved once, every address it resolves to is checked, and the connection goes to
the checked address, so a name cannot pass the check and then resolve somewhere private
(DNS rebinding). Redirects are not followed: a 3xx is a failed attempt.
"""

from __future__ import annotations

import http.client
import socket
import ssl
from dataclasses import dataclass
from urllib.parse import urlsplit

from tradebridge.webhooks.domain import address_allowed

TIMEOUT_SECONDS = 10
EXCERPT_BYTES = 1000


class Refused(Exception):
    """The URL points somewhere webhooks may not go; retrying will not help."""


@dataclass(frozen=True)
class Response:
    status: int
    excerpt: str


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self._address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self._address, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._address = address

    def connect(self) -> None:
        sock = socket.create_connection((self._address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _vetted_address(host: str, port: int, *, allow_private: bool) -> str:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise OSError(f"cannot resolve {host}: {exc.strerror}") from None
    addresses = [info[4][0] for info in infos]
    for address in addresses:
        if not address_allowed(address, allow_private=allow_private):
            raise Refused(f"{host} resolves to {address}, a private or reserved address")
    return addresses[0]


def post(*, url: str, body: bytes, headers: dict[str, str], allow_private: bool, timeout: float = TIMEOUT_SECONDS):
    """POST `body` to `url`; returns the status and the start of the response body.
    Raises Refused for forbidden destinations and OSError/HTTPException for network failures."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise Refused(f"{url} is not an http(s) URL")
    secure = parts.scheme == "https"
    port = parts.port or (443 if secure else 80)
    address = _vetted_address(parts.hostname, port, allow_private=allow_private)
    connection_class = _PinnedHTTPSConnection if secure else _PinnedHTTPConnection
    connection = connection_class(parts.hostname, port, address, timeout)
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    try:
        connection.request("POST", path, body=body, headers=headers)
        response = connection.getresponse()
        excerpt = response.read(EXCERPT_BYTES).decode("utf-8", "replace")
        return Response(status=response.status, excerpt=excerpt)
    finally:
        connection.close()
