"""The benchmark runs and reports every explorer; its timings are reported, never asserted."""

from __future__ import annotations

import json
import os
import types

import ipywidgets as w
import nbformat

from spasm_edu.tooling import bench, discover


def test_change_plan_changes_every_control_each_time_to_a_new_value():
    controls = {
        "n": w.IntSlider(value=2, min=0, max=10),
        "flag": w.Checkbox(value=False),
        "pick": w.Dropdown(options=["a", "b", "c"], value="a"),
        "free": w.Text(value="x"),  # free text has no list of valid values: not driven
    }
    current = {k: c.value for k, c in controls.items()}
    plan = bench.change_plan(controls, 200)
    assert len(plan) == 200
    assert {name for name, _ in plan} == {"n", "flag", "pick"}
    for name, value in plan:
        assert value != current[name], (name, value)
        current[name] = value


def test_a_control_whose_options_change_gets_only_current_options():
    unit = w.Dropdown(options=["mmol/L", "mg/dL"], value="mmol/L")
    analyte = w.Dropdown(options=["potassium", "sodium"], value="potassium")
    analyte.observe(
        lambda _: setattr(
            unit, "options", ["mmol/L"] if analyte.value == "sodium" else ["mmol/L", "mg/dL"]
        ),  # fmt: skip
        names="value",
    )
    times, n = bench.time_changes({"analyte": analyte, "unit": unit}, 50)
    assert n == 50 and len(times) == 50


def test_json_has_every_explorer_and_every_figure(capsys):
    assert bench.main(["--json", "--changes", "3", "--notebooks", "", "--import-runs", "1"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert set(result["explorers"]) == set(discover.explorer_modules())
    for cid, figures in result["explorers"].items():
        assert "error" not in figures, (cid, figures)
        assert figures["p50_ms"] > 0 and figures["p95_ms"] >= figures["p50_ms"], cid
        assert figures["changes"] == 3 and figures["patient_changes"] == 3
    assert result["baseline_interact_p50_ms"] > 0
    assert result["import_s"] > 0 and result["import_explorer_s"] > 0
    assert {"notebooks_s", "kernel_peak_rss_mb", "targets"} <= set(result)
    assert set(result["targets"]) == set(bench.TARGETS)


def test_notebooks_run_in_one_kernel_with_its_peak_memory(tmp_path):
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("x = bytearray(30 * 2**20)")]  # 30 MB
    path = tmp_path / "tiny.ipynb"
    nbformat.write(nb, path)
    result = bench.bench_notebooks([path, path])
    assert result["notebook_failures"] == {}
    assert set(result["notebook_s"]) == {"tiny.ipynb"}
    assert result["notebooks_s"] > 0
    assert result["kernel_peak_rss_mb"] > 30


# -- the browser benchmark's plumbing (no browser, no server: stand-ins) ---------------------
class _Page:
    def __init__(self):
        self.opened = None

    def route(self, pattern, handler):
        pass

    def goto(self, url, **kwargs):
        self.opened = url

    def evaluate(self, script):
        return True  # usable at once

    def wait_for_timeout(self, ms):
        pass


class _Context:
    def __init__(self):
        self.page = _Page()
        self.closed = False

    def new_page(self):
        return self.page

    def close(self):
        self.closed = True


class _Browser:
    def __init__(self):
        self.contexts = []

    def new_context(self, **kwargs):
        self.contexts.append(_Context())
        return self.contexts[-1]

    def close(self):
        pass


class _Server:
    """Stands in for bench_browser.Server: records how it was made; CPU grows per look."""

    made: list = []

    def __init__(self, notebook, handout_dir, pool=None):
        self.notebook, self.pool, self.url = notebook, pool, "http://127.0.0.1:1/"
        self.looks = 0
        self.proc = types.SimpleNamespace(pid=os.getpid())  # no Voila: this process
        _Server.made.append(self)

    def wait_up(self):
        pass

    def wait_pool(self, taken=0):
        return 0.0

    def cpu_s(self):
        self.looks += 1
        return {"voila": 1.0 * self.looks, "kernels": 3.0 * self.looks}

    def rss_mb(self):
        return 1.0

    def stop(self):
        pass


def test_pages_at_once_report_the_server_and_browser_cpu():
    from spasm_edu.tooling import bench_browser

    browser = _Browser()
    row = bench_browser.concurrent(browser, "http://127.0.0.1:1/", 4, 5, _Server("nb", None))
    assert row["usable"] == 4 and row["first_usable_s"]["n"] == 4
    assert row["voila_cpu_s"] == 1.0 and row["kernels_cpu_s"] == 3.0  # one look before, one after
    assert row["server_cpu_s_per_page"] == 1.0  # (1 + 3) / 4 pages
    assert "browser_cpu_s" in row
    assert all(c.closed and c.page.opened for c in browser.contexts)
    assert "voila_cpu_s" not in bench_browser.concurrent(_Browser(), "u", 1, 5)  # no server


def test_the_floor_page_is_served_exactly_as_the_session(monkeypatch):
    """The first-usable ratio compares like with like: the same pool and refill for both."""
    import contextlib

    import playwright.sync_api

    from spasm_edu.tooling import bench_browser

    @contextlib.contextmanager
    def fake_playwright():
        yield types.SimpleNamespace(chromium=types.SimpleNamespace(launch=lambda **k: _Browser()))

    _Server.made = []
    monkeypatch.setattr(playwright.sync_api, "sync_playwright", fake_playwright)
    monkeypatch.setattr(bench_browser, "chromium", lambda: "/usr/bin/chromium")
    monkeypatch.setattr(bench_browser, "Server", _Server)
    monkeypatch.setattr(bench_browser, "first_usable", lambda page, url: 1.0)
    monkeypatch.setattr(bench_browser, "walk", lambda page, think_s: {"step": [100.0]})
    for pool in (None, 3):
        _Server.made = []
        result = bench_browser.run(rounds=2, sessions=(), think_s=0, pool=pool)
        floor, session = _Server.made
        assert floor.notebook.name == "floor.ipynb" and session.notebook.name.startswith("patient")
        assert floor.pool == session.pool == pool
        assert result["first_usable_ratio"] == 1.0
        assert "floor_pool_ready_s" in result and "session_pool_ready_s" in result
