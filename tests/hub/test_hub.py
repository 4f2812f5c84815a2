"""A class of HUB_STUDENTS students on a real JupyterHub (tests/hub/driver.py): nbgitpuller
links, notebooks run over the kernel API, the instructor's update merged with the students'
edits, the patient session in Voila per student, handouts in the student's own home, memory and
timings in test-artifacts/hub.json. Run by ``make test-hub`` (HUB_TEST=1); timings are
reported, never asserted."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hub import driver


@pytest.fixture(scope="module")
def report() -> dict:
    out = driver.run()
    shown = {k: v for k, v in out.items() if k not in ("students", "hub_log_tail")}
    print("\nhub.json summary:", json.dumps(shown, indent=1))
    return out


def test_every_student_pulled_ran_both_notebooks_and_was_measured(report):
    assert len(report["students"]) == driver.STUDENTS >= 1
    for s in report["students"]:
        assert s["first_pull"]["urlpath"] == "lab/tree/spasm-edu/notebooks/02_caffeine.ipynb"
        assert s["second_pull"]["urlpath"] == "lab/tree/spasm-edu/notebooks/spasm_diary.ipynb"
        for key in ("memory_after_cause_notebook", "memory_diary_kernel"):
            mem = s[key]
            assert mem["kernels"] == 1, (s["name"], key, mem)  # one notebook open at a time
            assert 0 < mem["server_mb"] < mem["total_mb"], (s["name"], key, mem)
    assert report["hub_and_proxy_rss_mb"] > 0
    for s in report["students"]:
        for key in ("server_ready_s", "pull_s", "time_to_running_notebook_s"):
            assert s[key] > 0, (s["name"], key)


def test_the_second_pull_merged_the_instructor_change_and_kept_the_students_edits(report):
    for s in report["students"]:
        assert s["merge"] == {
            "kept_student_note": True,
            "kept_student_outputs": True,
            "got_instructor_file": True,
            "got_instructor_readme": True,
            "has_instructor_commit": True,
        }, s["name"]


def test_the_patient_session_opens_in_voila_on_the_students_server(report):
    v = report["voila"]
    assert v["url_path"] == (
        "/user/student1/voila/render/spasm-edu/notebooks/patient_session.ipynb"
    )
    assert v["status"] == 200
    assert v["has_title"] and v["has_session_widget"] and v["spasm_template"], v
    assert not v["shows_code"]


def test_handouts_go_to_the_students_own_home(report):
    for s in report["students"]:
        folder = Path(s["handout_folder"])
        assert folder.parts[-3:] == ("home", s["name"], "spasm-handouts"), folder


def test_the_hub_and_every_server_stopped(report):
    assert report["hub_still_running"] is False
    assert driver.ARTIFACT.is_file()
    # anything left after the hub's own shutdown was stopped by the driver; none should be
    assert report["left_running_after_stop"] == 0, report["hub_log_tail"]


def test_the_students_lab_is_not_asked_about_news(report):
    # spasm_edu.tooling.hubsetup's overrides in the single-user environment (as binder/postBuild
    # does)
    assert report["voila"]["lab_settings"] == {
        "status": 200,
        "fetchNews": "false",
        "checkForUpdates": False,
    }
