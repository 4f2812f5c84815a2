"""python -m spasm_edu.tooling.hubsetup: a hub's single-user environment gets the lab overrides, the
patient session's Voila template and server settings, merged with what is already there.
(tests/hub checks that a real hub's servers pick them up.)"""

from __future__ import annotations

import json

from spasm_edu import present
from spasm_edu.tooling import hubsetup, lab


def test_install_writes_the_three_pieces_under_the_prefix(tmp_path):
    where = hubsetup.install(tmp_path)
    assert where["lab_settings"] == tmp_path / "share/jupyter/lab/settings"
    overrides = json.loads((where["lab_settings"] / "overrides.json").read_text())
    assert overrides == json.loads((lab.SETTINGS / "overrides.json").read_text())
    assert overrides["@jupyterlab/apputils-extension:notification"]["fetchNews"] == "false"
    assert (where["voila_template"] / "index.html.j2").is_file()
    assert (where["voila_template"] / "session.js").is_file()
    config = json.loads(where["server_config"].read_text())
    assert where["server_config"] == tmp_path / "etc/jupyter/jupyter_server_config.json"
    assert config["VoilaConfiguration"] == {
        "template": "spasm",
        "strip_sources": True,
        "show_tracebacks": False,
        "theme": "light",
    }
    assert config["MappingKernelManager"]["cull_connected"] is False
    assert config["MappingKernelManager"]["cull_idle_timeout"] == present.CULL_IDLE_S


def test_install_keeps_other_settings_and_can_run_twice(tmp_path):
    config = tmp_path / "etc/jupyter/jupyter_server_config.json"
    config.parent.mkdir(parents=True)
    before = {
        "ServerApp": {"terminals_enabled": False},
        "VoilaConfiguration": {"file_allowlist": [".*\\.png"]},
    }
    config.write_text(json.dumps(before))
    hubsetup.install(tmp_path)
    hubsetup.install(tmp_path)
    merged = json.loads(config.read_text())
    assert merged["ServerApp"] == {"terminals_enabled": False}
    assert merged["VoilaConfiguration"]["file_allowlist"] == [".*\\.png"]
    assert merged["VoilaConfiguration"]["template"] == "spasm"
