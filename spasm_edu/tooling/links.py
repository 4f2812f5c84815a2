"""The class links, built from the repository's address in one place.

``python -m spasm_edu.tooling.links --hub https://hub.example.edu`` prints the Binder links and the
nbgitpuller links of a class hub, ready to paste. The repository's address comes from
``pyproject.toml`` ``[project.urls] Repository`` (from the installed package's metadata when
there is no checkout); ``--repo`` and ``--branch`` override it, e.g. for a fork or a local
bare clone (``--repo file:///srv/git/spasm-edu``).

A nbgitpuller link clones the repository into the student's home folder as ``<name>/`` (the
last part of the address) on the first click and merges the instructor's
later changes on the next clicks, keeping the student's own edits.
"""

from __future__ import annotations

import argparse
import json
import sys
import tomllib
from dataclasses import dataclass
from importlib import metadata
from urllib.parse import quote, urlparse

from spasm_edu import paths

DISTRIBUTION = "spasm-edu"
BRANCH = "main"
# (label, interface, notebook): what an instructor hands out
TARGETS = (
    ("JupyterLab at the start notebook", "lab", "notebooks/00_start_here.ipynb"),
    ("The spasm diary exercise", "lab", "notebooks/spasm_diary.ipynb"),
    ("The patient session in Voila (role play)", "voila", "notebooks/patient_session.ipynb"),
)


def repository_url() -> str:
    """The repository's address: pyproject.toml [project.urls] Repository."""
    if paths.in_checkout():
        project = tomllib.loads((paths.CHECKOUT / "pyproject.toml").read_text())["project"]
        return project["urls"]["Repository"]
    for entry in metadata.metadata(DISTRIBUTION).get_all("Project-URL") or ():
        label, _, url = entry.partition(",")
        if label.strip().lower() == "repository":
            return url.strip()
    raise LookupError("the installed spasm-edu names no Repository URL")


def folder_name(repo: str) -> str:
    """The folder nbgitpuller clones ``repo`` into: the last part of the address, as
    nbgitpuller 1.3 takes it (``…/spasm-edu`` -> ``spasm-edu``; a ``.git`` ending stays)."""
    return repo.rstrip("/").split("/")[-1]


def urlpath(interface: str, notebook: str, folder: str = "") -> str:
    """'lab/tree/<folder>/notebooks/x.ipynb' or 'voila/render/<folder>/notebooks/x.ipynb'."""
    where = {"lab": "lab/tree", "voila": "voila/render"}[interface]
    return "/".join(p for p in (where, folder, notebook) if p)


def puller_path(repo: str, interface: str, notebook: str, branch: str = BRANCH) -> str:
    """``/git-pull?…`` on a student's server: also the hub's default URL (Zero to JupyterHub
    ``singleuser.defaultUrl``), so a student who just logs in gets the course too."""
    path = urlpath(interface, notebook, folder_name(repo))
    return (
        f"/git-pull?repo={quote(repo, safe='')}"
        f"&branch={quote(branch, safe='')}&urlpath={quote(path, safe='')}"
    )


def puller_link(hub: str, repo: str, interface: str, notebook: str, branch: str = BRANCH) -> str:
    """A nbgitpuller link: the hub pulls ``repo`` into the student's home, then opens it."""
    return f"{hub.rstrip('/')}/hub/user-redirect{puller_path(repo, interface, notebook, branch)}"


def binder_link(repo: str, interface: str, notebook: str, branch: str = BRANCH) -> str | None:
    """A mybinder.org link for a GitHub repository (None for any other address)."""
    parsed = urlparse(repo)
    if parsed.scheme != "https" or parsed.netloc != "github.com":
        return None
    slug = parsed.path.strip("/").removesuffix(".git")
    return f"https://mybinder.org/v2/gh/{slug}/{branch}?urlpath={urlpath(interface, notebook)}"


@dataclass(frozen=True)
class Link:
    label: str
    kind: str  # "binder" or "hub"
    url: str


def links(hub: str | None, repo: str | None = None, branch: str = BRANCH) -> list[Link]:
    repo = repo or repository_url()
    found = []
    for label, interface, notebook in TARGETS:
        binder = binder_link(repo, interface, notebook, branch)
        if binder and notebook != "notebooks/spasm_diary.ipynb":
            found.append(Link(label, "binder", binder))
    if hub:
        for label, interface, notebook in TARGETS:
            found.append(Link(label, "hub", puller_link(hub, repo, interface, notebook, branch)))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spasm_edu.tooling.links",
        description="Print the Binder and nbgitpuller links of the course for a class hub.",
    )
    parser.add_argument("--hub", help="the hub's address, e.g. https://hub.example.edu")
    parser.add_argument("--repo", help="the repository (default: pyproject's Repository URL)")
    parser.add_argument("--branch", default=BRANCH, help=f"branch to pull (default {BRANCH})")
    parser.add_argument("--json", action="store_true", help="one JSON list instead of text")
    args = parser.parse_args(argv)
    if args.hub and urlparse(args.hub).scheme not in ("http", "https"):
        parser.error(f"--hub must start with https:// (got {args.hub!r})")
    found = links(args.hub, args.repo, args.branch)
    if args.hub:
        start = puller_path(args.repo or repository_url(), *TARGETS[0][1:], args.branch)
        found.append(Link("The hub's default URL (Zero to JupyterHub singleuser.defaultUrl)",
                          "default", start))  # fmt: skip
    if args.json:
        print(json.dumps([link.__dict__ for link in found], indent=1))
        return 0
    for kind, heading in (
        ("binder", "Binder"),
        ("hub", f"Class hub {args.hub}"),
        ("default", "Hub settings"),
    ):
        rows = [link for link in found if link.kind == kind]
        if rows:
            print(f"{heading}:")
            for link in rows:
                print(f"  {link.label}:\n    {link.url}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
