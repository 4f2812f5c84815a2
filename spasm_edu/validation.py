"""Checks at the edge of every model: bad input raises :class:`InputError` (a ValueError)
whose message names the argument, the value it got and the range it accepts."""

from __future__ import annotations

import math
from collections.abc import Collection
from numbers import Integral, Real


class InputError(ValueError):
    """An argument to a model is the wrong type, not a number, or out of range."""

    def __init__(self, name: str, value: object, allowed: str):
        self.name, self.value, self.allowed = name, value, allowed
        super().__init__(f"{name} must be {allowed} (got {value!r})")


def number(name: str, value: object, lo: float, hi: float, unit: str = "") -> float:
    """Return ``value`` as a float if it is a real, finite number in ``[lo, hi]``."""
    unit_txt = f" {unit}" if unit else ""
    allowed = f"a number from {lo:g} to {hi:g}{unit_txt}"
    if isinstance(value, bool) or not isinstance(value, Real):
        raise InputError(name, value, allowed)
    as_float = float(value)
    if math.isnan(as_float) or math.isinf(as_float) or not lo <= as_float <= hi:
        raise InputError(name, value, allowed)
    return as_float


def whole_number(name: str, value: object, lo: int, hi: int, unit: str = "") -> int:
    """Return ``value`` as an int if it is a whole number in ``[lo, hi]``."""
    unit_txt = f" {unit}" if unit else ""
    allowed = f"a whole number from {lo} to {hi}{unit_txt}"
    if isinstance(value, bool):
        raise InputError(name, value, allowed)
    if isinstance(value, Integral):
        as_int = int(value)
    elif isinstance(value, Real) and math.isfinite(float(value)) and float(value).is_integer():
        as_int = int(value)
    else:
        raise InputError(name, value, allowed)
    if not lo <= as_int <= hi:
        raise InputError(name, value, allowed)
    return as_int


def choice(name: str, value: object, options: Collection[str]) -> str:
    """Return ``value`` if it is one of ``options``."""
    if not isinstance(value, str) or value not in options:
        raise InputError(name, value, "one of " + ", ".join(sorted(options)))
    return value


def flag(name: str, value: object) -> bool:
    """Return ``value`` if it is a real bool (not 0/1 or a string)."""
    if not isinstance(value, bool):
        raise InputError(name, value, "True or False")
    return value
