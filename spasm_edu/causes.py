"""Every cause in one place: one :class:`CauseSpec` entry per cause in :data:`REGISTRY`.

A cause is a row of ``data/causes.csv`` (its name, the one-line summary a patient reads, its
notebook) plus the entry here, which names what it is made of:

- ``data``: its own ``data/*.csv`` files (each with a row model in its ``schema`` module);
- ``model``, ``text``, ``plots``, ``explorer``, ``schema``: its modules (by default
  ``spasm_edu.<part>.<cause_id>``; ``None`` when it has none);
- ``warning_groups``: the red-flag question groups asked only when this cause is picked
  (``data/red_flags.csv`` ``group``; every other group is asked of everyone);
- its notebook and quiz rows (``data/causes.csv`` ``notebook``; ``data/quiz.csv`` rows of that
  notebook) and its warning signs (``data/red_flags.csv`` rows whose ``shown_for`` names it).

The patient session (the cause boxes, step 3's explorers, the handout's lines and picture),
the triage questions, the notebooks tooling, the quality gates and the tests all read the
causes from here; none lists them again. ``tests/test_causes.py`` checks every entry (and that
``data/causes.csv`` and the registry agree) and builds a throwaway cause from the template
(``python -m spasm_edu.tooling.new_cause``) to show the session and the gates pick it up. The
recipe "add a cause" is in CONTRIBUTING.md.
"""

from __future__ import annotations

import importlib
import inspect
from dataclasses import dataclass, field
from types import ModuleType

from spasm_edu import facts

PARTS = ("schema", "model", "text", "plots", "explorer")
_PACKAGES = {"schema": "schema", "model": "models", "text": "text", "plots": "plots"}
_PACKAGES["explorer"] = "explorers"
DEFAULT = "<default>"


@dataclass(frozen=True)
class CauseSpec:
    """One cause: its data files, modules and red-flag groups (see the module docstring)."""

    cause_id: str
    data: tuple[str, ...]
    warning_groups: tuple[str, ...] = ()
    schema: str | None = DEFAULT
    model: str | None = DEFAULT
    text: str | None = DEFAULT
    plots: str | None = DEFAULT
    explorer: str | None = DEFAULT
    modules: dict[str, str | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        mods = {}
        for part in PARTS:
            name = getattr(self, part)
            if name == DEFAULT:
                name = f"spasm_edu.{_PACKAGES[part]}.{self.cause_id}"
                object.__setattr__(self, part, name)
            mods[part] = name
        object.__setattr__(self, "modules", mods)

    # -- what data/ says about it --------------------------------------------------------
    @property
    def row(self):
        """Its row of data/causes.csv (name, summary, notebook, sources)."""
        return facts.table("causes.csv")[self.cause_id]

    @property
    def notebook(self) -> str:
        return self.row.notebook

    def quiz_ids(self) -> list[str]:
        """The data/quiz.csv questions of its notebook."""
        return [q.question_id for q in facts.table("quiz.csv") if q.notebook == self.notebook]

    def warning_signs(self):
        """Its "see a doctor" signs (with the general ones): :func:`models.triage.flags_for`."""
        from spasm_edu.models import triage

        return triage.flags_for(self.cause_id)

    # -- its code ------------------------------------------------------------------------
    def module(self, part: str) -> ModuleType | None:
        """Its ``part`` module (one of :data:`PARTS`), imported; None when it declares none."""
        if part not in PARTS:
            raise ValueError(f"part must be one of {', '.join(PARTS)} (got {part!r})")
        name = self.modules[part]
        return importlib.import_module(name) if name else None

    def explorer_class(self) -> type | None:
        """The one Explorer subclass its explorer module defines (ValueError when it defines
        none or several); None when the cause has no explorer."""
        module = self.module("explorer")
        return None if module is None else explorer_class(module)


def explorer_class(module: ModuleType) -> type:
    """The single Explorer subclass a module defines (ValueError if not exactly one)."""
    from spasm_edu.explorers.base import Explorer

    found = [
        obj
        for obj in vars(module).values()
        if inspect.isclass(obj)
        and issubclass(obj, Explorer)
        and obj is not Explorer
        and obj.__module__ == module.__name__
    ]
    if len(found) != 1:
        names = ", ".join(c.__name__ for c in found) or "none"
        raise ValueError(
            f"{module.__name__} must define exactly one Explorer subclass (found {names})"
        )
    return found[0]


_SPECS = (
    CauseSpec(
        "medication",
        data=(
            "medication_classes.csv",
            "medication_drugs.csv",
            "medication_evidence.csv",
            "medication_cautions.csv",
        ),
    ),
    CauseSpec(
        "caffeine",
        data=(
            "caffeine_drinks.csv",
            "caffeine_limits.csv",
            "caffeine_half_life.csv",
            "caffeine_absorption.csv",
        ),
    ),
    CauseSpec(
        "stress_fatigue",
        data=(
            "stress_fatigue_sleep.csv",
            "stress_fatigue_evidence.csv",
            "stress_fatigue_steps.csv",
        ),
    ),
    CauseSpec("overuse", data=("overuse_tips.csv", "overuse_unknowns.csv")),
    CauseSpec(
        "electrolytes",
        data=(
            "electrolyte_analytes.csv",
            "electrolyte_bands.csv",
            "electrolyte_constants.csv",
            "electrolyte_symptoms.csv",
            "electrolyte_cautions.csv",
            "electrolyte_potassium_foods.csv",
            "electrolyte_potassium_intake.csv",
        ),
    ),
    CauseSpec(
        "dehydration",
        data=(
            "dehydration_water_needs.csv",
            "dehydration_reference.csv",
            "dehydration_severity.csv",
            "dehydration_signs.csv",
        ),
    ),
    CauseSpec(
        "body_mechanics",
        data=(
            "body_mechanics_constants.csv",
            "body_mechanics_frequency.csv",
            "body_mechanics_durations.csv",
            "body_mechanics_coupling.csv",
            "body_mechanics_multipliers.csv",
            "body_mechanics_bands.csv",
            "body_mechanics_scope.csv",
            "body_mechanics_tips.csv",
            "body_mechanics_patient_handling.csv",
        ),
        warning_groups=("back",),
    ),
    CauseSpec(
        "pregnancy",
        data=("pregnancy_common.csv", "pregnancy_diastasis.csv", "pregnancy_needs.csv"),
        warning_groups=("back", "pregnancy"),
    ),
    CauseSpec(
        "spine", data=("spine_conditions.csv", "spine_red_flags.csv"), warning_groups=("back",)
    ),
    CauseSpec("neuro", data=("neuro_features.csv", "neuro_conditions.csv")),
)
REGISTRY: dict[str, CauseSpec] = {s.cause_id: s for s in _SPECS}
"""cause_id -> its entry. A test (or a plug-in) may add one: ``REGISTRY[spec.cause_id] = spec``."""


class RegistryError(facts.FactsError):
    """data/causes.csv and the registry disagree (a row with no entry, or the reverse)."""


def all_causes() -> dict[str, CauseSpec]:
    """Every cause, in data/causes.csv order. A row with no entry in :data:`REGISTRY` (or an
    entry with no row) raises :class:`RegistryError` naming it."""
    ids = list(facts.table("causes.csv").by_id)
    no_entry = [c for c in ids if c not in REGISTRY]
    if no_entry:
        raise RegistryError(
            "causes.csv",
            f"cause {', '.join(no_entry)} has no entry in spasm_edu/causes.py REGISTRY "
            "(see CONTRIBUTING.md, 'Add a cause')",
        )
    no_row = [c for c in REGISTRY if c not in ids]
    if no_row:
        raise RegistryError(
            "causes.csv", f"spasm_edu/causes.py names cause {', '.join(no_row)}: add its row here"
        )
    return {c: REGISTRY[c] for c in ids}


def ids() -> list[str]:
    """Cause ids in data/causes.csv order."""
    return list(all_causes())


def get(cause_id: str) -> CauseSpec:
    """The entry of one cause (KeyError naming the valid ids)."""
    found = all_causes()
    if cause_id not in found:
        raise KeyError(f"unknown cause {cause_id!r}; valid ids: {', '.join(found)}")
    return found[cause_id]


def group_causes() -> dict[str, tuple[str, ...]]:
    """Red-flag group -> the causes that ask it (groups no cause names are asked of everyone)."""
    out: dict[str, tuple[str, ...]] = {}
    for spec in REGISTRY.values():
        for group in spec.warning_groups:
            out[group] = (*out.get(group, ()), spec.cause_id)
    return out


def schema_modules() -> list[str]:
    """Schema modules of registered causes that live outside spasm_edu/schema (facts reads
    their ``TABLES`` too)."""
    return [
        s.schema
        for s in REGISTRY.values()
        if s.schema and not s.schema.startswith("spasm_edu.schema.")
    ]
