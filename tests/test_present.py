"""`make present` checks every data file before Voila starts (no server started here)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from spasm_edu import facts, present
from tests.conftest import ROOT, rewrite


def run_present(data_dir, timeout_s: float = 120) -> subprocess.CompletedProcess:
    """``python -m spasm_edu.present`` reading ``data_dir`` (as a kernel would: $SPASM_DATA_DIR)."""
    env = dict(os.environ, **{facts.DATA_ENV: str(data_dir)})
    return subprocess.run(
        [sys.executable, "-m", "spasm_edu.present", "--port", str(present.free_port())],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout_s,
        check=False,
    )


def test_the_shipped_data_has_no_problem():
    assert present.data_problem() is None


def _bom(path):
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())


def _latin1(path):
    raw = path.read_bytes()
    assert b"\ncaffeine,Caffeine," in raw
    path.write_bytes(raw.replace(b"\ncaffeine,Caffeine,", b"\ncaffeine,Caf\xe9ine,", 1))


def _stray_comma(path):
    rewrite(path, "caffeine,Caffeine,", "caffeine,Caffeine,,")


def _empty_name(path):
    rewrite(path, "caffeine,Caffeine,", "caffeine,,")


@pytest.mark.parametrize(
    ("damage", "where", "words"),
    [
        (_bom, "data/causes.csv, row 1, column 'cause_id'", "byte order mark (BOM)"),
        (_latin1, "data/causes.csv, row 3, column 'name'", "is not UTF-8 text: byte e9"),
        (_stray_comma, "data/causes.csv, row 3", "different number"),
        (_empty_name, "data/causes.csv, row 3, column 'name'", "(found '')"),
    ],
    ids=["bom", "latin1", "stray-comma", "empty-cell"],
)
def test_a_broken_data_file_stops_present_with_status_2(data_copy, damage, where, words):
    damage(data_copy / "causes.csv")
    done = run_present(data_copy)
    assert done.returncode == 2, done.stderr
    assert where in done.stderr and words in done.stderr
    assert "The session was not started" in done.stderr and str(data_copy) in done.stderr
    assert "Traceback" not in done.stderr
    assert present.data_problem(data_copy) is not None  # the same check, in this process


def test_red_flag_tables_are_checked_against_each_other(data_copy):
    # every column valid on its own, but a rule names a finding that does not exist
    rewrite(
        data_copy / "red_flag_rules.csv",
        "one_calf_swollen_warm;breathless_or_chest_pain",
        "one_calf_swollen_warm;no_such_finding",
    )
    problem = present.data_problem(data_copy)
    assert problem and "red_flag_rules.csv" in problem and "no_such_finding" in problem


# -- alive for the whole hour: the culling flags (the browser tests run them for real) --------
def test_an_open_page_keeps_its_kernel_and_a_closed_page_loses_it():
    cmd = present.voila_command(8866, cull_idle_s=600, cull_interval_s=30, connect_grace_s=90)
    assert "--MappingKernelManager.cull_connected=False" in cmd
    assert "--MappingKernelManager.cull_connected=True" not in cmd
    assert "--MappingKernelManager.cull_idle_timeout=600" in cmd
    assert "--MappingKernelManager.cull_interval=30" in cmd
    manager = "--VoilaConfiguration.multi_kernel_manager_class="
    assert manager + "spasm_edu.kernels.SessionKernelManager" in cmd
    assert "--SessionKernelManager.connect_grace=90" in cmd
    assert '--Voila.tornado_settings={"allow_remote_access": False}' in cmd


@pytest.mark.parametrize("option", ["--cull-idle", "--cull-interval", "--connect-grace"])
@pytest.mark.parametrize("value", ["0", "-5", "2.5"])
def test_present_refuses_a_timeout_that_is_not_a_positive_whole_number(option, value, capsys):
    with pytest.raises(SystemExit) as info:
        present.main(["--port", str(present.free_port()), option, value])
    assert info.value.code == 2
    assert option in capsys.readouterr().err


def test_pages_opened_together_get_kernels_with_the_session_built():
    cmd = present.voila_command(8866)
    assert "--preheat_kernel=True" in cmd
    assert f"--pool_size={present.POOL_SIZE}" in cmd and present.POOL_SIZE >= 1
    # a taken kernel is replaced (the measured defaults: see present.py)
    assert f"--VoilaKernelManager.fill_delay={present.FILL_DELAY_S:g}" in cmd
    assert present.FILL_DELAY_S > 0
    cmd = present.voila_command(8866, pool_size=7, fill_delay_s=2)
    assert "--pool_size=7" in cmd and "--VoilaKernelManager.fill_delay=2" in cmd
    no_pool = present.voila_command(8866, preheat=False)
    assert not [c for c in no_pool if "pool" in c or "preheat" in c or "fill_delay" in c]


@pytest.mark.parametrize("value", ["0", "-1", "2.5"])
def test_present_refuses_a_pool_size_that_is_not_1_or_more(value, capsys):
    with pytest.raises(SystemExit) as info:
        present.main(["--port", str(present.free_port()), "--pool-size", value])
    assert info.value.code == 2
    assert "--pool-size" in capsys.readouterr().err


def test_a_kernel_is_spared_while_its_page_loads_or_reconnects(monkeypatch):
    from spasm_edu import kernels

    now = [1000.0]
    monkeypatch.setattr(kernels.time, "monotonic", lambda: now[0])
    manager = kernels.SessionKernelManager(connect_grace=30)
    assert manager.in_grace("k")  # handed to a page that has not connected yet
    now[0] += 29
    assert manager.in_grace("k")
    now[0] += 2
    assert not manager.in_grace("k")  # never connected: a closed tab or a stray request
    manager._kernel_connections["k"] = 0  # a known kernel (start_kernel sets it)
    manager.notify_connect("k")
    assert not manager.in_grace("k")  # connected: cull_connected=False spares it anyway
    manager.notify_disconnect("k")  # the page closes, or a laptop sleeps
    assert manager.in_grace("k")
    now[0] += 31
    assert not manager.in_grace("k")  # gone for longer than the grace: the usual rule
