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
from tests.conftest import ROOT
from tests.test_environment import environment_pins

README = (ROOT / "README.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
BINDER_LINK = re.compile(r"https://mybinder\.org/v2/gh/OWNER/REPO/main\?urlpath=([^`\s)]+)")
PULLER_LINK = re.compile(r"https://HUB/hub/user-redirect/git-pull\?[^`\s)]+")


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
    links = PULLER_LINK.findall(README)
    assert len(links) >= 2
    kinds = set()
    for link in links:
        query = parse_qs(urlparse(link).query)
        assert query["repo"] == ["https://github.com/OWNER/REPO"]
        assert query["branch"] == ["main"]
        urlpath = unquote(query["urlpath"][0])
        kinds.add(urlpath.split("/")[0])
        assert (ROOT / notebook_path(urlpath, repo_folder="REPO/")).is_file(), urlpath
    assert kinds == {"lab", "voila"}


def test_the_repository_placeholder_is_marked_as_one():
    assert "**Placeholder:**" in README and "`OWNER/REPO`" in README
    assert "OWNER/REPO" in (ROOT / "CITATION.cff").read_text()


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


def test_binder_environment_has_every_runtime_pin_at_the_same_version():
    runtime = {}
    for line in PYPROJECT["dependencies"]:
        req = Requirement(line)
        (spec,) = req.specifier
        runtime[canonicalize_name(req.name)] = spec.version
    assert binder_pins() == runtime
    everything = environment_pins()
    assert all(everything[name] == version for name, version in binder_pins().items())


def test_binder_post_build_installs_the_package():
    post = ROOT / "binder" / "postBuild"
    assert os.access(post, os.X_OK), "binder/postBuild must be executable"
    text = post.read_text()
    assert text.startswith("#!/bin/bash") and "pip install --no-deps -e ." in text


def test_readme_sizing_matches_the_measurement():
    measured = json.loads((ROOT / "docs/measurements/kernel_memory.json").read_text())
    peak = measured["one_kernel_every_notebook"]["peak_rss_mb_vmhwm"]
    server = measured["single_user_server"]["server_after_lab_page_mb"]
    per_user = measured["tljh_sizing"]["per_user_mb"]
    assert per_user == round(peak + server)
    assert f"**{peak:.0f} MB**" in README and f"| {server:.0f} MB |" in README
    assert f"**{per_user} MB**" in README and f"students × {per_user} MB + 128 MB" in README
    for students, row in measured["tljh_sizing"]["students"].items():
        assert row["need_gb"] == round((int(students) * per_user + 128) / 1024, 1)
        assert f"{row['need_gb']:.1f} GB" in README
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
