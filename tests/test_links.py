"""python -m spasm_edu.tooling.links: the class links from the repository's address in one place
(pyproject [project.urls] Repository), as the README shows them; and the handout folder on a
hub is the student's own."""

from __future__ import annotations

import json
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
import yaml

from spasm_edu import handout
from spasm_edu.tooling import links
from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
HUB = "https://hub.example.edu"


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "spasm_edu.tooling.links", *args],
        capture_output=True, text=True, timeout=60, cwd=ROOT,
    )  # fmt: skip


def test_the_repository_address_is_in_one_place_and_citation_cff_agrees():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    url = project["urls"]["Repository"]
    assert links.repository_url() == url
    assert url.startswith("https://github.com/") and "OWNER" not in url
    assert f"sudo git clone {url} /srv/spasm-edu" in README  # the TLJH step clones the same
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["repository-code"] == url


def test_the_command_prints_the_readme_links_for_a_hub():
    out = run("--hub", HUB, "--json")
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    kinds = [link["kind"] for link in found]
    assert kinds.count("binder") == 2 and kinds.count("hub") == 3 and kinds.count("default") == 1
    for link in found:
        if link["kind"] != "default":
            assert f"`{link['url']}`" in README, link  # the README shows this very output
    text = run("--hub", HUB)
    assert text.returncode == 0 and all(link["url"] in text.stdout for link in found)


def test_hub_links_pull_the_repository_into_its_folder_and_open_an_existing_notebook():
    repo = links.repository_url()
    for label, interface, notebook in links.TARGETS:
        url = urlparse(links.puller_link(HUB, repo, interface, notebook))
        assert (url.scheme, url.netloc, url.path) == (
            "https", "hub.example.edu", "/hub/user-redirect/git-pull"
        )  # fmt: skip
        query = parse_qs(url.query)
        assert query["repo"] == [repo] and query["branch"] == ["main"]
        urlpath = query["urlpath"][0]
        prefix = {"lab": "lab/tree/", "voila": "voila/render/"}[interface]
        assert urlpath == f"{prefix}spasm-edu/{notebook}", label
        assert (ROOT / notebook).is_file()


@pytest.mark.parametrize(
    ("repo", "folder"),
    [
        ("https://github.com/spasm-edu/spasm-edu", "spasm-edu"),
        ("https://github.com/school/fork/", "fork"),
        ("https://gitlab.example.edu/nursing/spasm-edu.git", "spasm-edu.git"),  # as nbgitpuller
        ("file:///srv/git/course", "course"),
    ],
)
def test_the_folder_is_the_one_nbgitpuller_makes(repo, folder):
    assert links.folder_name(repo) == folder
    assert (
        links.urlpath("lab", "notebooks/x.ipynb", folder) == f"lab/tree/{folder}/notebooks/x.ipynb"
    )


def test_other_repositories_and_branches_and_no_binder_off_github():
    found = links.links(HUB, repo="https://gitlab.example.edu/a/course", branch="spring")
    assert [link.kind for link in found] == ["hub"] * 3
    query = parse_qs(urlparse(found[0].url).query)
    assert query["branch"] == ["spring"] and query["repo"] == [
        "https://gitlab.example.edu/a/course"
    ]
    assert links.links(None) and all(link.kind == "binder" for link in links.links(None))


def test_a_hub_address_without_a_scheme_is_refused_in_words():
    out = run("--hub", "hub.example.edu")
    assert out.returncode == 2 and "--hub must start with https://" in out.stderr


def test_on_a_hub_handouts_go_to_the_students_home(monkeypatch, tmp_path):
    monkeypatch.delenv(handout.FOLDER_ENV, raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home" / "student1"))
    monkeypatch.delenv("JUPYTERHUB_USER", raising=False)
    assert handout.default_folder() == ROOT / "handouts"  # a checkout, no hub
    monkeypatch.setenv("JUPYTERHUB_USER", "student1")
    assert handout.default_folder() == tmp_path / "home" / "student1" / "spasm-handouts"
    monkeypatch.setenv(handout.FOLDER_ENV, str(tmp_path / "elsewhere"))
    assert handout.default_folder() == Path(tmp_path / "elsewhere")
