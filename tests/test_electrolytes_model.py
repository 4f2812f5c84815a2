"""Electrolytes model: bands, unit conversion, corrected calcium and potassium in food, with
numbers checked by hand against the reference sheet (Merck, Spasovski 2014, WikEM, NASEM)."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spasm_edu.models import electrolytes as el
from spasm_edu.validation import InputError
from tests.helpers import any_input, assert_names_argument, result_or_value_error


@pytest.mark.parametrize(
    ("analyte_id", "value", "unit", "band_id", "position"),
    [
        # Potassium, mmol/L: reference 3.5-5.0; mild 3.0-3.4; moderate 2.5-2.9; severe < 2.5.
        ("potassium", 4.2, "mmol/L", "k_reference", "within"),
        ("potassium", 3.5, "mmol/L", "k_reference", "within"),  # both ends are in the range
        ("potassium", 5.0, "mmol/L", "k_reference", "within"),
        ("potassium", 5.1, "mmol/L", None, "above"),
        ("potassium", 3.4, "mmol/L", "k_mild", "below"),
        ("potassium", 3.0, "mEq/L", "k_mild", "below"),  # 1 mEq/L = 1 mmol/L
        ("potassium", 2.9, "mmol/L", "k_moderate", "below"),
        ("potassium", 2.5, "mmol/L", "k_moderate", "below"),
        ("potassium", 2.4, "mmol/L", "k_severe", "below"),
        # Sodium: 135-145; mild 130-134; moderate 125-129; profound < 125 (Spasovski 2014).
        ("sodium", 140, "mmol/L", "na_reference", "within"),
        ("sodium", 134, "mEq/L", "na_mild", "below"),
        ("sodium", 129, "mmol/L", "na_moderate", "below"),
        ("sodium", 124, "mmol/L", "na_profound", "below"),
        ("sodium", 146, "mmol/L", None, "above"),
        # Total calcium: about 8.5-10.5 mg/dL = 2.12-2.62 mmol/L; symptoms below ~7.0; < 6.6.
        ("calcium_total", 9.5, "mg/dL", "ca_reference", "within"),
        ("calcium_total", 2.12, "mmol/L", "ca_reference", "within"),  # 2.12 x 4.008 = 8.497
        ("calcium_total", 2.62, "mmol/L", "ca_reference", "within"),  # 2.62 x 4.008 = 10.50
        ("calcium_total", 8.0, "mg/dL", "ca_low", "below"),
        ("calcium_total", 6.8, "mg/dL", "ca_symptoms", "below"),
        ("calcium_total", 6.5, "mg/dL", "ca_critical", "below"),
        ("calcium_total", 11.0, "mg/dL", None, "above"),
        # Ionized calcium: about 1.12-1.32 mmol/L; symptoms usually < 1.1.
        ("calcium_ionized", 1.2, "mmol/L", "ica_reference", "within"),
        ("calcium_ionized", 1.11, "mmol/L", "ica_low", "below"),
        ("calcium_ionized", 1.0, "mmol/L", "ica_symptoms", "below"),
        ("calcium_ionized", 4.3, "mg/dL", "ica_symptoms", "below"),  # 4.3 / 4.008 = 1.073
        # 4.4 / 4.008 = 1.0978, compared as a lab shows it (2 decimals): 1.10, not below 1.1
        ("calcium_ionized", 4.4, "mg/dL", "ica_low", "below"),
        # Magnesium: 0.70-1.05 mmol/L (about 1.7-2.5 mg/dL); low < 0.70; symptoms < 0.5.
        ("magnesium", 0.85, "mmol/L", "mg_reference", "within"),
        ("magnesium", 1.7, "mg/dL", "mg_reference", "within"),  # 1.7 / 2.431 = 0.699 -> 0.70
        ("magnesium", 0.6, "mmol/L", "mg_low", "below"),
        ("magnesium", 1.0, "mg/dL", "mg_symptoms", "below"),  # 1.0 / 2.431 = 0.41
    ],
)
def test_value_falls_in_the_right_band(analyte_id, value, unit, band_id, position):
    result = el.lab_result(analyte_id, value, unit)
    assert (result.band.band_id if result.band else None) == band_id
    assert result.position == position


@pytest.mark.parametrize(
    ("analyte_id", "value", "unit", "mmol_l"),
    [
        ("potassium", 3.2, "mEq/L", 3.2),
        ("sodium", 128, "mEq/L", 128),
        ("calcium_total", 8.0, "mg/dL", 8.0 / 4.008),  # 1.996
        ("calcium_total", 10.0, "mg/dL", 2.495),  # 10 / 4.008 = 2.4950
        ("magnesium", 2.431, "mg/dL", 1.0),  # by definition of the factor
        ("magnesium", 1.8, "mg/dL", 0.7404),  # 1.8 / 2.431 = 0.74044
    ],
)
def test_unit_conversion(analyte_id, value, unit, mmol_l):
    assert el.to_mmol_l(analyte_id, value, unit) == pytest.approx(mmol_l, abs=1e-4)
    assert el.from_mmol_l(analyte_id, el.to_mmol_l(analyte_id, value, unit), unit) == (
        pytest.approx(value)
    )


def test_calcium_mmol_to_mg_dl():
    # 2.0 mmol/L x 4.008 = 8.016 mg/dL
    assert el.from_mmol_l("calcium_total", 2.0, "mg/dL") == pytest.approx(8.016)


@pytest.mark.parametrize(
    ("measured", "albumin", "corrected"),
    [
        (7.6, 2.5, 8.8),  # 7.6 + 0.8 x (4.0 - 2.5) = 7.6 + 1.2
        (8.0, 4.0, 8.0),  # normal albumin: no change
        (9.0, 3.0, 9.8),  # 9.0 + 0.8 x 1.0
        (10.0, 5.0, 9.2),  # 10.0 + 0.8 x (-1.0)
    ],
)
def test_corrected_calcium(measured, albumin, corrected):
    assert el.corrected_calcium_mg_dl(measured, albumin) == pytest.approx(corrected)


def test_corrected_calcium_moves_the_band():
    raw = el.lab_result("calcium_total", 7.6, "mg/dL")
    fixed = el.lab_result("calcium_total", 7.6, "mg/dL", albumin_g_dl=2.5)
    assert raw.band.band_id == "ca_low" and fixed.band.band_id == "ca_reference"
    assert fixed.corrected and fixed.corrected_mg_dl == pytest.approx(8.8)
    assert fixed.value_other == pytest.approx(8.8)
    assert "merck_hypocalcemia" in fixed.source_ids
    # the same correction from a value typed in mmol/L: 1.896 mmol/L = 7.6 mg/dL
    from_si = el.lab_result("calcium_total", 7.6 / 4.008, "mmol/L", albumin_g_dl=2.5)
    assert from_si.corrected_mg_dl == pytest.approx(8.8)


def test_symptoms_are_linked_to_bands():
    assert "cramps" in el.lab_result("potassium", 3.2, "mmol/L").band.symptoms
    assert "confusion" in el.lab_result("sodium", 128, "mmol/L").band.symptoms
    assert "tingling" in el.lab_result("calcium_total", 6.8, "mg/dL").band.symptoms
    assert "twitching" in el.lab_result("magnesium", 0.4, "mmol/L").band.symptoms
    # below range but above the level where symptoms usually start: none linked
    assert el.lab_result("calcium_total", 8.0, "mg/dL").band.symptoms is None
    assert el.lab_result("potassium", 4.0, "mmol/L").band.symptoms is None


def test_bands_tile_without_gaps():
    for a in el.analytes().values():
        for upper, lower in zip(a.bands, a.bands[1:], strict=False):
            assert lower.upper_mmol_l == pytest.approx(upper.lower_mmol_l), lower.band_id
        assert a.bands[-1].lower is None


@pytest.mark.parametrize(
    ("sex", "status", "ai_mg"),
    [
        ("male", "none", 3400),  # NASEM 2019
        ("female", "none", 2600),
        ("female", "pregnant", 2900),
        ("female", "lactating", 2800),
    ],
)
def test_adequate_intake_fits_the_person(sex, status, ai_mg):
    day = el.potassium_day({"banana": 1}, sex, status)
    assert day.adequate_intake_mg == ai_mg
    assert day.percent_of_intake == pytest.approx(100 * 422 / ai_mg)


def test_a_day_of_food_adds_up():
    # DGA 2015 Appendix 10: potato 941 + banana 422 + orange juice 496 = 1,859 mg
    day = el.potassium_day({"baked_potato": 1, "banana": 1, "orange_juice": 1}, "female")
    assert day.total_mg == 1859
    assert day.percent_of_intake == pytest.approx(71.5, abs=0.05)  # 1859 / 2600
    assert day.daily_value_mg == 4700 and day.upper_limit_mg is None
    assert {"dga_2015_appendix10", "nasem_potassium_2019", "fda_daily_value"} == set(day.source_ids)


def test_usda_foods_are_marked_approximate():
    day = el.potassium_day({"avocado": 2, "lentils": 1, "black_beans": 1})
    assert day.total_mg == 2 * 485 + 365 + 305
    assert all(s.approximate for s in day.servings)


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: el.lab_result("chloride", 100, "mmol/L"), "analyte_id"),
        (lambda: el.lab_result("potassium", 4, "mg/dL"), "unit"),
        (lambda: el.lab_result("calcium_total", 9, "mEq/L"), "unit"),
        (lambda: el.lab_result("magnesium", 2, "mg/dl"), "unit"),
        (lambda: el.lab_result("potassium", 4, None), "unit"),
        (lambda: el.lab_result("potassium", -1, "mmol/L"), "value"),
        (lambda: el.lab_result("potassium", 0, "mmol/L"), "value"),
        (lambda: el.lab_result("potassium", 45, "mmol/L"), "value"),
        (lambda: el.lab_result("potassium", math.nan, "mmol/L"), "value"),
        (lambda: el.lab_result("potassium", "4.0", "mmol/L"), "value"),
        (lambda: el.lab_result("potassium", True, "mmol/L"), "value"),
        (lambda: el.lab_result("sodium", 1400, "mmol/L"), "value"),
        (lambda: el.lab_result("calcium_total", 9.5, "mmol/L"), "value"),  # mg/dL typed as SI
        (lambda: el.lab_result("potassium", 4, "mmol/L", 3.0), "albumin_g_dl"),
        (lambda: el.lab_result("calcium_total", 8, "mg/dL", 0), "albumin_g_dl"),
        (lambda: el.lab_result("calcium_total", 8, "mg/dL", math.inf), "albumin_g_dl"),
        (lambda: el.corrected_calcium_mg_dl(-8, 4), "measured_mg_dl"),
        (lambda: el.from_mmol_l("potassium", 4, "mg/dL"), "unit"),
        (lambda: el.from_mmol_l("potassium", -4, "mmol/L"), "value_mmol_l"),
        (lambda: el.potassium_day({"banana": -1}), "servings['banana']"),
        (lambda: el.potassium_day({"banana": 1.5}), "servings['banana']"),
        (lambda: el.potassium_day({"banana": 21}), "servings['banana']"),
        (lambda: el.potassium_day({"kiwi": 1}), "food_id"),
        (lambda: el.potassium_day(["banana"]), "servings"),
        (lambda: el.potassium_day({}, "other"), "sex"),
        (lambda: el.potassium_day({}, "female", "yes"), "status"),
        (lambda: el.potassium_day({}, "male", "pregnant"), "status"),
        (lambda: el.constant("no_such_id"), "constant_id"),
        (lambda: el.band_for("potassium", 3.0), "a"),
        (lambda: el.band_for(el.analyte("potassium"), math.nan), "value_mmol_l"),
        (lambda: el.band_for(el.analyte("potassium"), -math.inf), "value_mmol_l"),
        (lambda: el.band_for(el.analyte("potassium"), "3.0"), "value_mmol_l"),
    ],
)
def test_bad_input_names_the_argument(call, name):
    assert_names_argument(call, name)


def test_a_bad_value_names_the_range_in_the_unit_typed():
    with pytest.raises(InputError, match=r"from 2.004 to 20.04 mg/dL"):
        el.lab_result("calcium_total", 25, "mg/dL")


anything = any_input(
    st.sampled_from(["mmol/L", "mEq/L", "mg/dL", "potassium", "calcium_total", "female"]),
    integers=(-(10**4), 10**4),
    text_size=6,
)


@given(
    analyte_id=st.one_of(st.sampled_from(list(el.analytes())), anything),
    value=anything,
    unit=anything,
    albumin=anything,
    count=anything,
    sex=anything,
    status=st.one_of(st.sampled_from(el.STATUSES), anything),
)
def test_any_input_gives_a_result_or_a_value_error(
    analyte_id, value, unit, albumin, count, sex, status
):
    check = result_or_value_error(
        lambda: el.check_both(analyte_id, value, unit, {"banana": count}, sex, status, albumin)
    )
    if check is not None:
        assert check.lab.position in ("below", "within", "above")
        assert math.isfinite(check.lab.value_mmol_l) and check.day.total_mg >= 0


@given(
    analyte_id=st.sampled_from(list(el.analytes())),
    fraction=st.floats(0, 1),
)
def test_every_accepted_value_lands_in_exactly_one_place(analyte_id, fraction):
    a = el.analyte(analyte_id)
    value = a.input_min_mmol_l + fraction * (a.input_max_mmol_l - a.input_min_mmol_l)
    result = el.lab_result(analyte_id, value, "mmol/L")
    holding = [b for b in a.bands if b.holds(result.value_mmol_l)]
    assert len(holding) <= 1
    assert (result.band is None) == (result.position == "above")
