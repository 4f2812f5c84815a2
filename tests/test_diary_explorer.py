"""The diary explorer, driven in plain pytest: fill the form, add, save, damaged files."""

from __future__ import annotations

import datetime as dt

import pytest

from spasm_edu import diary
from spasm_edu.explorers.diary import DiaryExplorer

TODAY = dt.date(2026, 3, 10)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "my_spasm_diary.csv"


@pytest.fixture
def explorer(path):
    return DiaryExplorer(path=path, today=TODAY)


def test_constructible_with_no_arguments_and_writes_nothing(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    e = DiaryExplorer()
    assert e.result.date == dt.date.today() and e.error is None
    e.add()
    assert list(tmp_path.iterdir()) == []  # added in memory only


def test_every_control_has_a_label_and_changes_the_draft(explorer):
    new_values = {
        "date": dt.date(2026, 3, 1),
        "time": dt.time(23, 40),
        "body_part": "eyelid",
        "trigger": "caffeine",
        "duration_min": 2.5,
        "severity_0_10": 6,
        "notes": "third coffee",
    }
    assert set(new_values) == set(explorer.controls)
    for name, value in new_values.items():
        control = explorer.controls[name]
        assert control.description, name
        before = explorer.result
        control.value = value
        assert explorer.result != before, name
    assert explorer.result == diary.make_entry(**new_values)
    assert "eyelid" in explorer.summary.value and "2.5 minutes" in explorer.summary.value


def test_add_then_save_only_when_asked(explorer, path):
    explorer.controls["duration_min"].value = 3
    assert explorer.add()
    assert "Not saved yet" in explorer.status.value and not path.exists()
    assert "<td>3</td>" in explorer.table.value and "1 entries" in explorer.table.value
    explorer.save_button.click()
    assert "Saved. Your diary has 1 entry" in explorer.status.value
    assert diary.read_diary(path) == [explorer.result]


def test_existing_diary_is_shown_and_kept(path):
    old = diary.make_entry("2026-03-01", "07:30", "neck", "stress_fatigue", 4, 3, "desk day")
    diary.atomic_write_text(path, diary.to_csv_text([old]))
    e = DiaryExplorer(path=path, today=TODAY)
    assert "desk day" in e.table.value and not e.save_button.disabled
    e.add_button.click()
    assert e.save()
    assert diary.read_diary(path)[0] == old and len(diary.read_diary(path)) == 2


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("date", dt.date(2026, 3, 11), "not after today"),
        ("date", None, "not after today"),
        ("time", None, "time the spasm started"),
        ("notes", "x" * 201, "notes"),
    ],
)
def test_bad_input_shows_a_kind_message_and_is_not_added(explorer, name, value, words):
    explorer.controls[name].value = value
    assert explorer.error and name in explorer.error
    assert words in explorer.message.value and "Traceback" not in explorer.message.value
    assert not explorer.add()
    assert "not added" in explorer.status.value and explorer.diary.entries == []


def test_duration_out_of_range_is_refused_by_the_model(explorer):
    with pytest.raises(ValueError, match="duration_min"):
        explorer.compute(**{**explorer.values(), "duration_min": 500})
    assert "needs help now" in explorer.friendly_error(
        diary.check.InputError("duration_min", 500, "x")
    )


def test_damaged_file_is_reported_and_never_overwritten(path):
    good = diary.to_csv_text([diary.make_entry("2026-03-01", "07:30", "neck", "overuse", 4, 3)])
    damaged = good[:-10].encode()
    path.write_bytes(damaged)
    e = DiaryExplorer(path=path, today=TODAY)
    assert "line 2" in e.status.value and "has not been changed" in e.status.value
    assert e.save_button.disabled
    e.add()
    assert not e.save()
    e.save_button.click()
    assert path.read_bytes() == damaged


def test_patient_mode_and_widget(path):
    e = DiaryExplorer(path=path, mode="patient", today=TODAY)
    box = e.widget
    assert "spasm-patient" in box._dom_classes
    assert e.table in box.children and e.save_button in box.children[1].children[-2].children


def test_patient_facing_messages_read_at_grade_7_or_below(path):
    from spasm_edu.tooling import readability as rl

    e = DiaryExplorer(path=path, mode="patient", today=TODAY)
    texts = [e.summary.value]
    e.add()
    texts.append(e.status.value)
    e.save()
    texts.append(e.status.value)
    for name, value in [("date", None), ("time", None)]:
        e.controls[name].value = value
        texts.append(e.message.value)
    texts.append(e.friendly_error(diary.check.InputError("duration_min", 500, "x")))
    path.write_bytes(path.read_bytes()[:-5])
    texts.append(DiaryExplorer(path=path, mode="patient", today=TODAY).status.value)
    for markup in texts:
        text = rl.plain_text(markup)
        assert text and rl.Block("diary", text).grade <= rl.TARGET_GRADE, text
