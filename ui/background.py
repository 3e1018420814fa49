"""Run one function in a QgsTask and get its result back on the GUI thread by signal.

The GUI never waits on the network: dialogs hand a function to ``run_in_task`` and connect
``succeeded`` / ``failed``. QgsTask.finished() runs on the GUI thread, so the signals are
emitted there and slots may touch widgets.
"""

from __future__ import annotations

import logging
from typing import Any, Callable, Optional

from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal

from ..plugin.error_messages import user_error_text

LOG = logging.getLogger(__name__)


def error_text(error: BaseException) -> str:
    """The words to show the user: translated by the error's kind, then the platform's."""
    return user_error_text(error)


class FunctionTask(QgsTask):
    """``function(task)`` runs in a worker thread; its return value or error comes back."""

    succeeded = pyqtSignal(object)
    failed = pyqtSignal(str)

    def __init__(self, description: str, function: Callable[[QgsTask], Any],
                 flags=QgsTask.Flag.CanCancel):
        super().__init__(description, flags)
        self._function = function
        self.result: Any = None
        self.error: Optional[BaseException] = None

    def run(self) -> bool:
        try:
            self.result = self._function(self)
        except Exception as error:  # reported to the GUI by finished()
            LOG.warning("%s failed: %s", self.description(), type(error).__name__)
            self.error = error
            return False
        return True

    def finished(self, ok: bool) -> None:  # GUI thread
        # Drop the function now: its closure may hold a layer clone, which must be deleted
        # while QGIS (and GDAL) are alive, not whenever Python collects this task.
        self._function = None
        if ok:
            self.succeeded.emit(self.result)
        elif self.error is not None:
            self.failed.emit(error_text(self.error))
        else:
            self.failed.emit(QCoreApplication.translate("FunctionTask", "Cancelled"))


_RUNNING = set()  # keeps Python wrappers alive until QGIS is done with the task


def _unless_window_closed(callback: Callable[[Any], None]) -> Callable[[Any], None]:
    """The window that started a task may be deleted before the task ends: its callback then
    finds dead widgets (a RuntimeError that, left in a Qt slot, would abort QGIS)."""

    def call(value: Any) -> None:
        try:
            callback(value)
        except RuntimeError as error:
            if "has been deleted" not in str(error):
                raise
            LOG.debug("a window closed before its task ended: %s", error)

    return call


def run_in_task(description: str, function: Callable[[QgsTask], Any],
                on_success: Optional[Callable[[Any], None]] = None,
                on_failure: Optional[Callable[[str], None]] = None) -> FunctionTask:
    task = FunctionTask(description, function)
    if on_success is not None:
        task.succeeded.connect(_unless_window_closed(on_success))
    if on_failure is not None:
        task.failed.connect(_unless_window_closed(on_failure))
    _RUNNING.add(task)
    task.taskCompleted.connect(lambda: _RUNNING.discard(task))
    task.taskTerminated.connect(lambda: _RUNNING.discard(task))
    QgsApplication.taskManager().addTask(task)
    return task
