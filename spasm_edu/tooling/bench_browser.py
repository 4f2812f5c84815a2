"""The patient session in a real browser: speed and memory as a nurse's laptop sees them.

    python -m spasm_edu.tooling.bench --browser --json      (make bench-browser)

Starts Voila on 127.0.0.1 the way ``make present`` does, drives Debian's Chromium with Playwright
(never a downloaded browser) and reports, in seconds or milliseconds:

- ``floor_first_usable_s``: a one-slider notebook served exactly as the session in the same run
  (the same command line, pool and refill; each page opened once the pool is full and quiet),
  the least any Voila page can take here, and ``session_first_usable_s``: page open -> the
  session's Next button can be clicked; ``first_usable_ratio`` is session / floor (goal <= 1.2).
- ``step_change_ms``: each Next click until the new step's title shows, with three causes
  picked (caffeine, overuse, not enough fluid), p50/p95 over ``--rounds`` walks (goal p95 <= 300).
  Before each click the walk waits ``--think`` seconds (default 1; a nurse reads a step before
  pressing Next, and the session builds the next step in that time); ``--think 0`` clicks as
  soon as a step shows, which puts that building on the clock.
- ``control_round_trip_ms``: choose a number of cups of coffee until the summary shows the new
  amount
  (goal p95 <= 150).
- ``handout_make_ms`` and ``handout_save_ms``: Make the handout until it shows; Save until the
  "Saved" message shows (the save goes to a temporary folder that is removed afterwards).
- ``concurrent``: for 1, 5, 10 and 20 pages opened at once, first usable p50/max and how many
  became usable within the time limit, and the server's RSS (Voila + kernels) after them
  (goal: 10 sessions all usable with p95 <= 15 s); and the CPU seconds Voila, its kernels and
  the browser used until then (``voila_cpu_s``, ``kernels_cpu_s``, ``browser_cpu_s``,
  ``server_cpu_s_per_page``): here the benchmark's browser shares the server's cores, where a
  class's or a clinic's browsers each run on their own computer.

Every request that would leave 127.0.0.1 is blocked and counted. Timings are reported, never
asserted (standard 7): a shared 2-core machine is too noisy for limits in tests.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from spasm_edu import handout, present

# Debian's Chromium under Playwright: the handout's base flags (root, no background network)
BROWSER_FLAGS = handout.BROWSER_BASE_FLAGS
CHROMIUM_FLAGS = [*BROWSER_FLAGS, "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"]
FLOOR_NOTEBOOK = {
    "cells": [
        {
            "cell_type": "code",
            "execution_count": None,
            "id": "floor",
            "metadata": {},
            "outputs": [],
            "source": "import ipywidgets as w\nw.VBox([w.IntSlider(description='x'), "
            "w.Button(description='Next')])",
        }
    ],
    "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3"}},
    "nbformat": 4,
    "nbformat_minor": 5,
}
NEXT_ENABLED = (  # the session (or the floor page) can be used: its Next button is enabled
    "() => [...document.querySelectorAll('button')].some("
    "b => b.textContent.trim() === 'Next' && !b.disabled)"
)
GOALS = {
    "first_usable_ratio": 1.2,
    "step_change_p95_ms": 300,
    "control_round_trip_p95_ms": 150,
    "ten_sessions_p95_s": 15,
}


def chromium() -> str | None:
    for candidate in (
        os.environ.get("SPASM_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
    ):
        if candidate and Path(candidate).exists():
            return candidate
    return None


def _pct(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "n": len(values),
        "p50": round(statistics.median(ordered), 3),
        "p95": round(p95, 3),
        "max": round(ordered[-1], 3),
    }


class Server:
    """Voila for one notebook on a free loopback port, stopped on exit."""

    def __init__(self, notebook: Path, handout_dir: Path, pool: int | None = None):
        """``pool``: pre-heated kernels (None: as ``make present``, :data:`present.POOL_SIZE`)."""
        self.port = present.free_port()
        self.pool = present.POOL_SIZE if pool is None else pool
        cmd = present.voila_command(
            self.port, preheat=self.pool > 0, notebook=notebook, pool_size=self.pool
        )
        env = present.voila_env(dict(os.environ, SPASM_HANDOUT_DIR=str(handout_dir)))
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            cmd,
            cwd=present.NOTEBOOK.parent.parent,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        self.url = f"http://{present.HOST}:{self.port}/"

    def wait_up(self, timeout_s: float = 90) -> None:
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Voila exited early ({self.proc.returncode})")
            try:
                urllib.request.urlopen(self.url + "voila/static/", timeout=2)  # noqa: S310
                return
            except urllib.error.HTTPError:
                return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("Voila did not answer in time")

    def wait_pool(self, timeout_s: float = 240, taken: int = 0) -> float:
        """Wait until the pool's kernels are running and quiet (the session built in each), as
        on a clinic server started before the first patient; returns the seconds it took.
        ``taken``: kernels handed to pages so far (they run on until culled).
        (Voila refuses to list its kernels, so their processes are watched.)"""
        import psutil

        start = time.monotonic()
        quiet = 0
        while time.monotonic() - start < timeout_s:
            try:
                kernels = [
                    p
                    for p in psutil.Process(self.proc.pid).children(recursive=True)
                    if "ipykernel_launcher" in " ".join(p.cmdline())
                ]
                for k in kernels:
                    k.cpu_percent(None)
                time.sleep(1)
                busy = sum(k.cpu_percent(None) for k in kernels)
            except psutil.Error:
                continue
            quiet = quiet + 1 if len(kernels) >= self.pool + taken and busy < 5 else 0
            if quiet >= 3:  # three quiet seconds in a row
                return round(time.monotonic() - start, 1)
        return round(time.monotonic() - start, 1)

    def rss_mb(self) -> float:
        import psutil

        try:
            root = psutil.Process(self.proc.pid)
            procs = [root, *root.children(recursive=True)]
        except psutil.Error:
            return 0.0
        total = 0
        for p in procs:
            with contextlib.suppress(psutil.Error):
                total += p.memory_info().rss
        return round(total / 2**20, 1)

    def cpu_s(self) -> dict[str, float]:
        """CPU seconds (user + system) used so far by Voila's own process and by its kernels
        (those still running: a page's kernel outlives the page until it is culled)."""
        import psutil

        out = {"voila": 0.0, "kernels": 0.0}
        try:
            root = psutil.Process(self.proc.pid)
            kids = root.children(recursive=True)
        except psutil.Error:
            return out
        for key, procs in (("voila", [root]), ("kernels", kids)):
            for p in procs:
                with contextlib.suppress(psutil.Error):
                    t = p.cpu_times()
                    out[key] += t.user + t.system
        return out

    def stop(self) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGKILL)
        self.log.close()


def browser_cpu_s(server: Server | None = None) -> float:
    """CPU seconds used so far by the Chromium processes this benchmark drives (the pages'
    renderers die with their pages: read this before closing them)."""
    import psutil

    skip = set()
    if server is not None:
        with contextlib.suppress(psutil.Error):
            root = psutil.Process(server.proc.pid)
            skip = {root.pid, *(p.pid for p in root.children(recursive=True))}
    total = 0.0
    for p in psutil.Process().children(recursive=True):
        with contextlib.suppress(psutil.Error):
            if p.pid not in skip and "chrom" in p.name().lower():
                t = p.cpu_times()
                total += t.user + t.system
    return total


def _guard(page, blocked: list[str]) -> None:
    def route(r):
        url = r.request.url
        if url.startswith(("http://127.0.0.1", "ws://127.0.0.1", "data:", "blob:")):
            r.continue_()
        else:
            blocked.append(url)
            r.abort()

    page.route("**/*", route)


def first_usable(page, url: str, timeout_s: float = 120) -> float:
    start = time.perf_counter()
    page.goto(url, wait_until="commit", timeout=timeout_s * 1000)
    page.get_by_role("button", name="Next", exact=True).wait_for(timeout=timeout_s * 1000)
    page.wait_for_function(NEXT_ENABLED, timeout=timeout_s * 1000)
    return time.perf_counter() - start


def walk(page, think_s: float = 0.0) -> dict[str, list[float]]:
    """One nurse's walk through the session; returns the timings it took. ``think_s``: the
    pause before each Next or Back (reading the step), a third of it before each tick."""
    out: dict[str, list[float]] = {"step": [], "round_trip": [], "make": [], "save": []}

    def change_step(button: str, step: int, came_from: int) -> None:
        time.sleep(think_s)
        start = time.perf_counter()
        page.get_by_role("button", name=button, exact=True).click()
        page.get_by_text(f"Step {step} of 5").wait_for()
        ms = (time.perf_counter() - start) * 1000
        out["step"].append(ms)
        out.setdefault(f"step {came_from}->{step}", []).append(ms)

    def next_step(step: int) -> None:
        change_step("Next", step, step - 1)

    next_step(2)
    for name in ("Caffeine", "Overuse", "Not enough fluid"):
        time.sleep(think_s / 3)
        page.get_by_role("checkbox", name=name, exact=True).check()
    next_step(3)
    page.get_by_role("heading", name="Caffeine").wait_for()
    coffee = page.get_by_role("combobox", name=re.compile(r"^Brewed coffee"))
    for n in (3, 4, 5, 6, 7, 3, 4, 5, 6, 7):  # choose a number of cups: the total follows
        start = time.perf_counter()
        coffee.select_option(label=str(n))
        page.get_by_text(f"{96 * n} mg").first.wait_for(timeout=30_000)
        out["round_trip"].append((time.perf_counter() - start) * 1000)
    next_step(4)
    pages = page.get_by_text("Questions 1 of").first
    pages.wait_for()
    total = int(pages.inner_text().split(" of ")[1].split(".")[0])
    for n in range(1, total + 1):
        page.get_by_text(f"Questions {n} of {total}. Not answered yet.").wait_for()
        page.get_by_role("checkbox", name="None of these", checked=False).check()
        page.get_by_text(f"Questions {n} of {total}. Answered.").wait_for()
        if n < total:
            page.get_by_role("button", name="Next questions").click()
    next_step(5)
    start = time.perf_counter()
    page.get_by_role("button", name="Make the handout").click()
    page.get_by_text("Your muscle spasm notes").first.wait_for(timeout=60_000)
    out["make"].append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    page.get_by_role("button", name="Save the handout").click()
    page.get_by_text("Saved in the folder").first.wait_for(timeout=60_000)
    out["save"].append((time.perf_counter() - start) * 1000)
    for step in (4, 3, 2):  # and back again
        change_step("Back", step, step + 1)
    return out


def _pause(pages, seconds: float) -> None:
    """Wait while Playwright keeps serving the pages' requests. (A plain time.sleep would stall
    every request the guard routes, since the sync API runs route handlers only inside its own
    calls: each wave of a page's scripts then waited for the next look.)"""
    for page in pages:
        with contextlib.suppress(Exception):
            page.wait_for_timeout(seconds * 1000)
            return
    time.sleep(seconds)


def concurrent(browser, url: str, n: int, limit_s: float, server: Server | None = None) -> dict:
    """Open ``n`` pages at once; how long until each can be used. With ``server``, also the CPU
    seconds the server (Voila, kernels) and the browser used meanwhile: on one machine the
    browser's pages and the server share the same cores, where a clinic's or a class's
    browsers run on their own computers."""
    contexts, pages, blocked = [], [], []
    for _ in range(n):
        ctx = browser.new_context(viewport={"width": 1280, "height": 720})
        page = ctx.new_page()
        _guard(page, blocked)
        contexts.append(ctx)
        pages.append(page)
    cpu_before = (server.cpu_s(), browser_cpu_s(server)) if server is not None else None
    start = time.perf_counter()
    for page in pages:
        page.goto(url, wait_until="commit", timeout=limit_s * 1000)
    usable: dict[int, float] = {}
    while len(usable) < n and time.perf_counter() - start < limit_s:
        for i, page in enumerate(pages):
            if i in usable:
                continue
            with contextlib.suppress(Exception):
                if page.evaluate(NEXT_ENABLED):
                    usable[i] = time.perf_counter() - start
        _pause(pages, 0.25)
    cpu = {}
    if cpu_before is not None:
        after = server.cpu_s()
        cpu = {f"{k}_cpu_s": round(after[k] - cpu_before[0][k], 1) for k in after}
        cpu["browser_cpu_s"] = round(browser_cpu_s(server) - cpu_before[1], 1)
        cpu["server_cpu_s_per_page"] = round((cpu["voila_cpu_s"] + cpu["kernels_cpu_s"]) / n, 2)
    for ctx in contexts:
        ctx.close()
    times = list(usable.values())
    return {
        "sessions": n,
        "usable": len(times),
        "limit_s": limit_s,
        "first_usable_s": _pct(times),
        "blocked_requests": len(blocked),
        **cpu,
    }


def run(
    rounds: int = 3,
    sessions: tuple[int, ...] = (1, 5, 10, 20),
    limit_s: float = 180,
    think_s: float = 1.0,
    pool: int | None = None,
) -> dict:
    from playwright.sync_api import sync_playwright

    path = chromium()
    if path is None:
        return {"error": "Chromium not found: sudo apt-get install -y chromium"}
    tmp = Path(tempfile.mkdtemp(prefix="spasm-bench-"))
    floor_nb = tmp / "floor.ipynb"
    floor_nb.write_text(json.dumps(FLOOR_NOTEBOOK), encoding="utf-8")
    result: dict = {"rounds": rounds, "cores": os.cpu_count(), "think_s": think_s}
    with contextlib.suppress(OSError):
        result["load_average"] = [round(x, 2) for x in os.getloadavg()]  # a shared machine
    blocked: list[str] = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
            # The floor page is served exactly as the session: the same command line, pool and
            # refill, and each page opened once the pool is full and quiet again.
            for label, notebook in (("floor", floor_nb), ("session", present.NOTEBOOK)):
                server = Server(notebook, tmp / "handouts", pool=pool)
                try:
                    server.wait_up()
                    result[f"{label}_pool_ready_s"] = server.wait_pool()
                    times = []
                    for done in range(1, rounds + 1):
                        ctx = browser.new_context(viewport={"width": 1280, "height": 720})
                        page = ctx.new_page()
                        _guard(page, blocked)
                        times.append(first_usable(page, server.url))
                        if label == "session":
                            for key, values in walk(page, think_s).items():
                                result.setdefault(key, []).extend(values)
                        ctx.close()
                        server.wait_pool(taken=done)  # the pool refills, as between two patients
                    result[f"{label}_first_usable_s"] = _pct(times)
                    result[f"{label}_rss_mb"] = server.rss_mb()
                finally:
                    server.stop()
            result["step_change_ms"] = _pct(result.pop("step", []))
            result["step_change_ms_by_step"] = {
                k.removeprefix("step "): _pct(result.pop(k))
                for k in list(result)
                if k.startswith("step ")
            }
            result["control_round_trip_ms"] = _pct(result.pop("round_trip", []))
            result["handout_make_ms"] = _pct(result.pop("make", []))
            result["handout_save_ms"] = _pct(result.pop("save", []))
            floor = result["floor_first_usable_s"].get("p50")
            sess = result["session_first_usable_s"].get("p50")
            result["first_usable_ratio"] = round(sess / floor, 2) if floor and sess else None
            result["concurrent"] = []
            for n in sessions:
                server = Server(present.NOTEBOOK, tmp / "handouts", pool=pool)
                try:
                    server.wait_up()
                    pool_ready_s = server.wait_pool()
                    idle_rss = server.rss_mb()
                    row = concurrent(browser, server.url, n, limit_s, server)
                    row["pool_size"] = server.pool
                    row["pool_ready_s"] = pool_ready_s
                    row["server_rss_mb_idle"] = idle_rss
                    row["server_rss_mb"] = server.rss_mb()
                    result["concurrent"].append(row)
                finally:
                    server.stop()
            browser.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    result["blocked_requests"] = len(blocked)
    with contextlib.suppress(OSError):
        result["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    result["goals"] = GOALS
    ten = next((r for r in result.get("concurrent", []) if r["sessions"] == 10), None)
    result["goals_met"] = {
        "first_usable_ratio": (result.get("first_usable_ratio") or 99)
        <= GOALS["first_usable_ratio"],
        "step_change_p95_ms": result["step_change_ms"].get("p95", 1e9)
        <= GOALS["step_change_p95_ms"],
        "control_round_trip_p95_ms": result["control_round_trip_ms"].get("p95", 1e9)
        <= GOALS["control_round_trip_p95_ms"],
        "ten_sessions_p95_s": bool(ten)
        and ten["usable"] == 10
        and ten["first_usable_s"].get("p95", 1e9) <= GOALS["ten_sessions_p95_s"],
    }
    return result
