"""The held-back set of patient situations (issue 11), run through the same checks as
tests/test_triage_situations.py: never under-triaged, every emergency reaches emergency, never
above the acceptable range, boxes named by a piece of their question text.

The set (tests/triage_heldback.yaml) was written by an independent reviewer: the ranges first,
from public sources, before the data or the question wording were read
(tests/triage_heldback_draft.md, committed first), then the ticks and causes from the question
wording only. Ranges must not be edited to make a situation pass.

One more check than the first set: each situation names the causes the nurse would pick, and
every ticked box must be a question this patient is actually asked in patient mode (the groups
for those causes, and the questions a page keeps for them), with nothing ticked yet.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from spasm_edu import facts
from spasm_edu.explorers.triage import TriageExplorer
from spasm_edu.models import triage
from spasm_edu.models.triage import Level
from tests.test_triage_situations import question_for

# tests/triage_heldback2.yaml, tests/triage_heldback3.yaml and tests/triage_heldback4.yaml are a
# second, third and fourth independent set, written the same way by other reviewers (their
# _draft.md files first); every set runs through every check below.
HELDBACK_FILES = {
    name: yaml.safe_load(Path(__file__).with_name(name).read_text(encoding="utf-8"))
    for name in (
        "triage_heldback.yaml",
        "triage_heldback2.yaml",
        "triage_heldback3.yaml",
        "triage_heldback4.yaml",
    )
}
# A range its reviewer now thinks was too tight, kept as written (ranges are never edited to
# pass): the over-triage check is an expected failure for it, and fails if the result ever
# comes back inside the written range. See tests/triage_heldback2_results.md.
RANGE_DISPUTED_HIGH = {
    "h2-soil-cut-vax-unsure": "NHS tetanus sends a large or deep wound to A&E (999), so the "
    "emergency result is backed by the source; the written top of 'urgent' was too tight",
}
# Under-triage the third set found and left OPEN for the clinical lead (not fixed, range kept as
# written): an expected failure that fails loudly once the situation reaches its range, so the
# entry must then be dropped. See tests/triage_heldback3_results.md.
OPEN_UNDER_TRIAGE = {
    "hb3-pregnant-headache-twitch": "pre-eclampsia signs with twitching arms give urgent; the "
    "NHS pre-eclampsia page itself says 'get medical advice immediately' (midwife, GP or 111), "
    "so the written bottom of 'emergency' may be too strict: for the clinical lead",
    "hb3-vague-grandad-one-side": "a vague carer who ticks weak + trouble walking + unsteady, "
    "not the act-now stroke question, gets urgent: no data fix chosen (a rule would over-triage "
    "long-standing weakness); for the clinical lead",
    # fourth set (tests/triage_heldback4_results.md): nine gaps closed by gaps4; one left open
    "hb4-bat-in-boys-bedroom": "out of scope: a bat in a sleeping child's room with no bite seen "
    "and no spasm is a rabies exposure question (MSD rabies post-exposure table: vaccination "
    "when a young child is found with a bat), not a muscle spasm; a spasm tool's yes/no spasm "
    "questions are the wrong place to decide rabies shots, and a bat question for every patient "
    "would add a question no spasm patient needs. Rabies with spasms (hb4-bali-dog-throat-water) "
    "is in scope and reaches emergency. For the clinical lead: a public-health or GP referral",
}
OPEN_OVER_TRIAGE = {
    "hb3-carpal-night-hand": "numbness with spasms gives urgent on its own; NHS carpal tunnel "
    "is 'see a GP' (non-urgent). Levels are never lowered here: for the clinical lead",
    "hb4-panic-claw-slow-breath": "known panic attacks with tingling fingers that settle with slow "
    "breathing give urgent ('numbness, or pins and needles' is urgent on its own); HealthInfo "
    "hyperventilation is home care. Levels are never lowered here: for the clinical lead",
}
HELDBACK = [s for situations in HELDBACK_FILES.values() for s in situations]
IDS = [s["id"] for s in HELDBACK]


def ticked(situation: dict) -> list[str]:
    return [question_for(piece) for piece in situation["ticks"]]


def asked_on_path(causes) -> set[str]:
    """Finding ids a patient who picked ``causes`` is asked, before ticking anything."""
    explorer = TriageExplorer(mode="patient", causes=causes)
    return {fid for page in explorer.groups_asked() for fid in explorer.questions_on(page)}


def test_ids_are_unique_across_all_sets():
    assert len(IDS) == len(set(IDS)), "situation ids must be unique"


@pytest.mark.parametrize("name", list(HELDBACK_FILES))
def test_the_heldback_set_is_complete(name):
    situations = HELDBACK_FILES[name]
    assert len(situations) >= 35, name
    sources = facts.table("sources.csv").by_id
    causes = facts.table("causes.csv").by_id
    for s in situations:
        assert set(s) == {"id", "says", "causes", "ticks", "level", "source"}, s["id"]
        assert len(s["says"].split()) >= 6, s["id"]
        low, high = (Level[x] for x in s["level"])
        assert low <= high, s["id"]
        assert s["source"] and set(s["source"]) <= set(sources), s["id"]
        assert set(s["causes"]) <= set(causes), s["id"]
    emergencies = [s for s in situations if s["level"][0] == "emergency"]
    assert len(emergencies) >= 15, name
    # self-care is an acceptable answer (the third set writes most of its plainly self-care
    # stories as "self-care, or see a doctor at most", as the NHS pages it cites do)
    self_care = [s for s in situations if s["level"][0] == "self_care"]
    assert len(self_care) >= 5, name


@pytest.mark.parametrize("situation", HELDBACK, ids=IDS)
def test_ticked_boxes_are_asked_on_the_patients_path(situation):
    asked = asked_on_path(situation["causes"])
    pairs = zip(situation["ticks"], ticked(situation), strict=True)
    missing = [piece for piece, fid in pairs if fid not in asked]
    assert not missing, (
        f"{situation['id']}: {missing} not asked of a patient with causes {situation['causes']}"
    )


@pytest.mark.parametrize("situation", HELDBACK, ids=IDS)
def test_heldback_situation_is_not_under_triaged(situation):
    result = triage.assess(ticked(situation), situation["causes"])
    low = Level[situation["level"][0]]
    if situation["id"] in OPEN_UNDER_TRIAGE:
        assert result.level < low, f"{situation['id']} now reaches its range: drop it from OPEN"
        pytest.xfail(OPEN_UNDER_TRIAGE[situation["id"]])
    assert result.level >= low, (
        f"{situation['id']}: {situation['says']!r} gives {result.level.name}, needs at least "
        f"{low.name} (sources: {', '.join(situation['source'])})"
    )
    if low == Level.emergency:
        assert "911" in result.advice or "emergency department" in result.advice


@pytest.mark.parametrize("situation", HELDBACK, ids=IDS)
def test_heldback_situation_is_not_over_triaged(situation):
    result = triage.assess(ticked(situation), situation["causes"])
    high = Level[situation["level"][1]]
    if situation["id"] in RANGE_DISPUTED_HIGH:
        assert result.level > high, f"{situation['id']} is back in range: drop the dispute"
        pytest.xfail(RANGE_DISPUTED_HIGH[situation["id"]])
    if situation["id"] in OPEN_OVER_TRIAGE:
        assert result.level > high, f"{situation['id']} is back in range: drop it from OPEN"
        pytest.xfail(OPEN_OVER_TRIAGE[situation["id"]])
    assert result.level <= high, (
        f"{situation['id']}: {situation['says']!r} gives {result.level.name}, at most "
        f"{high.name} expected"
    )


def test_the_path_check_can_fail():
    # the cauda equina questions are on the back page, which is not asked of a patient who
    # picked no back-related cause
    back_story = next(s for s in HELDBACK if s["id"] == "hb-cauda-equina")
    with pytest.raises(AssertionError, match="not asked of a patient"):
        test_ticked_boxes_are_asked_on_the_patients_path({**back_story, "causes": []})


def test_the_heldback_under_triage_check_can_fail():
    garden = next(s for s in HELDBACK if s["id"] == "hb-garden-back")
    with pytest.raises(AssertionError, match="needs at least emergency"):
        test_heldback_situation_is_not_under_triaged(
            {**garden, "level": ["emergency", "emergency"]}
        )
