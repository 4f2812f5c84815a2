"""The kernel manager ``make present`` gives Voila: culling that never hits a page in use.

Voila's culling (jupyter_server's) shuts a kernel down when it has been idle past the timeout
and, with ``cull_connected=False``, has no page connected. Two moments match that rule although
a page is about to use the kernel:

- a pre-heated kernel handed to a page that is still loading: it has been idle since it was
  warmed up (often far past the timeout) and the page has not connected yet, so the next cull
  check could shut it before the page ever shows (seen with short timeouts);
- a page whose connection drops for a moment (a laptop waking up): its kernel has no
  connection until the page reconnects.

:class:`SessionKernelManager` waits ``connect_grace`` seconds from either moment before the
usual rule applies. A page that is closed loses its kernel once the grace and the idle timeout
have both passed.

Pre-heated kernels (Voila's pool) are replaced when the machine has room: once a page has a
kernel, a kernel started for the pool, before any page asks for it, waits until the CPUs have
been idle for a moment
(:class:`CpuMeter`; at most ``fill_when_idle`` seconds), so it never competes with pages that
are still loading. A page that takes such a waiting kernel starts it at once. Measured on this
2-core machine, see ``spasm_edu/present.py``.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Float, Integer

IDLE_CHECK_S = 0.1  # how often a waiting pool kernel looks whether a page has taken it
IDLE_WINDOW_S = 0.5  # CPU use is measured over windows this long ...
IDLE_WINDOWS = 2  # ... and the machine counts as idle after this many quiet ones in a row


class CpuMeter:
    """How busy all CPUs of the machine were since the last look (0 to 1), from Linux's
    ``/proc/stat``; :meth:`busy` gives None where that cannot be read (then nothing waits)."""

    def __init__(self, stat: Path = Path("/proc/stat")):
        self.stat = stat
        self._last = self._read()

    def _read(self) -> tuple[int, int] | None:
        try:
            with open(self.stat, encoding="ascii") as f:
                fields = f.readline().split()
            values = [int(x) for x in fields[1:9]]  # user nice system idle iowait irq softirq steal
        except (OSError, ValueError):
            return None
        if not fields or fields[0] != "cpu" or len(values) < 5:
            return None
        return sum(values), values[3] + values[4]  # (all, idle + waiting for disk)

    def busy(self) -> float | None:
        now, last = self._read(), self._last
        self._last = now
        if now is None or last is None or now[0] <= last[0]:
            return None
        return 1 - (now[1] - last[1]) / (now[0] - last[0])


class SessionKernelManager(AsyncMappingKernelManager):
    """AsyncMappingKernelManager whose culling spares a kernel for ``connect_grace`` seconds
    after the culler first finds it without a page, or after its page disconnected."""

    connect_grace = Integer(
        120,
        config=True,
        help="Seconds a kernel is spared after its page disconnected, or before any page "
        "connected to it.",
    )

    fill_when_idle = Float(
        30.0,
        config=True,
        help="A kernel started for the pre-heated pool before any page asks for it waits "
        "until the machine is idle (CPU use under idle_below), at most this many seconds; 0 "
        "starts it at once (Voila's own rule). A page that takes a waiting kernel starts it.",
    )
    idle_below = Float(
        0.5,
        config=True,
        help="The machine counts as idle while its CPUs are busy less than this (0 to 1).",
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._unconnected_since: dict[str, float] = {}  # kernel id -> when first found so
        self._idle_start_at = 0.0  # when a pool kernel last started because the machine was idle

    # -- the pre-heated pool: refilled when the machine has room -----------------------------
    def waiting_in_pool(self, task: asyncio.Task | None) -> bool:
        """True while ``task`` (a pool kernel being made) is in Voila's pool, not yet taken
        by a page. (VoilaKernelManager, which Voila builds on this class, keeps ``_pools``.)"""
        pools = getattr(self, "_pools", None) or {}
        return task is not None and any(task in pool for pool in pools.values())

    async def wait_for_room(self, task: asyncio.Task | None, meter: CpuMeter | None = None) -> str:
        """Wait until the machine is idle, a page takes ``task``, or ``fill_when_idle`` seconds
        have passed; says which ("idle", "taken", "waited", or "unknown" without a CPU meter).
        One waiting kernel at a time starts on idle: the next one waits for idle again."""
        meter = meter or CpuMeter()
        start = time.monotonic()
        window_start, quiet = start, 0
        while True:
            if not self.waiting_in_pool(task):
                return "taken"
            now = time.monotonic()
            if now - start >= self.fill_when_idle:
                return "waited"
            if now - window_start >= IDLE_WINDOW_S:
                busy = meter.busy()
                if busy is None:
                    return "unknown"
                quiet = quiet + 1 if busy < self.idle_below else 0
                window_start = now
                spaced = now - self._idle_start_at >= IDLE_WINDOW_S * IDLE_WINDOWS
                if quiet >= IDLE_WINDOWS and spaced:
                    self._idle_start_at = now
                    return "idle"
            await asyncio.sleep(IDLE_CHECK_S)

    def page_kernels(self) -> set[str]:
        """Kernels handed to pages (every running kernel that is not waiting in the pool)."""
        pooled = set()
        for pool in (getattr(self, "_pools", None) or {}).values():
            for f in pool:
                if f.done() and not f.cancelled() and f.exception() is None:
                    pooled.add(f.result().get("kernel_id"))
        return set(self._kernels) - pooled

    async def start_kernel(self, *args, **kwargs):
        env = kwargs.get("env") or {}
        pool_kernel = env.get("VOILA_PREHEAT") == "True"
        # the pool's first fill (no page served yet) has nothing to compete with
        if self.fill_when_idle > 0 and pool_kernel and self.page_kernels():
            why = await self.wait_for_room(asyncio.current_task())
            self.log.info("Starting a pre-heated kernel (%s)", why)
        return await super().start_kernel(*args, **kwargs)

    def notify_connect(self, kernel_id):
        self._unconnected_since.pop(kernel_id, None)
        super().notify_connect(kernel_id)

    def notify_disconnect(self, kernel_id):
        super().notify_disconnect(kernel_id)
        if not self._kernel_connections.get(kernel_id):
            self._unconnected_since[kernel_id] = time.monotonic()

    def in_grace(self, kernel_id: str) -> bool:
        """True while a kernel without a page is still spared."""
        if self._kernel_connections.get(kernel_id):
            self._unconnected_since.pop(kernel_id, None)
            return False
        since = self._unconnected_since.setdefault(kernel_id, time.monotonic())
        return time.monotonic() - since < self.connect_grace

    async def cull_kernel_if_idle(self, kernel_id):
        if kernel_id in self._kernels and self.in_grace(kernel_id):
            return None
        return await super().cull_kernel_if_idle(kernel_id)

    async def shutdown_kernel(self, kernel_id, *args, **kwargs):
        self._unconnected_since.pop(kernel_id, None)
        return await super().shutdown_kernel(kernel_id, *args, **kwargs)
