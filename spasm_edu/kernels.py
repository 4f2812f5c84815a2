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
"""

from __future__ import annotations

import time

from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from traitlets import Integer


class SessionKernelManager(AsyncMappingKernelManager):
    """AsyncMappingKernelManager whose culling spares a kernel for ``connect_grace`` seconds
    after the culler first finds it without a page, or after its page disconnected."""

    connect_grace = Integer(
        120,
        config=True,
        help="Seconds a kernel is spared after its page disconnected, or before any page "
        "connected to it.",
    )

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._unconnected_since: dict[str, float] = {}  # kernel id -> when first found so

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
