"""The spasm diary: synthetic data set, entry validation, atomic save, damaged files."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spasm_edu import diary, facts
from spasm_edu.schema.diary import BODY_PARTS, COLUMNS, TRIGGERS
from spasm_edu.validation import InputError
from tests.conftest import ROOT

GOOD = dict(
    date="2026-03-04",
    time="02:05",
    body_part="calf",
    trigger="overuse",
    duration_min=4.5,
    severity_0_10=7,
    notes="Woke me up",
)


def entry(**changes):
    return diary.make_entry(**{**GOOD, **changes})


# -- the synthetic data set ------------------------------------------------------------------


def test_committed_synthetic_csv_equals_a_fresh_generation_from_the_seed():
    committed = (facts.DATA_DIR / diary.SYNTHETIC_FILE).read_text(encoding="utf-8")
    assert committed == diary.to_csv_text(diary.generate(diary.SYNTHETIC_SEED)), (
        "regenerate: python -m spasm_edu.diary generate --seed 2026 "
        "--out data/spasm_diary_synthetic.csv"
    )


def test_generation_depends_on_the_seed_and_only_on_it():
    assert diary.generate(2026) == diary.generate(2026)
    assert diary.generate(2026) != diary.generate(2027)


def test_synthetic_file_is_labelled_synthetic_and_loads_through_its_schema():
    assert "synthetic" in diary.SYNTHETIC_FILE
    table = facts.table(diary.SYNTHETIC_FILE)
    assert "SYNTHETIC" in table.spec.description
    assert table.source_ids() == set()  # observations, not facts: see schema/diary.py
    assert len(table) == len(diary.load_synthetic())
    readme = (facts.DATA_DIR / "README.md").read_text(encoding="utf-8")
    assert diary.SYNTHETIC_FILE in readme and "SYNTHETIC" in readme
    df = diary.load_synthetic()
    assert df.attrs["synthetic"] is True and "SYNTHETIC" in df.attrs["label"]


def test_synthetic_rows_pass_the_patient_diary_validation_too():
    entries = diary.read_diary(facts.DATA_DIR / diary.SYNTHETIC_FILE)
    assert entries == diary.generate()


def test_the_scenario_gives_students_something_to_find():
    df = diary.load_synthetic()
    # The teaching rule (2+ days in 3+ weeks): calf has 3, 2, 3, 4 days in weeks 1-4 -> 4 weeks.
    # Eyelid has 1, 0, 4, 1 -> only week 3 reaches 2 days, so it is a cluster, not "regular".
    per_week = diary.spasm_days_per_week(df)
    assert per_week.loc["calf"].tolist() == [3, 2, 3, 4]
    assert per_week.loc["eyelid"].tolist() == [1, 0, 4, 1]
    assert diary.regular_body_parts(df) == ["calf"]
    assert diary.regular_body_parts(df, diary.RegularRule(2, 1)) == ["calf", "eyelid"]
    assert (df.duration_min > 10).sum() == 2  # the "more than 10 minutes" red flag appears
    assert set(df.loc[df.duration_min > 10, "body_part"]) == {"calf"}


def test_trigger_ids_are_cause_ids():
    causes = set(facts.table("causes.csv").by_id)
    assert set(TRIGGERS) - {"none_noticed"} <= causes


@pytest.mark.parametrize(
    ("clock", "band"),
    [("22:00", "night"), ("05:59", "night"), ("00:00", "night"), ("06:00", "morning")]
    + [("11:59", "morning"), ("12:00", "afternoon"), ("18:00", "evening"), ("21:59", "evening")],
)
def test_time_of_day_bands(clock, band):
    assert diary.time_of_day(clock) == band


def test_teaching_rule_says_it_is_not_clinical():
    assert "not a clinical threshold" in diary.TEACHING_RULE.describe()


def test_generate_cli_writes_the_file(tmp_path, capsys):
    out = tmp_path / "d.csv"
    assert diary.main(["generate", "--seed", "2026", "--out", str(out)]) == 0
    assert out.read_text() == diary.to_csv_text(diary.generate(2026))
    assert "SYNTHETIC" in capsys.readouterr().out


# -- entry validation ------------------------------------------------------------------------


def test_a_good_entry_round_trips_through_csv(tmp_path):
    e = entry()
    assert e.date == dt.date(2026, 3, 4) and e.time == dt.time(2, 5)
    path = tmp_path / "d.csv"
    path.write_text(diary.to_csv_text([e, entry(notes='a, b and "c"')]))
    assert diary.read_diary(path) == [e, entry(notes='a, b and "c"')]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("date", "2026-02-30"),
        ("date", "03/04/2026"),
        ("date", "1999-12-31"),
        ("date", "2026-03-11"),  # after "today" below
        ("date", dt.datetime(2026, 3, 4, 1, 0)),
        ("date", None),
        ("time", "24:00"),
        ("time", "7pm"),
        ("time", "2:05"),
        ("time", None),
        ("body_part", "elbow"),
        ("body_part", None),
        ("trigger", "moon"),
        ("duration_min", 0),
        ("duration_min", -1),
        ("duration_min", 241),
        ("duration_min", float("nan")),
        ("duration_min", "ten"),
        ("duration_min", True),
        ("severity_0_10", 11),
        ("severity_0_10", -1),
        ("severity_0_10", 5.5),
        ("severity_0_10", "bad"),
        ("notes", "x" * 201),
        ("notes", "two\nlines"),
        ("notes", 42),
    ],
)
def test_bad_entries_name_the_field(field, value):
    with pytest.raises(InputError) as info:
        diary.make_entry(**{**GOOD, field: value}, today=dt.date(2026, 3, 10))
    assert info.value.name == field
    assert field in str(info.value)


@settings(max_examples=150, deadline=None)
@given(
    date=st.one_of(st.dates(), st.text(max_size=12), st.none(), st.integers()),
    time=st.one_of(st.times(), st.text(max_size=6), st.none()),
    body_part=st.one_of(st.sampled_from(list(BODY_PARTS)), st.text(max_size=8)),
    trigger=st.one_of(st.sampled_from(list(TRIGGERS)), st.text(max_size=8)),
    duration=st.one_of(st.floats(allow_nan=True), st.integers(), st.text(max_size=5)),
    severity=st.one_of(st.integers(-5, 15), st.floats(), st.text(max_size=3)),
    notes=st.one_of(st.text(max_size=250), st.none()),
)
def test_any_input_gives_an_entry_or_a_value_error(
    date, time, body_part, trigger, duration, severity, notes
):
    try:
        e = diary.make_entry(date, time, body_part, trigger, duration, severity, notes)
    except ValueError:
        return
    assert 0.1 <= e.duration_min <= 240 and 0 <= e.severity_0_10 <= 10
    assert diary.parse_csv_bytes(diary.to_csv_text([e]).encode()) == [e]


# -- saving: only when asked, atomically -----------------------------------------------------


def test_nothing_is_written_until_save(tmp_path):
    path = tmp_path / "mine.csv"
    d = diary.Diary.open(path)
    d.add(entry())
    assert not path.exists() and d.unsaved == 1
    d.save()
    assert diary.read_diary(path) == [entry()] and d.unsaved == 0
    assert (path.stat().st_mode & 0o777) == 0o600  # a private file by default
    d.add(entry(date="2026-03-05"))
    d.save()
    assert len(diary.Diary.open(path).entries) == 2


def test_a_crash_before_the_rename_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "mine.csv"
    d = diary.Diary.open(path)
    d.add(entry())
    d.save()
    before = path.read_bytes()
    d.add(entry(date="2026-03-05"))

    def crash(*_args):
        raise OSError("simulated power cut")

    monkeypatch.setattr(diary.os, "replace", crash)
    with pytest.raises(OSError, match="power cut"):
        d.save()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.csv"]  # temp file cleaned up


def test_a_crash_while_writing_leaves_the_old_file_whole(tmp_path, monkeypatch):
    path = tmp_path / "mine.csv"
    diary.atomic_write_text(path, diary.to_csv_text([entry()]))
    before = path.read_bytes()

    def crash(_fd):
        raise OSError("disk full")

    monkeypatch.setattr(diary.os, "fsync", crash)
    with pytest.raises(OSError, match="disk full"):
        diary.atomic_write_text(path, diary.to_csv_text([entry(), entry(date="2026-03-05")]))
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["mine.csv"]


KILLED_CHILD = textwrap.dedent(
    """
    import os, sys, time
    from spasm_edu import diary

    path = sys.argv[1]
    d = diary.Diary.open(path)
    for day in range(1, 28):
        d.add(diary.make_entry(f"2026-04-{day:02d}", "10:00", "calf", "overuse", 2, 3, "x" * 150))
    real_replace = os.replace

    def slow_replace(src, dst):
        print("WRITTEN", flush=True)  # the temp file is complete; the old file is untouched
        time.sleep(60)
        real_replace(src, dst)

    diary.os.replace = slow_replace
    d.save()
    """
)


def test_a_killed_process_leaves_the_old_file_whole(tmp_path):
    path = tmp_path / "mine.csv"
    diary.atomic_write_text(path, diary.to_csv_text([entry()]))
    before = path.read_bytes()
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_CHILD, str(path)],
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    try:
        assert child.stdout.readline().strip() == "WRITTEN"
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    assert path.read_bytes() == before
    assert diary.read_diary(path) == [entry()]
    leftovers = [p for p in tmp_path.iterdir() if p.name != "mine.csv"]
    assert len(leftovers) == 1 and leftovers[0].name.startswith(".mine.csv.")  # hidden temp


def test_a_killed_process_mid_write_of_the_temp_file_leaves_the_old_file(tmp_path):
    """Kill at a random moment while saving in a loop: the file is always a whole diary."""
    path = tmp_path / "mine.csv"
    diary.atomic_write_text(path, diary.to_csv_text([entry()]))
    loop = textwrap.dedent(
        """
        import sys
        from spasm_edu import diary
        d = diary.Diary.open(sys.argv[1])
        print("GO", flush=True)
        for n in range(100000):
            d.add(diary.make_entry("2026-04-01", "10:00", "calf", "overuse", 2, 3, "y" * 150))
            d.save()
        """
    )
    child = subprocess.Popen(
        [sys.executable, "-c", loop, str(path)], stdout=subprocess.PIPE, text=True, cwd=ROOT
    )
    try:
        assert child.stdout.readline().strip() == "GO"
        time.sleep(0.8)
        os.kill(child.pid, signal.SIGKILL)
    finally:
        child.wait(timeout=30)
        child.stdout.close()
    entries = diary.read_diary(path)  # never half-written: it parses
    assert entries[0] == entry() and len(entries) >= 1


# -- damaged files are reported by line, never overwritten -----------------------------------

GOOD_TEXT = diary.to_csv_text([entry(), entry(date="2026-03-05"), entry(date="2026-03-06")])


@pytest.mark.parametrize(
    ("damage", "line", "words"),
    [
        (lambda t: t[:-25], 4, "cut short"),  # truncated inside the last row
        (lambda t: t[: t.index(",calf", 100)] + "\n", 3, "values"),  # cut row, then newline
        (lambda t: "", 1, "empty"),
        (lambda t: t.replace("entry_id,", "id,"), 1, "header"),
        (lambda t: t.replace("2026-03-05", "2026-13-05"), 3, "column 'date'"),
        (lambda t: t.replace("overuse", "bananas", 1), 2, "column 'trigger'"),
        (lambda t: t.replace(",4.5,", ",-4,", 1), 2, "column 'duration_min'"),
        (lambda t: t.replace(",7,Woke", ",seven,Woke", 1), 2, "column 'severity_0_10'"),
        (lambda t: t.replace("e003", "e002"), 4, "used twice"),
        (lambda t: t.replace("e002,", "e002,,"), 3, "values"),
        (lambda t: t + "\n", 5, "empty line"),
    ],
)
def test_damaged_files_name_the_line(tmp_path, damage, line, words):
    path = tmp_path / "mine.csv"
    path.write_text(damage(GOOD_TEXT), encoding="utf-8")
    with pytest.raises(diary.DiaryFileError) as info:
        diary.read_diary(path)
    assert info.value.line == line
    assert f"mine.csv, line {line}" in str(info.value)
    assert words in str(info.value)


@pytest.mark.parametrize(
    ("garble", "line"),
    [
        (lambda b: b[:90] + b"\xff\xfe\x00\x81" + b[94:], 2),
        (lambda b: b.replace(b"Woke me up", b"Woke \x00e up", 2), 2),
        (lambda b: b[:-40] + bytes(range(128, 160)) + b"\n", 4),
    ],
)
def test_garbled_bytes_name_the_line(tmp_path, garble, line):
    path = tmp_path / "mine.csv"
    path.write_bytes(garble(GOOD_TEXT.encode()))
    with pytest.raises(diary.DiaryFileError) as info:
        diary.read_diary(path)
    assert info.value.line == line and "garbled" in str(info.value)


def test_a_damaged_file_is_never_overwritten(tmp_path):
    path = tmp_path / "mine.csv"
    damaged = GOOD_TEXT[:-25].encode()
    path.write_bytes(damaged)
    with pytest.raises(diary.DiaryFileError):
        diary.Diary.open(path)
    d = diary.Diary(path)  # a careless caller who ignores the error and saves anyway
    d.add(entry())
    with pytest.raises(diary.DiaryFileError, match="damaged.*left as it is"):
        d.save()
    assert path.read_bytes() == damaged


def test_a_diary_not_opened_from_an_existing_file_never_replaces_it(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(GOOD_TEXT)
    d = diary.Diary(path)
    with pytest.raises(diary.DiaryFileError, match="not the one this diary opened"):
        d.save()
    assert path.read_text() == GOOD_TEXT


def test_save_refuses_when_the_file_was_damaged_after_opening(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(GOOD_TEXT)
    d = diary.Diary.open(path)
    d.add(entry(date="2026-03-07"))
    path.write_bytes(GOOD_TEXT.encode()[:-30])  # damaged by something else meanwhile
    with pytest.raises(diary.DiaryFileError, match="damaged.*left as it is"):
        d.save()
    assert path.read_bytes() == GOOD_TEXT.encode()[:-30]


def test_save_refuses_when_the_file_was_changed_after_opening(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(GOOD_TEXT)
    d = diary.Diary.open(path)
    other = diary.to_csv_text([entry(date="2026-01-01")])
    path.write_text(other)
    with pytest.raises(diary.DiaryFileError, match="changed"):
        d.save()
    assert path.read_text() == other


def test_check_cli_reports_the_damaged_line(tmp_path, capsys):
    path = tmp_path / "mine.csv"
    path.write_text(GOOD_TEXT[:-25])
    assert diary.main(["check", str(path)]) == 1
    assert "line 4" in capsys.readouterr().err
    path.write_text(GOOD_TEXT)
    assert diary.main(["check", str(path)]) == 0


def test_header_matches_the_schema_columns():
    assert GOOD_TEXT.splitlines()[0] == ",".join(COLUMNS)
