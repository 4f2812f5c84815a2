"""Command line for the Revised NIOSH Lifting Equation, for checking against published examples.

    python -m spasm_edu.lifting --json --units us --load 30 --h 15 --v 10 --d 40 --a 45 \\
        --freq 5 --duration 2to8h --coupling poor

prints ``{"rwl": ..., "li": ..., "multipliers": {"HM": ..., ...}, ...}`` in the units asked for
(rwl in kg or lb). Numbers are rounded to 6 decimals; ``li`` is ``null`` when the RWL is 0
(a multiplier is 0, so no load is recommended). Invalid input exits with status 2 and a
message naming the argument. The model is :mod:`spasm_edu.models.body_mechanics`.
"""

from __future__ import annotations

import argparse
import json
import math
import sys

from spasm_edu.models import body_mechanics as bm
from spasm_edu.validation import InputError

FLAGS = {
    "load": "--load",
    "h": "--h",
    "v": "--v",
    "d": "--d",
    "a_deg": "--a",
    "freq_per_min": "--freq",
    "duration": "--duration",
    "coupling": "--coupling",
    "units": "--units",
}


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m spasm_edu.lifting",
        description="Recommended weight limit (RWL) and Lifting Index (LI) from the Revised "
        "NIOSH Lifting Equation (NIOSH Pub. 94-110).",
    )
    p.add_argument("--json", action="store_true", help="print JSON instead of a sentence")
    p.add_argument("--units", default="metric", help="metric (kg, cm) or us (lb, in)")
    p.add_argument("--load", type=float, required=True, help="mass lifted, kg or lb")
    p.add_argument("--h", type=float, required=True, help="hand distance from the ankles")
    p.add_argument("--v", type=float, required=True, help="hand height at the start")
    p.add_argument("--d", type=float, required=True, help="vertical travel of the hands")
    p.add_argument("--a", type=float, default=0.0, help="twist angle, degrees (default 0)")
    p.add_argument(
        "--freq",
        type=float,
        default=0.2,
        help="lifts per minute: 0.2 or less, a NIOSH table value (0.5, 1, 2, ... 15) or "
        "more than 15 (default 0.2)",
    )
    p.add_argument("--duration", default="le1h", help="le1h, 1to2h or 2to8h (default le1h)")
    p.add_argument("--coupling", default="good", help="good, fair or poor (default good)")
    return p


def _rounded(x: float) -> float | None:
    return round(x, 6) if math.isfinite(x) else None


def as_json(result: bm.LiftResult) -> dict:
    return {
        "rwl": _rounded(result.rwl),
        "li": _rounded(result.li),
        "multipliers": {k: _rounded(v) for k, v in result.multipliers.items()},
        "units": result.units,
        "mass_unit": result.mass_unit,
        "band": result.band_id,
        "costliest": list(result.costliest),
    }


def main(argv: list[str] | None = None) -> int:
    p = parser()
    args = p.parse_args(argv)
    try:
        result = bm.assess(
            load=args.load,
            h=args.h,
            v=args.v,
            d=args.d,
            a_deg=args.a,
            freq_per_min=args.freq,
            duration=args.duration,
            coupling=args.coupling,
            units=args.units,
        )
    except InputError as exc:
        p.error(f"argument {FLAGS.get(exc.name, exc.name)}: {exc}")  # exits with status 2
    if args.json:
        print(json.dumps(as_json(result)))
    else:
        li = f"{result.li:.2f}" if result.li_is_finite else "infinite (RWL is 0)"
        parts = " x ".join(f"{k} {v:.3f}" for k, v in result.multipliers.items())
        print(
            f"RWL = {result.load_constant:g} {result.mass_unit} x {parts} = "
            f"{result.rwl:.2f} {result.mass_unit}; LI = {li} ({result.band_label})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
