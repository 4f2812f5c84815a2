"""Class deployment, checked where it can be offline: the Binder and nbgitpuller links in the
README point at notebooks that exist, the Binder environment matches the pins, the measured
hub sizing in the README matches its measurement file, and the citation file is valid CFF."""

from __future__ import annotations

import json
import os
import re
import tomllib
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import yaml
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

import spasm_edu
from spasm_edu.tooling import links
from tests.conftest import ROOT
from tests.test_environment import environment_pins
from tools import hub_sizing

README = (ROOT / "README.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
REPO = links.repository_url()
SLUG = urlparse(REPO).path.strip("/")
BINDER_LINK = re.compile(rf"https://mybinder\.org/v2/gh/{re.escape(SLUG)}/main\?urlpath=([^`\s)]+)")
PULLER_LINK = re.compile(r"https://hub\.example\.edu/hub/user-redirect/git-pull\?[^`\s)]+")


def notebook_path(urlpath: str, repo_folder: str = "") -> str:
    """'lab/tree/<folder>notebooks/x.ipynb' or 'voila/render/...' -> 'notebooks/x.ipynb'."""
    for prefix in ("lab/tree/", "voila/render/"):
        if urlpath.startswith(prefix):
            path = urlpath.removeprefix(prefix)
            assert path.startswith(repo_folder), urlpath
            return path.removeprefix(repo_folder)
    raise AssertionError(f"unexpected urlpath {urlpath!r}")


def test_binder_links_open_lab_at_the_start_and_voila_at_the_patient_session():
    urlpaths = BINDER_LINK.findall(README)
    assert "lab/tree/notebooks/00_start_here.ipynb" in urlpaths
    assert "voila/render/notebooks/patient_session.ipynb" in urlpaths
    for urlpath in urlpaths:
        assert (ROOT / notebook_path(urlpath)).is_file(), urlpath


def test_nbgitpuller_links_pull_this_repository_and_open_existing_notebooks():
    found = PULLER_LINK.findall(README)
    assert len(found) >= 2
    kinds = set()
    for link in found:
        query = parse_qs(urlparse(link).query)
        assert query["repo"] == [REPO]
        assert query["branch"] == ["main"]
        urlpath = unquote(query["urlpath"][0])
        kinds.add(urlpath.split("/")[0])
        assert (
            ROOT / notebook_path(urlpath, repo_folder=links.folder_name(REPO) + "/")
        ).is_file(), urlpath
    assert kinds == {"lab", "voila"}


def test_no_placeholder_is_left_for_the_repository_or_the_hub():
    for name in (
        "README.md",
        "CITATION.cff",
        "deploy/z2jh-config.yaml",
        "docs/instructor-guide.md",
    ):
        text = (ROOT / name).read_text(encoding="utf-8")
        for placeholder in ("OWNER/REPO", "OWNER", "/REPO", "https://HUB", "`HUB`"):
            assert placeholder not in text, (name, placeholder)
    assert "Placeholder" not in README


def test_environment_files_parse():
    for name in ("environment.yml", "binder/environment.yml"):
        env = yaml.safe_load((ROOT / name).read_text())
        assert env["name"] == "spasm-edu" and "conda-forge" in env["channels"], name
        assert "python=3.11" in env["dependencies"], name


def binder_pins() -> dict[str, str]:
    env = yaml.safe_load((ROOT / "binder/environment.yml").read_text())
    pins = {}
    for dep in env["dependencies"]:
        assert isinstance(dep, str), "binder/environment.yml installs the package in postBuild"
        if "=" in dep and not dep.startswith("python="):
            name, version = dep.split("=", 1)
            pins[canonicalize_name(name)] = version
    return pins


def pins(lines: list[str]) -> dict[str, str]:
    out = {}
    for line in lines:
        req = Requirement(line)
        (spec,) = req.specifier
        out[canonicalize_name(req.name)] = spec.version
    return out


# conda-forge's name for what the hub image needs of a pip package in pyproject's `hub` extra
HUB_IMAGE = {"nbgitpuller": "nbgitpuller", "jupyterhub-singleuser": "jupyterhub"}


def test_binder_environment_has_every_runtime_pin_and_the_hub_image_pins():
    runtime = pins(PYPROJECT["dependencies"])
    hub = pins(PYPROJECT["optional-dependencies"]["hub"])
    binder = binder_pins()
    assert {k: v for k, v in binder.items() if k not in HUB_IMAGE} == runtime
    for conda_name, pip_name in HUB_IMAGE.items():
        assert binder[conda_name] == hub[pip_name], conda_name
    everything = environment_pins()
    assert all(everything[name] == version for name, version in runtime.items())


def test_the_hub_extra_stays_out_of_the_test_extra():
    hub = set(pins(PYPROJECT["optional-dependencies"]["hub"]))
    assert hub and not hub & set(pins(PYPROJECT["optional-dependencies"]["test"]))
    assert "jupyterhub" in hub and "nbgitpuller" in hub and "jupyter-repo2docker" in hub


def test_binder_post_build_installs_the_package():
    post = ROOT / "binder" / "postBuild"
    assert os.access(post, os.X_OK), "binder/postBuild must be executable"
    text = post.read_text()
    assert text.startswith("#!/bin/bash") and "pip install --no-deps -e ." in text


def test_readme_sizing_matches_the_hub_measurement():
    stored = json.loads((ROOT / "docs/measurements/hub.json").read_text())
    measured, size = stored["measured"], stored["sizing"]
    assert hub_sizing.sizing(measured) == size, "re-run python tools/hub_sizing.py --write"
    assert hub_sizing.table(size) in README, "paste python tools/hub_sizing.py's table"
    per, hub = size["per_student_mb"], size["hub_and_proxy_mb"]
    assert f"**per student** = server + one open notebook | **{per} MB**" in README
    assert f"**RAM = students × {per} MB + {hub} MB**" in README
    assert "extrapolation" in README.split("### How big a server", 1)[1]
    for n in ("20", "40"):
        assert f"{size['students'][n]['with_headroom_gb']:.1f} GB" in README
    assert f"limits.memory {size['limit_mb']}M" in README
    z2jh = yaml.safe_load((ROOT / "deploy/z2jh-config.yaml").read_text())
    assert z2jh["singleuser"]["memory"] == {
        "guarantee": f"{size['guarantee_mb']}M",
        "limit": f"{size['limit_mb']}M",
    }


def test_z2jh_example_culls_idle_servers_and_pulls_the_course_by_default():
    z2jh = yaml.safe_load((ROOT / "deploy/z2jh-config.yaml").read_text())
    assert z2jh["cull"]["enabled"] is True and z2jh["cull"]["timeout"] > 0
    assert z2jh["singleuser"]["defaultUrl"] == links.puller_path(
        REPO, "lab", "notebooks/00_start_here.ipynb"
    )
    assert z2jh["singleuser"]["image"]["name"]


def test_kernel_memory_measurement_covers_every_notebook():
    measured = json.loads((ROOT / "docs/measurements/kernel_memory.json").read_text())
    peak = measured["one_kernel_every_notebook"]["peak_rss_mb_vmhwm"]
    assert f"peaks at {peak:.0f} MB" in README
    assert set(measured["notebooks"]) == {p.name for p in (ROOT / "notebooks").glob("*.ipynb")}, (
        "re-measure: .venv/bin/python tools/measure_kernel_memory.py "
        "--out docs/measurements/kernel_memory.json"
    )


# -- licences and citation -------------------------------------------------------------------

CFF_KEYS = {
    "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi",
    "identifiers", "keywords", "license", "license-url", "message", "preferred-citation",
    "references", "repository", "repository-artifact", "repository-code", "title", "type",
    "url", "version",
}  # fmt: skip


@pytest.fixture(scope="module")
def cff() -> dict:
    return yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))


def test_citation_cff_has_the_required_keys(cff):
    assert {"cff-version", "message", "title", "authors"} <= set(cff)
    assert set(cff) <= CFF_KEYS, set(cff) - CFF_KEYS
    assert cff["cff-version"] == "1.2.0"
    assert isinstance(cff["message"], str) and cff["message"]
    assert isinstance(cff["title"], str) and cff["title"]
    assert cff["authors"] and all(
        isinstance(a, dict) and ("name" in a or "family-names" in a) for a in cff["authors"]
    )


def test_citation_cff_agrees_with_the_project(cff):
    assert str(cff["version"]) == spasm_edu.__version__  # pyproject's version is dynamic
    assert cff["type"] in ("software", "dataset")
    assert cff["license"] == ["MIT", "CC-BY-4.0"]
    assert cff["repository-code"].startswith("https://")


def test_licences_are_stated_in_the_readme_and_the_licence_files():
    assert "MIT" in (ROOT / "LICENSE").read_text()
    assert "4.0" in (ROOT / "LICENSE-CONTENT.md").read_text()
    licences = README.split("## Licences", 1)[1]
    assert "MIT" in licences and "CC BY 4.0" in licences and "CITATION.cff" in licences
