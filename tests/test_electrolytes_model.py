"""Electrolytes model: bands below and above each range and the care each needs, symptoms
that make a result an emergency, unit conversion, corrected calcium and potassium in food,
with numbers checked by hand against the sources named in data/electrolyte_bands.csv."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spasm_edu import facts
from spasm_edu.models import electrolytes as el
from spasm_edu.models.triage import Level
from spasm_edu.validation import InputError
from tests.helpers import any_input, assert_names_argument, oracle, result_or_value_error


def edge(key: str, step: float = 0.0) -> float:
    """A band edge pinned in tests/oracle.yaml ("k_reference:lower"), moved by ``step``: the
    value a lab prints just past it. Band tests sit on the edges, so they read them."""
    return round(oracle(f"electrolyte_bands.csv:{key}") + step, 3)


def typed_at(key: str, analyte_id: str, typed_dp: int, step: int = 0) -> float:
    """The smallest value typed in the analyte's other unit (mg/dL for calcium_total bands
    in mmol/L is the reverse) with ``typed_dp`` decimals that a lab, comparing at 2 decimals in
    the band's unit, puts at or above the band edge ``key``; ``step`` typed steps more (-1: the
    value just below the edge)."""
    factor = oracle(f"electrolyte_analytes.csv:{analyte_id}:other_per_mmol_l")
    e = oracle(f"electrolyte_bands.csv:{key}")
    band_in_mg_dl = analyte_id == "calcium_total"  # its bands are in mg/dL, typed in mmol/L
    exact = (e - 0.005) / factor if band_in_mg_dl else (e - 0.005) * factor
    unit = 10**typed_dp
    return round((math.ceil(round(exact * unit, 6)) + step) / unit, typed_dp)


@pytest.mark.parametrize(
    ("analyte_id", "value", "unit", "band_id", "position"),
    [
        # Potassium, mmol/L: reference 3.5-5.0 (IOM 2005); mild 3.0-3.4, moderate 2.5-2.9,
        # severe < 2.5 (StatPearls); above 5.0; 6.0-6.4 (Merck, Mayo); 6.5 or more (Merck).
        # Values on and next to an edge read it from the oracle; the others sit well inside.
        ("potassium", 4.2, "mmol/L", "k_reference", "within"),
        ("potassium", edge("k_reference:lower"), "mmol/L", "k_reference", "within"),  # both
        ("potassium", edge("k_reference:upper"), "mmol/L", "k_reference", "within"),  # ends in
        ("potassium", edge("k_reference:upper", 0.1), "mmol/L", "k_high", "above"),
        ("potassium", edge("k_high_critical:lower", -0.1), "mmol/L", "k_high", "above"),
        ("potassium", edge("k_high_critical:lower"), "mmol/L", "k_high_critical", "above"),
        ("potassium", edge("k_very_high:lower", -0.1), "mEq/L", "k_high_critical", "above"),
        ("potassium", edge("k_very_high:lower"), "mmol/L", "k_very_high", "above"),
        ("potassium", 8.0, "mmol/L", "k_very_high", "above"),
        ("potassium", edge("k_reference:lower", -0.1), "mmol/L", "k_mild", "below"),
        ("potassium", edge("k_mild:lower"), "mEq/L", "k_mild", "below"),  # 1 mEq/L = 1 mmol/L
        ("potassium", edge("k_mild:lower", -0.1), "mmol/L", "k_moderate", "below"),
        ("potassium", edge("k_moderate:lower"), "mmol/L", "k_moderate", "below"),
        ("potassium", edge("k_moderate:lower", -0.1), "mmol/L", "k_severe", "below"),
        # Sodium: 135-145; mild 130-134; moderate 125-129; profound < 125 (Spasovski 2014);
        # above 145; severe 155 or more (Theisen-Toupal 2015: above 155 or 160; safer edge).
        ("sodium", 140, "mmol/L", "na_reference", "within"),
        ("sodium", edge("na_reference:lower"), "mmol/L", "na_reference", "within"),
        ("sodium", edge("na_reference:upper"), "mmol/L", "na_reference", "within"),
        ("sodium", edge("na_reference:lower", -1), "mEq/L", "na_mild", "below"),
        ("sodium", edge("na_mild:lower", -1), "mmol/L", "na_moderate", "below"),
        ("sodium", edge("na_moderate:lower"), "mmol/L", "na_moderate", "below"),
        ("sodium", edge("na_moderate:lower", -1), "mmol/L", "na_profound", "below"),
        ("sodium", edge("na_reference:upper", 1), "mmol/L", "na_high", "above"),
        ("sodium", edge("na_severe_high:lower", -1), "mmol/L", "na_high", "above"),
        ("sodium", edge("na_severe_high:lower"), "mmol/L", "na_severe_high", "above"),
        # Total calcium: about 8.8-10.4 mg/dL (Medscape, Merck); critical < 6.6 (WikEM);
        # above 10.4; critical 12.0 or more (WakeMed; safer than Houston Methodist 13.0).
        ("calcium_total", 9.5, "mg/dL", "ca_reference", "within"),
        ("calcium_total", edge("ca_reference:lower"), "mg/dL", "ca_reference", "within"),
        ("calcium_total", edge("ca_reference:upper"), "mg/dL", "ca_reference", "within"),
        # typed in mmol/L: 2.2 x 4.008 = 8.818 is within; 2.19 x 4.008 = 8.778 -> 8.78 is not
        (
            "calcium_total",
            typed_at("ca_reference:lower", "calcium_total", 2),
            "mmol/L",
            "ca_reference",
            "within",
        ),
        (
            "calcium_total",
            typed_at("ca_reference:lower", "calcium_total", 2, -1),
            "mmol/L",
            "ca_low",
            "below",
        ),
        ("calcium_total", 8.0, "mg/dL", "ca_low", "below"),
        ("calcium_total", edge("ca_low:lower"), "mg/dL", "ca_low", "below"),
        ("calcium_total", edge("ca_low:lower", -0.1), "mg/dL", "ca_critical", "below"),
        ("calcium_total", edge("ca_reference:upper", 0.1), "mg/dL", "ca_high", "above"),
        ("calcium_total", edge("ca_high_critical:lower"), "mg/dL", "ca_high_critical", "above"),
        (
            "calcium_total",
            typed_at("ca_high_critical:lower", "calcium_total", 2),
            "mmol/L",
            "ca_high_critical",
            "above",
        ),  # 3.0 mmol/L = 12.02 mg/dL
        # Ionized calcium: about 1.17-1.30 mmol/L; critical below about 0.87 (3.5 mg/dL).
        ("calcium_ionized", 1.2, "mmol/L", "ica_reference", "within"),
        ("calcium_ionized", 1.1, "mmol/L", "ica_low", "below"),
        ("calcium_ionized", edge("ica_low:lower", -0.01), "mmol/L", "ica_critical", "below"),
        # typed in mg/dL: 3.4 / 4.008 = 0.848 is critical; 3.5 / 4.008 = 0.8733, compared as
        # a lab shows it (2 decimals): 0.87, not below it
        (
            "calcium_ionized",
            typed_at("ica_low:lower", "calcium_ionized", 1, -1),
            "mg/dL",
            "ica_critical",
            "below",
        ),
        (
            "calcium_ionized",
            typed_at("ica_low:lower", "calcium_ionized", 1),
            "mg/dL",
            "ica_low",
            "below",
        ),
        ("calcium_ionized", 1.35, "mmol/L", "ica_high", "above"),
        (
            "calcium_ionized",
            typed_at("ica_high_critical:lower", "calcium_ionized", 1),
            "mg/dL",
            "ica_high_critical",
            "above",
        ),  # 5.8 mg/dL: 1.447 -> 1.45
        # Magnesium: about 0.70-1.05 mmol/L; symptoms likely < 0.5 (DynaMed); above 1.05;
        # critical 1.85 or more (about 4.5 mg/dL, Houston Methodist).
        ("magnesium", 0.85, "mmol/L", "mg_reference", "within"),
        (
            "magnesium",
            typed_at("mg_reference:lower", "magnesium", 1),
            "mg/dL",
            "mg_reference",
            "within",
        ),  # 1.7 / 2.431 = 0.699 -> 0.70
        ("magnesium", 0.6, "mmol/L", "mg_low", "below"),
        ("magnesium", edge("mg_low:lower"), "mmol/L", "mg_low", "below"),
        ("magnesium", edge("mg_low:lower", -0.01), "mmol/L", "mg_severe", "below"),
        ("magnesium", 1.0, "mg/dL", "mg_severe", "below"),  # 1.0 / 2.431 = 0.41
        ("magnesium", edge("mg_reference:upper", 0.01), "mmol/L", "mg_high", "above"),
        (
            "magnesium",
            typed_at("mg_high_critical:lower", "magnesium", 1, -1),
            "mg/dL",
            "mg_high",
            "above",
        ),  # 4.4 mg/dL = 1.81
        (
            "magnesium",
            typed_at("mg_high_critical:lower", "magnesium", 1),
            "mg/dL",
            "mg_high_critical",
            "above",
        ),  # 4.5 mg/dL: 1.851 -> 1.85
    ],
)
def test_value_falls_in_the_right_band(analyte_id, value, unit, band_id, position):
    result = el.lab_result(analyte_id, value, unit)
    assert result.band.band_id == band_id
    assert result.position == position


@pytest.mark.parametrize(
    ("analyte_id", "value", "unit", "level"),
    [
        # The critical bands of issue 11 need care today (and say when to call 911).
        ("potassium", 6.1, "mmol/L", "urgent"),
        # below 2.5 mmol/L: A+E even without symptoms (PaperGP, UK general practice)
        ("potassium", 2.4, "mmol/L", "emergency"),
        # 6.5 mmol/L or more: severe, go to hospital at once (GPnotebook, UK primary care).
        ("potassium", edge("k_very_high:lower"), "mmol/L", "emergency"),
        ("potassium", 7.0, "mmol/L", "emergency"),
        ("potassium", 2.7, "mmol/L", "urgent"),  # safer level: WakeMed critical at <= 2.5
        ("sodium", edge("na_moderate:lower", -1), "mmol/L", "urgent"),
        ("sodium", 160, "mmol/L", "urgent"),
        ("calcium_total", edge("ca_low:lower", -0.1), "mg/dL", "urgent"),
        ("calcium_total", 12.5, "mg/dL", "urgent"),
        ("calcium_ionized", 0.8, "mmol/L", "urgent"),
        ("magnesium", 0.4, "mmol/L", "urgent"),
        ("magnesium", 2.0, "mmol/L", "urgent"),
        # Outside the range but not critical: see a doctor soon.
        ("potassium", 3.2, "mmol/L", "see_doctor"),
        ("potassium", 5.6, "mmol/L", "see_doctor"),
        ("sodium", 132, "mmol/L", "see_doctor"),
        ("sodium", 127, "mmol/L", "see_doctor"),
        ("sodium", 150, "mmol/L", "see_doctor"),
        ("calcium_total", 8.0, "mg/dL", "see_doctor"),
        ("calcium_total", 11.0, "mg/dL", "see_doctor"),
        ("magnesium", 0.6, "mmol/L", "see_doctor"),
        ("magnesium", 1.2, "mmol/L", "see_doctor"),
        # Within the range.
        ("potassium", 4.2, "mmol/L", "self_care"),
        ("sodium", 140, "mmol/L", "self_care"),
    ],
)
def test_each_band_needs_its_sourced_level_of_care(analyte_id, value, unit, level):
    lab = el.lab_result(analyte_id, value, unit)
    assert str(lab.level) == level
    assert str(el.urgency(lab).level) == level


def test_every_urgent_band_says_when_to_call_911_and_why():
    for a in el.analytes().values():
        for b in a.bands:
            if b.level >= Level.urgent:
                assert b.emergency_if and b.level_note, b.band_id
            if b.level > Level.self_care:
                assert b.level_note, b.band_id


def test_high_values_have_bands_too():
    for a in el.analytes().values():
        highs = [b for b in a.bands if b.side == "high"]
        assert highs and highs[-1].upper is None, a.analyte_id
        assert max(b.level for b in highs) >= Level.urgent, a.analyte_id


def test_mild_low_potassium_and_sodium_list_no_arrhythmia_or_seizures():
    for band_id in ("k_mild", "na_mild"):
        band = next(b for a in el.analytes().values() for b in a.bands if b.band_id == band_id)
        words = (band.symptoms or "").lower()
        assert not any(w in words for w in ("heart", "rhythm", "arrhythm", "seizure")), band_id
    severe = {b.band_id: b for a in el.analytes().values() for b in a.bands}
    assert "heart rhythm" in severe["k_severe"].symptoms
    assert "seizures" in severe["na_profound"].symptoms


def test_calcium_no_longer_claims_symptoms_only_below_7_mg_dl():
    calcium = el.analyte("calcium_total")
    assert all("7.0" not in (b.label + (b.symptoms or "")) for b in calcium.bands)
    assert (calcium.reference.lower, calcium.reference.upper) == (
        edge("ca_reference:lower"),
        edge("ca_reference:upper"),
    )
    ref_sources = set(calcium.reference.source_ids)
    assert ref_sources == {"medscape_hypocalcemia", "merck_hypercalcemia"}


@pytest.mark.parametrize(
    ("analyte_id", "value", "unit", "ticked", "level"),
    [
        # Any value outside the range with tetany, confusion or a seizure: call 911.
        ("potassium", 3.2, "mmol/L", ["mouth_tingling"], "emergency"),
        ("calcium_total", 8.0, "mg/dL", ["hands_feet_lock"], "emergency"),
        ("sodium", 128, "mmol/L", ["confused"], "emergency"),
        ("magnesium", 1.2, "mmol/L", ["seizure"], "emergency"),
        ("potassium", 6.2, "mmol/L", ["chest_breathing"], "emergency"),
        # Within the range the boxes count only as their red flags do.
        ("potassium", 4.2, "mmol/L", ["confused"], "see_doctor"),  # mental_changes
        ("calcium_total", 9.5, "mg/dL", ["mouth_tingling"], "urgent"),
        ("calcium_total", 9.5, "mg/dL", ["mouth_tingling", "hands_feet_lock"], "emergency"),
        ("sodium", 140, "mmol/L", ["seizure"], "emergency"),
        ("potassium", 4.2, "mmol/L", [], "self_care"),
    ],
)
def test_symptoms_raise_an_out_of_range_result_to_an_emergency(
    analyte_id, value, unit, ticked, level
):
    u = el.urgency(el.lab_result(analyte_id, value, unit), ticked)
    assert str(u.level) == level
    assert set(u.finding_ids) == {f for s in ticked for f in el.symptoms()[s].finding_ids}


def test_tingling_after_neck_surgery_needs_care_today_even_without_a_result():
    assert el.urgency(None, ["hands_feet_lock"], ["neck_surgery"]).level == Level.urgent
    u = el.urgency(
        el.lab_result("calcium_total", 9.5, "mg/dL"), ["mouth_tingling"], ["neck_surgery"]
    )
    assert u.level == Level.urgent and [c.caution_id for c in u.rules] == ["neck_surgery"]
    assert el.urgency(None, [], ["neck_surgery"]).level == Level.self_care  # no symptom, no rule
    assert el.urgency(None, ["confused"], ["neck_surgery"]).rules == ()


@given(
    analyte_id=st.sampled_from(list(el.analytes())),
    fraction=st.floats(0, 1),
    first=st.sets(st.sampled_from(list(el.symptoms()))),
    more=st.sets(st.sampled_from(list(el.symptoms()))),
    neck=st.booleans(),
)
def test_ticking_more_never_lowers_the_level(analyte_id, fraction, first, more, neck):
    a = el.analyte(analyte_id)
    value = a.input_min_mmol_l + fraction * (a.input_max_mmol_l - a.input_min_mmol_l)
    lab = el.lab_result(analyte_id, value, "mmol/L")
    applies = ["neck_surgery"] if neck else []
    assert el.urgency(lab, first | more, applies).level >= el.urgency(lab, first, applies).level
    assert el.urgency(lab, first, applies).level >= lab.level


def test_potassium_caveat_names_kidney_disease_and_potassium_keeping_medicines():
    (caveat,) = el.cautions_for("potassium_foods")
    assert "kidney disease" in caveat.plain and "medicine" in caveat.plain
    assert {"spironolactone", "amiloride", "triamterene", "losartan", "valsartan"} <= set(
        caveat.drug_ids
    )
    assert "ACE inhibitors" in caveat.student and "ARBs" in caveat.student
    assert {"nasem_potassium_2019", "iom_water_2004"} <= set(caveat.source_ids)


def test_every_caution_drug_id_is_a_medicine_the_caution_names():
    drugs = facts.table("medication_drugs.csv")
    for c in el.cautions().values():
        for d in c.drug_ids:
            assert d in drugs.by_id, (c.caution_id, d)
            assert drugs[d].name.lower() in c.student.lower(), (c.caution_id, d)


def test_every_electrolyte_row_says_where_in_the_source_it_stands():
    for name in facts.DATA_DIR.glob("electrolyte_*.csv"):
        for n, row in enumerate(facts.table(name.name), start=2):
            assert row.where, f"{name.name} row {n} has no 'where'"


@pytest.mark.parametrize(
    ("analyte_id", "value", "unit", "mmol_l"),
    [
        ("potassium", 3.2, "mEq/L", 3.2),
        ("sodium", 128, "mEq/L", 128),
        ("calcium_total", 8.0, "mg/dL", None),  # 8.0 / 4.008 = 1.996
        ("calcium_total", 10.0, "mg/dL", None),  # 10 / 4.008 = 2.4950
        ("magnesium", "factor", "mg/dL", 1.0),  # by definition of the factor
        ("magnesium", 1.8, "mg/dL", None),  # 1.8 / 2.431 = 0.74044
    ],
)
def test_unit_conversion(analyte_id, value, unit, mmol_l):
    if mmol_l is None or value == "factor":
        factor = oracle(f"electrolyte_analytes.csv:{analyte_id}:other_per_mmol_l")
        value = factor if value == "factor" else value
        mmol_l = value / factor if mmol_l is None else mmol_l
    assert el.to_mmol_l(analyte_id, value, unit) == pytest.approx(mmol_l, abs=1e-4)
    assert el.from_mmol_l(analyte_id, el.to_mmol_l(analyte_id, value, unit), unit) == (
        pytest.approx(value)
    )


def test_calcium_mmol_to_mg_dl():
    # 2.0 mmol/L x 4.008 = 8.016 mg/dL
    factor = oracle("electrolyte_analytes.csv:calcium_total:other_per_mmol_l")
    assert el.from_mmol_l("calcium_total", 2.0, "mg/dL") == pytest.approx(2.0 * factor)


@pytest.mark.parametrize(
    ("measured", "albumin"),
    [
        (7.6, 2.5),  # 7.6 + 0.8 x (4.0 - 2.5) = 7.6 + 1.2 = 8.8
        (8.0, "normal"),  # normal albumin: no change
        (9.0, 3.0),  # 9.0 + 0.8 x 1.0 = 9.8
        (10.0, 5.0),  # 10.0 + 0.8 x (-1.0) = 9.2
    ],
)
def test_corrected_calcium(measured, albumin):
    factor = oracle("electrolyte_constants.csv:ca_correction_factor:value")
    normal = oracle("electrolyte_constants.csv:ca_correction_albumin:value")
    albumin = normal if albumin == "normal" else albumin
    corrected = measured + factor * (normal - albumin)
    assert el.corrected_calcium_mg_dl(measured, albumin) == pytest.approx(corrected)


def test_corrected_calcium_moves_the_band():
    # a low albumin (2.5 g/dL) lifts a value just below the range onto its lower edge:
    # 7.6 + 0.8 x (4.0 - 2.5) = 8.8
    factor = oracle("electrolyte_constants.csv:ca_correction_factor:value")
    normal = oracle("electrolyte_constants.csv:ca_correction_albumin:value")
    target = edge("ca_reference:lower")
    measured = round(target - factor * (normal - 2.5), 3)
    raw = el.lab_result("calcium_total", measured, "mg/dL")
    fixed = el.lab_result("calcium_total", measured, "mg/dL", albumin_g_dl=2.5)
    assert raw.band.band_id == "ca_low" and fixed.band.band_id == "ca_reference"
    assert fixed.corrected and fixed.corrected_mg_dl == pytest.approx(target)
    assert fixed.value_other == pytest.approx(target)
    assert "merck_hypocalcemia" in fixed.source_ids
    # the same correction from a value typed in mmol/L: 1.896 mmol/L = 7.6 mg/dL
    mg_dl_per_mmol = oracle("electrolyte_analytes.csv:calcium_total:other_per_mmol_l")
    from_si = el.lab_result("calcium_total", measured / mg_dl_per_mmol, "mmol/L", albumin_g_dl=2.5)
    assert from_si.corrected_mg_dl == pytest.approx(target)


def test_symptoms_are_linked_to_bands():
    assert "cramps" in el.lab_result("potassium", 3.2, "mmol/L").band.symptoms
    assert "confusion" in el.lab_result("sodium", 120, "mmol/L").band.symptoms
    assert "tingling" in el.lab_result("calcium_total", 6.8, "mg/dL").band.symptoms
    assert "seizures" in el.lab_result("magnesium", 0.4, "mmol/L").band.symptoms
    assert "chest pain" in el.lab_result("potassium", 6.2, "mmol/L").band.symptoms
    # sources say most people have no symptoms here
    assert el.lab_result("sodium", 132, "mmol/L").band.symptom_free
    assert el.lab_result("magnesium", 0.6, "mmol/L").band.symptom_free
    assert el.lab_result("potassium", 4.0, "mmol/L").band.symptoms is None


def test_bands_tile_without_gaps_from_no_lower_end_to_no_upper_end():
    for a in el.analytes().values():
        for below, above in zip(a.bands, a.bands[1:], strict=False):
            assert below.upper_mmol_l == pytest.approx(above.lower_mmol_l), above.band_id
        assert a.bands[0].lower is None and a.bands[-1].upper is None
        assert [b.side for b in a.bands].count("reference") == 1


@pytest.mark.parametrize(
    ("sex", "status", "intake_id"),
    [
        ("male", "none", "men"),  # NASEM 2019
        ("female", "none", "women"),
        ("female", "pregnant", "pregnant"),
        ("female", "lactating", "lactating"),
    ],
)
def test_adequate_intake_fits_the_person(sex, status, intake_id):
    ai_mg = oracle(f"electrolyte_potassium_intake.csv:{intake_id}:mg_per_day")
    banana = oracle("electrolyte_potassium_foods.csv:banana:potassium_mg")
    day = el.potassium_day({"banana": 1}, sex, status)
    assert day.adequate_intake_mg == ai_mg
    assert day.percent_of_intake == pytest.approx(100 * banana / ai_mg)


def test_a_day_of_food_adds_up():
    # DGA 2015 Appendix 10: potato 941 + banana 422 + orange juice 496 = 1,859 mg
    foods = ("baked_potato", "banana", "orange_juice")
    total = sum(oracle(f"electrolyte_potassium_foods.csv:{f}:potassium_mg") for f in foods)
    women = oracle("electrolyte_potassium_intake.csv:women:mg_per_day")
    day = el.potassium_day(dict.fromkeys(foods, 1), "female")
    assert day.total_mg == total
    assert day.percent_of_intake == pytest.approx(100 * total / women)  # 71.5 %
    assert day.daily_value_mg == oracle("electrolyte_potassium_intake.csv:daily_value:mg_per_day")
    assert day.upper_limit_mg is None
    assert {"dga_2015_appendix10", "nasem_potassium_2019", "fda_daily_value"} == set(day.source_ids)


def test_usda_foods_are_marked_approximate():
    day = el.potassium_day({"avocado": 2, "lentils": 1, "black_beans": 1})
    mg = {
        f: oracle(f"electrolyte_potassium_foods.csv:{f}:potassium_mg")
        for f in ("avocado", "lentils", "black_beans")
    }
    assert day.total_mg == 2 * mg["avocado"] + mg["lentils"] + mg["black_beans"]
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
        (lambda: el.urgency("potassium 6.2"), "lab"),
        (lambda: el.urgency(None, "seizure"), "symptoms"),
        (lambda: el.urgency(None, ["fainting"]), "symptoms"),
        (lambda: el.urgency(None, [], "neck_surgery"), "applies"),
        (lambda: el.urgency(None, [], ["back_surgery"]), "applies"),
        (lambda: el.cautions_for("sodium"), "topic"),
        (lambda: el.check_both("potassium", 4, "mmol/L", {}, use_lab="yes"), "use_lab"),
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
    assert holding == [result.band]
    assert (
        result.position
        == {"low": "below", "reference": "within", "high": "above"}[result.band.side]
    )
