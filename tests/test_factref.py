"""Facts quoted by reference (spasm_edu/factref.py): the gate, rendering, derived statements.

Notebook Markdown cites a data cell as ``400 mg<!--fact caffeine_limits.csv adult
max_mg_per_day-->``; quiz text as ``{caffeine_limits.csv:adult:max_mg_per_day}``. Every other
number with a unit in content/notebooks/*.md (Markdown cells) and in the quiz's reader-facing
text must be declared derived, quoted with its source or marked as the text's own.
"""

from __future__ import annotations

import pytest

from spasm_edu import factref, facts
from spasm_edu.tooling import course, sources
from tests.conftest import rewrite
from tests.helpers import oracle, oracle_entries, oracle_text
from tests.test_notebook_sources import CHECKED, contents_manager, course_copy, dirs  # noqa: F401

ADULT = "caffeine_limits.csv:adult:max_mg_per_day"
COFFEE = "caffeine_drinks.csv:brewed_coffee:typical_mg"
REF = "<!--fact caffeine_limits.csv adult max_mg_per_day-->"
PLACE = factref.Place("content/notebooks/x.md", line=3, excerpt="x")


def test_every_unit_bearing_number_in_content_and_quiz_cites_something():
    # A statement resting on a value that differs from tests/oracle.yaml is reported by
    # tests/test_oracle.py (with every place to re-read), so a clinician's edit fails once;
    # once the oracle is updated, this test names the statements still to correct.
    entries = oracle_entries()
    changed = {k for k, v in entries.items() if not factref._same(str(v), oracle(k))}
    problems = [p for p in factref.check_all() if p.stale is None or p.stale.key not in changed]
    assert not problems, f"{len(problems)} numbers to fix:\n" + "\n".join(map(str, problems))


def test_the_gate_checks_every_notebook_source_and_the_quiz():
    names = {p.stem for p in sources.SOURCE_DIR.glob("*.md")}
    assert {"02_caffeine", "09_pregnancy_and_childbirth", "05_dehydration"} <= names
    assert "question" in facts.specs()["quiz.csv"].templated
    assert "feedback_d" in facts.specs()["quiz.csv"].templated


@pytest.mark.parametrize(
    "text",
    [
        "Most adults can have up to 400 mg a day.",
        "Keep it under 200 mg/day.",
        "about 24–25 % of adults",
        "drink 2.7 L a day",
        "more than 10 minutes",
        "a 35 lb limit",
        "below 2.5 mmol/L",
    ],
)
def test_the_gate_fails_on_a_bare_number_naming_file_line_and_what_to_do(text):
    [problem] = factref._check_text(text, PLACE, None)
    msg = str(problem)
    assert msg.startswith("content/notebooks/x.md:3 (x): '")
    assert "cites nothing" in msg and "<!--fact FILE ROW COLUMN-->" in msg
    assert "<!--derived" in msg and "<!--quote SOURCE_ID-->" in msg and "<!--example-->" in msg


@pytest.mark.parametrize(
    "text",
    [
        f"up to {oracle_text(ADULT)} mg{REF} a day",
        "about four cups<!--derived caffeine_limits.csv adult max_mg_per_day="
        f"{oracle_text(ADULT)}-->",
        "3.5 h against 6.0 h<!--quote parsons_1978-->",
        "two cups at 8 am, 2.5 L<!--example-->",
        "run `--duration 2to8h` in a terminal",
        "a ratio of 2.42 (no unit)",
    ],
)
def test_references_declarations_and_unitless_numbers_pass(text):
    assert factref._check_text(text, PLACE, None) == []


def test_a_declaration_covers_only_the_numbers_before_it_on_its_line():
    problems = factref._check_text("2.5 L<!--example--> and then 3 L", PLACE, None)
    assert [p.message.split("'")[1] for p in problems] == ["3 L"]


def test_render_formats_numbers_and_units_once():
    assert factref.say(ADULT) == f"{oracle_text(ADULT)} mg"
    assert factref.say("caffeine_limits.csv:teen_13_18:max_mg_per_kg_per_day") == "2.5 mg per kg"
    assert factref.say("dehydration_reference.csv:food_share:value") == "20 %"
    assert factref.say("electrolyte_bands.csv:k_severe:upper") == "2.5 mmol/L"
    assert factref.say("caffeine_half_life.csv:smoker:study_control_h", dp=1) == "6.0 h"
    assert factref.say("electrolyte_potassium_intake.csv:men:mg_per_day") == "3,400 mg"
    assert factref.say(ADULT, unit="none") == oracle_text(ADULT)


@pytest.mark.parametrize(
    ("ref", "words"),
    [
        ("<!--fact caffeine_limitz.csv adult max_mg_per_day-->", "no table 'caffeine_limitz.csv'"),
        ("<!--fact caffeine_limits.csv adults max_mg_per_day-->", "no row 'adults'"),
        ("<!--fact caffeine_limits.csv adult max_mg-->", "no column 'max_mg'"),
        ("<!--fact caffeine_limits.csv adult-->", "must name FILE ROW COLUMN"),
        ("<!--fact caffeine_limits.csv adult max_mg_per_day units=g-->", "unknown option"),
    ],
)
def test_a_bad_reference_is_named(ref, words):
    [problem] = factref._check_text(f"400 mg{ref}", PLACE, None)
    assert words in problem.message and str(problem).startswith("content/notebooks/x.md:3")


def test_a_stale_shown_value_says_run_make_sync():
    [problem] = factref._check_text(f"up to 1 mg{REF}", PLACE, None)
    assert f"shows '1 mg' but data/ holds '{oracle_text(ADULT)} mg'" in problem.message
    assert "make sync" in problem.message


def test_a_derived_statement_names_the_values_to_re_read():
    old = factref.number(oracle(ADULT) + 1)
    [problem] = factref._check_text(
        f"about four cups<!--derived caffeine_limits.csv adult max_mg_per_day={old}; "
        f"caffeine_drinks.csv brewed_coffee typical_mg={oracle_text(COFFEE)}-->",
        PLACE,
        None,
    )
    msg = str(problem)
    assert msg.startswith("content/notebooks/x.md:3 (x): the statement 'about four cups' rests on")
    now = oracle_text(ADULT)
    assert f"caffeine_limits.csv adult max_mg_per_day={old}, but data/ now holds {now}" in msg
    assert "re-read it" in msg
    assert problem.stale == factref.Cell("caffeine_limits.csv", "adult", "max_mg_per_day")


def test_a_quote_must_name_a_known_source():
    [problem] = factref._check_text("3.5 h<!--quote parsons_1979-->", PLACE, None)
    assert "'parsons_1979' is not in data/sources.csv" in problem.message


def test_sync_renders_a_changed_value_in_the_md_and_the_notebook(
    course_copy,  # noqa: F811
    data_copy,
    monkeypatch,
):
    limit = oracle_text(ADULT)
    new = factref.number(oracle(ADULT) - 50)  # 350 mg
    rewrite(
        data_copy / "caffeine_limits.csv",
        f"Healthy adults,19,120,{limit},",
        f"Healthy adults,19,120,{new},",
    )
    real = facts.table
    monkeypatch.setattr(facts, "table", lambda file, data_dir=data_copy: real(file, data_dir))
    changed = course.sync(**dirs(course_copy))
    assert f"{CHECKED}.ipynb" in changed and "09_pregnancy_and_childbirth.ipynb" not in changed
    md = (course_copy / "content" / "notebooks" / f"{CHECKED}.md").read_text(encoding="utf-8")
    nb = (course_copy / "notebooks" / f"{CHECKED}.ipynb").read_text(encoding="utf-8")
    assert f"up to {new} mg{REF} a day" in md and f"{limit} mg{REF}" not in md
    assert f"up to {new} mg<!--fact caffeine_limits.csv adult max_mg_per_day--> a day" in nb
    # the derived statement that rests on the old value is named, in the copy's source
    problems = factref.check_markdown(
        course_copy / "content" / "notebooks" / f"{CHECKED}.md", data_copy
    )
    problems = [p for p in problems if p.stale is not None and p.stale.key == ADULT]
    assert len(problems) == 1 and "about four cups" in str(problems[0])
    assert f", but data/ now holds {new}: re-read it" in str(problems[0])


def test_a_bad_reference_stops_sync_naming_the_file_and_cell(course_copy):  # noqa: F811
    md = course_copy / "content" / "notebooks" / f"{CHECKED}.md"
    md.write_text(md.read_text(encoding="utf-8").replace(REF, REF.replace("adult", "adlt")))
    with pytest.raises(factref.FactRefError, match=r"02_caffeine.md, cell \d+ .*no row 'adlt'"):
        course.sync(**dirs(course_copy))


def test_a_reference_survives_a_jupyterlab_save(course_copy):  # noqa: F811
    cm = contents_manager(course_copy)
    path = f"notebooks/{CHECKED}.ipynb"
    model = cm.get(path)
    cell = next(c for c in model["content"].cells if REF in c.source)
    assert REF in cell.source  # Lab gets the note with the value; it does not show it
    cell.source = cell.source.replace("Caffeine is in coffee", "Caffeine is in lab coffee")
    cm.save({"type": "notebook", "content": model["content"]}, path)
    md = (course_copy / "content" / "notebooks" / f"{CHECKED}.md").read_text(encoding="utf-8")
    assert "lab coffee" in md and f"{oracle_text(ADULT)} mg{REF}" in md


def test_quiz_templates_render_at_load_time():
    q = facts.table("quiz.csv")["caf_total"]
    assert f"the {oracle_text(ADULT)} mg daily limit" in q.question
    assert "{" not in q.question and "<!--" not in q.feedback_b


@pytest.mark.parametrize(
    ("template", "words"),
    [
        ("{caffeine_limitz.csv:adult:max_mg_per_day}", "no table 'caffeine_limitz.csv'"),
        ("{caffeine_limits.csv:adults:max_mg_per_day}", "no row 'adults'"),
        ("{caffeine_limits.csv:adult:max_mgg}", "no column 'max_mgg'"),
    ],
)
def test_an_unknown_quiz_reference_names_the_quiz_row(data_copy, template, words):
    rewrite(data_copy / "quiz.csv", "{caffeine_limits.csv:adult:max_mg_per_day} daily", template)
    with pytest.raises(facts.FactsError) as info:
        facts.table("quiz.csv", data_copy)
    err = info.value
    assert err.file == "quiz.csv" and err.column == "question" and err.row == 2
    assert "row 'caf_total'" in str(err) and words in str(err)


def test_sync_check_fails_on_a_bare_number(monkeypatch, capsys):
    problem = factref.Problem(PLACE, "'400 mg' is a number with a unit that cites nothing")
    monkeypatch.setattr(factref, "check_all", lambda: [problem])
    monkeypatch.setattr(course, "sync", lambda **kw: [])
    assert course.main(["sync", "--check"]) == 1
    assert "content/notebooks/x.md:3" in capsys.readouterr().err
    assert course.main(["sync"]) == 0  # sync itself writes, then lists what to re-read
    stale = factref.Problem(PLACE, "the statement … rests on …", stale=factref.Cell("a", "b", "c"))
    monkeypatch.setattr(factref, "check_all", lambda: [stale])
    assert course.main(["sync", "--check"]) == 0  # named, and failed, by the tests
    assert "rests on" in capsys.readouterr().err


def test_sync_re_makes_stored_outputs_after_a_data_change(course_copy, monkeypatch):  # noqa: F811
    """A notebook's checked outputs (nbval-check-output) print data: after a data edit,
    `make sync` runs the notebooks that have them again, so the edit needs no `make record`."""
    assert course.sync(check=True, **dirs(course_copy)) == []
    monkeypatch.setattr(course, "data_digest", lambda data_dir=None: "changed")
    recorded = []
    monkeypatch.setattr(course, "record", lambda paths, data_sha256=None: recorded.extend(paths))
    stale = course.sync(check=True, **dirs(course_copy))
    assert f"{CHECKED}.ipynb" in stale and "00_start_here.ipynb" not in stale  # no outputs
    assert recorded == []  # --check writes and runs nothing
    course.sync(**dirs(course_copy))
    assert course_copy / "notebooks" / f"{CHECKED}.ipynb" in recorded
    assert course_copy / "notebooks" / "00_start_here.ipynb" not in recorded


def test_committed_notebooks_know_the_data_their_outputs_were_made_from():
    for path in sorted(course.NOTEBOOK_DIR.glob("*.ipynb")):
        nb = sources.read_notebook(path)
        if course._has_checked_outputs(nb):
            assert course._outputs_data(nb) == course.data_digest(), f"{path.name}: run `make sync`"
