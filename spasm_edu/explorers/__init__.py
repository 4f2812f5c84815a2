"""Widget explorers, one per cause, on the shared :class:`~spasm_edu.explorers.base.Explorer`."""

from spasm_edu.explorers.base import Explorer

__all__ = ["Explorer"]
