"""Speed and memory figures for the course, as one JSON object (``make bench``).

    python -m spasm_edu.tooling.bench --json              # everything (a minute on 2 cores)
    python -m spasm_edu.tooling.bench --profile caffeine  # where one explorer's update spends

What is measured (targets in ``TARGETS``):

- ``explorers``: every explorer found in ``spasm_edu/explorers/<cause_id>.py``, student and
  patient mode. One *change* = set one control to a new valid value, which runs the explorer's
  ``observe`` callback (model -> text -> figure), plus serialising the changed output widgets'
  state to JSON as the kernel does before sending it to the browser. Changes cycle through
  every control's valid values (``discover.control_values``); ``--changes`` per mode (>= 200).
- ``baseline_interact_p50_ms``: the same caffeine day written the naive way:
  ``ipywidgets.interactive`` (what ``interact`` builds) calling a function that draws a NEW
  matplotlib figure each time and renders it to PNG with ``IPython``'s ``print_figure`` (what
  the inline backend does), base64-encoded as in a display message. Measured the same way.
- ``notebooks_s`` and ``kernel_peak_rss_mb``: one kernel (nbclient) runs every notebook in
  sequence; wall time includes the kernel start. Peak RSS is the larger of a 10 ms psutil
  sample of the kernel's process tree and the kernel's own high-water mark (Linux VmHWM).
- ``import_s``: ``import spasm_edu`` in a fresh interpreter (median of 5);
  ``import_explorer_s``: ``import spasm_edu.explorers.caffeine`` (widgets, pydantic, data).

Timings are reported, never asserted in tests (a shared CI machine is too noisy for that).
"""

from __future__ import annotations

import argparse
import base64
import contextlib
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

from spasm_edu.tooling import discover

TARGETS = {
    "explorer_p95_ms": 30.0,
    "explorer_p95_vs_baseline_p50": 1 / 3,
    "notebooks_s": 60.0,
    "kernel_peak_rss_mb": 200.0,
    "import_s": 1.0,
}
WARMUP = 10


# -- explorers --------------------------------------------------------------------------------
def next_change(controls: dict, step: int, turn: dict[str, int]) -> tuple[str, object] | None:
    """The ``step``-th change: round-robin over the controls that offer a choice, each to its
    next valid value *now* (one control may change another's options)."""
    names = [n for n, c in controls.items() if len(discover.control_values(c)) > 1]
    if not names:
        return None
    name = names[step % len(names)]
    values = discover.control_values(controls[name])
    for _ in range(len(values)):
        turn[name] = (turn.get(name, -1) + 1) % len(values)
        if values[turn[name]] != controls[name].value:
            return name, values[turn[name]]
    return None


def change_plan(controls: dict, n: int) -> list[tuple[str, object]]:
    """``n`` changes as :func:`time_changes` makes them (applied, so each sees the last)."""
    plan, turn = [], {}
    for step in range(n):
        change = next_change(controls, step, turn)
        if change is None:
            break
        controls[change[0]].value = change[1]
        plan.append(change)
    return plan


def percentiles(times_s: list[float]) -> dict[str, float]:
    ms = sorted(t * 1000 for t in times_s)
    if not ms:
        return {"p50_ms": None, "p95_ms": None, "max_ms": None}
    q = statistics.quantiles(ms, n=20, method="inclusive") if len(ms) > 1 else [ms[0]] * 19
    return {
        "p50_ms": round(statistics.median(ms), 3),
        "p95_ms": round(q[18], 3),
        "max_ms": round(ms[-1], 3),
    }


def time_changes(
    controls: dict, changes: int, after: Callable[[], object] = lambda: None
) -> tuple[list[float], int]:
    """Time ``changes`` control changes (after a warm-up); ``after`` runs inside the timing."""
    from traitlets import TraitError

    warmup = min(WARMUP, changes)
    times, turn, refused = [], {}, 0
    for step in range(changes + warmup + 1000):
        if len(times) >= changes:
            break
        change = next_change(controls, step, turn)
        if change is None:
            break
        t0 = time.perf_counter()
        try:
            controls[change[0]].value = change[1]
        except TraitError:  # the widget refused it: not a change a person could make
            refused += 1
            continue
        after()
        if step >= warmup:
            times.append(time.perf_counter() - t0)
    return times, len(times)


def explorer_outputs_json(explorer) -> str:
    """The changed output widgets' state, serialised as the kernel sends it."""
    return json.dumps(
        [w.get_state(["value"]) for w in (explorer.summary, explorer.figure, explorer.message)]
    )


def bench_explorer(cls: type, changes: int) -> dict:
    out: dict[str, object] = {}
    for mode in ("student", "patient"):
        explorer = cls(mode=mode)
        errors = 0

        def after(ex=explorer):
            nonlocal errors
            explorer_outputs_json(ex)
            errors += ex.error is not None

        times, n = time_changes(explorer.controls, changes, after)
        stats = percentiles(times)
        prefix = "" if mode == "student" else "patient_"
        out.update({f"{prefix}{k}": v for k, v in stats.items()})
        out[f"{prefix}changes"] = n
        out[f"{prefix}changes_with_input_error"] = errors
    return out


def bench_explorers(changes: int) -> dict[str, dict]:
    results = {}
    for cid, cls in discover.explorer_classes().items():
        try:
            results[cid] = bench_explorer(cls, changes)
        except Exception as exc:  # report it, keep measuring the others
            results[cid] = {"error": f"{type(exc).__name__}: {exc}"}
    return results


# -- the naive baseline ---------------------------------------------------------------------
def naive_interact():
    """The caffeine day the naive way: interact + a new matplotlib PNG on every change."""
    import matplotlib

    matplotlib.use("Agg")  # in-process; the PNG is rendered exactly as the inline backend does
    import ipywidgets as w
    import matplotlib.pyplot as plt
    from IPython.core.pylabtools import print_figure

    from spasm_edu.models import caffeine
    from spasm_edu.text import caffeine as wording

    def show(coffee, tea, cola, energy_drink, pregnant, last_drink_h, bedtime_h):
        day = caffeine.day(
            {"brewed_coffee": coffee, "black_tea": tea, "cola": cola, "energy_drink": energy_drink},
            caffeine.Person(pregnant=pregnant),
            "pregnant" if pregnant else "adult",
            min(8, last_drink_h),
            last_drink_h,
            bedtime_h,
        )
        fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.5))
        ax1.barh(["You", "Limit"], [day.total_mg, day.limit.mg_per_day])
        ax1.set_xlabel("Caffeine (mg per day)")
        ax2.plot(day.curve_h, day.curve_mg)
        ax2.axvline(day.bedtime_h, linestyle="--")
        ax2.set_xlabel("Hour of the day")
        ax2.set_ylabel("Caffeine in the body (mg)")
        png = print_figure(fig, "png", bbox_inches="tight")
        plt.close(fig)
        message = {"image/png": base64.b64encode(png).decode()}
        message["text/html"] = wording.patient_summary(day)
        json.dumps(message)

    ui = w.interactive(
        show,
        coffee=w.IntSlider(2, 0, 10),
        tea=w.IntSlider(0, 0, 10),
        cola=w.IntSlider(0, 0, 10),
        energy_drink=w.IntSlider(0, 0, 10),
        pregnant=w.Checkbox(False),
        last_drink_h=w.IntSlider(15, 8, 22),
        bedtime_h=w.IntSlider(23, 22, 30),
    )
    return {c.description: c for c in ui.children if hasattr(c, "value") and c.description}


def bench_baseline(changes: int) -> dict:
    # Outside a kernel, interactive's clear_output writes terminal codes to stdout: keep the
    # JSON on stdout clean.
    with contextlib.redirect_stdout(io.StringIO()):
        times, n = time_changes(naive_interact(), changes)
    return {**percentiles(times), "changes": n}


# -- notebooks and the kernel's memory ------------------------------------------------------
def _tree_rss(proc) -> int:
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def _vm_hwm(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def bench_notebooks(paths: list[Path]) -> dict:
    import nbformat
    import psutil
    from jupyter_client import KernelManager
    from nbclient import NotebookClient

    t0 = time.perf_counter()
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(discover.NOTEBOOK_DIR))
    pid = getattr(km.provisioner, "pid", None) or km.provisioner.process.pid
    proc = psutil.Process(pid)
    peak = 0
    stop = threading.Event()

    def sample():
        nonlocal peak
        while not stop.is_set():
            peak = max(peak, _tree_rss(proc))
            stop.wait(0.01)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    per_notebook, failures = {}, {}
    try:
        for path in paths:
            nb = nbformat.read(path, as_version=4)
            t_nb = time.perf_counter()
            try:
                NotebookClient(
                    nb, km=km, timeout=300, resources={"metadata": {"path": str(path.parent)}}
                ).execute()
            except Exception as exc:
                failures[path.name] = f"{type(exc).__name__}: {str(exc)[:300]}"
            per_notebook[path.name] = round(time.perf_counter() - t_nb, 3)
        wall = time.perf_counter() - t0
        hwm = _vm_hwm(pid)
    finally:
        stop.set()
        sampler.join()
        km.shutdown_kernel(now=True)
    return {
        "notebooks_s": round(wall, 3),
        "kernel_peak_rss_mb": round(max(peak, hwm) / 2**20, 1),
        "notebook_s": per_notebook,
        "notebook_failures": failures,
    }


# -- import time -----------------------------------------------------------------------------
def import_seconds(module: str, runs: int = 5) -> float:
    code = f"import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"
    times = [
        float(
            subprocess.run(
                [sys.executable, "-c", code], capture_output=True, text=True, check=True
            ).stdout
        )
        for _ in range(runs)
    ]
    return round(statistics.median(times), 4)


# -- all together ----------------------------------------------------------------------------
def targets_met(result: dict) -> dict[str, bool | None]:
    base = result.get("baseline_interact_p50_ms")
    p95s = [
        v.get(k)
        for v in result["explorers"].values()
        for k in ("p95_ms", "patient_p95_ms")
        if v.get(k) is not None
    ]
    ok_all = bool(p95s) and all(
        "error" not in v and v.get("p95_ms") is not None for v in result["explorers"].values()
    )
    met: dict[str, bool | None] = {
        "explorer_p95_ms": ok_all and max(p95s) <= TARGETS["explorer_p95_ms"],
        "explorer_p95_vs_baseline_p50": (
            ok_all and max(p95s) <= base * TARGETS["explorer_p95_vs_baseline_p50"] if base else None
        ),
    }
    for key in ("notebooks_s", "kernel_peak_rss_mb", "import_s"):
        value = result.get(key)
        met[key] = None if value is None else value <= TARGETS[key]
    return met


def run(changes: int = 200, notebooks: str | None = "*.ipynb", import_runs: int = 5) -> dict:
    result: dict[str, object] = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "platform": platform.platform(terse=True),
            "load_avg_1min_at_start": round(os.getloadavg()[0], 2),
        },
        "changes_per_mode": changes,
        "explorers": bench_explorers(changes),
    }
    base = bench_baseline(changes)
    result["baseline_interact_p50_ms"] = base["p50_ms"]
    result["baseline_interact_p95_ms"] = base["p95_ms"]
    if notebooks:
        result.update(bench_notebooks(discover.notebooks(notebooks)))
    else:
        result.update({"notebooks_s": None, "kernel_peak_rss_mb": None})
    result["import_s"] = import_seconds("spasm_edu", import_runs)
    result["import_explorer_s"] = import_seconds("spasm_edu.explorers.caffeine", import_runs)
    result["machine"]["load_avg_1min_at_end"] = round(os.getloadavg()[0], 2)
    result["targets"] = {k: {"target": v} for k, v in TARGETS.items()}
    for key, ok in targets_met(result).items():
        result["targets"][key]["met"] = ok
    return result


def profile(cause_id: str, changes: int, top: int = 25) -> str:
    """cProfile of ``changes`` student-mode changes of one explorer, top functions by cumtime."""
    import cProfile
    import pstats

    explorer = discover.explorer_classes()[cause_id]()
    profiler = cProfile.Profile()
    profiler.enable()
    time_changes(explorer.controls, changes, lambda: explorer_outputs_json(explorer))
    profiler.disable()
    buf = io.StringIO()
    pstats.Stats(profiler, stream=buf).sort_stats("cumulative").print_stats(top)
    return buf.getvalue()


def human(result: dict) -> str:
    lines = ["explorer            p50 ms   p95 ms   patient p95 ms"]
    for cid, r in result["explorers"].items():
        if "error" in r:
            lines.append(f"{cid:<18}  {r['error']}")
        else:
            lines.append(
                f"{cid:<18} {r['p50_ms']:>7.2f}  {r['p95_ms']:>7.2f}  {r['patient_p95_ms']:>10.2f}"
            )
    lines.append(
        f"baseline interact  {result['baseline_interact_p50_ms']:>7.2f}  "
        f"{result['baseline_interact_p95_ms']:>7.2f}"
    )
    for key in ("notebooks_s", "kernel_peak_rss_mb", "import_s", "import_explorer_s"):
        lines.append(f"{key:<20} {result.get(key)}")
    lines.append("targets met: " + json.dumps({k: v["met"] for k, v in result["targets"].items()}))
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m spasm_edu.tooling.bench", description=__doc__)
    parser.add_argument("--json", action="store_true", help="print one JSON object")
    parser.add_argument("--changes", type=int, default=200, help="control changes per mode")
    parser.add_argument(
        "--notebooks", default="*.ipynb", help="glob of notebooks to run ('' to skip)"
    )
    parser.add_argument("--import-runs", type=int, default=5)
    parser.add_argument("--profile", metavar="CAUSE_ID", help="profile one explorer instead")
    parser.add_argument(
        "--browser",
        action="store_true",
        help="drive the patient session in Chromium instead (spasm_edu.tooling.bench_browser)",
    )
    parser.add_argument("--rounds", type=int, default=3, help="--browser: walks of the session")
    parser.add_argument(
        "--sessions", default="1,5,10,20", help="--browser: pages opened at once, comma-separated"
    )
    args = parser.parse_args(argv)
    if args.browser:
        from spasm_edu.tooling import bench_browser

        sessions = tuple(int(x) for x in args.sessions.split(",") if x.strip())
        result = bench_browser.run(args.rounds, sessions)
        print(json.dumps(result, indent=2))
        return 0 if "error" not in result else 2
    if args.profile:
        print(profile(args.profile, args.changes))
        return 0
    result = run(args.changes, args.notebooks or None, args.import_runs)
    print(json.dumps(result, indent=2) if args.json else human(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
