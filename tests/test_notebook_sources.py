"""Notebooks as text: every notebooks/NAME.ipynb is generated from content/notebooks/NAME.md.

See spasm_edu/tooling/sources.py. The committed notebooks must match their sources (cell types,
sources, tags, notebook metadata; not outputs or execution counts); sync refuses to overwrite
a notebook edited by hand; JupyterLab (make lab) saves a notebook into its .md.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import nbformat
import pytest
from traitlets.utils.importstring import import_item

from spasm_edu.tooling import course, lab, sources
from tests.conftest import ROOT

NOTEBOOKS = sorted(course.NOTEBOOK_DIR.glob("*.ipynb"))
SOURCES = sorted(sources.SOURCE_DIR.glob("*.md"))
CHECKED = "02_caffeine"  # has stored nbval-check-output outputs


def test_every_notebook_has_one_source_and_every_source_a_notebook():
    assert len(NOTEBOOKS) >= 15
    assert [p.stem for p in NOTEBOOKS] == [p.stem for p in SOURCES]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_matches_its_source(path):
    source = sources.source_for(path)
    text = source.read_text(encoding="utf-8")
    nb = sources.read_notebook(path)
    # the .md is in jupytext's own form, so a save from JupyterLab rewrites nothing
    assert sources.as_text(sources.read_source(source)) == text
    assert sources.as_text(nb) == text, (
        f"{path.name} differs from {source.name}: edit the .md and run `make sync`"
    )
    stamp = nb["metadata"][sources.STAMP]
    assert {k: stamp[k] for k in ("source", "sha256")} == {
        "source": f"content/notebooks/{source.name}",
        "sha256": sources.digest(text),
    }
    assert set(stamp) <= {"source", "sha256", "data_sha256"}  # data_sha256: course.sync


def test_no_build_scripts_remain():
    assert not list((ROOT / "tools").glob("build_*.py"))


@pytest.fixture
def course_copy(tmp_path):
    """A copy of notebooks/, content/notebooks/ and jupytext.toml to edit."""
    skip = shutil.ignore_patterns(".ipynb_checkpoints")
    shutil.copytree(course.NOTEBOOK_DIR, tmp_path / "notebooks", ignore=skip)
    shutil.copytree(sources.SOURCE_DIR, tmp_path / "content" / "notebooks")
    shutil.copy(sources.CONFIG_FILE, tmp_path / "jupytext.toml")
    return tmp_path


def dirs(root: Path) -> dict:
    return {"notebook_dir": root / "notebooks", "source_dir": root / "content" / "notebooks"}


def edit_cell(path: Path, old: str, new: str) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    hits = 0
    for c in nb["cells"]:
        src = "".join(c["source"])
        if old in src:
            c["source"] = src.replace(old, new)
            hits += 1
    assert hits == 1, f"{old!r} found in {hits} cells"
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def test_the_copy_is_in_sync(course_copy):
    assert course.sync(check=True, **dirs(course_copy)) == []


def test_sync_refuses_a_hand_edited_notebook_and_names_the_md(course_copy, monkeypatch, capsys):
    nb = course_copy / "notebooks" / f"{CHECKED}.ipynb"
    md = course_copy / "content" / "notebooks" / f"{CHECKED}.md"
    edit_cell(nb, "Caffeine and muscle twitches", "Caffeine and twitches (edited)")
    before = {p: p.read_bytes() for p in course_copy.rglob("*") if p.is_file()}
    for check in (True, False):
        with pytest.raises(sources.HandEdited) as err:
            course.sync(check=check, **dirs(course_copy))
        assert f"{CHECKED}.md" in str(err.value) and "pull" in str(err.value)
    after = {p: p.read_bytes() for p in course_copy.rglob("*") if p.is_file()}
    assert after == before, "nothing written"
    # make test runs `sync --check`: it exits 1 and says which file to edit
    monkeypatch.setattr(course, "NOTEBOOK_DIR", course_copy / "notebooks")
    monkeypatch.setattr(sources, "SOURCE_DIR", course_copy / "content" / "notebooks")
    assert course.main(["sync", "--check"]) == 1
    assert f"{CHECKED}.md" in capsys.readouterr().err
    # pull copies the edit into the .md, then everything is in sync again
    assert course.main(["pull", str(nb)]) == 0
    assert "Caffeine and twitches (edited)" in md.read_text(encoding="utf-8")
    assert course.sync(check=True, **dirs(course_copy)) == []


@pytest.mark.parametrize(
    "change",
    [
        lambda c: c["metadata"].update(tags=["nbval-skip"]),  # a tag
        lambda c: c.update(cell_type="raw"),  # a cell type
    ],
    ids=["tags", "cell_type"],
)
def test_other_hand_edits_are_detected_too(course_copy, change):
    nb_path = course_copy / "notebooks" / f"{CHECKED}.ipynb"
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    change(next(c for c in nb["cells"] if c["cell_type"] == "code"))
    nb_path.write_text(json.dumps(nb), encoding="utf-8")
    with pytest.raises(sources.HandEdited):
        course.sync(check=True, **dirs(course_copy))


def test_outputs_and_execution_counts_are_not_edits(course_copy):
    nb_path = course_copy / "notebooks" / f"{CHECKED}.ipynb"
    nb = json.loads(nb_path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    code[0]["execution_count"] = 99
    code[0]["outputs"] = [{"output_type": "stream", "name": "stdout", "text": "x\n"}]
    nb_path.write_text(json.dumps(nb), encoding="utf-8")
    assert sources.state(nb_path, sources.as_text(nb)) == "same"
    course.sync(check=True, **dirs(course_copy))  # no HandEdited


def test_force_overwrites_a_hand_edit(course_copy):
    nb = course_copy / "notebooks" / f"{CHECKED}.ipynb"
    edit_cell(nb, "Caffeine and muscle twitches", "Caffeine (edited)")
    assert course.sync(force=True, **dirs(course_copy)) == [nb.name]
    assert "Caffeine (edited)" not in nb.read_text(encoding="utf-8")
    assert nb.read_bytes() == (course.NOTEBOOK_DIR / nb.name).read_bytes()


def test_editing_the_md_regenerates_the_notebook_keeping_outputs_and_ids(course_copy):
    nb_path = course_copy / "notebooks" / f"{CHECKED}.ipynb"
    md = course_copy / "content" / "notebooks" / f"{CHECKED}.md"
    old = nbformat.read(nb_path, as_version=4)
    kept = {c.id: c.outputs for c in old.cells if c.get("outputs")}
    assert kept, "the test needs a notebook with stored outputs"
    text = md.read_text(encoding="utf-8")
    assert text.count("Caffeine is in coffee") == 1
    md.write_text(text.replace("Caffeine is in coffee", "Caffeine is found in coffee"))
    assert course.sync(check=True, **dirs(course_copy)) == [nb_path.name]
    assert course.sync(**dirs(course_copy)) == [nb_path.name]
    new = nbformat.read(nb_path, as_version=4)
    assert "Caffeine is found in coffee" in "".join(c.source for c in new.cells)
    assert [c.id for c in new.cells] == [c.id for c in old.cells]
    assert {c.id: c.outputs for c in new.cells if c.get("outputs")} == kept
    assert course.sync(check=True, **dirs(course_copy)) == []  # and then it is in sync


def test_a_generated_cell_is_refreshed_in_the_md_too(course_copy):
    md = course_copy / "content" / "notebooks" / f"{CHECKED}.md"
    text = md.read_text(encoding="utf-8")
    disclaimer = course.disclaimer_markdown()
    assert disclaimer in text
    md.write_text(text.replace(disclaimer, "> stale"), encoding="utf-8")
    assert course.sync(**dirs(course_copy)) == [f"{CHECKED}.ipynb"]
    assert md.read_text(encoding="utf-8") == text


def test_a_new_md_makes_a_new_notebook(course_copy):
    src_dir = course_copy / "content" / "notebooks"
    shutil.copy(src_dir / "07_overuse.md", src_dir / "zz_new.md")
    new = course_copy / "notebooks" / "zz_new.ipynb"
    assert course.sync(**dirs(course_copy)) == ["zz_new.ipynb"]
    nb = nbformat.read(new, as_version=4)
    nbformat.validate(nb)
    ids = [c.id for c in nb.cells]
    assert (
        len(set(ids))
        == len(ids)
        == len(nbformat.read(src_dir.parent.parent / "notebooks" / "07_overuse.ipynb", 4).cells)
    )
    assert not any(c.get("outputs") for c in nb.cells)
    assert course.sync(check=True, **dirs(course_copy)) == []


def test_a_notebook_without_source_is_refused(course_copy):
    (course_copy / "content" / "notebooks" / f"{CHECKED}.md").unlink()
    with pytest.raises(FileNotFoundError, match="pull"):
        course.sync(check=True, **dirs(course_copy))


def contents_manager(root: Path):
    """The contents manager make lab configures (spasm_edu/tooling/lab.py), serving ``root``."""
    cmd = lab.command(port=1, open_browser=False, token="")
    flags = dict(a.split("=", 1) for a in cmd if a.startswith("--") and "=" in a)
    cls = import_item(flags["--ServerApp.contents_manager_class"])
    return cls(root_dir=str(root), pre_save_hook=flags["--ContentsManager.pre_save_hook"])


def test_jupytext_toml_and_the_sync_agree():
    cfg = sources.config()
    assert cfg.notebook_metadata_filter == sources.METADATA_FILTER
    assert cfg.formats == ["notebooks///ipynb,content/notebooks///md:myst"]


def test_jupyterlab_saves_a_notebook_into_its_md(course_copy):
    cm = contents_manager(course_copy)
    path = f"notebooks/{CHECKED}.ipynb"
    md = course_copy / "content" / "notebooks" / f"{CHECKED}.md"
    md_before = md.read_text(encoding="utf-8")
    # a fresh clone may give the .ipynb the later time: jupytext then checks that both agree
    stamp = md.stat().st_mtime
    os.utime(course_copy / path, (stamp + 60, stamp + 60))
    model = cm.get(path)
    nb = model["content"]
    assert any(c.get("outputs") for c in nb.cells), "stored outputs come from the .ipynb"
    cell = next(c for c in nb.cells if "Caffeine is in coffee" in c.source)
    cell.source = cell.source.replace("Caffeine is in coffee", "Caffeine is in lab coffee")
    cm.save({"type": "notebook", "content": nb}, path)
    md_after = md.read_text(encoding="utf-8")
    assert md_after != md_before and "Caffeine is in lab coffee" in md_after
    assert md_after.count("\n") == md_before.count("\n"), "only that line changed"
    saved = nbformat.read(course_copy / path, as_version=4)
    assert "Caffeine is in lab coffee" in "".join(c.source for c in saved.cells)
    assert [c.get("outputs") for c in saved.cells] == [
        c.get("outputs") for c in nbformat.read(course.NOTEBOOK_DIR / f"{CHECKED}.ipynb", 4).cells
    ]
    # both files agree and the stamp was renewed: sync has nothing to refuse or to do
    assert course.sync(check=True, **dirs(course_copy)) == []
    # so a later edit of the .md alone is not taken for a hand edit of the notebook
    md.write_text(md_after.replace("lab coffee", "coffee, tea"), encoding="utf-8")
    assert course.sync(**dirs(course_copy)) == [f"{CHECKED}.ipynb"]
    assert "Caffeine is in coffee, tea" in (course_copy / path).read_text(encoding="utf-8")
