"""Named points where a soak may kill the publishing process (a test hook, off by default).

``bench/soak.py`` proves crash safety by killing a real process at a chosen point: between a
create call and its journal write, mid-upload, mid-harvest. The workflow calls ``reached``
at each of its checkpoints; unless ``GPF_KILL_AT`` names that point, nothing happens. When it
does, the process kills itself at once (SIGKILL where it exists, as an unlucky user's QGIS
would die: no ``finally``, no journal flush, no atexit).
"""

from __future__ import annotations

import os
import signal

KILL_ENV = "GPF_KILL_AT"


def reached(point: str) -> None:
    """Kill this process now when ``GPF_KILL_AT`` equals ``point``; otherwise do nothing."""
    wanted = os.environ.get(KILL_ENV)
    if not wanted or wanted != point:
        return
    # Windows has no SIGKILL; os.kill with SIGTERM there is TerminateProcess: just as abrupt.
    os.kill(os.getpid(), getattr(signal, "SIGKILL", signal.SIGTERM))
