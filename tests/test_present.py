"""`make present` checks every data file before Voila starts (no server started here)."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys

import pytest

from spasm_edu import facts, present
from tests.conftest import ROOT, rewrite


def _run(coroutine):
    """asyncio.run in a thread of its own: in the whole suite another test's event loop may still
    be running in this thread (asyncio.run would refuse with "cannot be called from a running
    event loop")."""
    import concurrent.futures

    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


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
    # a taken kernel is replaced once the machine is idle (the measured defaults: present.py)
    assert f"--VoilaKernelManager.fill_delay={present.FILL_DELAY_S:g}" in cmd
    assert f"--SessionKernelManager.fill_when_idle={present.FILL_WHEN_IDLE_S:g}" in cmd
    assert present.FILL_DELAY_S >= 0 and present.FILL_WHEN_IDLE_S > 0
    cmd = present.voila_command(8866, pool_size=7, fill_delay_s=2, fill_when_idle_s=0)
    assert "--pool_size=7" in cmd and "--VoilaKernelManager.fill_delay=2" in cmd
    assert "--SessionKernelManager.fill_when_idle=0" in cmd
    no_pool = present.voila_command(8866, preheat=False)
    assert not [c for c in no_pool if "pool" in c or "preheat" in c or "fill_" in c]


def test_the_page_loads_only_the_widget_managers():
    cmd = present.voila_command(8866)
    (allow,) = [c for c in cmd if c.startswith("--VoilaConfiguration.extension_allowlist=")]
    names = json.loads(allow.split("=", 1)[1])
    assert names == ["@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8"]


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


# -- the pre-heated pool is refilled when the machine has room --------------------------------
def _stat(path, busy: int, idle: int) -> None:
    """A /proc/stat whose first line says ``busy`` and ``idle`` ticks so far."""
    path.write_text(f"cpu  {busy} 0 0 {idle} 0 0 0 0 0 0\ncpu0 1 0 0 1 0 0 0 0 0 0\n")


def test_the_cpu_meter_reads_how_busy_the_machine_was(tmp_path):
    from spasm_edu import kernels

    stat = tmp_path / "stat"
    _stat(stat, 100, 100)
    meter = kernels.CpuMeter(stat)
    _stat(stat, 175, 125)  # 75 busy ticks of 100
    assert meter.busy() == pytest.approx(0.75)
    _stat(stat, 180, 220)  # then 5 of 100
    assert meter.busy() == pytest.approx(0.05)
    assert meter.busy() is None  # no tick since: nothing to say
    assert kernels.CpuMeter(tmp_path / "missing").busy() is None
    stat.write_text("intr 1 2 3\n")
    assert kernels.CpuMeter(stat).busy() is None


class _Meter:
    """A CPU meter that says what it is told (``None``: cannot tell)."""

    def __init__(self, *busy):
        self.said = list(busy)

    def busy(self):
        return self.said.pop(0) if len(self.said) > 1 else self.said[0]


def _waiting_kernel(manager, meter, taken_after=None):
    """What wait_for_room says for a pool kernel, taken by a page after ``taken_after`` s."""

    async def go():
        async def later():
            await asyncio.sleep(taken_after)
            manager._pools["nb"].clear()  # a page pops it (VoilaKernelManager.get_rendered_...)

        task = asyncio.current_task()
        manager._pools = {"nb": [task]}
        if taken_after is not None:
            asyncio.get_running_loop().create_task(later())
        return await manager.wait_for_room(task, meter)

    return _run(go())


def test_a_pool_kernel_waits_for_an_idle_machine_or_a_page(monkeypatch):
    from spasm_edu import kernels

    monkeypatch.setattr(kernels, "IDLE_CHECK_S", 0.01)
    monkeypatch.setattr(kernels, "IDLE_WINDOW_S", 0.02)
    manager = kernels.SessionKernelManager(fill_when_idle=60)
    # busy, busy, then quiet: it starts once the machine has been quiet for two windows
    meter = _Meter(0.9, 0.9, 0.1)
    assert _waiting_kernel(manager, meter) == "idle"
    assert meter.said == [0.1]
    # a page takes it while the machine is still busy: it starts at once
    assert _waiting_kernel(manager, _Meter(1.0), taken_after=0.1) == "taken"
    # never idle: it starts anyway after fill_when_idle seconds
    manager.fill_when_idle = 0.2
    assert _waiting_kernel(manager, _Meter(1.0)) == "waited"
    # no way to tell how busy the machine is (not Linux): it does not wait
    manager.fill_when_idle = 60
    assert _waiting_kernel(manager, _Meter(None)) == "unknown"
    # not a pool kernel (a page's own): nothing to wait for
    assert _run(manager.wait_for_room(None, _Meter(1.0))) == "taken"


def test_only_one_waiting_pool_kernel_starts_per_quiet_moment(monkeypatch):
    from spasm_edu import kernels

    monkeypatch.setattr(kernels, "IDLE_CHECK_S", 0.01)
    monkeypatch.setattr(kernels, "IDLE_WINDOW_S", 0.02)
    manager = kernels.SessionKernelManager(fill_when_idle=60)
    manager._pools = {}
    order = []

    async def go():
        async def one(name):
            task = asyncio.current_task()
            manager._pools.setdefault("nb", []).append(task)
            why = await manager.wait_for_room(task, _Meter(0.0))
            order.append((name, why, kernels.time.monotonic()))

        await asyncio.gather(one("a"), one("b"))

    _run(go())
    assert [why for _, why, _ in order] == ["idle", "idle"]
    gap = order[1][2] - order[0][2]
    assert gap >= kernels.IDLE_WINDOW_S * kernels.IDLE_WINDOWS  # the second one waited its turn


def test_the_first_fill_of_the_pool_does_not_wait(monkeypatch):
    """No page served yet: the pool's kernels start at once; once a page has one, refills wait."""
    from spasm_edu import kernels

    manager = kernels.SessionKernelManager(fill_when_idle=60)
    asked = []

    async def room(task, meter=None):
        asked.append(task)
        return "idle"

    async def started(self, *args, **kwargs):
        return "kernel-id"

    monkeypatch.setattr(manager, "wait_for_room", room)
    monkeypatch.setattr(kernels.AsyncMappingKernelManager, "start_kernel", started)
    pool_env = {"env": {"VOILA_PREHEAT": "True"}}
    manager._pools = {}
    assert _run(manager.start_kernel(**pool_env)) == "kernel-id"
    assert asked == []  # the first fill
    manager._kernels["a-page-kernel"] = object()
    _run(manager.start_kernel(**pool_env))
    assert len(asked) == 1  # a refill once a page has a kernel
    _run(manager.start_kernel(env={"VOILA_PREHEAT": "False"}))
    assert len(asked) == 1  # a page's own kernel never waits
