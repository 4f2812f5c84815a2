"""Fixtures for the real-browser tests: Debian's Chromium driven by Playwright, a Voila server
on a free 127.0.0.1 port, and axe-core (npm, installed in tests/browser/node_modules).

Where Chromium or axe-core is missing the tests skip with a message saying how to install it;
with CI=true (``.ci/run``) a missing piece fails the run instead.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from spasm_edu import present
from spasm_edu.tooling import bench_browser

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ARTIFACTS = ROOT / "test-artifacts"
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_FLAGS = list(bench_browser.BROWSER_FLAGS)  # the same browser as `make bench-browser`
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def _missing(what: str, how: str):
    message = f"{what} is not installed, so the browser tests cannot run. Install it: {how}"
    if IN_CI:
        pytest.fail(message + " (CI=true: browser tests must run)", pytrace=False)
    pytest.skip(message)


def pytest_collection_modifyitems(items):
    for item in items:
        if HERE in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.enable_socket)


@pytest.fixture(scope="session")
def chromium_path() -> str:
    """Debian's Chromium, or the browser named by $SPASM_CHROMIUM."""
    if os.environ.get("SPASM_CHROMIUM"):
        candidates = [os.environ["SPASM_CHROMIUM"]]
    else:
        candidates = ["/usr/bin/chromium", shutil.which("chromium") or ""]
    for candidate in candidates:
        if candidate and Path(candidate).exists():
            return candidate
    _missing(
        "Chromium",
        "sudo apt-get install -y chromium (Debian/Ubuntu), then run make test again",
    )


@pytest.fixture(scope="session")
def axe_path() -> Path:
    if not AXE.exists():
        _missing("axe-core", "npm ci --prefix tests/browser (make test does this when npm exists)")
    return AXE


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium_path, args=CHROMIUM_FLAGS)
        yield browser
        browser.close()


@pytest.fixture(scope="session")
def handout_dir(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("handouts")


def wait_until_up(url: str, proc: subprocess.Popen, timeout_s: float = 90) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"Voila exited early with code {proc.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)  # noqa: S310 - loopback only
            return
        except urllib.error.HTTPError:
            return  # any HTTP status means the server answers
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"Voila did not answer at {url} within {timeout_s} s")


@contextlib.contextmanager
def running(cmd: list[str], port: int, log_name: str, env=None, up_path="/voila/static/"):
    """Start a server (``cmd``, listening on 127.0.0.1:``port``) with its output in
    test-artifacts/``log_name``; yield ``(proc, base_url)`` once ``up_path`` answers; stop it
    with SIGTERM (then kill) however the test ends."""
    ARTIFACTS.mkdir(exist_ok=True)
    base = f"http://{present.HOST}:{port}"
    with (ARTIFACTS / log_name).open("w") as log:
        proc = subprocess.Popen(
            cmd,
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        try:
            wait_until_up(base + up_path, proc)
            yield proc, base
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()


@pytest.fixture(scope="session")
def voila_url(chromium_path, handout_dir):
    """Voila serving the patient session on a free loopback port (one pre-heated kernel)."""
    port = present.free_port()
    env = present.voila_env(dict(os.environ, SPASM_HANDOUT_DIR=str(handout_dir)))
    with running(present.voila_command(port, preheat=True), port, "voila.log", env) as (_, base):
        time.sleep(float(os.environ.get("SPASM_PREHEAT_WAIT_S", "6")))  # let the pool kernel warm
        yield base + "/"


@pytest.fixture
def open_page(browser, voila_url):
    """Open the session in a fresh page of the given size; requests off 127.0.0.1 are blocked
    and recorded (Voila asks a CDN for Font Awesome: nothing must leave the machine)."""
    contexts = []

    def _open(width: int = 1280, height: int = 720):
        context = browser.new_context(viewport={"width": width, "height": height})
        contexts.append(context)
        page = context.new_page()
        page.blocked = []

        def route(r):
            if r.request.url.startswith(f"http://{present.HOST}:"):
                r.continue_()
            else:
                page.blocked.append(r.request.url)
                r.abort()

        page.route("**/*", route)
        page.errors = []
        page.on("pageerror", lambda e: page.errors.append(str(e)))
        return page

    yield _open
    for context in contexts:
        context.close()
