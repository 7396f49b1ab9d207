"""No core dumps: the one place that turns them off, for the program and its reader child.

Kept in domain/ (plain standard library, no Qt, no SQL) so that both hardening.py and the
reader child in migration/ can call it without breaking the layer rules.
"""

from __future__ import annotations

import contextlib
import sys

_PR_SET_DUMPABLE = 4
_PR_GET_DUMPABLE = 3


def disable_core_dumps() -> None:
    """RLIMIT_CORE 0 (inherited by children) and, on Linux, not dumpable at all: a core
    pipe (systemd-coredump, apport) and ptrace by the same user are refused too.

    The dumpable flag is reset by exec, so a spawned or forkserver child must call this
    itself."""
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    except (ImportError, ValueError, OSError):
        pass  # Windows: no rlimits; Windows Error Reporting is a system setting (privacy.md)
    if sys.platform.startswith("linux"):
        import ctypes

        with contextlib.suppress(OSError, AttributeError):
            ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_DUMPABLE, 0, 0, 0, 0)


def dumpable() -> int | None:
    """PR_GET_DUMPABLE of this process (Linux), None elsewhere; for tests and diagnostics."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    return int(ctypes.CDLL(None, use_errno=True).prctl(_PR_GET_DUMPABLE, 0, 0, 0, 0))
