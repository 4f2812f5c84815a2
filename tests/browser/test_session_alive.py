"""Alive for the whole clinic hour: `python -m spasm_edu.present` with short timeouts.

- An open page idle well past the idle timeout still answers (its kernel is never culled),
  also when the pre-heated kernel it gets had waited past the timeout before the page opened.
- A closed page's kernel is shut down (the server's /api/kernels/<id> says 404 and the kernel
  process is gone): closing a page does not shut its kernel by itself (voila#1458).
- A kernel that dies anyway: the page says so in plain words, with a Reload button that works.

Waits here are conditions (idle past the timeout), never speed assertions.
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
import urllib.request

import psutil
import pytest

from spasm_edu import present
from tests.browser.conftest import ARTIFACTS, running
from tests.browser.test_patient_session import axe

CULL_IDLE_S = 4
CULL_INTERVAL_S = 1
CONNECT_GRACE_S = 15  # a loading page must connect within this (it takes 2-6 s here)
PAST_TIMEOUT_S = CULL_IDLE_S + 6 * CULL_INTERVAL_S


@pytest.fixture(scope="module")
def server(chromium_path, handout_dir):
    """The session as `make present` starts it, through its command line, short timeouts."""
    port = present.free_port()
    cmd = [sys.executable, "-m", "spasm_edu.present", "--port", str(port)]
    cmd += ["--cull-idle", str(CULL_IDLE_S), "--cull-interval", str(CULL_INTERVAL_S)]
    cmd += ["--connect-grace", str(CONNECT_GRACE_S)]
    env = dict(os.environ, SPASM_HANDOUT_DIR=str(handout_dir))
    with running(cmd, port, "voila-alive.log", env) as (proc, base):
        proc.log_path = ARTIFACTS / "voila-alive.log"
        proc.base = base
        yield proc


def kernel_status(base: str, kernel_id: str) -> int:
    try:
        with urllib.request.urlopen(f"{base}/api/kernels/{kernel_id}", timeout=10) as r:  # noqa: S310
            return r.status
    except urllib.error.HTTPError as exc:
        return exc.code


def kernel_processes(server, kernel_id: str) -> list[psutil.Process]:
    found = []
    for child in psutil.Process(server.pid).children(recursive=True):
        try:
            if any(kernel_id in part for part in child.cmdline()):
                found.append(child)
        except psutil.NoSuchProcess:
            pass
    return found


def open_session(browser, server):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.route(
        "**/*",
        lambda r: r.continue_() if r.request.url.startswith(server.base) else r.abort(),
    )
    page.goto(server.base + "/", wait_until="commit")
    page.get_by_text("Step 1 of 5").wait_for(timeout=90_000)
    page.wait_for_selector("body[data-spasm-watching=kernel]", timeout=30_000)
    config = json.loads(page.locator("#jupyter-config-data").text_content())
    return context, page, config["kernelId"]


def test_an_open_page_idle_past_the_timeout_still_answers(browser, server):
    # the pre-heated kernel waits past the idle timeout before any page takes it
    time.sleep(PAST_TIMEOUT_S)
    context, page, kernel_id = open_session(browser, server)
    try:
        time.sleep(PAST_TIMEOUT_S)  # the page sits idle, connected
        assert kernel_status(server.base, kernel_id) == 200
        page.get_by_role("button", name="Next", exact=True).click()
        page.get_by_text("Step 2 of 5").wait_for(timeout=30_000)
        page.get_by_role("checkbox", name="Caffeine", exact=True).check()
        time.sleep(PAST_TIMEOUT_S)
        page.get_by_role("button", name="Next", exact=True).click()
        page.get_by_text("You have not said what you drink yet").wait_for(timeout=30_000)
        assert page.get_by_role("alertdialog").count() == 0
        culled = [line for line in server.log_path.read_text().splitlines() if "Culling" in line]
        assert not [line for line in culled if kernel_id in line]  # never culled
    finally:
        context.close()


def test_a_closed_page_loses_its_kernel(browser, server):
    context, page, kernel_id = open_session(browser, server)
    assert kernel_status(server.base, kernel_id) == 200 and kernel_processes(server, kernel_id)
    context.close()  # the nurse closes the tab
    deadline = time.monotonic() + CONNECT_GRACE_S + CULL_IDLE_S + 90
    while kernel_status(server.base, kernel_id) != 404 and time.monotonic() < deadline:
        time.sleep(1)
    assert kernel_status(server.base, kernel_id) == 404
    deadline = time.monotonic() + 30
    while kernel_processes(server, kernel_id) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert kernel_processes(server, kernel_id) == []
    assert f"Culling 'idle' kernel 'python3' ({kernel_id}) with 0 connections" in (
        server.log_path.read_text()
    )


def test_a_kernel_that_dies_says_so_and_reload_starts_again(browser, server, axe_path):
    context, page, kernel_id = open_session(browser, server)
    try:
        page.get_by_role("button", name="Next", exact=True).click()
        page.get_by_text("Step 2 of 5").wait_for(timeout=30_000)
        assert page.get_by_role("alertdialog").count() == 0
        for proc in kernel_processes(server, kernel_id):
            proc.kill()
        dialog = page.get_by_role("alertdialog", name="The session has stopped.")
        dialog.wait_for(timeout=60_000)
        assert "Press Reload to start again." in dialog.inner_text()
        reload_button = page.get_by_role("button", name="Reload", exact=True)
        assert page.evaluate("document.activeElement.textContent") == "Reload"
        page.screenshot(path=str(ARTIFACTS / "session-stopped.png"))
        axe(page, "session-stopped", axe_path)
        reload_button.click()
        page.get_by_text("Step 1 of 5").wait_for(timeout=90_000)
        assert page.get_by_role("alertdialog").count() == 0
        page.get_by_role("button", name="Next", exact=True).click()
        page.get_by_text("Step 2 of 5").wait_for(timeout=30_000)  # a working session again
    finally:
        context.close()
