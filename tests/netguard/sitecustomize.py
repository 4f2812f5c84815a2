"""No outbound network for every Python process the tests start.

The root ``conftest.py`` puts this folder first on ``PYTHONPATH`` for the test session, so
Python imports this file at start-up in every child process: the nbval / nbclient kernels,
a Voila server and its kernels, ``python -m spasm_edu.tooling.bench``. It refuses, with
:class:`NetworkBlockedError` (a RuntimeError, so ``except OSError`` cannot swallow it):

- ``socket.connect`` / ``connect_ex`` / ``sendto`` to any address that is not loopback
  (127.0.0.0/8, ::1, ``localhost``) or a Unix socket;
- ``getaddrinfo`` / ``gethostbyname`` for names other than ``localhost`` and this machine's
  own name (a DNS query is already an outbound packet).

Every refused attempt is also appended to the file named by ``SPASM_NET_LOG`` (if set), so the
test session fails even when the code that tried swallowed the error. Not covered: programs
that are not Python (Chromium in the browser tests blocks its requests with ``page.route``),
and C extensions that open sockets without Python's ``socket`` module (ZeroMQ, which the
kernels use on loopback only).

The same guard, minus ``connect`` (pytest-socket owns that one during tests), is installed in
the pytest process itself by ``conftest.py``.
"""

from __future__ import annotations

import ipaddress
import os
import socket

_real = {
    "connect": socket.socket.connect,
    "connect_ex": socket.socket.connect_ex,
    "sendto": socket.socket.sendto,
    "getaddrinfo": socket.getaddrinfo,
    "gethostbyname": socket.gethostbyname,
    "gethostbyname_ex": socket.gethostbyname_ex,
}


class NetworkBlockedError(RuntimeError):
    """An outbound connection or DNS lookup was attempted during a test run."""


def _local_names() -> set[str]:
    names = {"localhost", "localhost.localdomain", "ip6-localhost", ""}
    try:
        names.add(socket.gethostname().lower())
    except OSError:
        pass
    return names


LOCAL_NAMES = _local_names()


def is_local(host: object) -> bool:
    if host is None:
        return True
    if isinstance(host, bytes):
        host = host.decode(errors="replace")
    if not isinstance(host, str):
        return False
    host = host.strip("[]").split("%")[0].lower()
    if host in LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _refuse(what: str, target: object) -> None:
    message = f"network blocked during tests: {what} {target!r} (only loopback is allowed)"
    log = os.environ.get("SPASM_NET_LOG")
    if log:
        try:
            with open(log, "a", encoding="utf-8") as fh:
                fh.write(f"pid {os.getpid()}: {message}\n")
        except OSError:
            pass
    raise NetworkBlockedError(message)


def _host_of(sock: socket.socket, address: object) -> object:
    if getattr(socket, "AF_UNIX", None) is not None and sock.family == socket.AF_UNIX:
        return None
    if isinstance(address, tuple) and address:
        return address[0]
    return address


def _connect(self, address):
    if not is_local(_host_of(self, address)):
        _refuse("connect to", address)
    return _real["connect"](self, address)


def _connect_ex(self, address):
    if not is_local(_host_of(self, address)):
        _refuse("connect to", address)
    return _real["connect_ex"](self, address)


def _sendto(self, data, *args):
    address = args[-1]
    if not is_local(_host_of(self, address)):
        _refuse("send to", address)
    return _real["sendto"](self, data, *args)


def _getaddrinfo(host, *args, **kwargs):
    if not is_local(host):
        _refuse("look up", host)
    return _real["getaddrinfo"](host, *args, **kwargs)


def _gethostbyname(host):
    if not is_local(host):
        _refuse("look up", host)
    return _real["gethostbyname"](host)


def _gethostbyname_ex(host):
    if not is_local(host):
        _refuse("look up", host)
    return _real["gethostbyname_ex"](host)


def install(connect: bool = True) -> None:
    """Refuse outbound network in this process (``connect=False``: leave connect alone)."""
    if connect:
        socket.socket.connect = _connect
    socket.socket.connect_ex = _connect_ex
    socket.socket.sendto = _sendto
    socket.getaddrinfo = _getaddrinfo
    socket.gethostbyname = _gethostbyname
    socket.gethostbyname_ex = _gethostbyname_ex


if os.environ.get("SPASM_NETGUARD") == "1":
    install()
