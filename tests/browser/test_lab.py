"""`make lab` in a real browser: JupyterLab opens the course, the caffeine notebook runs, and
moving a slider updates the summary and both figures. Nothing is requested off this machine."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from spasm_edu import present
from spasm_edu.tooling import lab
from tests.browser.conftest import ARTIFACTS, running


def isolated_env(home: Path) -> dict[str, str]:
    """The test server's own Jupyter folders: a user's restored workspace in
    ~/.jupyter/lab/workspaces (which opens extra notebooks), their config or their running
    servers never reach the test."""
    dirs = {
        "JUPYTERLAB_WORKSPACES_DIR": home / "workspaces",
        "JUPYTER_CONFIG_DIR": home / "config",
        "JUPYTER_RUNTIME_DIR": home / "runtime",
        "JUPYTER_DATA_DIR": home / "data",
        "IPYTHONDIR": home / "ipython",
    }
    for folder in dirs.values():
        folder.mkdir(parents=True, exist_ok=True)
    return dict(os.environ, **{k: str(v) for k, v in dirs.items()})


@pytest.fixture(scope="module")
def lab_url(chromium_path, tmp_path_factory):
    port = present.free_port()
    cmd = lab.command(port, open_browser=False, token="")
    env = isolated_env(tmp_path_factory.mktemp("jupyter-home"))
    with running(cmd, port, "jupyterlab.log", env, up_path="/api/status") as (_, base):
        yield base


def test_lab_opens_the_start_notebook(lab_url):
    import urllib.request

    with urllib.request.urlopen(lab_url + "/", timeout=10) as response:  # follows the redirect
        assert response.url.endswith("/lab/tree/" + lab.START)


def test_moving_a_caffeine_slider_updates_words_and_figures(browser, lab_url):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    blocked = []

    def route(r):
        if r.request.url.startswith(f"http://{present.HOST}:"):
            r.continue_()
        else:
            blocked.append(r.request.url)
            r.abort()

    page.route("**/*", route)
    try:
        page.goto(f"{lab_url}/lab/tree/notebooks/02_caffeine.ipynb")
        page.wait_for_selector(".jp-Notebook", timeout=60_000)
        page.get_by_text("Python 3 (ipykernel) | Idle").wait_for(timeout=60_000)  # kernel ready
        page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
        page.locator(".lm-Menu-itemLabel", has_text="Run All Cells").first.click()
        summary = page.locator(".jp-OutputArea", has_text="You get about").first
        summary.wait_for(state="attached", timeout=60_000)
        summary.scroll_into_view_if_needed()
        assert "You get about 192 mg" in summary.text_content()  # two coffees by default
        figures = page.locator(".jp-Notebook svg[role=img]")
        before = [figures.nth(i).inner_html() for i in range(figures.count())]
        assert len(before) == 2  # total vs limit, and the 24-hour curve

        page.locator(".noUi-handle").first.focus()  # brewed coffee: 2 -> 3 cups
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "() => document.querySelector('.jp-Notebook').textContent"
            ".includes('You get about 288 mg')",
            timeout=20_000,
        )
        after = [figures.nth(i).inner_html() for i in range(figures.count())]
        assert len(after) == 2 and all(a != b for a, b in zip(after, before, strict=True))
        assert re.search(r"288 mg", figures.first.inner_html())
        page.screenshot(path=str(ARTIFACTS / "jupyterlab-caffeine.png"))
        assert not blocked, f"JupyterLab asked for off-machine addresses: {blocked[:5]}"
        assert page.get_by_text("official Jupyter news").count() == 0  # no news question
    finally:
        context.close()
