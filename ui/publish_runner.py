"""Runs the publication Workflow in a QgsTask; its progress reaches the GUI by signals.

Signals are emitted from the worker thread; Qt queues them to the receivers' (GUI) thread,
so the wizard's slots may touch widgets. ``cancel()`` is safe from the GUI thread.
"""

from __future__ import annotations

import threading
import time
from typing import Optional

from qgis.core import QgsTask
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal

from .background import error_text


class WorkflowTask(QgsTask):
    progressed = pyqtSignal(float, str, str)  # percent, step, message
    published = pyqtSignal(object)  # PublishResult
    failed = pyqtSignal(str, str)  # step, message
    cancelled_at = pyqtSignal(str)  # step

    def __init__(self, client, spec, *, journal_dir: Optional[str] = None,
                 poll_first_s: float = 0.5, poll_max_s: float = 15.0):
        super().__init__(QCoreApplication.translate("WorkflowTask", "Publishing {0}").format(
            spec.wmts_name), QgsTask.Flag.CanCancel)
        from ..plugin.publish.gateway import Gateway
        from ..plugin.publish.transport import ClientTransport
        from ..plugin.publish.workflow import Workflow

        self.cancel_event = threading.Event()
        gateway = Gateway(ClientTransport(client, cancelled=self.cancel_event.is_set))
        self.workflow = Workflow(gateway, spec, journal_dir=journal_dir,
                                 progress=self._on_progress, cancel_event=self.cancel_event,
                                 poll_first_s=poll_first_s, poll_max_s=poll_max_s)
        self.result = None
        self.error_message = ""
        self.started_at: Optional[float] = None
        self.undo_requested = False

    def step_names(self):
        return self.workflow.step_names()

    def finished_steps(self):
        return self.workflow.finished_steps()

    def _on_progress(self, percent: float, step: str, message: str) -> None:
        self.setProgress(percent)
        self.progressed.emit(percent, step, message)

    def cancel(self) -> None:  # GUI thread
        self.workflow.cancel()
        super().cancel()

    def run(self) -> bool:
        from ..plugin.publish.errors import PublishCancelledError
        from ..plugin.publish.workflow import publication_error_text

        self.started_at = time.monotonic()
        try:
            self.result = self.workflow.run()
        except PublishCancelledError:
            self.cancelled_at.emit(self.workflow.ctx.current_step)
            return False
        except Exception as error:
            self.error_message = publication_error_text(error) or error_text(error)
            self.failed.emit(self.workflow.ctx.current_step, str(self.error_message))
            return False
        self.published.emit(self.result)
        return True
