"""The kernel manager of `make dashboard`: idle kernels are culled, never a page's fresh one.

Every page view of the Voila dashboard takes a kernel; Voila 0.5.13 asks for its shutdown when
the page is left, but only with an `_xsrf` cookie that it never sets, so in a browser that has
not visited a Jupyter server the kernel stays. voila.json therefore turns on Jupyter's culler
(idle kernels without a connection, after 10 minutes). One catch: a kernel that waited in Voila's
pool of preheated kernels looks idle since it ran the dashboard, and in the second or two between
a page taking it and the page connecting to it the culler would shut it down, leaving the page
undrawn. :class:`DashboardKernelManager` (voila.json's ``multi_kernel_manager_class``) marks the
pool's kernels as active on every round of the culler, so a page's kernel starts its idle time
when it leaves the pool. tests/test_dashboard_server.py checks both halves with a 8 s timeout.

The class subclasses jupyter_server's kernel manager, which Voila brings and the kit's package
does not need elsewhere: it is made when Voila first asks for it.

>>> from campaignkit.course import dashboard_kernels
>>> [c.__name__ for c in dashboard_kernels.DashboardKernelManager.__mro__[:3]]
['DashboardKernelManager', 'PoolStaysFresh', 'AsyncMappingKernelManager']
"""

from __future__ import annotations

__all__ = ["PoolStaysFresh"]   # and DashboardKernelManager, made on first access


class PoolStaysFresh:
    """Mixin for Voila's kernel manager: the pool's kernels count as active when the culler runs."""

    async def cull_kernels(self):
        from jupyter_server._tz import utcnow

        now = utcnow()
        for pool in getattr(self, "_pools", {}).values():   # Voila's pools: futures of {"kernel_id": ...}
            for future in pool:
                if future.done() and not future.cancelled() and future.exception() is None:
                    kernel = self._kernels.get(future.result().get("kernel_id"))
                    if kernel is not None:
                        kernel.last_activity = now
        return await super().cull_kernels()


def __getattr__(name: str):
    if name == "DashboardKernelManager":
        from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager

        cls = type(name, (PoolStaysFresh, AsyncMappingKernelManager),
                   {"__module__": __name__, "__doc__": "jupyter_server's kernel manager with "
                    "PoolStaysFresh: Voila's preheated kernels are never culled on their way to a page."})
        globals()[name] = cls
        return cls
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
