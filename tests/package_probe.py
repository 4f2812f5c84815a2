"""What an installed spasm-edu sees: run by tests/test_package.py twice, to compare.

1. Copied to a folder outside the repository and run with the Python of a fresh venv that holds
   only the built wheel (``python package_probe.py [NOTEBOOK]``): prints one JSON object.
2. Imported in the pytest process, against the checkout: the same object, the repository's.

It imports nothing from ``tests/`` (it must run where the repository is not).
"""

from __future__ import annotations

import dataclasses
import hashlib
import importlib.util
import json
import sys
import tempfile
from datetime import datetime
from pathlib import Path

# A patient picks "spinal problems", then ticks a red flag that is an emergency on its own.
CAUSE = "spine"
RED_FLAG = "saddle_numbness"
# Appended to the notebook: where the kernel found the package and the data.
WHERE_CELL = (
    "import json, sys, spasm_edu\n"
    "from spasm_edu import facts\n"
    "print(json.dumps({'executable': sys.executable, 'package': spasm_edu.__file__, "
    "'data_dir': str(facts.DATA_DIR)}))"
)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def facts_probe() -> dict:
    from spasm_edu import facts

    tables = facts.load_all()  # every declared table, validated; fails on an undeclared CSV
    return {
        "csv_files": {p.name: sha256(p.read_bytes()) for p in sorted(facts.DATA_DIR.glob("*.csv"))},
        "tables": {
            name: {
                "rows": len(t),
                "sha256": sha256(
                    json.dumps([r.model_dump(mode="json") for r in t], sort_keys=True).encode()
                ),
            }
            for name, t in sorted(tables.items())
        },
    }


def session_probe() -> dict:
    from spasm_edu import handout
    from spasm_edu.session import PatientSession

    with tempfile.TemporaryDirectory() as folder:
        s = PatientSession(handout_folder=Path(folder))
        s.cause_boxes[CAUSE].value = True
        s.go(3)  # step 4: the red-flag questions
        s.tick_red_flag(RED_FLAG)
        data = s.handout_data()
        page = handout.render(dataclasses.replace(data, made_at=datetime(2026, 1, 1)))
        saved = list(Path(folder).iterdir())
    t = data.triage
    return {
        "level": t.level,
        "label": t.label,
        "what_to_do": t.what_to_do,
        "reasons": list(t.reasons),
        "causes": [c.cause_id for c in data.causes],
        "doctor_list": [[heading, list(lines)] for heading, lines in data.doctor_list],
        "source_ids": list(data.source_ids),
        "handout_sha256": sha256(page.encode()),
        "files_saved": len(saved),  # making a handout writes nothing
    }


def notebook_probe(path: Path) -> dict:
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(WHERE_CELL))
    NotebookClient(
        nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
    ).execute()
    checked = [
        "".join(o.get("text", "") for o in c.outputs if o.get("output_type") == "stream")
        for c in nb.cells
        if c.cell_type == "code" and "nbval-check-output" in c.metadata.get("tags", [])
    ]
    (where,) = [o for o in nb.cells[-1].outputs if o.get("output_type") == "stream"]
    return {"checked_outputs": checked, "kernel": json.loads(where["text"])}


def probe(notebook: Path | None = None) -> dict:
    import spasm_edu
    from spasm_edu import facts, paths, present
    from spasm_edu.tooling import course, lab

    spec = importlib.util.find_spec("spasm_edu")
    result = {
        "version": spasm_edu.__version__,
        "executable": sys.executable,
        "package": spec.origin,
        "in_checkout": paths.in_checkout(),
        "editable_finders": [type(f).__name__ for f in sys.meta_path if "editable" in repr(f)],
        "data_dir": str(facts.DATA_DIR),
        "notebook_dir": str(course.NOTEBOOK_DIR),
        "notebooks": sorted(p.name for p in course.NOTEBOOK_DIR.glob("*.ipynb")),
        "present_notebook": present.NOTEBOOK.is_file(),
        "voila_template": (present.TEMPLATE_ROOT / "voila/templates/spasm/conf.json").is_file(),
        "lab_settings": (lab.SETTINGS / "overrides.json").is_file(),
        **facts_probe(),
        "session": session_probe(),
    }
    if notebook is not None:
        result["notebook"] = notebook_probe(notebook)
    return result


if __name__ == "__main__":
    print(json.dumps(probe(Path(sys.argv[1]).resolve() if len(sys.argv) > 1 else None)))
