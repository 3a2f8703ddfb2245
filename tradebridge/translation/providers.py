"""Translation providers: the built-in dictionary engine, or a LibreTranslate-compatible service.

Which one is used is a setting, read on each call so tests and deployments can switch it:
TRANSLATION_PROVIDER ("dictionary", the default, or "libretranslate"), TRANSLATION_URL,
TRANSLATION_API_KEY and TRANSLATION_TIMEOUT (seconds). Providers are listed in PROVIDERS by
name; there is deliberately no loading of classes from dotted paths.
"""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from tradebridge.core.errors import DomainError
from tradebridge.translation import dictionary_mt
from tradebridge.translation.text import language

DEFAULT_PROVIDER = "dictionary"
DEFAULT_TIMEOUT = 10.0


class TranslationUnavailable(DomainError):
    """The configured translation service could not translate; callers may retry later."""

    status = 503

    def __init__(self, code: str = "translation_unavailable", message: str = "", field: str | None = None):
        super().__init__(code, message or "Translation is unavailable.", field)


class TranslationProvider(Protocol):
    name: str

    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]: ...


class DictionaryProvider:
    """Glossary + CC-CEDICT translation in process: no network, always available."""

    name = "dictionary"

    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]:
        return dictionary_mt.translate_many(list(texts), source=source, target=target)


class HttpProvider:
    """A LibreTranslate-compatible HTTP API: POST /translate with {q, source, target, format}."""

    name = "libretranslate"

    def __init__(self, url: str, *, api_key: str = "", timeout: float = DEFAULT_TIMEOUT):
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ImproperlyConfigured(f"TRANSLATION_URL must be an http(s) URL, not {url!r}")
        path = parts.path.rstrip("/")
        self.url = url if path.endswith("/translate") else f"{url.rstrip('/')}/translate"
        self.api_key = api_key
        self.timeout = timeout

    def translate(self, texts: list[str], *, source: str, target: str) -> list[str]:
        texts = list(texts)
        if not texts:
            return []
        source, target = language(source), language(target)
        if source == target:
            return texts
        payload: dict[str, object] = {
            "q": texts,
            "source": source,
            "target": target,
            "format": "text",
        }
        if self.api_key:
            payload["api_key"] = self.api_key
        translated = self._post(payload).get("translatedText")
        if isinstance(translated, str) and len(texts) == 1:
            translated = [translated]
        if not (
            isinstance(translated, list)
            and len(translated) == len(texts)
            and all(isinstance(item, str) for item in translated)
        ):
            raise TranslationUnavailable(
                message=f"The translation service at {self.url} returned an unexpected answer."
            )
        return translated

    def _post(self, payload: dict[str, object]) -> dict[str, object]:
        request = urllib.request.Request(  # noqa: S310 - the scheme is checked in __init__
            self.url,
            data=json.dumps(payload).encode("utf-8"),
            headers={"Content-Type": "application/json", "Accept": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                body = response.read()
        except urllib.error.HTTPError as exc:
            detail = _error_detail(exc)
            raise TranslationUnavailable(
                message=f"The translation service at {self.url} answered HTTP {exc.code}{detail}."
            ) from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise TranslationUnavailable(
                message=f"The translation service at {self.url} could not be reached: {reason}."
            ) from exc
        try:
            answer = json.loads(body)
        except ValueError as exc:
            raise TranslationUnavailable(
                message=f"The translation service at {self.url} did not answer with JSON."
            ) from exc
        if not isinstance(answer, dict):
            raise TranslationUnavailable(
                message=f"The translation service at {self.url} returned an unexpected answer."
            )
        return answer


def _error_detail(exc: urllib.error.HTTPError) -> str:
    """LibreTranslate explains refusals as {"error": "..."}; pass that on if present."""
    try:
        answer = json.loads(exc.read() or b"{}")
    except (ValueError, OSError):
        return ""
    error = answer.get("error") if isinstance(answer, dict) else None
    return f": {error}" if isinstance(error, str) and error else ""


@dataclass(frozen=True)
class ProviderSettings:
    url: str = ""
    api_key: str = ""
    timeout: float = DEFAULT_TIMEOUT


def _dictionary(config: ProviderSettings) -> TranslationProvider:
    return DictionaryProvider()


def _libretranslate(config: ProviderSettings) -> TranslationProvider:
    if not config.url:
        raise ImproperlyConfigured('TRANSLATION_PROVIDER "libretranslate" needs TRANSLATION_URL')
    return HttpProvider(config.url, api_key=config.api_key, timeout=config.timeout)


PROVIDERS: dict[str, Callable[[ProviderSettings], TranslationProvider]] = {
    "dictionary": _dictionary,
    "libretranslate": _libretranslate,
}


def get_provider() -> TranslationProvider:
    """The provider the settings name, built fresh so setting changes apply at once."""
    from django.conf import settings

    name = getattr(settings, "TRANSLATION_PROVIDER", DEFAULT_PROVIDER) or DEFAULT_PROVIDER
    factory = PROVIDERS.get(name)
    if factory is None:
        choices = ", ".join(sorted(PROVIDERS))
        raise ImproperlyConfigured(f"TRANSLATION_PROVIDER {name!r} is not one of: {choices}")
    config = ProviderSettings(
        url=getattr(settings, "TRANSLATION_URL", "") or "",
        api_key=getattr(settings, "TRANSLATION_API_KEY", "") or "",
        timeout=float(getattr(settings, "TRANSLATION_TIMEOUT", DEFAULT_TIMEOUT)),
    )
    return factory(config)
