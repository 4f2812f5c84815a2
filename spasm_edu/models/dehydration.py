"""Dehydration: a day's fluid in against fluid out, a pre/post exercise weigh-in, and the signs.

Units are in the names: ``_l`` litres, ``_l_h`` litres per hour, ``_kg`` kilograms, ``_min``
minutes, ``_h`` hours, ``_percent`` per cent. Sources: data/dehydration_*.csv (IOM 2004 water
intakes, ACSM 2007 position stand, NHS dehydration signs, and WHO's severity bands from its
diarrhoea manual, written mainly for children: approximate for adults).

Simplifications, stated for students:
- Fluid out over a day = the IOM adequate intake of total water for the group (it stands for
  the everyday losses of a generally active person) + sweat from exercise
  (exercise minutes / 60 x sweat rate). The adequate intake already allows for some activity,
  so this counts the exercise sweat on top of an everyday baseline: a teaching estimate.
- Water from food = the food share (about 20 %) of the group's total-water intake.
- Weigh-in: 1 kg of body mass lost is about 1 L of sweat (ACSM). Sweat lost (L) =
  pre kg - post kg + fluid drunk L - urine L; sweat rate = sweat lost / hours.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

from spasm_edu import facts
from spasm_edu import validation as check

NEEDS = "dehydration_water_needs.csv"
REFERENCE = "dehydration_reference.csv"
SEVERITY = "dehydration_severity.csv"
SIGNS = "dehydration_signs.csv"

MAX_DRINKS_L = 12.0
MAX_EXERCISE_MIN = 720
MAX_SWEAT_RATE_L_H = 4.0
LEVEL_ORDER = ("none", "self_care", "urgent", "emergency")


def reference(quantity_id: str) -> float:
    """A reference value from data/dehydration_reference.csv (e.g. ``acsm_loss_limit`` -> 2).

    quantity_id: an id of that table (InputError naming ``quantity_id`` otherwise).
    """
    return facts.table(REFERENCE).pick("quantity_id", quantity_id).value


@dataclass(frozen=True)
class FluidDay:
    """One day's fluid in and out, in litres."""

    group_id: str
    group_label: str
    drinks_l: float
    food_l: float
    fluid_in_l: float
    baseline_l: float
    drinks_ai_l: float | None
    exercise_min: float
    sweat_rate_l_h: float | None  # None: not told (no exercise)
    sweat_rate_band: str | None
    sweat_l: float
    fluid_out_l: float
    balance_l: float
    food_share_percent: float
    typical_sweat_low_l_h: float
    typical_sweat_high_l_h: float
    source_ids: tuple[str, ...]

    @property
    def short(self) -> bool:
        return self.balance_l < 0


def sweat_rate_band(sweat_rate_l_h: float) -> str:
    """Where a sweat rate falls against the typical 0.5-2.0 L/h range (ACSM 2007).

    Returns ``below_typical``, ``typical``, ``above_typical`` or ``very_high`` (above 3 L/h).
    """
    rate = check.number("sweat_rate_l_h", sweat_rate_l_h, 0, MAX_SWEAT_RATE_L_H, "L/h")
    if rate < reference("sweat_rate_typical_low"):
        return "below_typical"
    if rate <= reference("sweat_rate_typical_high"):
        return "typical"
    if rate <= reference("sweat_rate_very_high"):
        return "above_typical"
    return "very_high"


def fluid_day(
    group_id: str = "women",
    drinks_l: float = 2.2,
    exercise_min: float = 0,
    sweat_rate_l_h: float | None = 1.0,
) -> FluidDay:
    """Fluid in (drinks + food) against fluid out (everyday baseline + exercise sweat).

    group_id: a row of data/dehydration_water_needs.csv (women, men, pregnant, lactating).
    drinks_l 0-12 L a day; exercise_min 0-720 minutes; sweat_rate_l_h 0-4 L/h, or None (not
    told) when there was no exercise (then no sweat is counted and the rate and its band are
    None). Sources: iom_water_2004 (intakes, food share), acsm_2007 (sweat rates).
    """
    needs = facts.table(NEEDS)
    check.choice("group_id", group_id, needs.by_id)
    drinks = check.number("drinks_l", drinks_l, 0, MAX_DRINKS_L, "L a day")
    minutes = check.number("exercise_min", exercise_min, 0, MAX_EXERCISE_MIN, "minutes")
    if sweat_rate_l_h is None and minutes > 0:
        raise check.InputError(
            "sweat_rate_l_h", sweat_rate_l_h, "a number from 0 to 4 L/h when exercise_min > 0"
        )
    band = None if sweat_rate_l_h is None else sweat_rate_band(sweat_rate_l_h)
    rate = None if sweat_rate_l_h is None else float(sweat_rate_l_h)
    row = needs[group_id]
    share = reference("food_share")
    food = row.total_water_l_per_day * share / 100
    sweat = minutes / 60 * rate if rate is not None else 0.0
    fluid_in = drinks + food
    fluid_out = row.total_water_l_per_day + sweat
    sources = {row.source_id, facts.table(REFERENCE)["food_share"].source_id}
    sources.add(facts.table(REFERENCE)["sweat_rate_typical_low"].source_id)
    return FluidDay(
        group_id=group_id,
        group_label=row.label,
        drinks_l=drinks,
        food_l=food,
        fluid_in_l=fluid_in,
        baseline_l=row.total_water_l_per_day,
        drinks_ai_l=row.from_drinks_l_per_day,
        exercise_min=minutes,
        sweat_rate_l_h=rate,
        sweat_rate_band=band,
        sweat_l=sweat,
        fluid_out_l=fluid_out,
        balance_l=fluid_in - fluid_out,
        food_share_percent=share,
        typical_sweat_low_l_h=reference("sweat_rate_typical_low"),
        typical_sweat_high_l_h=reference("sweat_rate_typical_high"),
        source_ids=tuple(sorted(sources)),
    )


@dataclass(frozen=True)
class Band:
    band_id: str
    label: str
    published_range: str
    source_id: str


def severity_band(loss_percent: float) -> Band | None:
    """WHO's dehydration class for a percent body-mass loss (approximate for adults).

    loss_percent 0-100. WHO (Treatment of diarrhoea, 2005) gives the fluid deficit of each
    class: no signs of dehydration under 5 %, some dehydration 5-10 %, severe dehydration
    more than 10 %. Each band runs from its minimum up to, not including, the next band's
    minimum, so exactly 10 % counts as severe (WHO's "5-10 %" and "> 10 %" meet there; the
    cautious side is taken). WHO estimates the deficit from signs, mainly in children; reading
    a weighed loss back into a class is an approximation. Source: dehydration_severity_scheme.
    """
    loss = check.number("loss_percent", loss_percent, 0, 100, "%")
    for row in facts.table(SEVERITY):
        top = row.max_loss_percent if row.max_loss_percent is not None else math.inf
        if row.min_loss_percent <= loss < top:
            return Band(row.band_id, row.label, row.published_range, row.source_id)
    return None


@dataclass(frozen=True)
class WeighIn:
    """A pre/post exercise weigh-in: body-mass change, percent loss and sweat rate."""

    pre_kg: float
    post_kg: float
    fluid_drunk_l: float
    urine_l: float
    hours: float
    mass_change_kg: float
    loss_percent: float
    sweat_l: float
    sweat_rate_l_h: float
    sweat_rate_band: str
    acsm_limit_percent: float
    over_acsm_limit: bool
    gained_weight: bool
    band: Band | None
    source_ids: tuple[str, ...]


def weigh_in(
    pre_kg: float, post_kg: float, fluid_drunk_l: float = 0, urine_l: float = 0, hours: float = 1
) -> WeighIn:
    """Sweat rate and body-mass loss from weights before and after exercise.

    pre_kg 20-300 kg; post_kg within 80-110 % of pre_kg and no more than pre_kg + fluid drunk -
    urine (weight cannot rise by more than what went in); fluid_drunk_l 0-10 L; urine_l 0-5 L;
    hours 0.1-24. sweat (L) = pre - post + drunk - urine (1 kg ~ 1 L); rate = sweat / hours.
    loss_percent = (pre - post) / pre x 100, negative when weight went up.
    Sources: acsm_2007 (2 % limit, 1 kg ~ 1 L, do not gain weight), dehydration_severity_scheme.
    """
    pre = check.number("pre_kg", pre_kg, 20, 300, "kg")
    drunk = check.number("fluid_drunk_l", fluid_drunk_l, 0, 10, "L")
    urine = check.number("urine_l", urine_l, 0, 5, "L")
    hrs = check.number("hours", hours, 0.1, 24, "hours")
    lo, hi = pre * 0.8, pre * 1.1
    post = check.number("post_kg", post_kg, lo, hi, "kg (80-110 % of pre_kg)")
    kg_per_l = reference("kg_per_litre_sweat")
    sweat = (pre - post) / kg_per_l + drunk - urine
    if sweat < -1e-9:
        ceiling = pre + (drunk - urine) * kg_per_l
        raise check.InputError(
            "post_kg",
            post_kg,
            f"at most {ceiling:g} kg (pre_kg + fluid drunk - urine): weight cannot rise "
            "by more than the fluid that went in",
        )
    sweat = max(sweat, 0.0)
    rate = sweat / hrs
    loss = (pre - post) / pre * 100
    limit = reference("acsm_loss_limit")
    band = severity_band(loss) if loss > 0 else None
    sources = {
        facts.table(REFERENCE)[q].source_id for q in ("acsm_loss_limit", "kg_per_litre_sweat")
    }
    if band:
        sources.add(band.source_id)
    return WeighIn(
        pre_kg=pre,
        post_kg=post,
        fluid_drunk_l=drunk,
        urine_l=urine,
        hours=hrs,
        mass_change_kg=post - pre,
        loss_percent=loss,
        sweat_l=sweat,
        sweat_rate_l_h=rate,
        sweat_rate_band=sweat_rate_band(min(rate, MAX_SWEAT_RATE_L_H)),
        acsm_limit_percent=limit,
        over_acsm_limit=loss > limit,
        gained_weight=post > pre,
        band=band,
        source_ids=tuple(sorted(sources)),
    )


@dataclass(frozen=True)
class Sign:
    sign_id: str
    label: str
    kind: str
    level: str


@dataclass(frozen=True)
class SignsCheck:
    """The signs a person ticked and the most urgent level among them (``none`` if none)."""

    ticked: tuple[Sign, ...]
    level: str

    @property
    def urgent(self) -> tuple[Sign, ...]:
        return tuple(s for s in self.ticked if s.kind == "urgent_sign")


def signs_check(sign_ids: Iterable[str]) -> SignsCheck:
    """Look up ticked signs in data/dehydration_signs.csv (NHS); level = the highest one."""
    if isinstance(sign_ids, str) or not isinstance(sign_ids, Iterable):
        raise check.InputError("sign_ids", sign_ids, "a list of sign ids")
    table = facts.table(SIGNS)
    ticked = []
    for sid in sign_ids:
        row = table.pick("sign_id", sid)
        sign = Sign(row.sign_id, row.label, row.kind, row.level)
        if sign not in ticked:
            ticked.append(sign)
    level = max((s.level for s in ticked), key=LEVEL_ORDER.index, default="none")
    return SignsCheck(tuple(ticked), level)


@dataclass(frozen=True)
class HydrationCheck:
    """Everything the dehydration explorer shows: the day, an optional weigh-in, the signs.

    ``day`` is None while the person has not told enough to compare fluid in and out."""

    day: FluidDay | None
    weigh_in: WeighIn | None
    signs: SignsCheck

    @property
    def source_ids(self) -> tuple[str, ...]:
        ids = (set(self.day.source_ids) if self.day else set()) | {"nhs_dehydration"}
        if self.weigh_in:
            ids |= set(self.weigh_in.source_ids)
        return tuple(sorted(ids))


def hydration_check(
    day: FluidDay | None, weigh: WeighIn | None = None, signs: SignsCheck | None = None
) -> HydrationCheck:
    """Bundle the three parts for the explorer (``day`` None: not enough told yet)."""
    if day is not None and not isinstance(day, FluidDay):
        raise check.InputError("day", day, "a dehydration.FluidDay or None")
    if weigh is not None and not isinstance(weigh, WeighIn):
        raise check.InputError("weigh", weigh, "a dehydration.WeighIn or None")
    return HydrationCheck(day, weigh, signs if signs is not None else signs_check(()))
