"""Rare neurological causes: a "which features" checklist that explains each ticked feature
and the level of care the features need, plus example conditions with honest rarity.

No diagnosis and no score: features are never matched to a condition. Each feature keeps the
level its source gives (reference sheet section 9: twitching with true weakness, wasting or
trouble walking, loss of balance or mental changes -> see a doctor soon; true weakness or numbness
-> the same day (Merck); any of them sudden -> emergency, as NHS says for sudden confusion and CDC
for sudden weakness or loss of balance).
Sources: data/neuro_features.csv (seed article, Cleveland Clinic), data/neuro_conditions.csv
(NINDS, NORD, Cleveland Clinic).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from spasm_edu import facts
from spasm_edu import validation as check
from spasm_edu.models.triage import Level

FEATURES = "neuro_features.csv"
CONDITIONS = "neuro_conditions.csv"


@dataclass(frozen=True)
class Feature:
    feature_id: str
    label: str
    what_it_means: str
    level: Level  # the level after "sudden" is applied
    raised_by_sudden: bool
    source_id: str


@dataclass(frozen=True)
class NeuroCondition:
    condition_id: str
    name: str
    plain: str
    how_common: str
    per_million: float | None
    percent_of_people: float | None
    benign: bool
    source_id: str


@dataclass(frozen=True)
class NeuroCheck:
    """The ticked features, explained, and the most urgent level among them (None if none)."""

    ticked: tuple[Feature, ...]
    sudden: bool
    highest: Level | None
    example: NeuroCondition | None
    source_ids: tuple[str, ...]


def feature_ids() -> list[str]:
    return facts.table(FEATURES).ids()


def condition_ids() -> list[str]:
    return facts.table(CONDITIONS).ids()


def condition(condition_id: str) -> NeuroCondition:
    """An example condition with its rarity as its source gives it."""
    r = facts.table(CONDITIONS).pick("condition_id", condition_id)
    return NeuroCondition(
        r.condition_id,
        r.name,
        r.plain,
        r.how_common,
        r.per_million,
        r.percent_of_people,
        r.benign == "yes",
        r.source_id,
    )


def check_features(
    features: Iterable[str] = (), sudden: bool = False, example: str | None = None
) -> NeuroCheck:
    """Explain the ticked features (ids from data/neuro_features.csv; repeats count once).

    ``sudden`` True raises the features marked emergency_if_sudden to emergency (911 now).
    ``example`` optionally names a condition from data/neuro_conditions.csv to read about;
    it is never chosen from the features.
    """
    if isinstance(features, str) or not isinstance(features, Iterable):
        raise check.InputError("features", features, "a list of feature ids")
    check.flag("sudden", sudden)
    table = facts.table(FEATURES)
    ids = []
    for f in dict.fromkeys(features):
        check.choice("features", f, table.by_id)
        ids.append(f)
    ticked = []
    for f in ids:
        r = table[f]
        level = Level[r.level]
        raised = sudden and r.emergency_if_sudden == "yes" and level < Level.emergency
        ticked.append(
            Feature(
                r.feature_id,
                r.label,
                r.what_it_means,
                Level.emergency if raised else level,
                raised,
                r.source_id,
            )
        )
    order = {f: i for i, f in enumerate(table.ids())}
    ticked.sort(key=lambda t: (-t.level, order[t.feature_id]))
    chosen = None if example is None else condition(example)
    sources = {s for t in ticked for s in t.source_id.split(";")}
    if chosen is not None:
        sources |= set(chosen.source_id.split(";"))
    return NeuroCheck(
        ticked=tuple(ticked),
        sudden=sudden,
        highest=max((t.level for t in ticked), default=None),
        example=chosen,
        source_ids=tuple(sorted(sources)),
    )
