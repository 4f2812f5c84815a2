"""Serve the code-free patient session with Voila (``make present``).

``python -m spasm_edu.present --port 8866`` starts Voila on 127.0.0.1 only (nothing is reachable
from other machines), with the code hidden, pre-heated kernels (``--pool-size``, default
:data:`POOL_SIZE`, refilled when the machine is idle) so pages open fast; an open page keeps its
kernel however long it waits, and the kernel of a closed page is shut down after 15 idle
minutes. If the port is taken it says so and how to pick another one, instead of a traceback.

Before Voila starts, every table in ``data/`` is checked (:func:`data_problem`): a broken file
stops ``make present`` with exit status 2 and a message naming the file, row and column, so a
patient never meets a half-working page. Voila answers only requests addressed to this computer
(a foreign ``Host`` header gets 403, against DNS rebinding).
"""

from __future__ import annotations

import argparse
import errno
import json
import os
import socket
import sys
from pathlib import Path

from spasm_edu import facts
from spasm_edu.paths import folder

NOTEBOOK = folder("notebooks") / "patient_session.ipynb"
HOST = "127.0.0.1"
TEMPLATE_ROOT = Path(__file__).resolve().parent  # holds voila/templates/spasm (see there)


def port_is_free(port: int, host: str = HOST) -> bool:
    """True when nothing listens on ``host:port`` (checked by binding to it)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        try:
            s.bind((host, port))
        except OSError as exc:
            if exc.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


def free_port(host: str = HOST) -> int:
    """A port nothing listens on right now (for tests)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return s.getsockname()[1]


def data_problem(data_dir: Path | None = None) -> str | None:
    """What is wrong with the data the session reads (file, row, column), or None if nothing.

    Checks every table's schema and sources (:func:`facts.load_all`) and the red-flag tables
    against each other (the triage engine), in ``data_dir`` or the session's data folder.
    """
    from spasm_edu.models import triage

    data_dir = Path(data_dir) if data_dir is not None else facts.DATA_DIR
    try:
        facts.load_all(data_dir)
        triage.engine(data_dir)
    except facts.FactsError as exc:
        return str(exc)
    return None


CULL_IDLE_S = 900  # a closed page's kernel (≈140 MB) is shut down after this long idle
CULL_INTERVAL_S = 60
CONNECT_GRACE_S = 120  # a page still loading or reconnecting keeps its kernel this long
# Pre-heated kernels: each has run the session's cell before any page asks (≈140 MB each).
# A taken kernel is replaced FILL_DELAY_S later, and then only once the machine is idle (at most
# FILL_WHEN_IDLE_S later; spasm_edu/kernels.py): a page that arrives while the pool is empty
# takes the waiting replacement, which then starts at once. Before, a fixed delay made every
# replacement compete with the pages still loading (pool 1 refilled after 1 s) or made later
# pages wait for it (pool 4 after 15 s: 10 at once p95 36.5 s against 21.1 s, quiet). On 2 cores
# a pooled page saves the server ≈ 0.7 CPU s of kernel start and build, against ≈ 1 CPU s per
# page in all; 2 kept ready (≈ 280 MB) serve one nurse's next patient and a second tab. Measured
# (make bench-browser, loaded machine): 5 / 10 / 20 at once p95 23.1 / 39.5 / 95.3 s, all usable,
# against 29.4 (3 of 5 usable) / 51.0 / 127.6 s before; README, "Benchmarks".
POOL_SIZE = int(os.environ.get("SPASM_POOL_SIZE", "2"))
FILL_DELAY_S = float(os.environ.get("SPASM_FILL_DELAY_S", "0"))
FILL_WHEN_IDLE_S = float(os.environ.get("SPASM_FILL_WHEN_IDLE_S", "30"))
# The browser loads only the widget managers: not every JupyterLab extension installed in the
# environment (jupytext's, pygments' styles for code that is never shown).
EXTENSIONS = ("@jupyter-widgets/jupyterlab-manager", "@voila-dashboards/widgets-manager8")


def voila_command(
    port: int,
    preheat: bool = True,
    notebook: Path = NOTEBOOK,
    cull_idle_s: int = CULL_IDLE_S,
    cull_interval_s: int = CULL_INTERVAL_S,
    connect_grace_s: int = CONNECT_GRACE_S,
    pool_size: int | None = None,
    fill_delay_s: float | None = None,
    fill_when_idle_s: float | None = None,
) -> list[str]:
    """The Voila command line for the session on 127.0.0.1:``port``.

    Kernels with a page connected are never shut down, however long the page sits idle (a
    clinic hour has long pauses). Closing a page does not shut its kernel (voila#1458), so a
    kernel with no page connected is shut down once idle for ``cull_idle_s`` seconds, checked
    every ``cull_interval_s``, but never within ``connect_grace_s`` seconds of being handed to
    a page that has not connected yet or of its page disconnecting
    (:class:`spasm_edu.kernels.SessionKernelManager`).

    With ``preheat``, ``pool_size`` kernels (default :data:`POOL_SIZE`) wait with the session
    already built; a taken one is replaced ``fill_delay_s`` seconds later (:data:`FILL_DELAY_S`)
    once the machine is idle, or ``fill_when_idle_s`` seconds later at most
    (:data:`FILL_WHEN_IDLE_S`; 0: at once).
    """
    cmd = [
        sys.executable,
        "-m",
        "voila",
        str(notebook),
        "--no-browser",
        f"--port={port}",
        f"--Voila.ip={HOST}",
        "--strip_sources=True",
        "--show_tracebacks=False",
        "--theme=light",
        "--template=spasm",
        # only requests addressed to this computer (127.0.0.1, localhost); others get 403
        '--Voila.tornado_settings={"allow_remote_access": False}',
        f"--MappingKernelManager.cull_interval={int(cull_interval_s)}",
        f"--MappingKernelManager.cull_idle_timeout={int(cull_idle_s)}",
        "--MappingKernelManager.cull_connected=False",  # an open page keeps its kernel
        # ... and so does a page still loading or reconnecting (see spasm_edu/kernels.py)
        "--VoilaConfiguration.multi_kernel_manager_class=spasm_edu.kernels.SessionKernelManager",
        f"--SessionKernelManager.connect_grace={int(connect_grace_s)}",
        f"--VoilaConfiguration.extension_allowlist={json.dumps(list(EXTENSIONS))}",
    ]
    if preheat:
        pool = POOL_SIZE if pool_size is None else int(pool_size)
        delay = FILL_DELAY_S if fill_delay_s is None else float(fill_delay_s)
        cmd += ["--preheat_kernel=True", f"--pool_size={pool}"]
        idle = FILL_WHEN_IDLE_S if fill_when_idle_s is None else float(fill_when_idle_s)
        cmd += [f"--VoilaKernelManager.fill_delay={delay:g}"]
        cmd += [f"--SessionKernelManager.fill_when_idle={idle:g}"]
    return cmd


def voila_env(base: dict | None = None) -> dict:
    """Environment for Voila: our page template on JUPYTER_PATH."""
    env = dict(os.environ if base is None else base)
    paths = [str(TEMPLATE_ROOT), *[p for p in env.get("JUPYTER_PATH", "").split(os.pathsep) if p]]
    env["JUPYTER_PATH"] = os.pathsep.join(dict.fromkeys(paths))
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m spasm_edu.present",
        description="Serve the patient session (Voila) on http://127.0.0.1:PORT",
    )
    parser.add_argument("--port", type=int, default=8866, help="port on 127.0.0.1 (default 8866)")
    parser.add_argument(
        "--no-preheat", action="store_true", help="start a kernel only when the page opens"
    )
    parser.add_argument(
        "--cull-idle",
        type=int,
        default=CULL_IDLE_S,
        metavar="SECONDS",
        help="shut down the kernel of a closed page after this long idle "
        f"(default {CULL_IDLE_S}; an open page keeps its kernel)",
    )
    parser.add_argument(
        "--cull-interval",
        type=int,
        default=CULL_INTERVAL_S,
        metavar="SECONDS",
        help=f"how often to look for such kernels (default {CULL_INTERVAL_S})",
    )
    parser.add_argument(
        "--connect-grace",
        type=int,
        default=CONNECT_GRACE_S,
        metavar="SECONDS",
        help="spare the kernel of a page still loading or reconnecting this long "
        f"(default {CONNECT_GRACE_S})",
    )
    parser.add_argument(
        "--pool-size",
        type=int,
        default=POOL_SIZE,
        metavar="N",
        help=f"kernels kept ready with the session built (default {POOL_SIZE}; ≈140 MB each)",
    )
    args = parser.parse_args(argv)
    if args.pool_size < 1:
        parser.error(f"--pool-size must be a whole number, 1 or more (got {args.pool_size})")
    if not 1 <= args.port <= 65535:
        parser.error(f"--port must be from 1 to 65535 (got {args.port})")
    for name in ("cull_idle", "cull_interval", "connect_grace"):
        if not getattr(args, name) > 0:
            parser.error(f"--{name.replace('_', '-')} must be a whole number of seconds, 1 or more")
    problem = data_problem()
    if problem is not None:
        print(
            f"The session was not started: a data file has a problem.\n  {problem}\n"
            f"(data folder: {facts.DATA_DIR}). Fix that cell (data/README.md explains every "
            "column), then start it again.",
            file=sys.stderr,
        )
        return 2
    if not port_is_free(args.port):
        print(
            f"Port {args.port} is already in use on {HOST}: maybe the session is already "
            f"running (open http://{HOST}:{args.port}/), or another program uses it.\n"
            f"Pick another port: make present PORT={args.port + 1}",
            file=sys.stderr,
        )
        return 2
    print(f"Patient session: open http://{HOST}:{args.port}/ in a browser. Stop with Ctrl+C.")
    cmd = voila_command(
        args.port,
        preheat=not args.no_preheat,
        cull_idle_s=args.cull_idle,
        cull_interval_s=args.cull_interval,
        connect_grace_s=args.connect_grace,
        pool_size=args.pool_size,
    )
    sys.stdout.flush()
    # Become Voila (no wrapper process): Ctrl+C and SIGTERM reach it, and it shuts its kernels.
    os.execve(cmd[0], cmd, voila_env())
    return 0  # not reached


if __name__ == "__main__":
    sys.exit(main())
