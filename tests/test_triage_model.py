"""Triage engine: levels from the reference sheet §9, the safety properties, bad input.

Each expected level below is read off the reference sheet §9 table (medical-facts.md) and the
source article's "When should you see a doctor" list; the comment names the row.
"""

from __future__ import annotations

import itertools
import json
import subprocess

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spasm_edu import facts
from spasm_edu.models import triage
from spasm_edu.models.triage import Level
from spasm_edu.validation import InputError
from tests import helpers
from tests.conftest import rewrite

ALL = triage.finding_ids()
EMERGENCY = triage.emergency_findings()

ISSUE_IDS = """recurring not_resolving pain_or_injury back_spasm weakness loss_of_balance
mental_changes swelling redness_or_discoloration numbness_tingling trouble_walking
disturbs_sleep new_medicine lasts_over_10_min heavy_fluid_loss one_calf_swollen_warm
breathless_or_chest_pain saddle_numbness bladder_bowel_change worsening_leg_weakness fever
major_trauma cancer_history unexplained_weight_loss iv_drug_use long_term_steroids night_pain
dark_urine severe_muscle_pain jaw_stiffness recent_wound tingling_around_mouth claw_hand_spasm
muscle_wasting pregnant""".split()


def level_of(*findings: str) -> Level:
    return triage.assess(list(findings)).level


# -- the data ------------------------------------------------------------------------------
def test_every_finding_id_the_issue_names_is_accepted():
    assert set(ISSUE_IDS) <= set(ALL)
    for fid in ISSUE_IDS:
        assert triage.assess([fid]).findings == (fid,)


def test_levels_are_ordered():
    assert Level.self_care < Level.see_doctor < Level.urgent < Level.emergency
    assert [str(x) for x in triage.LEVELS] == ["self_care", "see_doctor", "urgent", "emergency"]
    assert [r.level for r in facts.table("triage_levels.csv")] == [x.name for x in triage.LEVELS]


def test_every_group_has_questions_and_every_question_is_asked_once():
    groups = triage.questions()
    assert list(groups) == list(triage.GROUPS)
    for group in ("how_often", "what_else", "back", "injury_exertion"):
        assert groups[group], group
    asked = [fid for items in groups.values() for fid, _ in items]
    assert sorted(asked) == sorted(ALL)


@pytest.mark.parametrize("file", ["red_flags.csv", "red_flag_rules.csv"])
def test_urgent_and_emergency_rows_say_what_to_do_now(file):
    for row in facts.table(file):
        if row.level == "emergency":
            assert "911" in row.what_to_do or "emergency department" in row.what_to_do, row
            assert "now" in row.what_to_do
        if row.level == "urgent":
            assert "today" in row.what_to_do, row


def test_every_rule_names_real_findings_and_is_not_below_them():
    for rule in facts.table("red_flag_rules.csv"):
        assert set(rule.findings) <= set(ALL), rule.rule_id
        highest = max(Level[facts.table("red_flags.csv")[f].level] for f in rule.findings)
        assert Level[rule.level] >= highest, rule.rule_id


# -- the behaviour the issue asks for ------------------------------------------------------
def test_no_findings_is_self_care_with_advice_and_signs_to_watch():
    result = triage.assess([])
    assert result.level == Level.self_care and result.reasons == () and result.top_reasons == ()
    for word in ("Stretch", "Rest", "fluids", "warm"):
        assert word in result.advice
    assert any("chest pain" in s for s in result.watch_for)
    assert any("face droops" in s for s in result.watch_for)  # stroke, for everyone
    # general signs below emergency stay in the doctor list, not the short watch list
    assert not any("10 minutes" in s for s in result.watch_for)
    assert any("10 minutes" in f.sign for f in triage.flags_for(None))


def test_watch_list_fits_the_causes_and_ticks():
    back = triage.assess(["back_spasm", "numbness_tingling"], causes=["body_mechanics"])
    assert back.level == Level.urgent
    saddle = facts.table("red_flags.csv")["saddle_numbness"].sign
    assert back.if_worse[0] == saddle  # back + numbness: the cauda equina signs first
    caffeine = triage.assess([], causes=["caffeine"])
    overdose = facts.table("red_flags.csv")["caffeine_overdose"].sign
    assert overdose in caffeine.watch_for and overdose not in triage.assess([]).watch_for
    with pytest.raises(InputError, match="causes"):
        triage.assess([], causes=["coffee"])
    with pytest.raises(InputError, match="causes"):
        triage.assess([], causes="caffeine")


def test_groups_asked_fit_the_causes_and_answers():
    assert triage.groups_for([])[0] == "act_now"  # emergencies first, for everyone
    assert "back" not in triage.groups_for(["caffeine"])
    assert "back" in triage.groups_for(["body_mechanics"])
    assert "back" in triage.groups_for(["caffeine"], ticked=["night_pain"])
    assert set(triage.GROUPS) - {"back", "pregnancy"} <= set(triage.groups_for(["caffeine"]))
    assert triage.assess().level == Level.self_care  # the default argument


def test_the_pregnancy_questions_are_asked_for_pregnancy_or_a_pregnant_tick():
    # premature labour (held-back set 4) is asked of pregnant patients, not of everyone
    assert "pregnancy" in triage.groups_for(["pregnancy"])
    assert "pregnancy" not in triage.groups_for(["caffeine"])
    assert "pregnancy" not in triage.groups_for([])
    # a nurse who did not pick the pregnancy cause: ticking "Are you pregnant?" opens the group
    assert "pregnancy" in triage.groups_for(["caffeine"], ticked=["pregnant"])
    assert "pregnancy" in triage.groups_for([], ticked=["pregnancy_warning_signs"])
    assert "pregnancy" not in triage.groups_for(["caffeine"], ticked=["heavy_alcohol"])
    pregnancy_questions = {fid for fid, _ in triage.questions()["pregnancy"]}
    assert "preterm_labour_signs" in pregnancy_questions
    assert not pregnancy_questions & set(triage.emergency_findings())  # those go to everyone


def test_a_pregnant_tick_brings_the_pregnancy_page_in_the_patient_explorer():
    from spasm_edu.explorers.triage import TriageExplorer

    explorer = TriageExplorer(mode="patient", causes=["overuse"])
    assert "pregnancy" not in explorer.groups_asked()
    explorer.tick("pregnant")
    assert "pregnancy" in explorer.groups_asked()
    assert "preterm_labour_signs" in explorer.questions_on("pregnancy")


def test_every_reason_carries_its_sources():
    result = triage.assess(["one_calf_swollen_warm", "breathless_or_chest_pain", "pregnant"])
    ids = [r.finding_or_rule for r in result.reasons]
    assert ids[0] == "clot_in_lung"  # the rule explains the emergency first
    assert set(ids) == {
        "clot_in_lung",
        "breathless_or_chest_pain",
        "one_calf_swollen_warm",
        "pregnant",
    }
    for r in result.reasons:
        assert r.source_ids and set(r.source_ids) <= set(facts.table("sources.csv").by_id)
    assert result.reasons[0].source_ids == ("nhs_dvt",)
    assert "nhs_dvt" in result.source_ids


def test_tetany_rule_says_its_level_is_textbook():
    result = triage.assess(["tingling_around_mouth", "claw_hand_spasm"])
    assert result.level == Level.emergency
    rule = result.reasons[0]
    assert rule.finding_or_rule == "tetany" and rule.basis == "textbook"
    assert "911" in result.advice


def test_pregnant_raises_nothing_by_itself():
    # The reference sheet gives no rule that makes any sign more urgent in pregnancy.
    assert level_of("pregnant") == Level.self_care
    for fid in ALL:
        assert level_of(fid, "pregnant") == level_of(fid), fid
    assert "tell your doctor" in triage.assess(["pregnant"]).reasons[0].why


@pytest.mark.parametrize("fid", ["cancer_history", "iv_drug_use", "long_term_steroids"])
def test_history_items_matter_only_with_a_back_spasm(fid):
    assert level_of(fid) == Level.self_care
    assert level_of(fid, "back_spasm") == Level.urgent  # §9: back pain + history -> same day


def test_advice_for_an_emergency_says_exactly_what_to_do():
    result = triage.assess(["saddle_numbness"])
    assert result.advice.startswith("Go to the emergency department now")
    assert "911" in result.advice


def test_advice_for_a_new_medicine_says_not_to_stop_it():
    result = triage.assess(["new_medicine"])
    assert result.level == Level.see_doctor
    assert "Do not stop it" in result.advice and "day or two" in result.advice  # Merck: 1-2 days


# -- safety properties ----------------------------------------------------------------------
finding_sets = st.sets(st.sampled_from(ALL), max_size=len(ALL))


@settings(max_examples=300, deadline=None)
@given(base=finding_sets, extra=st.sampled_from(ALL))
def test_adding_a_finding_never_lowers_the_level(base, extra):
    assert level_of(*base, extra) >= level_of(*base)


@settings(max_examples=200, deadline=None)
@given(a=finding_sets, b=finding_sets)
def test_level_of_a_union_is_at_least_each_part(a, b):
    assert level_of(*(a | b)) >= max(level_of(*a), level_of(*b))


def test_there_are_emergency_findings_from_each_emergency_row_of_the_sheet():
    # §9 emergency rows: cauda equina (3 signs), tetanus (stiff jaw), trauma, chest pain/breath.
    assert set(EMERGENCY) >= {
        "saddle_numbness",
        "bladder_bowel_change",
        "worsening_leg_weakness",
        "jaw_stiffness",
        "major_trauma",
        "breathless_or_chest_pain",
    }


@pytest.mark.parametrize("fid", EMERGENCY)
def test_an_emergency_finding_is_an_emergency_alone(fid):
    result = triage.assess([fid])
    assert result.level == Level.emergency
    assert "911" in result.advice


@settings(max_examples=300, deadline=None)
@given(fid=st.sampled_from(EMERGENCY), others=finding_sets)
def test_an_emergency_finding_stays_an_emergency_in_any_combination(fid, others):
    assert level_of(fid, *others) == Level.emergency


@pytest.mark.parametrize("fid", EMERGENCY)
def test_an_emergency_finding_with_every_other_finding(fid):
    for other in ALL:
        assert level_of(fid, other) == Level.emergency, other
    assert level_of(*ALL) == Level.emergency


@pytest.mark.parametrize(
    "findings",
    [
        ["recurring"],  # 1. spasms occurring regularly
        ["not_resolving"],  # 2. not resolving with rest, hydration, nutrition
        ["pain_or_injury"],  # 3. pain or injury from a spasm...
        ["pain_or_injury", "back_spasm"],  # ...especially back spasms
        ["weakness"],  # 4. other symptoms: weakness, loss of balance, mental changes
        ["loss_of_balance"],
        ["mental_changes"],
        ["swelling"],  # 5. swelling, redness or discoloration of the skin
        ["redness_or_discoloration"],
    ],
)
def test_the_source_articles_five_situations_need_a_doctor(findings):
    assert level_of(*findings) >= Level.see_doctor


@pytest.mark.parametrize("findings", [["weakness"], ["recurring"], ["swelling"], []])
def test_below_urgent_the_watch_list_excludes_what_is_already_ticked(findings):
    result = triage.assess(findings)
    for fid in findings:
        assert facts.table("red_flags.csv")[fid].sign not in result.watch_for


# -- realistic combinations from the reference sheet §9 -------------------------------------
S, D, U, E = Level.self_care, Level.see_doctor, Level.urgent, Level.emergency
COMBINATIONS = [
    # occasional cramp after a run that eases with stretching -> self-care (Mayo, NHS)
    (["hard_exertion"], S),
    # pregnant woman with night leg cramps that wake her -> see a doctor soon (NHS)
    (["pregnant", "disturbs_sleep"], D),
    # cramps that recur and wake the person, with swelling -> see a doctor soon
    (["recurring", "disturbs_sleep", "swelling"], D),
    # cramps with numbness and weakness -> right away (Merck Quick Facts; safer than NHS/Mayo)
    (["numbness_tingling", "weakness"], U),
    # a back spasm on its own -> self-care, see a GP if not better in a few weeks (NHS)
    (["back_spasm"], S),
    # back pain not better after a few weeks of home care -> see a doctor (NHS)
    (["back_spasm", "back_not_better"], D),
    # back spasm after lifting that hurt -> see a doctor promptly (seed article)
    (["back_spasm", "pain_or_injury"], D),
    # cramps after starting a new medicine -> see a doctor within 1-2 days (Merck)
    (["new_medicine", "recurring"], D),
    # on water pills, cramps, no weakness -> see a doctor (Merck via new medicine)
    (["takes_water_pills", "new_medicine"], D),
    # on water pills with weakness -> urgent same day (Merck)
    (["takes_water_pills", "weakness"], U),
    # cramp over 10 minutes that will not ease -> urgent (NHS)
    (["lasts_over_10_min"], U),
    # cramps after vomiting and diarrhoea -> urgent (NHS, Merck)
    (["heavy_fluid_loss", "recurring"], U),
    # one swollen, warm calf in pregnancy -> urgent (NHS DVT); pregnancy does not raise it
    (["one_calf_swollen_warm", "pregnant"], U),
    # swollen warm calf + breathless -> emergency (NHS DVT)
    (["one_calf_swollen_warm", "breathless_or_chest_pain"], E),
    # back spasm + fever -> urgent (red-flag guidelines)
    (["back_spasm", "fever"], U),
    # back spasm + fever + numbness -> emergency (red-flag guidelines)
    (["back_spasm", "fever", "numbness_tingling"], E),
    # back spasm + fever + weakness -> emergency
    (["back_spasm", "fever", "weakness"], E),
    # back spasm + cancer history -> urgent
    (["back_spasm", "cancer_history"], U),
    # back spasm + weight loss + night pain -> urgent
    (["back_spasm", "unexplained_weight_loss", "night_pain"], U),
    # back spasm + long-term steroids -> urgent
    (["back_spasm", "long_term_steroids"], U),
    # back spasm + injects drugs -> urgent
    (["back_spasm", "iv_drug_use"], U),
    # back spasm after a car crash -> emergency
    (["back_spasm", "major_trauma"], E),
    # cauda equina: back spasm + saddle numbness -> emergency (NHS)
    (["back_spasm", "saddle_numbness"], E),
    # cauda equina: back spasm + new bladder trouble -> emergency
    (["back_spasm", "bladder_bowel_change"], E),
    # cauda equina: worsening leg weakness + trouble walking -> emergency
    (["worsening_leg_weakness", "trouble_walking"], E),
    # rhabdomyolysis: severe muscle pain + cola urine after a hard workout -> emergency (CDC)
    (["hard_exertion", "severe_muscle_pain", "dark_urine"], E),
    # rhabdomyolysis: weakness + dark urine -> emergency
    (["weakness", "dark_urine"], E),
    # severe pain after a workout, normal urine -> see a doctor (Mayo: severe discomfort)
    (["hard_exertion", "severe_muscle_pain"], D),
    # tetanus: wound + stiff jaw -> emergency (NHS, CDC)
    (["recent_wound", "jaw_stiffness"], E),
    # tetanus: wound + painful spasms -> emergency
    (["recent_wound", "severe_muscle_pain"], E),
    # a wound, ordinary cramps -> see a doctor (check tetanus shots)
    (["recent_wound"], D),
    # tetany: tingling around the mouth + claw hand -> emergency (textbook)
    (["tingling_around_mouth", "claw_hand_spasm"], E),
    # tingling around the mouth alone -> urgent (blood test for calcium)
    (["tingling_around_mouth"], U),
    # twitching with wasting -> see a doctor (neurologist); with real weakness -> today (Merck)
    (["muscle_wasting", "recurring"], D),
    (["muscle_wasting", "weakness", "recurring"], U),
    # the same signs come on suddenly -> emergency (NHS sudden confusion: 999; CDC stroke signs)
    (["weakness", "loss_of_balance", "sudden_nerve_signs"], E),
    # trouble walking and loss of balance, slowly -> see a doctor
    (["trouble_walking", "loss_of_balance"], D),
]


@pytest.mark.parametrize(("findings", "level"), COMBINATIONS, ids=lambda x: str(x))
def test_realistic_combination(findings, level):
    result = triage.assess(findings)
    assert result.level == level
    if level >= Level.urgent:
        assert result.top_reasons and all(r.what_to_do for r in result.top_reasons)


def test_there_are_at_least_twenty_combinations():
    assert len(COMBINATIONS) >= 20


# -- quiz answers in the notebook agree with the engine -------------------------------------
QUIZ_CASES = {
    "triage_case_cramp": ([], "self_care"),
    "triage_case_calf": (["one_calf_swollen_warm"], "urgent"),
    "triage_case_calf_breath": (["one_calf_swollen_warm", "breathless_or_chest_pain"], "emergency"),
    "triage_case_back_bladder": (["back_spasm", "bladder_bowel_change"], "emergency"),
    "triage_case_back_cancer": (["back_spasm", "cancer_history"], "urgent"),
    "triage_case_water_pill": (["new_medicine", "takes_water_pills"], "see_doctor"),
}
LEVEL_WORDS_IN_CHOICES = {
    "self_care": "Self-care",
    "see_doctor": "See a doctor soon",
    "urgent": "Urgent",
    "emergency": "Emergency",
}


@pytest.mark.parametrize("qid", sorted(QUIZ_CASES))
def test_quiz_case_answer_matches_the_engine(qid):
    findings, level = QUIZ_CASES[qid]
    assert triage.assess(findings).level.name == level
    q = facts.table("quiz.csv")[qid]
    right = dict((x, c) for x, c, _ in q.choices())[q.correct]
    assert right.startswith(LEVEL_WORDS_IN_CHOICES[level]), right


# -- bad input -------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "bad",
    [
        "recurring",  # one string, not a list of ids
        b"recurring",
        None,
        3,
        {"recurring": True},
        [1, 2],
        ["recurring", None],
        [Level.urgent],
        [["recurring"]],
    ],
)
def test_wrong_types_are_a_value_error_naming_findings(bad):
    with pytest.raises(InputError) as info:
        triage.assess(bad)
    assert info.value.name == "findings" and str(info.value).startswith("findings")


def test_unknown_ids_are_named_and_every_valid_id_listed():
    with pytest.raises(triage.UnknownFindingError) as info:
        triage.assess(["recurring", "headache", "Fever"])
    message = str(info.value)
    assert info.value.unknown == ["Fever", "headache"]
    assert message.startswith("unknown finding id(s): Fever, headache")
    for fid in ALL:
        assert fid in message
    assert isinstance(info.value, ValueError)


def test_order_and_repeats_do_not_matter():
    a = triage.assess(["fever", "back_spasm", "fever"])
    b = triage.assess(("back_spasm", "fever"))
    c = triage.assess(frozenset({"fever", "back_spasm"}))
    assert a == b == c and a.findings == ("fever", "back_spasm")


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.none(),
        st.integers(),
        st.text(max_size=8),
        st.lists(st.one_of(st.sampled_from(ALL), st.text(max_size=6), st.integers()), max_size=5),
        st.dictionaries(st.text(max_size=4), st.booleans(), max_size=2),
    )
)
def test_any_input_gives_an_assessment_or_a_value_error(value):
    try:
        result = triage.assess(value)
    except ValueError as exc:
        assert "findings" in str(exc) or "unknown finding" in str(exc)
    else:
        assert result.level in triage.LEVELS and result.advice


# -- broken data is named --------------------------------------------------------------------
@pytest.mark.parametrize(
    ("file", "old", "new", "column", "words"),
    [
        (
            "red_flags.csv",
            ",emergency,Numbness there",
            ",critical,Numbness there",
            "level",
            "emergency",
        ),
        (
            "red_flag_rules.csv",
            'Call 911 or your local emergency number now.,"You have a swollen',
            'Phone someone.,"You have a swollen',
            None,
            "911",
        ),
        (
            "red_flags.csv",
            "Is the spasm in your back?",
            "Is the spasm in your back",
            "question",
            "question mark",
        ),
    ],
)
def test_broken_triage_data_names_file_row_and_column(data_copy, file, old, new, column, words):
    rewrite(data_copy / file, old, new)
    with pytest.raises(facts.FactsError) as info:
        facts.table(file, data_copy)
    assert info.value.file == file and info.value.column == column and words in str(info.value)


@pytest.mark.parametrize(
    ("file", "old", "new", "row", "column", "words"),
    [
        (
            "red_flag_rules.csv",
            "tingling_around_mouth;claw_hand_spasm",
            "tingling;claw_hand_spasm",
            3,
            "all_of",
            "'tingling' is not a finding_id",
        ),
        (
            "red_flag_rules.csv",
            "tingling_around_mouth;claw_hand_spasm,emergency",
            "tingling_around_mouth;claw_hand_spasm,see_doctor",
            3,
            "level",
            "below the level",
        ),
        (
            "red_flags.csv",
            "spine;body_mechanics;pregnancy",
            "spine;backs",
            2 + ALL.index("back_not_better"),  # the spreadsheet row of the only such row
            "shown_for",
            "'backs'",
        ),
    ],
)
def test_cross_file_problems_are_named(data_copy, file, old, new, row, column, words):
    rewrite(data_copy / file, old, new)
    with pytest.raises(facts.FactsError) as info:
        triage.engine(data_copy)
    err = info.value
    assert (err.file, err.row, err.column) == (file, row, column)
    assert words in str(err)


# -- the command line ------------------------------------------------------------------------
def run_cli(*args: str) -> subprocess.CompletedProcess:
    return helpers.run_cli("spasm_edu.triage", *args)


def test_cli_lists_every_id_with_its_question():
    out = run_cli("--list")
    assert out.returncode == 0
    for fid in ALL:
        assert fid in out.stdout
    saddle = facts.table("red_flags.csv")["saddle_numbness"].question
    assert "saddle_numbness" in out.stdout and saddle in out.stdout
    assert "inner thighs" in saddle  # worded so that numb legs are not taken for saddle numbness


def test_cli_json_gives_level_and_reasons():
    out = run_cli("--json", "one_calf_swollen_warm", "breathless_or_chest_pain")
    assert out.returncode == 0
    data = json.loads(out.stdout)
    assert data["level"] == "emergency"
    assert data["reasons"][0]["id"] == "clot_in_lung"
    assert data["reasons"][0]["source_ids"] == ["nhs_dvt"]
    assert "911" in data["advice"]


def test_cli_bad_ids_exit_non_zero_and_name_them():
    out = run_cli("--json", "recurring", "headache")
    assert out.returncode != 0
    assert "headache" in out.stderr and "saddle_numbness" in out.stderr and out.stdout == ""


def test_cli_plain_words():
    out = run_cli("back_spasm", "fever")
    assert out.returncode == 0 and out.stdout.startswith("URGENT: GET HELP TODAY:")


def test_every_pair_of_findings_runs():
    for a, b in itertools.combinations(ALL, 2):
        assert triage.assess([a, b]).level >= max(level_of(a), level_of(b))


def test_a_sign_is_said_at_the_level_it_has_with_what_the_patient_has_ticked():
    """ "A back spasm and a fever" is urgent on its own (rule back_fever), but with numbness
    ticked it completes back_fever_numbness_tingling (emergency): on that patient's handout it
    is a 911 sign, not a "today" one (the fourth independent handout review)."""
    rules = {r.rule_id: r for r in triage.engine().rules}
    assert rules["back_fever"].level == "urgent"
    assert rules["back_fever_numbness_tingling"].level == "emergency"
    sign = rules["back_fever"].sign

    def level_of(ticked):
        flags = triage.handout_flags(["spine", "body_mechanics"], ticked)
        return next(f.level for f in flags if f.sign == sign)

    assert level_of(["back_spasm"]) == triage.Level.urgent
    assert level_of(["back_spasm", "numbness_tingling"]) == triage.Level.emergency
