"""Caffeine model: numbers checked by hand against the sources, and bad input rejected."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spasm_edu.models import caffeine
from tests.helpers import (
    any_input,
    assert_names_argument,
    oracle,
    oracle_text,
    result_or_value_error,
)

ADULT = oracle("caffeine_limits.csv:adult:max_mg_per_day")  # FDA
PREGNANT = oracle("caffeine_limits.csv:pregnant:max_mg_per_day")  # ACOG
COFFEE = oracle("caffeine_drinks.csv:brewed_coffee:typical_mg")  # Mayo Clinic, 8 oz
COLA = oracle("caffeine_drinks.csv:cola:typical_mg")
ENERGY = oracle("caffeine_drinks.csv:energy_drink:typical_mg")


def hl(row: str, column: str = "half_life_h") -> float:
    """A half-life figure pinned in tests/oracle.yaml (caffeine_half_life.csv)."""
    return oracle(f"caffeine_half_life.csv:{row}:{column}")


ADULT_H = hl("adult")  # 3.4 h, Knutti 1981
PILL_H = (
    ADULT_H * hl("oral_contraceptives", "study_h") / hl("oral_contraceptives", "study_control_h")
)
SMOKER_H = ADULT_H * hl("smoker", "study_h") / hl("smoker", "study_control_h")


def test_total_adds_mayo_servings():
    day = caffeine.day({"brewed_coffee": 3, "cola": 1, "energy_drink": 1})
    assert day.total_mg == 3 * COFFEE + COLA + ENERGY  # 3 x 96 + 33 + 79 = 400 mg
    assert day.limit.mg_per_day == ADULT and day.limit.source_id == "fda_caffeine"
    assert day.percent_of_limit == pytest.approx(100 * day.total_mg / ADULT)
    assert day.over_limit is (day.total_mg > ADULT)


def test_at_the_limit_is_not_over_it(data_copy, monkeypatch):
    from spasm_edu import facts
    from tests.conftest import rewrite

    at = 3 * COFFEE + COLA + ENERGY
    text = (data_copy / "caffeine_limits.csv").read_text(encoding="utf-8")
    old = f"Healthy adults,19,120,{oracle_text('caffeine_limits.csv:adult:max_mg_per_day')},"
    assert old in text
    rewrite(data_copy / "caffeine_limits.csv", old, f"Healthy adults,19,120,{at:g},")
    real = facts.table
    monkeypatch.setattr(facts, "table", lambda file, data_dir=data_copy: real(file, data_dir))
    day = caffeine.day({"brewed_coffee": 3, "cola": 1, "energy_drink": 1})
    assert day.total_mg == day.limit.mg_per_day == at
    assert day.percent_of_limit == pytest.approx(100) and day.over_limit is False


def test_over_the_adult_limit():
    cups = int(ADULT // COFFEE) + 1  # 5 cups = 480 mg
    day = caffeine.day({"brewed_coffee": cups})
    assert day.total_mg == cups * COFFEE and day.over_limit


@pytest.mark.parametrize(
    ("person", "limit_id", "mg"),
    [
        (caffeine.Person(age_years=30), "adult", ADULT),  # FDA
        (caffeine.Person(age_years=30, pregnant=True), "pregnant", PREGNANT),  # ACOG
        (caffeine.Person(age_years=4), "child_4_6", 45),  # Health Canada
        (caffeine.Person(age_years=6), "child_4_6", 45),
        (caffeine.Person(age_years=7), "child_7_9", 62.5),
        (caffeine.Person(age_years=12), "child_10_12", 85),
        (caffeine.Person(age_years=15, body_mass_kg=60), "teen_13_18", 150),  # 2.5 mg/kg x 60
        (caffeine.Person(age_years=19), "adult", ADULT),
    ],
)
def test_limit_fits_the_person(person, limit_id, mg):
    limit = caffeine.limit_for(person)
    assert limit.limit_id == limit_id
    assert limit.mg_per_day == pytest.approx(mg)


def test_teen_without_weight_has_a_per_kg_limit_only():
    limit = caffeine.limit_for(caffeine.Person(age_years=15))
    assert limit.mg_per_day is None and limit.mg_per_kg_per_day == 2.5


def test_no_limit_is_invented_for_under_fours():
    assert caffeine.limit_for(caffeine.Person(age_years=3)) is None
    day = caffeine.day({"cola": 1}, caffeine.Person(age_years=3))
    assert day.limit is None and day.percent_of_limit is None and not day.over_limit


def test_mg_per_kg():
    day = caffeine.day({"brewed_coffee": 2}, caffeine.Person(body_mass_kg=64))
    assert day.mg_per_kg == pytest.approx(2 * COFFEE / 64)


def test_remaining_by_hand():
    # 96 mg at 8:00 and at 15:00; at 23:00 with t1/2 = 3.4 h (Knutti 1981):
    # 96 * 0.5**(15/3.4) + 96 * 0.5**(8/3.4) = 4.51 + 18.80 = 23.31 mg
    left = caffeine.remaining_mg(((8, 96), (15, 96)), 3.4, 23)
    assert left == pytest.approx(96 * 0.5 ** (15 / 3.4) + 96 * 0.5 ** (8 / 3.4))
    assert left == pytest.approx(23.31, abs=0.01)


def test_one_half_life_halves_the_amount():
    assert caffeine.remaining_mg(((0, 200),), 5, 5) == pytest.approx(100)
    assert caffeine.remaining_mg(((0, 200),), 5, 10) == pytest.approx(50)
    assert caffeine.remaining_mg(((12, 200),), 5, 10) == 0  # before the drink


def test_measured_half_lives_are_knutti_1981():
    # Knutti 1981 abstract: adults 3.4 h (range 2-5 h, n = 25); pregnancy 8.3 h (3-16 h, n = 57).
    adult, pregnant = caffeine.half_life("adult"), caffeine.half_life("pregnant")
    columns = ("half_life_h", "low_h", "high_h")
    assert (adult.half_life_h, adult.low_h, adult.high_h) == tuple(hl("adult", c) for c in columns)
    assert (pregnant.half_life_h, pregnant.low_h, pregnant.high_h) == tuple(
        hl("pregnant", c) for c in columns
    )
    assert adult.ratio is None and pregnant.ratio is None
    assert pregnant.source_ids == ("knutti_1981", "knutti_1982")  # 10.5 h late on: 1982


def test_pill_and_smoking_are_within_study_ratios_on_the_adult_mean():
    # Abernethy & Todd 1985: 7.88 h on the pill vs 5.37 h in matched controls -> ratio 1.467;
    # 3.4 h x 7.88 / 5.37 = 4.989 h (about 1.5 x, not 2 x).
    pill = caffeine.half_life("oral_contraceptives")
    pill_ratio = hl("oral_contraceptives", "study_h") / hl("oral_contraceptives", "study_control_h")
    assert pill.ratio == pytest.approx(pill_ratio)
    assert pill.half_life_h == pytest.approx(PILL_H)  # 4.99 h
    # Parsons & Neims 1978: smokers 3.5 h vs non-smokers 6.0 h -> ratio 0.583 (about 40 %
    # shorter); 3.4 h x 3.5 / 6.0 = 1.983 h.
    smoker = caffeine.half_life("smoker")
    assert smoker.ratio == pytest.approx(hl("smoker", "study_h") / hl("smoker", "study_control_h"))
    assert smoker.half_life_h == pytest.approx(SMOKER_H)  # 1.98 h
    # Both values rest on the adult mean too, so its source is listed with theirs.
    assert pill.source_ids == ("abernethy_1985", "knutti_1981")
    assert smoker.source_ids == ("parsons_1978", "knutti_1981")


def test_bedtime_amount_uses_the_situation_half_life():
    kwargs = dict(servings={"brewed_coffee": 2}, first_drink_h=8, last_drink_h=15, bedtime_h=23)
    adult = caffeine.day(**kwargs, situation_id="adult")
    pregnant = caffeine.day(**kwargs, situation_id="pregnant")
    pill = caffeine.day(**kwargs, situation_id="oral_contraceptives")
    smoker = caffeine.day(**kwargs, situation_id="smoker")

    def left(t):  # a cup at 8:00 and one at 15:00, at 23:00
        return COFFEE * 0.5 ** (15 / t) + COFFEE * 0.5 ** (8 / t)

    assert adult.at_bedtime_mg == pytest.approx(left(ADULT_H))  # 23.31 mg
    # By hand, 96 mg at 8:00 and 15:00, left at 23:00 = 96 x 0.5**(15/t) + 96 x 0.5**(8/t):
    # pregnant t = 8.3 h (unchanged, Knutti 1981): 96 x 0.2857 + 96 x 0.5127 = 76.65 mg, the
    # 76.6 mg of notebook 02; pill t = 3.4 x 7.88 / 5.37 = 4.989 h: 96 x 0.1244 + 96 x 0.3291
    # = 43.54 mg; smoker t = 3.4 x 3.5 / 6.0 = 1.983 h: 96 x 0.0053 + 96 x 0.0611 = 6.37 mg.
    assert pregnant.at_bedtime_mg == pytest.approx(left(hl("pregnant")))  # 76.65 mg
    assert pill.at_bedtime_mg == pytest.approx(left(PILL_H))  # 43.54 mg
    assert smoker.at_bedtime_mg == pytest.approx(left(SMOKER_H))  # 6.37 mg
    assert smoker.at_bedtime_mg < adult.at_bedtime_mg < pill.at_bedtime_mg
    assert pill.at_bedtime_mg < pregnant.at_bedtime_mg


def test_curve_spans_24_hours_and_peaks_after_the_last_drink():
    day = caffeine.day({"brewed_coffee": 3}, first_drink_h=7, last_drink_h=17, bedtime_h=22)
    assert day.curve_h[0] == 7 and day.curve_h[-1] == 31 and len(day.curve_h) == 97
    assert day.peak_mg == max(day.curve_mg) >= COFFEE
    assert day.curve_mg[day.curve_h.index(17)] == day.peak_mg


def test_no_drinks_means_nothing_in_the_body():
    day = caffeine.day({"brewed_coffee": 0})
    assert day.total_mg == 0 and day.at_bedtime_mg == 0 and day.peak_mg == 0


def test_sources_of_a_day_resolve():
    day = caffeine.day({"brewed_coffee": 1}, caffeine.Person(pregnant=True), "pregnant")
    assert set(day.source_ids) == {
        "mayo_caffeine_content",
        "acog_co462",
        "knutti_1981",
        "knutti_1982",
        "fda_caffeine",
    }


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: caffeine.day({"brewed_coffee": -1}), "servings['brewed_coffee']"),
        (lambda: caffeine.day({"brewed_coffee": 2.5}), "servings['brewed_coffee']"),
        (lambda: caffeine.day({"brewed_coffee": 21}), "servings['brewed_coffee']"),
        (lambda: caffeine.day({"brewed_coffee": "2"}), "servings['brewed_coffee']"),
        (lambda: caffeine.day({"brewed_coffee": math.nan}), "servings['brewed_coffee']"),
        (lambda: caffeine.day({"brewed_coffee": True}), "servings['brewed_coffee']"),
        (lambda: caffeine.day({"latte": 1}), "drink_id"),
        (lambda: caffeine.day(["brewed_coffee"]), "servings"),
        (lambda: caffeine.day({}, situation_id="athlete"), "situation_id"),
        (lambda: caffeine.day({}, first_drink_h=-1), "first_drink_h"),
        (lambda: caffeine.day({}, first_drink_h=10, last_drink_h=9), "last_drink_h"),
        (lambda: caffeine.day({}, last_drink_h=20, bedtime_h=19), "bedtime_h"),
        (lambda: caffeine.day({}, bedtime_h=math.inf), "bedtime_h"),
        (lambda: caffeine.Person(age_years=-3), "age_years"),
        (lambda: caffeine.Person(age_years=30.5), "age_years"),
        (lambda: caffeine.Person(age_years=200), "age_years"),
        (lambda: caffeine.Person(body_mass_kg=0), "body_mass_kg"),
        (lambda: caffeine.Person(body_mass_kg=math.nan), "body_mass_kg"),
        (lambda: caffeine.Person(pregnant="yes"), "pregnant"),
        (lambda: caffeine.Person(age_years=5, pregnant=True), "age_years"),
        (lambda: caffeine.remaining_mg(((0, 1),), 0, 1), "half_life_h"),
        (lambda: caffeine.limit_for("adult"), "person"),
    ],
)
def test_bad_input_names_the_argument(call, name):
    assert_names_argument(call, name)


anything = any_input(st.lists(st.integers(), max_size=2))


@given(
    count=anything,
    age=anything,
    mass=anything,
    first=anything,
    last=anything,
    bed=anything,
    situation=anything,
)
def test_any_input_gives_a_day_or_a_value_error(count, age, mass, first, last, bed, situation):
    def call():
        person = caffeine.Person(age_years=age, body_mass_kg=mass)
        return caffeine.day({"brewed_coffee": count}, person, situation, first, last, bed)

    day = result_or_value_error(call)
    if day is not None:
        assert day.total_mg >= 0 and all(v >= 0 for v in day.curve_mg)
        assert math.isfinite(day.at_bedtime_mg)
