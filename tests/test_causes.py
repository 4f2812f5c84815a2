"""A cause in one place: every cause's entry in spasm_edu/causes.py is complete and agrees
with data/causes.csv, and a new cause built from the template is picked up by the session and
the gates with no other list to edit."""

from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from spasm_edu import causes, facts
from spasm_edu.models import triage
from spasm_edu.tooling import discover, new_cause

SPECS = causes.all_causes()


def test_every_row_of_causes_csv_has_an_entry_and_back():
    assert list(SPECS) == list(facts.table("causes.csv").by_id)


def test_a_row_with_no_entry_is_named(monkeypatch):
    some = next(iter(SPECS))
    monkeypatch.delitem(causes.REGISTRY, some)
    with pytest.raises(causes.RegistryError, match=f"cause {some} has no entry"):
        causes.all_causes()


@pytest.mark.parametrize("cid", list(SPECS))
def test_an_entry_names_real_data_modules_and_groups(cid):
    spec = SPECS[cid]
    tables = facts.specs()
    for file in spec.data:
        assert file in tables, f"{cid}: data/{file} has no row model in {spec.schema}"
        assert tables[file].row.__module__ == spec.schema, f"{cid}: data/{file}"
        assert len(facts.table(file)) > 0
    for part in causes.PARTS:
        if spec.modules[part]:
            assert spec.module(part) is not None, f"{cid}: {part}"
    assert spec.explorer_class() is not None
    assert set(spec.warning_groups) <= set(triage.GROUPS)
    nb = json.loads((discover.NOTEBOOK_DIR / spec.notebook).read_text(encoding="utf-8"))
    meta = nb["metadata"]["spasm"]
    assert meta.get("cause") == cid, f"{spec.notebook} is not marked as cause {cid}"
    missing = set(spec.data) - set(meta.get("data", []))
    assert not missing, f"{spec.notebook} does not list {sorted(missing)} in its metadata"
    own = triage.flags_for(cid, general=False)
    assert own, f"{cid} has no warning sign of its own (data/red_flags.csv shown_for)"


def test_no_data_file_belongs_to_two_causes():
    seen: dict[str, str] = {}
    for cid, spec in SPECS.items():
        for file in spec.data:
            assert file not in seen, f"data/{file} is in both {seen[file]} and {cid}"
            seen[file] = cid


def test_the_groups_asked_only_for_some_causes_come_from_the_entries():
    assert causes.group_causes() == {
        group: tuple(c for c, s in causes.REGISTRY.items() if group in s.warning_groups)
        for group in ("back", "pregnancy")
    }
    back = next(c for c, s in SPECS.items() if "back" in s.warning_groups)
    other = next(c for c, s in SPECS.items() if not s.warning_groups)
    assert "back" in triage.groups_for([back])
    assert "back" not in triage.groups_for([other])


# -- a throwaway cause from the template --------------------------------------------------
CAUSE = "cold_weather"
PROBE = """
import json, sys
from spasm_edu import causes, facts
from spasm_edu.tooling import new_cause
spec = eval("causes." + sys.argv[1])
causes.REGISTRY[spec.cause_id] = spec
from spasm_edu.session import PatientSession
from spasm_edu.tooling import discover, readability
from spasm_edu import handout
facts.load_all()  # the data gate: every file validates, the new one too
s = PatientSession()
s.cause_boxes[spec.cause_id].value = True
s.go(2)
ex = s.explorer_for(spec.cause_id)
ex.controls["noticed"].value = True
s.go(3)
body = handout.render_body(s.handout_data())
blocks = [b for b in readability.explorer_blocks() if spec.cause_id in b.block_id]
blocks += [b for b in readability.see_a_doctor_blocks() if spec.cause_id in b.block_id]
print(json.dumps({
    "boxes": list(s.cause_boxes),
    "explorer": type(ex).__module__ + "." + type(ex).__name__,
    "summary": ex.summary.value,
    "handout": body,
    "discovered": list(discover.explorer_classes()),
    "blocks": {b.block_id: b.grade for b in blocks},
}))
"""


def test_a_cause_built_from_the_template_reaches_the_session_and_the_gates(tmp_path):
    data = tmp_path / "data"
    shutil.copytree(facts.DATA_DIR, data)
    written = new_cause.write(
        CAUSE, "seed_article", "throwaway test cause", root=tmp_path, package="throwaway"
    )
    assert {p.name for p in written} == {f"{CAUSE}_tips.csv", f"{CAUSE}.py"}
    assert len(written) == 5  # data, schema, model, text, explorer
    with (data / "causes.csv").open("a", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerow(
            [CAUSE, "Cold weather", "Cold can make muscles tight.", f"12_{CAUSE}.ipynb",
             "seed_article", ""]
        )  # fmt: skip
    entry = new_cause.registry_entry(CAUSE, "throwaway").rstrip(",")
    path = os.pathsep.join(p for p in (str(tmp_path), os.environ.get("PYTHONPATH")) if p)
    env = {**os.environ, facts.DATA_ENV: str(data), "PYTHONPATH": path}  # keeps tests/netguard
    out = subprocess.run(
        [sys.executable, "-c", PROBE, entry], env=env, capture_output=True, text=True, timeout=300
    )
    assert out.returncode == 0, out.stderr[-4000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["boxes"][-1] == CAUSE  # the session offers it (data/causes.csv order)
    assert seen["explorer"] == f"throwaway.explorers.{CAUSE}.ColdWeatherExplorer"  # step 3
    assert "Ask your nurse or doctor" in seen["summary"]
    assert "Cold weather" in seen["handout"]  # the handout lists it
    assert CAUSE in seen["discovered"]  # the bench, bad-input and reading-level gates
    assert any(b.startswith(f"explorer:{CAUSE}:") for b in seen["blocks"])
    assert f"see_a_doctor:{CAUSE}" in seen["blocks"]
    assert all(g <= 7 for g in seen["blocks"].values()), seen["blocks"]


def test_the_template_refuses_a_bad_id_an_unknown_source_and_an_existing_file(tmp_path):
    with pytest.raises(ValueError, match="lower-case"):
        new_cause.files("Cold Weather", "seed_article", "")
    with pytest.raises(KeyError, match="valid ids"):
        new_cause.write(CAUSE, "no_such_source", root=tmp_path, package="throwaway")
    new_cause.write(CAUSE, "seed_article", root=tmp_path, package="throwaway")
    with pytest.raises(FileExistsError, match="not overwritten"):
        new_cause.write(CAUSE, "seed_article", root=tmp_path, package="throwaway")


def test_the_recipe_is_written_down():
    text = (Path(__file__).resolve().parent.parent / "CONTRIBUTING.md").read_text()
    assert "## Add a cause" in text and "new_cause" in text
