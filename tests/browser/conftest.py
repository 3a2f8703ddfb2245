"""Fixtures for the browser tests: Debian's chromium driven by Playwright's sync API.

Each test gets a fresh browser context pointed at pytest-django's live server. Playwright's sync
API keeps an event loop running in the test thread, so Django would refuse ORM calls made there
(SynchronousOnlyOperation); the tests only run one thread against the ORM, so that check is off
while (and only while) a browser is running, and the rest of the suite keeps it.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
# Playwright's default is 30 s; a page of this app that takes more than 10 s is a failure.
TIMEOUT_MS = 10_000


def _require_chromium() -> None:
    if CHROMIUM.exists():
        return
    reason = f"Browser tests need Debian's chromium at {CHROMIUM} (apt-get install chromium)."
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} CI must run the browser tests, so this is a failure.", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One chromium per test module; module scope stops Playwright's event loop afterwards."""
    _require_chromium()
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()
            if previous is None:
                os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
            else:
                os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def page(browser: Browser, live_server) -> Iterator[Page]:
    """A page in a fresh context (no cookies, English), with relative URLs on the live server."""
    context = browser.new_context(base_url=live_server.url, locale="en-GB")
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    try:
        yield page
    finally:
        context.close()


@pytest.fixture
def checkpoint(page: Page, tmp_path: Path) -> Callable[[str], contextlib.AbstractContextManager[None]]:
    """`with checkpoint("label"):` turns a failure inside into an AssertionError that names the
    step, the page's URL and a screenshot saved under the test's tmp_path."""

    @contextlib.contextmanager
    def step(label: str) -> Iterator[None]:
        try:
            yield
        except (AssertionError, PlaywrightError) as exc:
            shot = tmp_path / f"{re.sub(r'[^A-Za-z0-9]+', '-', label).strip('-') or 'failure'}.png"
            try:
                page.screenshot(path=str(shot), full_page=True)
                where = f"screenshot: {shot}"
            except PlaywrightError as shot_exc:
                where = f"no screenshot ({shot_exc})"
            raise AssertionError(f"[{label}] failed at {page.url}; {where}\n{exc}") from exc

    return step
