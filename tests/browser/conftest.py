"""Fixtures for the browser tests: a SQLite store with the seed and a hostile article, the app
served by uvicorn on a free loopback port, and headless Debian Chromium driven by Playwright.

Playwright and uvicorn are imported inside the fixtures: test_dashboard.py skips the whole
module, saying why, when Playwright or a Chromium binary is missing.
Chromium is the Debian package (scripts/install-debian.sh chromium chromium), launched by path: never
`playwright install`, which downloads a browser build and fails offline.
"""

from __future__ import annotations

import socket
import threading
import time
import urllib.request

import pytest

from .support import CHROMIUM_ARGS, HOSTILE, SCREENSHOTS, VIEWPORT, chromium_path


@pytest.fixture(scope="session")
def stored(tmp_path_factory, seed_text):
    """A SQLite store holding the seed article and the hostile one: (path, seed, hostile)."""
    import warta
    from warta.model import Article, RawDocument, Source
    from warta.pipeline import Pipeline
    from warta.storage.sqlite import SQLiteStore

    path = str(tmp_path_factory.mktemp("browser") / "warta.db")
    seed = warta.process(seed_text).evolve(source=Source(format="text", path="seed.txt"))
    hostile = Pipeline().run(Article(source=Source(format="text", path="hostile.txt"),
                                     raw=RawDocument(content=HOSTILE, format="text")))
    assert "<script>alert(1)</script>" in hostile.body and "<img src=x onerror=alert(2)>" in hostile.body
    store = SQLiteStore(path)
    try:
        store.save_batch([seed, hostile])
    finally:
        store.close()
    return path, seed, hostile


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def base_url(stored):
    """The app over the store, served by uvicorn in a thread on 127.0.0.1."""
    import uvicorn

    from warta.api import create_app
    from warta.config import load_options

    app = create_app(stored[0], load_options(env={}))
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="uvicorn", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=2) as answer:
                if answer.status == 200:
                    break
        except OSError:
            pass
        if not thread.is_alive() or time.monotonic() > deadline:
            server.should_exit = True
            pytest.fail(f"the app did not answer {url}/healthz within 30 s")
        time.sleep(0.05)
    yield url
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    driver = sync_playwright().start()
    try:
        chromium = driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()
    finally:
        driver.stop()


@pytest.fixture
def page(browser):
    """A fresh 1280×900 page; ``page.dialogs`` lists the message of every dialog that opened
    (each is dismissed), ``page.errors`` every uncaught script error."""
    context = browser.new_context(viewport=VIEWPORT)
    context.set_default_timeout(10_000)
    tab = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(dialog):
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.dialogs, tab.errors = dialogs, errors
    yield tab
    context.close()


@pytest.fixture(scope="session")
def screenshot():
    """Saves the page as docs/screenshots/NAME.png (a test run refreshes them)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(tab, name: str) -> None:
        tab.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)

    return take
