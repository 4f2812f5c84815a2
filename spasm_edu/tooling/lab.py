"""Open the course in JupyterLab: ``make lab`` runs ``python -m spasm_edu.tooling.lab``.

JupyterLab serves the repository root (so students see ``data/`` and the README next to the
notebooks), opens ``notebooks/00_start_here.ipynb`` and makes no network calls of its own:
no news feed (and no toast asking about it), no update check, no queries to PyPI from the
extension manager.

A notebook opened here is paired with its source ``content/notebooks/NAME.md`` (``jupytext.toml``):
jupytext's contents manager reads the cells from the ``.md`` and the stored outputs from the
``.ipynb``, and a save writes both, so an edit made in JupyterLab lands in the text source.
The save hook renews the notebook's sync stamp (:func:`spasm_edu.tooling.sources.pre_save_hook`).
"""

from __future__ import annotations

import argparse
import os
import sys

from spasm_edu import paths

ROOT = paths.CHECKOUT
START = "notebooks/00_start_here.ipynb"
# JupyterLab reads overrides.json here: no "news?" question, no update check in the browser.
SETTINGS = paths.PACKAGE_DIR / "jupyterlab_settings"
# Notebooks as text: the contents manager and its save hook (tests/test_notebook_sources.py)
CONTENTS_MANAGER = "jupytext.TextFileContentsManager"
PRE_SAVE_HOOK = "spasm_edu.tooling.sources.pre_save_hook"


def command(
    port: int | None = None, open_browser: bool = True, token: str | None = None
) -> list[str]:
    """The JupyterLab command line (``token=""`` only for a local test server)."""
    cmd = [
        sys.executable,
        "-m",
        "jupyterlab",
        f"--ServerApp.root_dir={ROOT}",
        f"--LabApp.default_url=/lab/tree/{START}",
        "--LabApp.news_url=None",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
        "--LabApp.extension_manager=readonly",
        f"--LabApp.app_settings_dir={SETTINGS}",
        "--ServerApp.ip=127.0.0.1",
        f"--ServerApp.contents_manager_class={CONTENTS_MANAGER}",
        f"--ContentsManager.pre_save_hook={PRE_SAVE_HOOK}",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        cmd.append("--allow-root")
    if port is not None:
        cmd.append(f"--ServerApp.port={port}")
    if not open_browser:
        cmd.append("--no-browser")
    if token is not None:
        cmd.append(f"--IdentityProvider.token={token}")
    return cmd


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spasm_edu.tooling.lab",
        description="Open the spasm-edu course in JupyterLab.",
    )
    parser.add_argument("--port", type=int, default=None, help="port (default: JupyterLab's)")
    parser.add_argument("--no-browser", action="store_true", help="print the address only")
    args = parser.parse_args(argv)
    if not paths.in_checkout():
        print(
            "python -m spasm_edu.tooling.lab opens the course in a copy of the repository "
            "(clone it, then run make lab). This spasm-edu is an installed package: python -m "
            "spasm_edu.present runs the patient session; the notebooks are in "
            f"{paths.folder('notebooks')}.",
            file=sys.stderr,
        )
        return 2
    cmd = command(args.port, open_browser=not args.no_browser)
    os.execv(cmd[0], cmd)  # hand the terminal to JupyterLab (Ctrl+C stops it)
    return 0  # pragma: no cover


if __name__ == "__main__":
    sys.exit(main())
