"""Bad input never escapes as anything but a clear ValueError, and a widget never shows a
traceback. Everything is discovered, so new models and explorers are covered unasked:

- every explorer (``spasm_edu/explorers/<cause_id>.py``), both modes, every control: set to
  each valid value and to what a person could type or drag (negative, zero, huge, NaN,
  infinite, text with a unit). The widget may refuse the value itself (a ``TraitError``, or a
  slider clamping it); otherwise the explorer must answer or set ``explorer.error`` with a kind
  message, never raise, never log a crash, never show "Traceback";
- every public function in ``spasm_edu/models/`` with a valid call recorded while the explorers
  are driven: each argument swapped for a bad value (and each entry of a mapping argument, and
  each field of a dataclass argument). NaN, infinity, text and None (where None is not allowed)
  must raise a ValueError naming that argument; negative, zero and huge values must give an
  answer or a ValueError naming an argument;
- every public model function, fuzzed by hypothesis with nasty values for every argument:
  an answer or a ValueError that names an argument (never TypeError, KeyError, ...).
"""

from __future__ import annotations

import dataclasses
import inspect
import logging
from collections.abc import Mapping

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from traitlets import TraitError

from spasm_edu.tooling import discover
from spasm_edu.tooling.readability import explorer_states

EXPLORERS = discover.explorer_classes()
MODELS = discover.model_modules()

NAN, INF = float("nan"), float("inf")
# What a person can type, drag or paste into a control (a list or a tick box offers only its
# own choices, so those get only their valid values).
TYPED_NUMBERS = [-1, 0, 10**12, -(10**12), NAN, INF, -INF]
TYPED_TEXT = ["", " ", "abc", "12 kg", "-5", "NaN", "1e400", "x" * 500]
STRICT = [NAN, INF, -INF, "12", "70 kg", "abc"]  # never a right answer: must be a ValueError
LENIENT = [-1, 0, -1.5, 1e12]  # may be a right answer


def _public_functions():
    out = []
    for short, module in MODELS.items():
        for name, obj in vars(module).items():
            if (
                not name.startswith("_")
                and inspect.isfunction(obj)
                and obj.__module__ == module.__name__
            ):
                out.append((f"{short}.{name}", module, name))
    return out


FUNCTIONS = _public_functions()


# -- explorers --------------------------------------------------------------------------------
def _crash_records(caplog):
    return [r for r in caplog.records if r.levelno >= logging.ERROR]


def _check_explorer(explorer, caplog, what):
    assert "Traceback" not in explorer.message.value, what
    assert "Traceback" not in explorer.summary.value, what
    crashes = _crash_records(caplog)
    assert not crashes, f"{what}: the explorer hit an unexpected error: {explorer.error}"
    if explorer.error is not None:
        assert explorer.message.value.strip(), f"{what}: error set but no message shown"


def typed_values(control) -> list:
    import ipywidgets as w

    if isinstance(control, w.widgets.widget_selection._Selection | w.Checkbox | w.ToggleButton):
        return []
    if isinstance(control, w.Text | w.Textarea | w.Combobox):
        return TYPED_TEXT
    if isinstance(getattr(control, "value", None), int | float):
        return TYPED_NUMBERS
    return []


CONTROL_CASES = [
    pytest.param(cid, mode, id=f"{cid}-{mode}")
    for cid in EXPLORERS
    for mode in ("student", "patient")
]


@pytest.mark.parametrize(("cid", "mode"), CONTROL_CASES)
def test_every_control_takes_every_value_without_a_traceback(cid, mode, caplog):
    caplog.set_level(logging.ERROR)
    explorer = EXPLORERS[cid](mode=mode)
    assert explorer.error is None, f"starts with an error: {explorer.error}"
    for name, control in explorer.controls.items():
        original = control.value
        for value in [*discover.control_values(control), *typed_values(control)]:
            what = f"{cid} ({mode}) control {name!r} = {value!r}"
            try:
                control.value = value
            except TraitError:
                continue  # the widget itself refuses it: a person cannot enter it
            _check_explorer(explorer, caplog, what)
        control.value = original
        _check_explorer(explorer, caplog, f"{cid} ({mode}) control {name!r} reset")
        assert explorer.error is None, f"{cid} ({mode}) does not recover after {name!r}"


@pytest.mark.parametrize(("cid", "mode"), CONTROL_CASES)
def test_driven_states_show_no_traceback(cid, mode, caplog):
    caplog.set_level(logging.ERROR)
    for state, explorer in explorer_states(EXPLORERS[cid](mode=mode)):
        _check_explorer(explorer, caplog, f"{cid} ({mode}) {state}")


@pytest.mark.parametrize("cid", list(EXPLORERS))
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_sequence_of_valid_changes_is_handled(cid, data):
    explorer = EXPLORERS[cid]()
    names = [n for n, c in explorer.controls.items() if discover.control_values(c)]
    if not names:
        return
    for _ in range(data.draw(st.integers(1, 8))):
        name = data.draw(st.sampled_from(names))
        value = data.draw(st.sampled_from(discover.control_values(explorer.controls[name])))
        explorer.controls[name].value = value
        assert "Traceback" not in explorer.message.value
        assert explorer.error is None or explorer.message.value.strip()
        assert explorer.error is None or not explorer.error.startswith(
            ("TypeError", "KeyError", "AttributeError", "ZeroDivisionError", "IndexError")
        ), explorer.error


# -- model functions: valid calls recorded while the explorers are driven ----------------------
def _record_calls() -> dict[str, tuple[tuple, dict]]:
    """The first successful call of every public model function, made by driving every
    explorer in both modes through its states."""
    calls: dict[str, tuple[tuple, dict]] = {}
    patched = []

    def wrap(key, func):
        def spy(*args, **kwargs):
            result = func(*args, **kwargs)
            calls.setdefault(key, (args, kwargs))
            return result

        return spy

    for key, module, name in FUNCTIONS:
        patched.append((module, name, getattr(module, name)))
        setattr(module, name, wrap(key, getattr(module, name)))
    try:
        for cls in EXPLORERS.values():
            for mode in ("student", "patient"):
                try:
                    for _ in explorer_states(cls(mode=mode)):
                        pass
                except Exception:  # noqa: BLE001, S112 - the explorer tests report it
                    continue
    finally:
        for module, name, func in patched:
            setattr(module, name, func)
    return calls


RECORDED = _record_calls()


def _bound(key, module, name):
    func = getattr(module, name)
    args, kwargs = RECORDED[key]
    bound = inspect.signature(func).bind(*args, **kwargs)
    return func, bound


def _names_argument(exc: ValueError, argument: str) -> bool:
    return argument in str(exc) or str(getattr(exc, "name", "")).startswith(argument)


def _allows_none(func, param: str) -> bool:
    annotation = inspect.signature(func).parameters[param].annotation
    default = inspect.signature(func).parameters[param].default
    return default is None or "None" in str(annotation) or "Optional" in str(annotation)


def _variants(bound: inspect.BoundArguments, func):
    """(argument named, where, bad value, strict, call kwargs) for each substitution."""
    for param, value in bound.arguments.items():
        if param == "data_dir":
            continue
        if isinstance(value, bool):  # None is bad unless it is allowed ("not told")
            for bad in ("yes", 1) + (() if _allows_none(func, param) else (None,)):
                yield param, param, bad, True, {**bound.arguments, param: bad}
        elif isinstance(value, int | float):
            for bad in STRICT + ([] if _allows_none(func, param) else [None]):
                yield param, param, bad, True, {**bound.arguments, param: bad}
            for bad in LENIENT:
                yield param, param, bad, False, {**bound.arguments, param: bad}
        elif isinstance(value, str):
            for bad in ("no_such_id", 5, NAN):
                yield param, param, bad, False, {**bound.arguments, param: bad}
        elif isinstance(value, Mapping):
            for key in list(value)[:3]:
                for bad in STRICT:
                    yield (
                        param,
                        f"{param}[{key!r}]",
                        bad,
                        True,
                        {
                            **bound.arguments,
                            param: {**value, key: bad},
                        },
                    )
            yield param, param, 42, True, {**bound.arguments, param: 42}
        elif (
            dataclasses.is_dataclass(value)
            and not isinstance(value, type)
            and hasattr(value, "__post_init__")  # an input that checks itself, not a result
        ):
            for field in dataclasses.fields(value):
                current = getattr(value, field.name)
                if isinstance(current, bool) or not isinstance(current, int | float):
                    continue
                for bad in STRICT:
                    yield field.name, f"{param}.{field.name}", (value, field.name, bad), True, None


BASELINED = [pytest.param(key, module, name, id=key) for key, module, name in FUNCTIONS]


def bad_argument_problems(func, bound: inspect.BoundArguments) -> list[str]:
    """Swap each argument of a valid call for bad values; list what went wrong."""
    problems = []
    for argument, where, bad, strict, kwargs in _variants(bound, func):
        try:
            if kwargs is None:  # a bad field of a dataclass argument
                obj, field, value = bad
                bad = value
                kwargs = {
                    **bound.arguments,
                    where.split(".")[0]: dataclasses.replace(obj, **{field: value}),
                }
            result = func(**kwargs)
        except ValueError as exc:
            if strict and not _names_argument(exc, argument):
                problems.append(f"{where}={bad!r}: ValueError does not name {argument!r}: {exc}")
            elif (
                not strict
                and not hasattr(exc, "name")  # an InputError names the (inner) argument
                and not any(_names_argument(exc, p) for p in bound.arguments)
            ):
                problems.append(f"{where}={bad!r}: ValueError names no argument: {exc}")
        except Exception as exc:  # noqa: BLE001 - this is what the test reports
            problems.append(f"{where}={bad!r}: {type(exc).__name__}: {exc}")
        else:
            if strict:
                problems.append(f"{where}={bad!r}: returned {str(result)[:80]} (want ValueError)")
    return problems


@pytest.mark.parametrize(("key", "module", "name"), BASELINED)
def test_bad_arguments_raise_a_value_error_naming_them(key, module, name):
    if key not in RECORDED:
        pytest.skip("no explorer calls it, so no valid call to start from (fuzzed below)")
    func, bound = _bound(key, module, name)
    problems = bad_argument_problems(func, bound)
    assert not problems, f"{key}:\n" + "\n".join(problems[:25])


# -- model functions: hypothesis fuzz ---------------------------------------------------------
NASTY = st.one_of(
    st.sampled_from([-1, 0, 1, 10**12, NAN, INF, -INF, "", "abc", "12 kg", None, True, (), [], {}]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-(10**6), 10**6),
    st.text(max_size=8),
    st.lists(st.text(max_size=5), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(-3, 30), max_size=3),
)


def _fuzzable(func) -> list[str]:
    return [
        p.name
        for p in inspect.signature(func).parameters.values()
        if p.kind in (p.POSITIONAL_OR_KEYWORD, p.KEYWORD_ONLY) and p.name != "data_dir"
    ]


FUZZED = [
    pytest.param(key, module, name, id=key)
    for key, module, name in FUNCTIONS
    if _fuzzable(getattr(module, name))
]


@pytest.mark.parametrize(("key", "module", "name"), FUZZED)
@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_input_gives_an_answer_or_a_value_error(key, module, name, data):
    func = getattr(module, name)
    params = inspect.signature(func).parameters
    kwargs = {}
    for param in _fuzzable(func):
        has_default = params[param].default is not inspect.Parameter.empty
        if has_default and data.draw(st.booleans(), label=f"keep default {param}"):
            continue
        kwargs[param] = data.draw(NASTY, label=param)
    try:
        func(**kwargs)
    except ValueError as exc:
        assert any(_names_argument(exc, p) for p in params) or hasattr(exc, "name"), (
            f"{key}({kwargs!r}): ValueError names no argument: {exc}"
        )
    except Exception as exc:  # noqa: BLE001
        pytest.fail(f"{key}({kwargs!r}) raised {type(exc).__name__}: {exc} (want ValueError)")


def test_the_gates_can_fail():
    """A function that lets NaN through or raises TypeError is reported; a checked one is not."""
    from spasm_edu import validation as check

    def unchecked(dose_mg: float, label: str = "x") -> float:
        return dose_mg * 2

    def checked(dose_mg: float, label: str = "x") -> float:
        return check.number("dose_mg", dose_mg, 0, 100, "mg") * 2

    bad = bad_argument_problems(unchecked, inspect.signature(unchecked).bind(5.0))
    assert "dose_mg=nan: returned nan (want ValueError)" in bad
    assert any(p.startswith("dose_mg=None: TypeError") for p in bad)
    assert bad_argument_problems(checked, inspect.signature(checked).bind(5.0)) == []
