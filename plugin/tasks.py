"""QgsTask wrappers: the publication (and its undo) in QGIS's task manager.

The network only ever runs in ``run()`` (a worker thread). Everything a task needs is taken
on the GUI thread before it starts: the layer as a ``LayerSource`` snapshot inside the
``Publication``, and an API *factory* (the EntrepotApi itself is built in the worker thread).
Results and errors reach the GUI thread through signals emitted from ``finished()``.
"""

from __future__ import annotations

import threading
from typing import Callable, List, Optional

from qgis.core import QgsApplication, QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from .entrepot.api import EntrepotApi
from .i18n import tr
from .publish.errors import PublishCancelledError
from .publish.spec import Publication
from .publish.waiting import FIRST_DELAY_S, MAX_DELAY_S
from .publish.workflow import PublishResult, Workflow, publication_error_text

ApiFactory = Callable[[Callable[[], bool]], EntrepotApi]   # cancelled -> API


class _WorkflowTask(QgsTask):
    """Shared plumbing: cancel event, progress forwarding, error capture."""

    step_progress = pyqtSignal(str, str)      # step name, message (queued to the GUI thread)
    failed = pyqtSignal(str, list)           # message for the user, platform logs

    def __init__(self, description: str, api_factory: ApiFactory, spec: Publication,
                 *, journal_dir: Optional[str] = None, poll_first_s: float = FIRST_DELAY_S,
                 poll_max_s: float = MAX_DELAY_S):
        super().__init__(description, QgsTask.CanCancel)
        self.spec = spec
        self._api_factory = api_factory
        self._journal_dir = journal_dir
        self._poll = (poll_first_s, poll_max_s)
        self._cancel_event = threading.Event()
        self.workflow: Optional[Workflow] = None
        self.error_message = ""
        self.error: Optional[BaseException] = None   # what stopped the run (GUI reads kind)
        self.error_logs: List[str] = []
        self.was_cancelled = False

    def _build_workflow(self) -> Workflow:
        api = self._api_factory(self._cancel_event.is_set)
        return Workflow(api, self.spec, journal_dir=self._journal_dir,
                        progress=self._on_progress, cancel_event=self._cancel_event,
                        poll_first_s=self._poll[0], poll_max_s=self._poll[1])

    def _on_progress(self, percent: float, step: str, message: str) -> None:
        self.setProgress(percent)
        self.step_progress.emit(step, message)

    def cancel(self) -> None:
        self._cancel_event.set()
        super().cancel()

    def _capture(self, error: BaseException) -> None:
        self.error = error
        self.was_cancelled = isinstance(error, PublishCancelledError)
        self.error_message = (tr("Cancelled: the publication can be resumed or undone.")
                              if self.was_cancelled else publication_error_text(error))
        self.error_logs = list(getattr(error, "logs", []) or [])

    def _emit_failure(self) -> None:
        self.failed.emit(self.error_message or tr("The task stopped."), self.error_logs)


class PublishTask(_WorkflowTask):
    """Runs (or resumes) the publication; ``until`` stops after that step. ``before_run``
    (worker thread) gets the Workflow first: the offer chosen on reopening prepares its
    journal there (plugin/publish/reopen_survey.py)."""

    published = pyqtSignal(object)           # PublishResult, on the GUI thread

    def __init__(self, api_factory: ApiFactory, spec: Publication, *,
                 until: Optional[str] = None,
                 before_run: Optional[Callable[[Workflow], object]] = None, **options):
        super().__init__(tr("Publishing {name} as WMTS").format(name=spec.wmts_name),
                         api_factory, spec, **options)
        self.until = until
        self.before_run = before_run
        self.result: Optional[PublishResult] = None

    def run(self) -> bool:
        try:
            self.workflow = self._build_workflow()
            if self.before_run is not None:
                self.before_run(self.workflow)
            self.result = self.workflow.run(until=self.until)
            return True
        except Exception as error:  # reported through `failed` on the GUI thread
            self._capture(error)
            return False

    def finished(self, ok: bool) -> None:
        if ok and self.result is not None:
            self.published.emit(self.result)
        else:
            self._emit_failure()


class UndoTask(_WorkflowTask):
    """Removes what a publication created, newest first."""

    undone = pyqtSignal(list)                # kinds removed

    def __init__(self, api_factory: ApiFactory, spec: Publication, **options):
        super().__init__(tr("Removing the publication {name}").format(name=spec.wmts_name),
                         api_factory, spec, **options)
        self.removed: List[str] = []

    def run(self) -> bool:
        try:
            self.workflow = self._build_workflow()
            self.removed = self.workflow.undo()
            return True
        except Exception as error:  # reported through `failed` on the GUI thread
            self._capture(error)
            return False

    def finished(self, ok: bool) -> None:
        if ok:
            self.undone.emit(self.removed)
        else:
            self._emit_failure()


def start(task: QgsTask) -> QgsTask:
    """Hand ``task`` to QGIS's task manager (visible in its progress panel)."""
    QgsApplication.taskManager().addTask(task)
    return task
