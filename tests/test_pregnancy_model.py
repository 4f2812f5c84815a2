"""Pregnancy model: numbers checked by hand against the sources, and bad input rejected."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spasm_edu import facts
from spasm_edu.models import pregnancy
from tests.helpers import any_input, assert_names_argument, oracle, result_or_value_error


def gap(point: str, column: str):
    """A Sperstad 2016 figure pinned in tests/oracle.yaml (pregnancy_diastasis.csv)."""
    return oracle(f"pregnancy_diastasis.csv:{point}:{column}")


def test_sperstad_figures_are_the_published_ones():
    # Sperstad 2016 (BJSM 50:1092), n = 300 first-time mothers.
    points = {p.point_id: (p.weeks, p.percent, p.women_studied) for p in pregnancy.gap_points()}
    assert points == {  # 21 weeks pregnant 33.1 %; 6 weeks after birth 60.0 %; 26: 45.4; 52: 32.6
        point: (weeks, gap(point, "percent_with_gap"), gap(point, "women_studied"))
        for point, weeks in (
            ("gestation_21w", gap("gestation_21w", "weeks_pregnant")),
            ("postpartum_6w", gap("postpartum_6w", "weeks_after_birth")),
            ("postpartum_6m", gap("postpartum_6m", "weeks_after_birth")),
            ("postpartum_12m", gap("postpartum_12m", "weeks_after_birth")),
        )
    }
    assert [p.point_id for p in pregnancy.gap_points()][0] == "gestation_21w"  # time order


@pytest.mark.parametrize(
    ("months", "point", "beyond"),
    [
        (0, "postpartum_6w", False),  # 0 weeks: |6-0| = 6 < |26-0|
        (3, "postpartum_6w", False),  # 13 weeks: |6-13| = 7 < |26-13| = 13
        (4, "postpartum_6m", False),  # 17.3 weeks: |26-17.3| = 8.7 < |6-17.3| = 11.3
        (9, "postpartum_6m", False),  # 39 weeks: 13 from 26 and from 52, tie -> earlier
        (10, "postpartum_12m", False),  # 43.3 weeks: 8.7 from 52 < 17.3 from 26
        (12, "postpartum_12m", False),  # 52 weeks: the last measurement itself
        (13, "postpartum_12m", True),  # 56.3 weeks: past the end of the study
        (24, "postpartum_12m", True),
    ],
)
def test_nearest_measurement_after_birth(months, point, beyond):
    near, past = pregnancy.nearest_gap("after_birth", None, months)
    assert near.point_id == point and past is beyond


def test_no_gap_figure_before_the_study_measured():
    first = gap("gestation_21w", "weeks_pregnant")  # 21
    assert pregnancy.nearest_gap("pregnant", first - 1, None) == (None, False)
    assert pregnancy.nearest_gap("pregnant", first, None)[0].percent == gap(
        "gestation_21w", "percent_with_gap"
    )
    assert pregnancy.nearest_gap("pregnant", 39, None)[0].point_id == "gestation_21w"


def test_what_is_common_depends_on_the_stage():
    early = {c.item_id for c in pregnancy.stage(weeks_pregnant=8).common}
    assert early == {"pelvic_girdle_pain"}  # leg cramps from week 13 (second trimester)
    mid = {c.item_id for c in pregnancy.stage(weeks_pregnant=30).common}
    assert mid == {"leg_cramps", "pelvic_girdle_pain", "belly_gap_pregnant"}
    after = pregnancy.stage("after_birth", months_after_birth=2)
    assert {c.item_id for c in after.common} == {"belly_gap_after_birth", "back_strain_lifting"}


def test_leg_cramp_figure_is_the_measured_trimester_range():
    # Duan 2018 abstract: 28.2 % in the second and 50.2 % in the third trimester (3,582 women,
    # one national survey, self-report: medium confidence, not high).
    cramps = next(c for c in pregnancy.stage(weeks_pregnant=30).common if c.item_id == "leg_cramps")
    assert (cramps.percent_low, cramps.percent_high, cramps.confidence) == (28.2, 50.2, "medium")
    assert cramps.source_id.split(";")[0] == "duan_2018"


def test_pelvic_figure_is_wu_2004_for_pelvic_girdle_and_low_back_pain_together():
    # Wu 2004 abstract: "about 45% of all pregnant women ... suffer from PPP and/or PLBP".
    pelvic = next(
        c for c in pregnancy.stage(weeks_pregnant=30).common if c.item_id == "pelvic_girdle_pain"
    )
    assert (pelvic.percent_low, pelvic.percent_high) == (45, 45)
    assert "low back" in pelvic.label and pelvic.source_id.split(";")[0] == "wu_2004"


def test_caffeine_reuses_the_pregnancy_limit_and_half_life():
    # 2 brewed coffees (96 mg, Mayo) + 1 black tea (48 mg) = 240 mg > 200 mg (ACOG CO 462).
    s = pregnancy.stage(weeks_pregnant=20, servings={"brewed_coffee": 2, "black_tea": 1})
    total = 2 * oracle("caffeine_drinks.csv:brewed_coffee:typical_mg")
    total += oracle("caffeine_drinks.csv:black_tea:typical_mg")
    limit = oracle("caffeine_limits.csv:pregnant:max_mg_per_day")
    assert s.caffeine_day.total_mg == total
    assert s.caffeine_day.limit.mg_per_day == limit
    assert s.caffeine_day.over_limit is (total > limit)
    assert s.caffeine_day.half_life_h == oracle("caffeine_half_life.csv:pregnant:half_life_h")


def test_after_birth_uses_the_adult_limit_and_half_life():
    s = pregnancy.stage("after_birth", months_after_birth=2, servings={"brewed_coffee": 3})
    total = 3 * oracle("caffeine_drinks.csv:brewed_coffee:typical_mg")
    assert s.caffeine_day.total_mg == total
    assert s.caffeine_day.limit.limit_id == "adult"
    assert s.caffeine_day.over_limit is (total > oracle("caffeine_limits.csv:adult:max_mg_per_day"))
    assert s.caffeine_day.half_life_h == oracle("caffeine_half_life.csv:adult:half_life_h")


@pytest.mark.parametrize(
    ("phase", "breastfeeding", "group", "water_group"),
    [
        # NASEM 2019 potassium AI; IOM 2004 total water; about 20 % from food, so 80 % from
        # drinks where IOM gives no drinks figure; women: IOM's own 2.2 L from drinks.
        ("pregnant", False, "pregnant", "pregnant"),  # 2,900 mg; 3.0 L, 2.4 L from drinks
        ("after_birth", True, "lactation", "lactating"),  # 2,800 mg; 3.8 L, 3.04 L
        ("after_birth", False, "women", "women"),  # 2,600 mg; 2.7 L, 2.2 L
    ],
)
def test_needs_match_nasem_and_iom(phase, breastfeeding, group, water_group):
    k_mg = oracle(f"pregnancy_needs.csv:{group}:potassium_mg_per_day")
    water_l = oracle(f"dehydration_water_needs.csv:{water_group}:total_water_l_per_day")
    if water_group == "women":
        drinks_l = oracle("dehydration_water_needs.csv:women:from_drinks_l_per_day")
    else:
        drinks_l = water_l * (1 - oracle("dehydration_reference.csv:food_share:value") / 100)
    s = pregnancy.stage(phase, 20, 3, breastfeeding=breastfeeding)
    assert s.needs.group_id == group
    assert s.needs.potassium_mg_per_day == k_mg
    assert s.needs.total_water_l_per_day == water_l
    assert s.needs.drinks_l_per_day == pytest.approx(drinks_l)


def test_shortfalls_by_hand():
    # Pregnant: need 2.4 L from drinks, drank 1.5 L -> 0.9 L short; 2,900 - 2,000 = 900 mg short.
    water = oracle("dehydration_water_needs.csv:pregnant:total_water_l_per_day")
    drinks = water * (1 - oracle("dehydration_reference.csv:food_share:value") / 100)
    need_k = oracle("pregnancy_needs.csv:pregnant:potassium_mg_per_day")
    s = pregnancy.stage(weeks_pregnant=30, drinks_l=1.5, potassium_mg=2000)
    assert s.drinks_short_l == pytest.approx(drinks - 1.5)
    assert s.potassium_short_mg == pytest.approx(need_k - 2000)
    enough = pregnancy.stage(weeks_pregnant=30, drinks_l=3, potassium_mg=3500)
    assert enough.drinks_short_l == 0 and enough.potassium_short_mg == 0
    assert pregnancy.stage(potassium_mg=None).potassium_short_mg is None


def test_stage_labels():
    assert pregnancy.stage(weeks_pregnant=12).stage_label == "12 weeks pregnant"
    assert pregnancy.stage("after_birth", months_after_birth=0).stage_label == (
        "the first weeks after birth"
    )
    assert pregnancy.stage("after_birth", months_after_birth=1).stage_label == "1 month after birth"


def test_the_unused_stage_value_is_ignored():
    s = pregnancy.stage("after_birth", weeks_pregnant=999, months_after_birth=6)
    assert s.weeks_pregnant is None and s.months_after_birth == 6


def test_sources_of_a_stage_resolve():
    s = pregnancy.stage(weeks_pregnant=30, servings={"brewed_coffee": 1})
    known = set(facts.table("sources.csv").by_id)
    assert set(s.source_ids) <= known
    assert {"sperstad_2016", "acog_co462", "nasem_potassium_2019", "iom_water_2004"} <= set(
        s.source_ids
    )


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: pregnancy.stage("postpartum"), "phase"),
        (lambda: pregnancy.stage(weeks_pregnant=0), "weeks_pregnant"),
        (lambda: pregnancy.stage(weeks_pregnant=43), "weeks_pregnant"),
        (lambda: pregnancy.stage(weeks_pregnant=20.5), "weeks_pregnant"),
        (lambda: pregnancy.stage(weeks_pregnant=None), "weeks_pregnant"),
        (lambda: pregnancy.stage("after_birth", months_after_birth=-1), "months_after_birth"),
        (lambda: pregnancy.stage("after_birth", months_after_birth=25), "months_after_birth"),
        (lambda: pregnancy.stage("after_birth", months_after_birth="3"), "months_after_birth"),
        (lambda: pregnancy.stage(breastfeeding="yes"), "breastfeeding"),
        (lambda: pregnancy.stage(drinks_l=-0.5), "drinks_l"),
        (lambda: pregnancy.stage(drinks_l=math.nan), "drinks_l"),
        (lambda: pregnancy.stage(drinks_l=11), "drinks_l"),
        (lambda: pregnancy.stage(potassium_mg=-1), "potassium_mg"),
        (lambda: pregnancy.stage(potassium_mg=math.inf), "potassium_mg"),
        (lambda: pregnancy.stage(servings={"latte": 1}), "drink_id"),
        (lambda: pregnancy.stage(servings={"cola": -2}), "servings['cola']"),
        (lambda: pregnancy.needs_for("men"), "group_id"),
        (lambda: pregnancy.stage(months_after_birth=math.nan), "months_after_birth"),
        (lambda: pregnancy.stage("after_birth", "12", 3), "weeks_pregnant"),
        (lambda: pregnancy.nearest_gap("pregnant", math.inf, None), "weeks_pregnant"),
        (lambda: pregnancy.nearest_gap("postpartum", None, 3), "phase"),
        (lambda: pregnancy.common_at("pregnant", "abc", None), "weeks_pregnant"),
        (lambda: pregnancy.stage_label("pregnant", math.nan, None), "weeks_pregnant"),
        (lambda: pregnancy.stage_label("after_birth", None, 25), "months_after_birth"),
    ],
)
def test_bad_input_names_the_argument(call, name):
    assert_names_argument(call, name)


anything = any_input(st.sampled_from(["pregnant", "after_birth"]), integers=(-100, 100))


@given(
    phase=anything,
    weeks=anything,
    months=anything,
    coffee=anything,
    feeding=anything,
    drinks=anything,
    potassium=anything,
)
def test_any_input_gives_a_stage_or_a_value_error(
    phase, weeks, months, coffee, feeding, drinks, potassium
):
    s = result_or_value_error(
        lambda: pregnancy.stage(
            phase, weeks, months, {"brewed_coffee": coffee}, feeding, drinks, potassium
        )
    )
    if s is not None:
        assert s.drinks_short_l >= 0 and s.caffeine_day.total_mg >= 0
        assert s.phase in pregnancy.PHASES and s.stage_label
