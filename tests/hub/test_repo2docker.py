"""The class hub's image (Kubernetes, Zero to JupyterHub) as repo2docker would build it. No
Docker engine here: `jupyter-repo2docker --no-build --debug` prints the Dockerfile offline, and
the files it builds from are checked for nbgitpuller, voila, the hub's single-user server and
this package."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import ROOT

R2D = Path(sys.executable).with_name("jupyter-repo2docker")


@pytest.fixture(scope="module")
def dockerfile() -> str:
    exe = str(R2D) if R2D.exists() else shutil.which("jupyter-repo2docker")
    if exe is None:
        pytest.skip("jupyter-repo2docker is not installed (pip install -e '.[hub]')")
    out = subprocess.run(
        [exe, "--no-build", "--debug", "--user-id", "1000", "--user-name", "jovyan",
         "--target-repo-dir", "/srv/spasm-edu", str(ROOT)],
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr[-2000:]
    text = out.stdout + out.stderr
    assert "FROM " in text, text[-2000:]
    return text


def test_the_image_builds_from_binder_environment_and_runs_post_build(dockerfile):
    assert 'env update -p ${NB_PYTHON_PREFIX} --file "binder/environment.yml"' in dockerfile
    assert "RUN ./binder/postBuild" in dockerfile
    assert "COPY --chown=1000:1000 src/ ${REPO_DIR}/" in dockerfile


def test_the_image_installs_nbgitpuller_voila_the_singleuser_server_and_this_package(dockerfile):
    deps = yaml.safe_load((ROOT / "binder" / "environment.yml").read_text())["dependencies"]
    names = {d.split("=")[0] for d in deps if isinstance(d, str)}
    assert {"nbgitpuller", "voila", "jupyterhub-singleuser", "jupyterlab"} <= names
    post = (ROOT / "binder" / "postBuild").read_text()
    assert "python -m pip install --no-deps -e ." in post  # this package, from the repository
    assert "python -m spasm_edu.tooling.hubsetup" in post  # lab settings, Voila template and config
