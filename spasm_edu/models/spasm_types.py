"""Types of spasm: pick a body region -> the spasm types found there, how common each is,
when to see a doctor, and which cause notebooks explain them.

Sources: data/spasm_types.csv (AAO eyelid myokymia, Cleveland Clinic fasciculations, Merck
hypocalcaemia, NASS, ICS/NIDDK overactive bladder, Grandner 2017 and NHS leg cramps, Whitney &
Weiss 2018 hypnic jerks (no prevalence figure), seed article); regions in
data/spasm_regions.csv; cause notebooks in data/causes.csv.
"""

from __future__ import annotations

from dataclasses import dataclass

from spasm_edu import facts
from spasm_edu import validation as check

TYPES = "spasm_types.csv"
REGIONS = "spasm_regions.csv"
MUSCLE_KINDS = ("all", "skeletal", "smooth")


@dataclass(frozen=True)
class CauseLink:
    cause_id: str
    name: str
    notebook: str


@dataclass(frozen=True)
class SpasmType:
    type_id: str
    name: str
    muscle_kind: str
    plain: str
    how_common: str
    percent_low: float | None
    percent_high: float | None
    percent_of: str | None
    usually_harmless: bool
    see_doctor_if: str
    causes: tuple[CauseLink, ...]
    source_id: str


@dataclass(frozen=True)
class RegionView:
    region_id: str
    label: str
    types: tuple[SpasmType, ...]
    causes: tuple[CauseLink, ...]  # every cause linked from this region, in course order
    source_ids: tuple[str, ...]


def region_ids() -> list[str]:
    return [r.region_id for r in sorted(facts.table(REGIONS), key=lambda r: r.order)]


def cause_link(cause_id: str) -> CauseLink:
    """The cause notebook a spasm type links to (cause_id: a row of data/causes.csv)."""
    row = facts.table("causes.csv").pick("cause_id", cause_id)
    return CauseLink(row.cause_id, row.name, row.notebook)


def spasm_type(type_id: str) -> SpasmType:
    r = facts.table(TYPES).pick("type_id", type_id)
    return SpasmType(
        r.type_id,
        r.name,
        r.muscle_kind,
        r.plain,
        r.how_common,
        r.percent_low,
        r.percent_high,
        r.percent_of,
        r.usually_harmless == "yes",
        r.see_doctor_if,
        tuple(sorted((cause_link(c) for c in r.causes), key=lambda c: c.notebook)),
        r.source_id,
    )


def region(region_id: str = "legs", muscle_kind: str = "all") -> RegionView:
    """The spasm types in a body region (ids in data/spasm_regions.csv).

    muscle_kind "all", "skeletal" (muscles you move) or "smooth" (muscles inside organs).
    """
    regions = facts.table(REGIONS)
    check.choice("region_id", region_id, regions.by_id)
    check.choice("muscle_kind", muscle_kind, MUSCLE_KINDS)
    types = tuple(
        spasm_type(r.type_id)
        for r in facts.table(TYPES)
        if r.region_id == region_id and muscle_kind in ("all", r.muscle_kind)
    )
    by_notebook = {c.notebook: c for t in types for c in t.causes}
    causes = tuple(sorted(by_notebook.values(), key=lambda c: c.notebook))  # course order
    sources = {s for t in types for s in t.source_id.split(";")}
    return RegionView(region_id, regions[region_id].label, types, causes, tuple(sorted(sources)))
