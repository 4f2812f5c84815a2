"""Start a new cause from the template: its data file, schema, model, text and explorer.

    python -m spasm_edu.tooling.new_cause CAUSE_ID --source SOURCE_ID [--where "section"]

writes, for ``CAUSE_ID`` (lower-case, e.g. ``cold_weather``):

- ``data/<id>_tips.csv``                one sourced tip (replace it with the cause's facts)
- ``spasm_edu/schema/<id>.py``          the row model of that file (``TABLES``)
- ``spasm_edu/models/<id>.py``          the model: checked input in, the tips that apply out
- ``spasm_edu/text/<id>.py``            the patient and student wording
- ``spasm_edu/explorers/<id>.py``       one Explorer subclass (one question)

and prints the three lines still to add by hand: the cause's row in ``data/causes.csv``, its
entry in ``spasm_edu/causes.py`` ``REGISTRY`` and its notebook (CONTRIBUTING.md, "Add a
cause"). Nothing is overwritten: an existing file stops it with its name.
``--root`` and ``--package`` write elsewhere (tests/test_causes.py builds a throwaway cause in
a temp folder with them).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from spasm_edu import facts, paths

SCHEMA = '''"""Row model of data/{id}_tips.csv (see spasm_edu/causes.py)."""

from __future__ import annotations

from spasm_edu.schema.base import FactRow, Id, TableSpec, Text


class {Camel}TipRow(FactRow):
    tip_id: Id
    tip: Text  # one step a patient can take, in plain words


TABLES = [TableSpec("{id}_tips.csv", {Camel}TipRow, "tip_id", "{name}: sourced tips.")]
'''

MODEL = '''"""{name}: whether the person noticed it in, the sourced tips out (no score)."""

from __future__ import annotations

from dataclasses import dataclass

from spasm_edu import facts


@dataclass(frozen=True)
class {Camel}Check:
    noticed: bool
    tips: tuple[str, ...]
    source_ids: tuple[str, ...]


def check(noticed: bool) -> {Camel}Check:
    """The tips of data/{id}_tips.csv when the person noticed it (ValueError for a non-bool)."""
    if not isinstance(noticed, bool):
        raise ValueError(f"noticed must be True or False (got {{noticed!r}})")
    rows = tuple(facts.table("{id}_tips.csv")) if noticed else ()
    return {Camel}Check(
        noticed, tuple(r.tip for r in rows), tuple(s for r in rows for s in r.source_ids)
    )
'''

TEXT = '''"""{name}: wording (patient text at grade 7 or below, tests/test_reading_level.py)."""

from __future__ import annotations

from spasm_edu.text import esc

NOT_NOTICED = "Tick the box if you noticed this. Then you will see some steps that can help."


def summary(result) -> str:
    if not result.noticed:
        return f"<p>{{esc(NOT_NOTICED)}}</p>"
    items = "".join(f"<li>{{esc(t)}}</li>" for t in result.tips)
    return f"<p>Here are some steps that can help.</p><ul>{{items}}</ul>"
'''

EXPLORER = '''"""{name} explorer: one question in, the sourced tips that apply out."""

from __future__ import annotations

import ipywidgets as w

from spasm_edu.explorers.base import Explorer, Mode
from {package}.models import {id} as model
from {package}.text import {id} as wording


class {Camel}Explorer(Explorer):
    title = "{name}"

    def __init__(self, mode: Mode = "student"):
        self.controls = {{
            "noticed": w.Checkbox(value=False, description="I noticed this", indent=False)
        }}
        super().__init__(mode)

    def compute(self, noticed):
        return model.check(noticed)

    def render(self, result) -> None:
        self.summary.value = wording.summary(result)
'''


def camel(cause_id: str) -> str:
    return "".join(p.capitalize() for p in cause_id.split("_"))


def files(cause_id: str, source_id: str, where: str, package: str = "spasm_edu") -> dict:
    """relative path -> content for a new cause."""
    if not re.fullmatch(r"[a-z][a-z0-9_]*", cause_id):
        raise ValueError(f"cause id must be lower-case letters, digits and _ (got {cause_id!r})")
    name = cause_id.replace("_", " ").capitalize()
    fields = {"id": cause_id, "Camel": camel(cause_id), "name": name, "package": package}
    pkg = Path(*package.split("."))
    tip = "Ask your nurse or doctor what you can do about this."
    return {
        f"data/{cause_id}_tips.csv": (
            f'tip_id,tip,source_id,where\nask,{tip},{source_id},"{where}"\n'
        ),
        str(pkg / "schema" / f"{cause_id}.py"): SCHEMA.format(**fields),
        str(pkg / "models" / f"{cause_id}.py"): MODEL.format(**fields),
        str(pkg / "text" / f"{cause_id}.py"): TEXT.format(**fields),
        str(pkg / "explorers" / f"{cause_id}.py"): EXPLORER.format(**fields),
    }


def write(
    cause_id: str,
    source_id: str,
    where: str = "",
    root: Path = paths.CHECKOUT,
    package: str = "spasm_edu",
) -> list[Path]:
    """Write the new cause's files under ``root``; returns their paths. The source id must
    be a row of data/sources.csv; an existing file is never overwritten (FileExistsError)."""
    facts.table("sources.csv")[source_id]  # KeyError naming the valid ids
    todo = {
        Path(root) / rel: text for rel, text in files(cause_id, source_id, where, package).items()
    }
    taken = [p for p in todo if p.exists()]
    if taken:
        raise FileExistsError(f"already there, not overwritten: {', '.join(map(str, taken))}")
    for path, text in todo.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        for folder in path.parents:  # a package written elsewhere needs its __init__.py files
            if folder == Path(root) or folder.name == "data":
                break
            init = folder / "__init__.py"
            if not init.exists() and package != "spasm_edu":
                init.write_text("", encoding="utf-8")
        path.write_text(text, encoding="utf-8")
    return list(todo)


def registry_entry(cause_id: str, package: str = "spasm_edu") -> str:
    """The line to add to spasm_edu/causes.py ``_SPECS`` (or a throwaway registry)."""
    data = f'data=("{cause_id}_tips.csv",)'
    if package == "spasm_edu":
        return f'CauseSpec("{cause_id}", {data}, plots=None),'
    mods = ", ".join(
        f'{part}="{package}.{folder}.{cause_id}"'
        for part, folder in (
            ("schema", "schema"),
            ("model", "models"),
            ("text", "text"),
            ("explorer", "explorers"),
        )
    )
    return f'CauseSpec("{cause_id}", {data}, {mods}, plots=None),'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spasm_edu.tooling.new_cause", description=__doc__.split("\n")[0]
    )
    parser.add_argument("cause_id")
    parser.add_argument("--source", required=True, help="a source_id of data/sources.csv")
    parser.add_argument("--where", default="", help="where in the source the tip stands")
    parser.add_argument("--root", type=Path, default=paths.CHECKOUT)
    parser.add_argument("--package", default="spasm_edu")
    args = parser.parse_args(argv)
    try:
        written = write(args.cause_id, args.source, args.where, args.root, args.package)
    except (ValueError, KeyError, FileExistsError) as exc:
        print(f"new_cause: {exc}", file=sys.stderr)
        return 2
    print("Wrote:\n" + "\n".join(f"  {p}" for p in written))
    print(
        "\nStill to do (CONTRIBUTING.md, 'Add a cause'):\n"
        f"  1. data/causes.csv: {args.cause_id},Name,One-line summary,NN_{args.cause_id}.ipynb,"
        f"{args.source},\n"
        f"  2. spasm_edu/causes.py _SPECS: {registry_entry(args.cause_id, args.package)}\n"
        f"  3. content/notebooks/NN_{args.cause_id}.md (copy 07_overuse.md), its row in "
        "data/notebooks.csv, then make sync && make test"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
