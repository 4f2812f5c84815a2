"""A real package (issue 14): the wheel carries the facts and runs from any folder.

``pytest -m package`` (or ``pytest tests/test_package.py``) runs these alone. The slow test
builds an sdist and a wheel offline from a copy of the checkout, installs the wheel into a
fresh venv outside the repository and runs ``tests/package_probe.py`` there, from a folder
outside the repository: every table, the patient session's model path and one notebook under
nbclient. The results must equal the checkout's.

How it stays offline and quick (12-20 s on 2 cores, most of it the three builds and the kernel):

- **Build** with ``pip wheel --no-deps --no-build-isolation --no-index``: pip's build isolation
  would download setuptools; the test extra pins a setuptools new enough for pyproject.toml.
  The build runs in a copy, so the checkout gets no ``build/`` or ``*.egg-info`` (a stale
  ``build/lib`` could also put deleted files in a wheel).
- **Venv** ``python -m venv --without-pip`` (0.2 s); this .venv's pip installs the wheel into
  it (``pip --python VENV``, ``--no-deps --no-index``). A ``.pth`` file puts this .venv's
  site-packages *after* the venv's own, so the pinned dependencies (jupyter, pandas, ...) are
  importable without a download, while ``spasm_edu`` resolves to the wheel: a directory named
  in a ``.pth`` file is only appended to ``sys.path`` (its own ``.pth`` files, such as the
  editable install's finder, are not run), and ``spasm_edu`` is not a folder there. The probe
  reports where ``spasm_edu`` came from and that no editable finder is loaded.
- **Environment** of the child: ``PYTHONPATH`` holds only ``tests/netguard`` (the no-network
  guard of every child process: a ``sitecustomize.py``, nothing of the package), user site
  off, the working folder outside the repository.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import zipfile
from pathlib import Path

import nbformat
import pytest
from setuptools import find_namespace_packages

import spasm_edu
from tests import package_probe
from tests.conftest import ROOT

pytestmark = pytest.mark.package

GUARD_DIR = ROOT / "tests" / "netguard"
NOTEBOOK = "02_caffeine.ipynb"
# what a build must not copy from the checkout (not part of the project's files)
NOT_SOURCE = shutil.ignore_patterns(
    ".git",
    ".venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    "node_modules",
    "test-artifacts",
    "handouts",
    ".hypothesis",
    ".ruff_cache",
    ".pytest_cache",
    ".ipynb_checkpoints",
)


def pyproject() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def run(cmd: list, **kwargs) -> subprocess.CompletedProcess:
    done = subprocess.run(
        [str(c) for c in cmd], capture_output=True, text=True, timeout=300, **kwargs
    )
    assert done.returncode == 0, f"{' '.join(map(str, cmd))} failed:\n{done.stdout}\n{done.stderr}"
    return done


def build_wheel(source: Path, out: Path) -> Path:
    out.mkdir()
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index"]
    run([*pip, "--quiet", "-w", out, source])
    (wheel,) = out.glob("*.whl")
    return wheel


def wheel_names(wheel: Path) -> set[str]:
    with zipfile.ZipFile(wheel) as z:
        return {n for n in z.namelist() if ".dist-info/" not in n}


# -- fast checks (no build) ----------------------------------------------------------------------


def test_version_is_written_once_and_repeated_where_people_look():
    """CITATION.cff's version: tests/test_deployment.py."""
    project = pyproject()
    assert "version" not in project["project"], "the version belongs in spasm_edu/__init__.py"
    assert "version" in project["project"]["dynamic"]
    assert project["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "spasm_edu.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", spasm_edu.__version__)
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    releases = re.findall(r"^## \[(\d+\.\d+\.\d+)\]", changelog, flags=re.M)
    assert releases and releases[0] == spasm_edu.__version__, (
        f"CHANGELOG.md's newest entry is {releases[:1]}, the package is {spasm_edu.__version__}"
    )


def test_every_folder_of_the_package_is_built():
    """pyproject.toml lists the packages by hand (a mapped folder cannot be found by
    packages.find): a new folder under spasm_edu/ must be added there, or the wheel lacks it."""
    configured = set(pyproject()["tool"]["setuptools"]["packages"])
    on_disk = set(find_namespace_packages(where=str(ROOT), include=["spasm_edu*"]))
    on_disk = {p for p in on_disk if "__pycache__" not in p and ".ipynb_checkpoints" not in p}
    missing = sorted(on_disk - configured)
    assert not missing, f"add {missing} to [tool.setuptools] packages in pyproject.toml"
    mapped = pyproject()["tool"]["setuptools"]["package-dir"]
    assert mapped == {"spasm_edu.data": "data", "spasm_edu.notebooks": "notebooks"}
    assert not (ROOT / "spasm_edu" / "data").exists(), "data/ is edited at the top level only"


def test_a_checkout_reads_its_own_data_folder():
    from spasm_edu import paths
    from spasm_edu.tooling import course

    assert paths.in_checkout()
    assert paths.folder("data") == ROOT / "data"  # facts.DATA_DIR unless $SPASM_DATA_DIR is set
    assert course.NOTEBOOK_DIR == paths.folder("notebooks") == ROOT / "notebooks"
    with pytest.raises(ValueError, match="name must be one of data, notebooks"):
        paths.folder("docs")


def test_lab_from_an_installed_package_says_it_needs_a_checkout(monkeypatch, capsys):
    from spasm_edu import paths
    from spasm_edu.tooling import lab

    monkeypatch.setattr(paths, "in_checkout", lambda: False)
    monkeypatch.setattr(os, "execv", lambda *a: pytest.fail("JupyterLab must not start"))
    assert lab.main([]) == 2
    assert "copy of the repository" in capsys.readouterr().err


# -- the wheel, installed and run outside the repository ----------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict:
    """An sdist and two wheels (from the tree as ``pip install .`` builds it, and from the
    sdist as ``python -m build`` does), built from a copy of the checkout."""
    tmp = tmp_path_factory.mktemp("package")
    source = tmp / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE, symlinks=True)
    sdist_dir = tmp / "sdist"
    code = f"from setuptools import build_meta; print(build_meta.build_sdist({str(sdist_dir)!r}))"
    sdist_dir.mkdir()
    run([sys.executable, "-c", code], cwd=source)
    (sdist,) = sdist_dir.glob("*.tar.gz")
    return {
        "tmp": tmp,
        "sdist": sdist,
        "wheel": build_wheel(source, tmp / "wheel"),
        "wheel_from_sdist": build_wheel(sdist, tmp / "wheel_from_sdist"),
    }


@pytest.fixture(scope="module")
def installed(built) -> dict:
    """The wheel in a fresh venv, the probe run from a folder outside the repository."""
    tmp = built["tmp"]
    venv = tmp / "venv"
    run([sys.executable, "-m", "venv", "--without-pip", venv])
    python = venv / "bin" / "python"
    where = run([python, "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"])
    purelib = Path(where.stdout.strip())
    outer = dict.fromkeys(sysconfig.get_path(k) for k in ("purelib", "platlib"))
    (purelib / "_spasm_test_dependencies.pth").write_text("\n".join(outer) + "\n")
    pip = [sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "--no-index"]
    run([*pip, "--quiet", built["wheel"]])

    away = tmp / "elsewhere"
    away.mkdir()
    shutil.copy(ROOT / "tests" / "package_probe.py", away)
    shutil.copy(ROOT / "notebooks" / NOTEBOOK, away)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"PYTHONPATH": str(GUARD_DIR), "PYTHONNOUSERSITE": "1"}
    env.pop("SPASM_DATA_DIR", None)  # the packaged data, not a folder named from outside
    out = run([python, "package_probe.py", NOTEBOOK], cwd=away, env=env).stdout
    return {"purelib": purelib, "python": python, "probe": json.loads(out.strip().splitlines()[-1])}


def test_the_wheel_carries_the_data_the_notebooks_and_the_templates(built):
    names = wheel_names(built["wheel"])
    csv = sorted(p.name for p in (ROOT / "data").glob("*.csv"))
    notebooks = sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert sorted(n.split("/")[-1] for n in names if n.startswith("spasm_edu/data/")) == csv
    assert sorted(n.split("/")[-1] for n in names if n.startswith("spasm_edu/notebooks/")) == (
        notebooks
    )
    assert "spasm_edu/voila/templates/spasm/conf.json" in names
    assert "spasm_edu/voila/templates/spasm/index.html.j2" in names
    assert "spasm_edu/jupyterlab_settings/overrides.json" in names
    assert not [n for n in names if not n.startswith("spasm_edu/")], "only the package, at top"
    with tarfile.open(built["sdist"]) as sdist:
        in_sdist = {m.name.split("/", 1)[1] for m in sdist.getmembers() if "/" in m.name}
    assert {f"data/{name}" for name in csv} <= in_sdist, "the sdist keeps data/ at the top"
    assert names == wheel_names(built["wheel_from_sdist"]), "sdist -> wheel differs"


def test_the_installed_package_uses_its_own_copy_of_the_data(installed):
    got, purelib = installed["probe"], installed["purelib"]
    assert Path(got["package"]).is_relative_to(purelib), got["package"]
    assert got["editable_finders"] == []
    assert got["in_checkout"] is False
    assert Path(got["data_dir"]) == purelib / "spasm_edu" / "data"
    assert Path(got["notebook_dir"]) == purelib / "spasm_edu" / "notebooks"
    assert got["present_notebook"] and got["voila_template"] and got["lab_settings"]
    assert got["version"] == spasm_edu.__version__
    kernel = got["notebook"]["kernel"]
    assert Path(kernel["executable"]) == installed["python"]
    assert Path(kernel["package"]).is_relative_to(purelib)
    assert Path(kernel["data_dir"]) == purelib / "spasm_edu" / "data"


def test_the_installed_package_gives_the_checkouts_results(installed):
    got, mine = installed["probe"], package_probe.probe()
    assert mine["in_checkout"] is True
    assert got["csv_files"] == mine["csv_files"], "the wheel's CSV files differ from data/"
    assert got["tables"] == mine["tables"]
    assert got["notebooks"] == mine["notebooks"]
    assert got["session"] == mine["session"]
    assert got["session"]["level"] == "emergency"  # the red flag ticked is an emergency alone
    assert got["session"]["files_saved"] == 0
    stored = [
        "".join(o.get("text", "") for o in c.outputs)
        for c in nbformat.read(ROOT / "notebooks" / NOTEBOOK, as_version=4).cells
        if "nbval-check-output" in c.metadata.get("tags", [])
    ]
    assert stored and all(stored), "the notebook has no stored teaching facts to compare"
    assert got["notebook"]["checked_outputs"] == stored
