"""Provider selection by settings, and the HTTP provider against a real local server."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import override_settings

from tradebridge import translation
from tradebridge.translation import (
    PROVIDERS,
    DictionaryProvider,
    HttpProvider,
    TranslationUnavailable,
    get_provider,
)


class FakeLibreTranslate(BaseHTTPRequestHandler):
    """Answers like LibreTranslate: {"translatedText": [...]} for a list of q."""

    requests: list[dict] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.requests.append({"path": self.path, "body": body})
        if body.get("api_key") == "wrong":
            self._answer(403, {"error": "Invalid API key"})
        elif self.path == "/slow/translate":
            time.sleep(1.0)
            self._answer(200, {"translatedText": body["q"]})
        elif self.path == "/broken/translate":
            self._answer(200, {"unexpected": True})
        else:
            texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
            self._answer(200, {"translatedText": [f"<{body['target']}>{t}" for t in texts]})

    def _answer(self, status: int, payload: dict) -> None:
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format, *args):  # keep test output clean
        pass


@pytest.fixture
def server() -> Iterator[str]:
    FakeLibreTranslate.requests = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), FakeLibreTranslate)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_dictionary_is_the_default():
    provider = get_provider()
    assert isinstance(provider, DictionaryProvider)
    assert provider.translate(["Lambswool Scarf"], source="en", target="zh") == ["羔羊毛围巾"]


def test_registry_names_the_providers():
    assert set(PROVIDERS) == {"dictionary", "libretranslate"}


@override_settings(TRANSLATION_PROVIDER="deepl")
def test_unknown_provider_name_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured, match="dictionary, libretranslate"):
        get_provider()


@override_settings(TRANSLATION_PROVIDER="libretranslate")
def test_libretranslate_without_url_is_a_configuration_error():
    with pytest.raises(ImproperlyConfigured, match="TRANSLATION_URL"):
        get_provider()


def test_libretranslate_selected_by_settings_talks_to_the_server(server):
    with override_settings(TRANSLATION_PROVIDER="libretranslate", TRANSLATION_URL=server, TRANSLATION_API_KEY="k1"):
        provider = get_provider()
        assert isinstance(provider, HttpProvider)
        assert provider.translate(["Scarf", "Navy"], source="en", target="zh-hans") == [
            "<zh>Scarf",
            "<zh>Navy",
        ]
        assert translation.translate("Scarf", source="en", target="zh") == "<zh>Scarf"
        html = translation.translate_html("<p>Scarf <b>Navy</b></p>", source="en", target="zh")
        assert html == "<p><zh>Scarf <b><zh>Navy</b></p>".replace("<zh>", "&lt;zh&gt;")
    first = FakeLibreTranslate.requests[0]
    assert first["path"] == "/translate"
    assert first["body"] == {
        "q": ["Scarf", "Navy"],
        "source": "en",
        "target": "zh",
        "format": "text",
        "api_key": "k1",
    }
    assert len(FakeLibreTranslate.requests) == 3  # the HTML went as one batch


def test_service_refusal_raises_translation_unavailable_with_its_reason(server):
    provider = HttpProvider(server, api_key="wrong")
    with pytest.raises(TranslationUnavailable, match="HTTP 403: Invalid API key") as caught:
        provider.translate(["Scarf"], source="en", target="zh")
    assert caught.value.code == "translation_unavailable"
    assert caught.value.status == 503


def test_unexpected_answer_raises_translation_unavailable(server):
    with pytest.raises(TranslationUnavailable, match="unexpected answer"):
        HttpProvider(f"{server}/broken").translate(["Scarf"], source="en", target="zh")


def test_timeout_raises_translation_unavailable(server):
    with pytest.raises(TranslationUnavailable, match="could not be reached"):
        HttpProvider(f"{server}/slow", timeout=0.2).translate(["Scarf"], source="en", target="zh")


def test_connection_failure_raises_translation_unavailable():
    url = closed_port_url()
    with (
        override_settings(TRANSLATION_PROVIDER="libretranslate", TRANSLATION_URL=url),
        pytest.raises(TranslationUnavailable, match="could not be reached"),
    ):
        translation.translate("Scarf", source="en", target="zh")


def test_nothing_to_send_sends_nothing():
    provider = HttpProvider(closed_port_url())
    assert provider.translate([], source="en", target="zh") == []
    assert provider.translate(["Scarf"], source="en", target="en") == ["Scarf"]


def test_url_must_be_http():
    with pytest.raises(ImproperlyConfigured, match="http"):
        HttpProvider("file:///etc/passwd")
