"""Measure the memory one student needs: kernel peak RSS and the Jupyter server's RSS.

    .venv/bin/python tools/measure_kernel_memory.py [--out docs/measurements/kernel_memory.json]

1. **One kernel running every notebook** that exists (course order), with nbclient reusing a
   single kernel, so imports and data pile up as they would for a student who works through
   the whole course without restarting. Peak RSS is the kernel's ``VmHWM`` (Linux high-water
   mark, exact) cross-checked by sampling ``psutil`` every 10 ms.
2. **A fresh kernel per notebook**: each notebook's own peak (what one open notebook costs).
3. **The single-user server**: RSS of a ``jupyter lab`` server after start-up and after serving
   the JupyterLab page (the per-user server process a JupyterHub spawns is the same server).

Prints JSON, and the sizing for The Littlest JupyterHub (TLJH docs: recommended memory =
max concurrent users x max memory per user + 128 MB for TLJH itself).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import nbformat
import psutil
from jupyter_client import KernelManager
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
MB = 1024 * 1024
TLJH_OVERHEAD_MB = 128  # TLJH docs, "Estimate Memory / CPU / Disk needed"


def course_notebooks() -> list[Path]:
    sys.path.insert(0, str(ROOT))
    from spasm_edu.tooling import course

    return [NOTEBOOKS / r.notebook for r in course.contents()]


def vm_hwm_mb(pid: int) -> float | None:
    """Peak resident set size of a live process (Linux /proc), in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


class Sampler(threading.Thread):
    """Polls a process's RSS (including its children) and keeps the peak."""

    def __init__(self, pid: int, every_s: float = 0.01):
        super().__init__(daemon=True)
        self.proc, self.every_s, self.peak_mb, self.stop = psutil.Process(pid), every_s, 0.0, False

    def rss_mb(self) -> float:
        procs = [self.proc, *self.proc.children(recursive=True)]
        total = 0
        for p in procs:
            try:
                total += p.memory_info().rss
            except psutil.Error:
                pass
        return total / MB

    def run(self) -> None:
        while not self.stop:
            try:
                self.peak_mb = max(self.peak_mb, self.rss_mb())
            except psutil.Error:
                return
            time.sleep(self.every_s)


def start_kernel() -> KernelManager:
    km = KernelManager(kernel_name="python3")
    km.start_kernel(cwd=str(NOTEBOOKS))
    return km


def run_notebook(km: KernelManager, path: Path) -> float:
    nb = nbformat.read(path, as_version=4)
    start = time.perf_counter()
    NotebookClient(
        nb, km=km, timeout=300, resources={"metadata": {"path": str(NOTEBOOKS)}}
    ).execute()
    return time.perf_counter() - start


def one_kernel_all(paths: list[Path]) -> dict:
    km = start_kernel()
    pid = km.provisioner.pid
    sampler = Sampler(pid)
    sampler.start()
    after = {}
    try:
        time.sleep(1.0)
        idle = sampler.rss_mb()
        for path in paths:
            seconds = run_notebook(km, path)
            after[path.name] = {
                "rss_after_mb": round(sampler.rss_mb(), 1),
                "seconds": round(seconds, 1),
            }
        hwm = vm_hwm_mb(pid)
    finally:
        sampler.stop = True
        sampler.join()
        km.shutdown_kernel(now=True)
    return {
        "kernel_idle_mb": round(idle, 1),
        "peak_rss_mb_vmhwm": round(hwm, 1) if hwm else None,
        "peak_rss_mb_sampled": round(sampler.peak_mb, 1),
        "after_each_notebook": after,
    }


def fresh_kernel_each(paths: list[Path]) -> dict:
    peaks = {}
    for path in paths:
        km = start_kernel()
        try:
            run_notebook(km, path)
            peaks[path.name] = round(vm_hwm_mb(km.provisioner.pid) or 0, 1)
        finally:
            km.shutdown_kernel(now=True)
    return peaks


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_rss() -> dict:
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        f"--port={port}",
        "--ServerApp.ip=127.0.0.1",
        "--ServerApp.token=",
        "--ServerApp.password=",
        f"--ServerApp.root_dir={ROOT}",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(300):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/status", timeout=1)
                break
            except OSError:
                time.sleep(0.2)
        time.sleep(1.0)
        started = psutil.Process(proc.pid).memory_info().rss / MB
        urllib.request.urlopen(f"http://127.0.0.1:{port}/lab", timeout=30).read()
        urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents/notebooks", timeout=30).read()
        time.sleep(1.0)
        served = psutil.Process(proc.pid).memory_info().rss / MB
        hwm = vm_hwm_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    return {
        "server_started_mb": round(started, 1),
        "server_after_lab_page_mb": round(served, 1),
        "server_peak_mb_vmhwm": round(hwm, 1) if hwm else None,
    }


def sizing(kernel_peak_mb: float, server_mb: float) -> dict:
    per_user = kernel_peak_mb + server_mb
    rows = {}
    for students in (10, 20, 30, 40):
        need = students * per_user + TLJH_OVERHEAD_MB
        rows[str(students)] = {
            "need_gb": round(need / 1024, 1),
            "with_25pct_headroom_gb": round(need * 1.25 / 1024, 1),
        }
    return {
        "formula": "RAM = students x (peak kernel MB + server MB) + 128 MB (TLJH); "
        "then about 25 % headroom for the OS and file cache",
        "per_user_mb": round(per_user),
        "students": rows,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", help="also write the JSON here")
    args = parser.parse_args(argv)
    paths = course_notebooks()
    one = one_kernel_all(paths)
    each = fresh_kernel_each(paths)
    server = server_rss()
    kernel_peak = one["peak_rss_mb_vmhwm"] or one["peak_rss_mb_sampled"]
    server_mb = max(server["server_after_lab_page_mb"], server["server_started_mb"])
    result = {
        "measured": time.strftime("%Y-%m-%d"),
        "machine": f"{platform.system()} {platform.machine()}, Python {platform.python_version()}, "
        f"{psutil.cpu_count()} CPUs",
        "notebooks": [p.name for p in paths],
        "one_kernel_every_notebook": one,
        "fresh_kernel_peak_mb_per_notebook": each,
        "single_user_server": server,
        "tljh_sizing": sizing(kernel_peak, server_mb),
    }
    text = json.dumps(result, indent=2)
    print(text)
    if args.out:
        Path(args.out).parent.mkdir(parents=True, exist_ok=True)
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
