"""Size a class hub from the measured class (``make test-hub`` -> test-artifacts/hub.json).

``python tools/hub_sizing.py [--write]`` prints the sizing table that README.md shows and, with
``--write``, stores the measurement (without its log) and the sizing in
``docs/measurements/hub.json`` (tests/test_deployment.py checks the README against it).

Per student = the largest measured RSS of one student's server with one notebook kernel (the
diary, the largest notebook). Only the measured class size is measured; every other row is an
**extrapolation**: students × per student + the measured hub and proxy, then 25 % headroom for
the operating system, the file cache and students who keep a second notebook open.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MEASURED = ROOT / "test-artifacts" / "hub.json"
STORED = ROOT / "docs" / "measurements" / "hub.json"
CLASS_SIZES = (10, 20, 30, 40)
HEADROOM = 0.25
SERVER_SIZES_GB = (2, 4, 8, 16, 32, 64)
OPEN_NOTEBOOKS_IN_LIMIT = 3  # the per-student limit fits the server and three open notebooks


def ceil_to(mb: float, step: int = 64) -> int:
    return int(math.ceil(mb / step) * step)


def sizing(measured: dict) -> dict:
    students = measured["students"]
    per_student = max(s["memory_diary_kernel"]["total_mb"] for s in students)
    server = max(s["memory_diary_kernel"]["server_mb"] for s in students)
    kernel = max(
        max(s["memory_diary_kernel"]["kernels_mb"], s["memory_after_cause_notebook"]["kernels_mb"])
        for s in students
    )
    hub = measured["hub_and_proxy_rss_mb"]
    rows = {}
    for n in sorted({measured["n_students"], *CLASS_SIZES}):
        need = n * per_student + hub
        with_headroom = need * (1 + HEADROOM)
        fits = next((g for g in SERVER_SIZES_GB if g * 1024 >= with_headroom), None)
        rows[str(n)] = {
            "need_gb": round(need / 1024, 1),
            "with_headroom_gb": round(with_headroom / 1024, 1),
            "server_gb": fits,
            "measured": n == measured["n_students"],
        }
    return {
        "per_student_mb": round(per_student),
        "server_mb": round(server),
        "kernel_mb": round(kernel),
        "hub_and_proxy_mb": round(hub),
        "headroom": HEADROOM,
        "guarantee_mb": ceil_to(per_student),
        "limit_mb": ceil_to(server + OPEN_NOTEBOOKS_IN_LIMIT * kernel),
        "students": rows,
    }


def table(size: dict) -> str:
    ns = list(size["students"])
    head = [f"{n} (measured)" if size["students"][n]["measured"] else n for n in ns]
    per, hub = size["per_student_mb"], size["hub_and_proxy_mb"]
    lines = [
        "| students at once | " + " | ".join(head) + " |",
        "|---|" + "---|" * len(ns),
        f"| students × {per} MB + {hub} MB | "
        + " | ".join(f"{size['students'][n]['need_gb']:.1f} GB" for n in ns)
        + " |",
        "| with 25 % headroom | "
        + " | ".join(f"{size['students'][n]['with_headroom_gb']:.1f} GB" for n in ns)
        + " |",
        "| a common server size that fits | "
        + " | ".join(f"{size['students'][n]['server_gb']} GB" for n in ns)
        + " |",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--from", dest="source", type=Path, default=MEASURED)
    parser.add_argument("--write", action="store_true", help=f"store it in {STORED}")
    args = parser.parse_args(argv)
    measured = json.loads(args.source.read_text())
    measured.pop("hub_log_tail", None)
    size = sizing(measured)
    print(table(size))
    print(json.dumps({k: v for k, v in size.items() if k != "students"}))
    if args.write:
        STORED.write_text(json.dumps({"measured": measured, "sizing": size}, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
