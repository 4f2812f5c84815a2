"""The benchmark runs and reports every explorer; its timings are reported, never asserted."""

from __future__ import annotations

import json

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
