"""Medication model: search by any name, the review of ticked medicines, and the evidence
numbers checked by hand against Garrison 2012, the EAS 2015 consensus and the Merck list."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from spasm_edu import facts
from spasm_edu.models import medication
from tests.helpers import any_input, assert_names_argument, oracle, result_or_value_error


def ratio_of(class_id: str) -> float:
    """Garrison 2012's adjusted sequence ratio for a class, as pinned in tests/oracle.yaml."""
    return oracle(f"medication_evidence.csv:garrison_{class_id}:value_low")


def pinned(evidence_id: str) -> tuple:
    """(value_low, value_high) of an evidence row, as pinned in tests/oracle.yaml."""
    return tuple(
        oracle(f"medication_evidence.csv:{evidence_id}:{c}") for c in ("value_low", "value_high")
    )


def first(query: str) -> medication.Match:
    return medication.search(query)[0]


@pytest.mark.parametrize(
    ("query", "drug_id", "kind"),
    [
        ("Sudafed", "pseudoephedrine", "brand"),
        ("sudaf", "pseudoephedrine", "brand"),  # part of a word
        ("SUDAFED", "pseudoephedrine", "brand"),  # case-insensitive
        ("pseudoephedrine", "pseudoephedrine", "name"),
        ("Adderall", "amphetamine_salts", "brand"),
        ("Ventolin", "albuterol", "brand"),
        ("ProAir", "albuterol", "brand"),
        ("pro-air", "albuterol", "brand"),  # hyphens and spaces are ignored
        ("salbutamol", "albuterol", "other name"),
        ("albuterol", "albuterol", "name"),
        ("Lipitor", "atorvastatin", "brand"),
        ("lasix", "furosemide", "brand"),
        ("aldactone", "spironolactone", "brand"),
        ("HCTZ", "hydrochlorothiazide", "other name"),
        ("Xanax", "benzodiazepine_withdrawal", "brand"),
    ],
)
def test_brand_and_generic_names_find_the_medicine(query, drug_id, kind):
    hit = first(query)
    assert hit.medicine.drug_id == drug_id
    assert hit.matched_kind == kind


def test_exact_names_come_before_partial_ones():
    hits = medication.search("amphetamine")
    assert hits[0].medicine.drug_id == "amphetamine_salts" and hits[0].exact
    assert {h.medicine.drug_id for h in hits} >= {"amphetamine_salts", "lisdexamfetamine"}


@pytest.mark.parametrize(
    ("query", "class_id", "at_least"),
    [
        ("statin", "statin", 5),
        ("water pill", None, 9),  # thiazide + loop + potassium-sparing: 3 + 3 + 3
        ("beta-2 agonist", None, 3),
        ("loop diuretic", "loop", 3),
    ],
)
def test_class_names_find_every_member(query, class_id, at_least):
    hits = medication.search(query)
    assert len(hits) >= at_least
    if class_id:
        assert all(h.medicine.class_id == class_id for h in hits)
    assert all(h.matched_kind == "class" for h in hits)


def test_water_pills_cover_every_diuretic_type():
    classes = {h.medicine.class_id for h in medication.search("water pill")}
    assert classes == {"thiazide", "loop", "potassium_sparing"}


@pytest.mark.parametrize("query", ["", " ", "s", "-", "zzzz", "x" * 60])
def test_short_or_unknown_queries_find_nothing(query):
    assert medication.search(query) == ()


def test_required_medicines_and_the_merck_list_are_present():
    ids = {m.drug_id for m in medication.medicines()}
    classes = {m.class_id for m in medication.medicines()}
    assert {"pseudoephedrine", "albuterol", "salmeterol", "amphetamine_salts"} <= ids
    assert {"thiazide", "loop", "potassium_sparing", "statin", "laba", "saba"} <= classes
    # Merck Manual consumer table of drug causes, item by item:
    merck = {
        "losartan", "beta_blockers", "albuterol", "cisplatin", "clofibrate", "hydrochlorothiazide",
        "furosemide", "donepezil", "lovastatin", "oral_contraceptives", "pyrazinamide",
        "raloxifene", "teriparatide", "tolcapone", "vincristine", "amphetamine_salts", "caffeine",
        "cocaine", "ephedrine", "nicotine", "pseudoephedrine", "alcohol_withdrawal",
        "barbiturate_withdrawal", "benzodiazepine_withdrawal",
    }  # fmt: skip
    assert merck <= ids
    for drug_id in merck:
        assert "merck_cramps" in medication.medicine(drug_id).source_ids, drug_id


@pytest.mark.parametrize(
    ("class_id", "significant"),
    [
        # Garrison 2012, adjusted sequence ratios (1.0 = no signal; values in tests/oracle.yaml):
        ("laba", True),  # 2.42
        ("potassium_sparing", True),  # 2.12
        ("thiazide", True),  # 1.48
        ("statin", True),  # 1.16
        ("loop", False),  # 1.20, not significant
    ],
)
def test_garrison_ratios(class_id, significant):
    ratio = ratio_of(class_id)
    med = next(m for m in medication.medicines() if m.class_id == class_id)
    assert med.ratio.value_low == ratio and med.ratio.significant is significant
    assert med.ratio.source_id == "garrison_2012"
    assert "garrison_2012" in med.source_ids


def test_ratios_are_sorted_and_above_no_signal():
    values = [e.value_low for e in medication.ratios()]
    classes = ("laba", "potassium_sparing", "thiazide", "loop", "statin")
    assert values == [ratio_of(c) for c in classes]  # 2.42, 2.12, 1.48, 1.20, 1.16
    assert values == sorted(values, reverse=True)
    assert all(v > medication.NO_SIGNAL_RATIO for v in values)


def test_statin_figures_from_the_eas_consensus():
    statin = medication.medicine("atorvastatin")
    by_measure = {e.measure: e for e in statin.evidence}
    symptoms = by_measure["percent_reporting_muscle_symptoms"]
    myopathy = by_measure["myopathy_one_in_n_users"]
    # EAS 2015 abstract: "a prevalence of 7-29% in registries and observational studies";
    # myopathy "1 per 1000 to 1 per 10 000 people on standard statin doses".
    assert (symptoms.value_low, symptoms.value_high) == pinned("eas_statin_symptoms")  # 7, 29
    assert (myopathy.value_low, myopathy.value_high) == pinned("eas_statin_myopathy")
    assert symptoms.source_id == myopathy.source_id == "eas_statin_2015"


def test_blinded_trials_show_statin_and_placebo_side_by_side():
    # CTT 2022 abstract: 16 835 (27.1%) on statin vs 16 446 (26.6%) on placebo reported muscle
    # pain or weakness in 19 double-blind trials: most such symptoms are not due to the statin.
    by_measure = {e.measure: e for e in medication.medicine("simvastatin").evidence}
    on_statin = by_measure["percent_muscle_symptoms_blinded_statin"]
    on_placebo = by_measure["percent_muscle_symptoms_blinded_placebo"]
    assert (on_statin.value_low, on_placebo.value_low) == (
        oracle("medication_evidence.csv:ctt_statin_blinded_statin:value_low"),  # 27.1
        oracle("medication_evidence.csv:ctt_statin_blinded_placebo:value_low"),  # 26.6
    )
    assert on_statin.source_id == on_placebo.source_id == "ctt_statin_2022"
    assert on_statin.value_low - on_placebo.value_low < 1  # under 1 point apart


def test_long_acting_inhalers_cite_their_own_class_not_the_salbutamol_page():
    for drug_id in ("salmeterol", "formoterol"):
        med = medication.medicine(drug_id)
        assert "mims_salbutamol" not in facts.table(medication.DRUGS)[drug_id].source_ids
        assert med.ratio.value_low == ratio_of("laba") and med.ratio.source_id == "garrison_2012"


def test_no_ratio_is_invented_for_classes_the_study_did_not_measure():
    for drug_id in ("pseudoephedrine", "albuterol", "amphetamine_salts", "losartan"):
        assert medication.medicine(drug_id).ratio is None


def test_each_medicine_has_a_class_a_sentence_and_sources():
    known = set(facts.table("sources.csv").by_id)
    for med in medication.medicines():
        assert med.class_label and med.plain_class
        assert med.how.endswith(".") and 10 < len(med.how) < 200, med.drug_id
        assert med.source_ids and set(med.source_ids) <= known


def test_display_name_shows_brands():
    assert medication.medicine("albuterol").display_name == "Albuterol (Ventolin, ProAir)"
    assert medication.medicine("cisplatin").display_name == "Cisplatin"


def test_review_keeps_order_drops_repeats_and_collects_sources():
    review = medication.review("sudaf", ["furosemide", "albuterol", "furosemide"])
    assert [m.drug_id for m in review.taking] == ["furosemide", "albuterol"]
    assert review.matches[0].medicine.drug_id == "pseudoephedrine"
    assert {"garrison_2012", "mims_salbutamol", "merck_cramps"} <= set(review.source_ids)


def test_review_filters_by_class():
    whole = medication.review("", [], "loop")
    assert [h.medicine.drug_id for h in whole.matches] == ["furosemide", "bumetanide", "torsemide"]
    narrowed = medication.review("water pill", [], "potassium_sparing")
    assert {h.medicine.class_id for h in narrowed.matches} == {"potassium_sparing"}


def test_a_data_row_naming_an_unknown_class_is_reported(monkeypatch):
    real = facts.table

    def fake(name, *args):
        table = real(name, *args)
        if name == medication.DRUGS:
            bad = table.rows[0].model_copy(update={"class_id": "antacid"})
            return facts.Table(table.spec, (bad, *table.rows[1:]))
        return table

    monkeypatch.setattr(facts, "table", fake)
    medication.medicines.cache_clear()
    try:
        with pytest.raises(facts.FactsError, match="row 2, column 'class_id'"):
            medication.medicines()
    finally:
        monkeypatch.undo()
        medication.medicines.cache_clear()
        medication._index.cache_clear()


@pytest.mark.parametrize(
    ("call", "name"),
    [
        (lambda: medication.search(None), "query"),
        (lambda: medication.search(42), "query"),
        (lambda: medication.search("a" * 61), "query"),
        (lambda: medication.search(["sudafed"]), "query"),
        (lambda: medication.review(query=math.nan), "query"),
        (lambda: medication.review(taking="albuterol"), "taking"),
        (lambda: medication.review(taking=None), "taking"),
        (lambda: medication.review(taking=["tylenol"]), "taking"),
        (lambda: medication.review(taking=[3]), "taking"),
        (lambda: medication.review(class_id="antacid"), "class_id"),
        (lambda: medication.review(class_id=1), "class_id"),
        (lambda: medication.medicine("aspirin"), "drug_id"),
        (lambda: medication.normalise(5), "text"),
        (lambda: medication.normalise(None), "text"),
    ],
)
def test_bad_input_names_the_argument(call, name):
    assert_names_argument(call, name)


anything = any_input(
    st.lists(st.sampled_from(["albuterol", "statin", "x", ""]), max_size=3),
    integers=(None, None),
    text_size=80,
)


@given(query=anything, taking=anything, class_id=st.one_of(anything, st.just("statin")))
def test_any_input_gives_a_review_or_a_value_error(query, taking, class_id):
    review = result_or_value_error(lambda: medication.review(query, taking, class_id))
    if review is not None:
        assert isinstance(review.query, str)
        assert all(isinstance(h, medication.Match) for h in review.matches)


@given(st.text(max_size=60))
def test_search_never_fails_on_text_and_every_hit_contains_the_query(query):
    wanted = medication.normalise(query)
    for hit in medication.search(query):
        assert wanted in medication.normalise(hit.matched_name)


def test_quinine_is_a_caution_found_by_its_names_not_a_cause():
    # MHRA 2010: not a routine treatment for nocturnal leg cramps; FDA 2010: Qualaquin should
    # not be used for night-time leg cramps. It treats cramps, so it is not in the drug list.
    (quinine,) = medication.cautions()
    assert quinine.source_ids == ("mhra_quinine_2010", "fda_quinine_2010")
    assert "quinine" not in facts.table(medication.DRUGS).by_id
    for query in ("quinine", "QUALAQUIN", "quinine sulphate", "quin"):
        assert medication.cautions_for(query) == (quinine,), query
    assert medication.cautions_for("q") == () and medication.cautions_for("statin") == ()
    review = medication.review("quinine")
    assert review.cautions == (quinine,) and review.matches == ()
    assert {"mhra_quinine_2010", "fda_quinine_2010"} <= set(review.source_ids)


def test_long_term_ppis_are_listed_for_low_magnesium():
    # FDA Drug Safety Communication 2011: prescription PPIs may cause low serum magnesium if
    # taken for prolonged periods (in most cases longer than one year).
    ppis = [m for m in medication.medicines() if m.class_id == "ppi"]
    assert {m.drug_id for m in ppis} >= {"omeprazole", "esomeprazole", "pantoprazole"}
    assert all(m.source_ids == ("fda_ppi_magnesium_2011",) for m in ppis)
    assert medication.search("nexium")[0].medicine.drug_id == "esomeprazole"
    assert "magnesium" in medication.medicine("omeprazole").how
    assert medication.medicine("omeprazole").ratio is None  # no measured ratio is invented
