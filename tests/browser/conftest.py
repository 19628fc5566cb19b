"""Browser tests: Playwright drives Debian's Chromium against a real local stack.

Chromium comes from apt (``bash scripts/install_system_deps.sh``), not from
``playwright install``. Each test starts its own stack on free ports and its own browser
context; the browser is shared by the session.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, ViewportSize, expect, sync_playwright

from tests.support.stack import Stack, running, stack_env

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP: ViewportSize = {"width": 1280, "height": 800}
PHONE: ViewportSize = {"width": 375, "height": 812}

# Replies take a verdict from the worker; allow for a slow machine. UI-only waits stay short.
expect.set_options(timeout=10_000)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            "no /usr/bin/chromium: run `bash scripts/install_system_deps.sh` (make test does)"
        )
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture
def stack_state(tmp_path: Path) -> Path:
    """The stack's state folder; a test may prepare it (e.g. queue files) before start."""
    state = tmp_path / "state"
    state.mkdir()
    return state


@pytest.fixture
def stack(stack_state: Path) -> Iterator[Stack]:
    stack = stack_env(stack_state)
    with running(stack):
        yield stack


def open_page(browser: Browser, stack: Stack, viewport: ViewportSize) -> Iterator[Page]:
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        page.goto(f"{stack.sandbox_url}/")
        expect(page.get_by_role("heading", name="Qila", exact=True)).to_be_visible()
        yield page
    finally:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


@pytest.fixture
def page(browser: Browser, stack: Stack) -> Iterator[Page]:
    yield from open_page(browser, stack, DESKTOP)


@pytest.fixture
def phone_page(browser: Browser, stack: Stack) -> Iterator[Page]:
    yield from open_page(browser, stack, PHONE)
