"""Session-wide rule for every pytest run in this repository: no outbound network.

- Test functions: pytest-socket (pyproject addopts ``--disable-socket --allow-unix-socket
  --allow-hosts=127.0.0.1,localhost,::1``) refuses ``connect`` to anything but loopback.
- The pytest process, also outside test functions: tests/netguard refuses DNS lookups,
  ``connect_ex`` and ``sendto`` to anything but loopback.
- Every Python child process (nbval kernels, Voila and its kernels, the bench smoke run):
  ``tests/netguard`` goes first on ``PYTHONPATH``, so its ``sitecustomize.py`` installs the full
  guard at start-up. Refused attempts are logged to ``test-artifacts/network_attempts.log`` and
  fail the session even when the caller swallowed the error.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent
GUARD_DIR = ROOT / "tests" / "netguard"
NET_LOG = ROOT / "test-artifacts" / "network_attempts.log"


def _load_guard():
    spec = importlib.util.spec_from_file_location("spasm_netguard", GUARD_DIR / "sitecustomize.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pytest_configure(config):
    NET_LOG.parent.mkdir(exist_ok=True)
    NET_LOG.unlink(missing_ok=True)
    os.environ["SPASM_NET_LOG"] = str(NET_LOG)
    os.environ["SPASM_NETGUARD"] = "1"
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    if str(GUARD_DIR) not in paths:
        os.environ["PYTHONPATH"] = os.pathsep.join([str(GUARD_DIR), *paths])
    _load_guard().install(connect=False)


def pytest_sessionfinish(session, exitstatus):
    if NET_LOG.exists() and NET_LOG.read_text(encoding="utf-8").strip():
        attempts = NET_LOG.read_text(encoding="utf-8").strip().splitlines()
        # The proof test in tests/test_no_network.py makes its attempts with its own log.
        print(f"\nOutbound network attempts during the tests ({len(attempts)}):")
        print("\n".join(attempts[:20]))
        session.exitstatus = 1
