"""Set up a Python environment as a class hub's single-user environment.

``python -m spasm_edu.tooling.hubsetup`` (binder/postBuild runs it in the Kubernetes image; on The
Littlest JupyterHub run it once as admin with ``sudo -E``) installs, under the environment's
prefix (``--prefix``, default ``sys.prefix``):

- JupyterLab's settings overrides (``share/jupyter/lab/settings/overrides.json``): on a hub,
  students are not asked about news and no update check runs;
- the patient session's Voila page template (``share/jupyter/voila/templates/spasm``);
- server settings merged into ``etc/jupyter/jupyter_server_config.json`` (the ``.d`` folder
  next to it only enables extensions: jupyter_server reads no other settings there) so
  that the Voila server extension serves ``/user/<name>/voila/render/.../patient_session.ipynb`` as
  ``make present`` does (code hidden, no tracebacks, the spasm template), and the kernel of a
  closed notebook or Voila page is shut down after 15 idle minutes (an open one never).

Handouts saved on a hub go to each student's own ``~/spasm-handouts``
(:func:`spasm_edu.handout.default_folder`).
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from spasm_edu import present
from spasm_edu.tooling import lab

TEMPLATE = present.TEMPLATE_ROOT / "voila" / "templates" / "spasm"
CONFIG_NAME = "jupyter_server_config.json"


def server_config() -> dict:
    return {
        "VoilaConfiguration": {
            "template": "spasm",
            "strip_sources": True,
            "show_tracebacks": False,
            "theme": "light",
        },
        "LabApp": {
            "news_url": None,
            "check_for_updates_class": "jupyterlab.NeverCheckForUpdate",
        },
        "MappingKernelManager": {
            "cull_idle_timeout": present.CULL_IDLE_S,
            "cull_interval": present.CULL_INTERVAL_S,
            "cull_connected": False,
        },
    }


def install(prefix: Path) -> dict[str, Path]:
    """Write the three pieces under ``prefix``; returns where each went."""
    prefix = Path(prefix)
    settings = prefix / "share" / "jupyter" / "lab" / "settings"
    templates = prefix / "share" / "jupyter" / "voila" / "templates" / "spasm"
    config = prefix / "etc" / "jupyter" / CONFIG_NAME
    for folder in (settings, templates.parent, config.parent):
        folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(lab.SETTINGS / "overrides.json", settings / "overrides.json")
    shutil.rmtree(templates, ignore_errors=True)
    shutil.copytree(TEMPLATE, templates)
    merged = json.loads(config.read_text()) if config.exists() else {}
    for section, values in server_config().items():  # keep any other settings already there
        merged.setdefault(section, {}).update(values)
    config.write_text(json.dumps(merged, indent=2) + "\n")
    return {"lab_settings": settings, "voila_template": templates, "server_config": config}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spasm_edu.tooling.hubsetup",
        description="Install the course's JupyterLab settings, Voila template and server "
        "config into a hub's single-user environment.",
    )
    parser.add_argument("--prefix", type=Path, default=Path(sys.prefix))
    args = parser.parse_args(argv)
    for what, where in install(args.prefix).items():
        print(f"{what}: {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
