"""No outbound network during tests: in test functions, in child processes and in kernels.

How it is done: see the root conftest.py and tests/netguard/sitecustomize.py. These tests
prove that an outbound attempt fails and that loopback (the browser tests' Voila server, the
kernels' own channels) still works. Each attempt here writes to its own log, so it does not
fail the session the way a real attempt would.
"""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
from pytest_socket import SocketConnectBlockedError

TEST_NET = ("192.0.2.1", 80)  # TEST-NET-1 (RFC 5737): never a real host


@pytest.fixture
def own_log(tmp_path, monkeypatch):
    log = tmp_path / "attempts.log"
    monkeypatch.setenv("SPASM_NET_LOG", str(log))
    return log


@pytest.mark.filterwarnings("ignore:A test tried to use socket:UserWarning")
def test_outbound_connect_fails(own_log):
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(SocketConnectBlockedError):
            sock.connect(TEST_NET)
    finally:
        sock.close()


def test_dns_lookup_and_connect_ex_fail(own_log):
    with pytest.raises(RuntimeError, match="network blocked"):
        socket.getaddrinfo("example.org", 443)
    with pytest.raises(RuntimeError, match="network blocked"):
        socket.create_connection(TEST_NET, timeout=1)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        with pytest.raises(RuntimeError, match="network blocked"):
            sock.connect_ex(TEST_NET)
    finally:
        sock.close()
    assert own_log.read_text().count("network blocked") == 3


def test_loopback_still_works():
    with socket.create_server(("127.0.0.1", 0)) as server:
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            conn, _ = server.accept()
            conn.close()
    assert socket.getaddrinfo("localhost", 80)


CHILD = """
import socket
with socket.create_server(("127.0.0.1", 0)) as server:
    socket.create_connection(server.getsockname(), timeout=2).close()
print("loopback ok")
s = socket.socket()
try:
    s.connect(("192.0.2.1", 80))
except Exception as exc:
    print(type(exc).__name__, exc)
"""


def test_a_child_python_process_is_blocked_too(own_log):
    out = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, timeout=30, check=True
    ).stdout
    assert "loopback ok" in out
    assert "NetworkBlockedError network blocked during tests" in out
    assert "192.0.2.1" in own_log.read_text()


def test_a_notebook_kernel_is_blocked_too(own_log):
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("import socket\nsocket.socket().connect(('192.0.2.1', 80))")
    ]
    with pytest.raises(CellExecutionError, match="network blocked"):
        NotebookClient(nb, timeout=60, kernel_name="python3").execute()
    assert "192.0.2.1" in own_log.read_text()
