"""Notebooks as text: each ``notebooks/NAME.ipynb`` is generated from ``content/notebooks/NAME.md``.

The MyST Markdown file (jupytext's ``md:myst``) holds every cell's source, its tags and the
notebook's metadata; the committed ``.ipynb`` adds only what the text cannot hold: cell ids,
the stored outputs of cells tagged ``nbval-check-output`` (nbval compares them) and a stamp.

``python -m spasm_edu.tooling.course sync`` (``make sync``) writes each notebook from its source,
keeping the existing notebook's cell ids and stored outputs (jupytext's
``combine_inputs_with_outputs``, as ``jupytext --update`` does), after filling the generated
``gen:*`` cells from ``data/`` in both files.

**Hand-edit detection.** Two notebooks are "the same" here when jupytext writes the same
Markdown for both (cell types, sources, tags and notebook metadata; outputs, execution counts,
ids and ``language_info`` do not count). Each generated notebook carries, in its metadata
under ``spasm_sync``, the SHA-256 of the Markdown it was generated from. ``sync`` refuses to
overwrite a notebook whose Markdown matches neither its source nor that stamp: someone edited
the ``.ipynb`` itself (a plain JupyterLab, VS Code, a script) after the last ``sync``. It names
the ``.md`` to edit instead, and ``python -m spasm_edu.tooling.course pull notebooks/NAME.ipynb``
copies the notebook's edit into its ``.md``. JupyterLab started by ``make lab`` saves through
jupytext's contents manager (``jupytext.toml`` pairs both files), writing the ``.md`` and the
``.ipynb`` together; its save hook (:func:`pre_save_hook`) renews the stamp.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from spasm_edu.paths import CHECKOUT

SOURCE_DIR = CHECKOUT / "content" / "notebooks"
CONFIG_FILE = CHECKOUT / "jupytext.toml"
FMT = "md:myst"
STAMP = "spasm_sync"  # notebook metadata key: {"source": ..., "sha256": ...}
# Notebook metadata that belongs to the .ipynb only (never in the text, never compared)
IPYNB_ONLY = ("language_info", "widgets", STAMP, "jupytext")
# Which notebook metadata the .md holds (as in jupytext.toml). Both files also carry it in
# their own metadata, so that jupytext, comparing the two when the .ipynb is the newer file
# (a fresh clone), writes the same text for both and opens the notebook.
METADATA_FILTER = (
    "all,-language_info,-widgets,-spasm_sync,-jupytext.text_representation.jupytext_version"
)
LANGUAGE_INFO = {"name": "python", "pygments_lexer": "ipython3"}  # code cells: ipython3


class HandEdited(Exception):
    """A notebook was edited directly: its cells match neither its source nor its stamp."""

    def __init__(self, notebook: Path, source: Path):
        self.notebook, self.source = notebook, source
        super().__init__(
            f"{_rel(notebook)} was edited directly: its cells differ from {_rel(source)} and "
            f"from what `make sync` last wrote, so sync will not overwrite it. Make the edit in "
            f"{_rel(source)} (the notebook's source), or copy the notebook's edit there with "
            f"`python -m spasm_edu.tooling.course pull {_rel(notebook)}`, or throw it away with "
            "`python -m spasm_edu.tooling.course sync --force`."
        )


def _rel(path: Path) -> str:
    try:
        return str(Path(path).resolve().relative_to(CHECKOUT))
    except ValueError:
        return str(path)


def config():
    """The repository's jupytext configuration (``jupytext.toml``)."""
    from jupytext.config import load_jupytext_configuration_file

    return load_jupytext_configuration_file(str(CONFIG_FILE))


def source_for(notebook: Path, source_dir: Path | None = None) -> Path:
    return (source_dir or SOURCE_DIR) / (Path(notebook).stem + ".md")


def read_source(path: Path):
    import jupytext

    return jupytext.reads(Path(path).read_text(encoding="utf-8"), fmt=FMT, config=config())


def as_text(nb) -> str:
    """The MyST Markdown that jupytext writes for ``nb``: what a notebook's inputs are."""
    import jupytext
    import nbformat

    # a copy, with sources as strings and keys in order (as nbformat writes the .ipynb)
    nb = nbformat.reads(json.dumps(nb, sort_keys=True), as_version=4)
    for key in IPYNB_ONLY:
        nb.metadata.pop(key, None)
    nb.metadata["jupytext"] = {"notebook_metadata_filter": METADATA_FILTER}
    # jupytext names the code cells' lexer after the kernel's language_info: always IPython
    # here, whether or not a kernel has filled language_info in yet
    nb.metadata["language_info"] = dict(LANGUAGE_INFO)
    return jupytext.writes(nb, fmt=FMT, config=config())


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_notebook(path: Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def dumps(nb: dict) -> str:
    """The notebook file's text, as JupyterLab writes it (nbformat: sorted keys, one space)."""
    import nbformat

    text = nbformat.writes(nbformat.from_dict(nb), version=nbformat.NO_CONVERT)
    return text if text.endswith("\n") else text + "\n"


def state(notebook: Path, text: str) -> str:
    """``"same"`` (inputs match ``text``), ``"generated"`` (unchanged since the last sync) or
    ``"edited"`` (changed by hand since)."""
    nb = read_notebook(notebook)
    mine = digest(as_text(nb))
    if mine == digest(text):
        return "same"
    if mine == nb.get("metadata", {}).get(STAMP, {}).get("sha256"):
        return "generated"
    return "edited"


def _cell_id(name: str, index: int, cell, taken: set[str]) -> str:
    seed = f"{name}:{index}:{cell.cell_type}:{cell.source}"
    while True:
        made = hashlib.sha1(seed.encode("utf-8")).hexdigest()[:8]
        if made not in taken:
            return made
        seed += "+"


def build(src, old: dict | None, notebook: Path, source: Path) -> dict:
    """The notebook for source notebook ``src``: its inputs, with ``old``'s ids and outputs."""
    import nbformat
    from jupytext.combine import combine_inputs_with_outputs

    src = nbformat.from_dict(json.loads(json.dumps(src)))
    if old is not None:
        old_nb = nbformat.reads(json.dumps(old), as_version=4)
        src.nbformat, src.nbformat_minor = old_nb.nbformat, old_nb.nbformat_minor
        cells = combine_inputs_with_outputs(src, old_nb, fmt=FMT).cells
        old_meta = old.get("metadata", {})
    else:
        src.nbformat, src.nbformat_minor = 4, 5
        cells = src.cells
        old_meta = {}
    taken: set[str] = set()
    out_cells = []
    for i, c in enumerate(cells):
        c = dict(c)
        if not c.get("id") or c["id"] in taken:
            c["id"] = _cell_id(notebook.name, i, nbformat.from_dict(c), taken)
        taken.add(c["id"])
        if c["cell_type"] == "code":
            c.setdefault("outputs", [])
            c.setdefault("execution_count", None)
        else:
            c.pop("outputs", None)
            c.pop("execution_count", None)
        out_cells.append(c)
    meta_src = {k: v for k, v in src.metadata.items() if k not in IPYNB_ONLY}
    meta = dict(meta_src)
    # as jupytext's contents manager writes it (JupyterLab's saves change nothing else);
    # language_info is the kernel's, from the old notebook
    meta["jupytext"] = {"default_lexer": "ipython3", "notebook_metadata_filter": METADATA_FILTER}
    meta["language_info"] = {**LANGUAGE_INFO, **old_meta.get("language_info", {})}
    nb = {
        "cells": out_cells,
        "metadata": meta,
        "nbformat": src.nbformat,
        "nbformat_minor": src.nbformat_minor,
    }
    nb = json.loads(json.dumps(nb))
    # the source's path from the repository root (the folder that holds notebooks/)
    where = Path(os.path.relpath(source, Path(notebook).parent.parent)).as_posix()
    nb["metadata"][STAMP] = {"source": where, "sha256": digest(as_text(nb))}
    return nb


def pre_save_hook(model, path, contents_manager=None, **kwargs):
    """JupyterLab's save hook (``make lab``): renew the stamp of a notebook under notebooks/.

    jupytext's contents manager saves the ``.md`` and the ``.ipynb`` together, so the saved
    notebook is its source: the stamp records that, and a later ``sync`` may regenerate it.
    """
    if model.get("type") != "notebook" or not str(path).endswith(".ipynb"):
        return
    if Path(path).parent.name != "notebooks":
        return
    nb = model["content"]
    meta = nb.setdefault("metadata", {})
    source = f"content/notebooks/{Path(path).stem}.md"
    # data_sha256 (the data the stored outputs were made from) stays as it was
    meta[STAMP] = {**meta.get(STAMP, {}), "source": source, "sha256": digest(as_text(nb))}
