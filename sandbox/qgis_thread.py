"""One long-lived thread for QGIS Server work.

QgsServer and the projects it renders are not thread safe, and layers made in one thread draw
nothing once that thread is gone (werkzeug runs each request in a new thread): all QGIS Server
work runs, one job at a time, in a single daemon thread that lives as long as the process.
"""

from __future__ import annotations

import queue
import threading
from concurrent.futures import Future


class QgisThread:
    """Runs callables one at a time in one daemon thread that lives as long as the process
    (a pool's worker is joined at exit, leaving QGIS objects bound to a dead thread)."""

    def __init__(self):
        self._jobs: queue.Queue = queue.Queue()
        self._thread = None
        self._start_lock = threading.Lock()

    def run(self, function):
        with self._start_lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._serve, name="sandbox-qgis-server", daemon=True
                )
                self._thread.start()
        done = Future()
        self._jobs.put((function, done))
        return done.result()

    def _serve(self):
        while True:
            function, done = self._jobs.get()
            try:
                done.set_result(function())
            except BaseException as error:  # handed to the waiting request thread
                done.set_exception(error)
