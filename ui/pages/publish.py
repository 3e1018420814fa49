"""Page 7: publish, with each step's state, determinate progress, elapsed time, logs on failure,
Cancel; on arrival the journal is compared with the platform and only the offers that make
sense are shown (Publish, Resume, Update, Start again: plugin/publish/reopen.py)."""

from __future__ import annotations

import time

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer, pyqtSignal
from qgis.PyQt.QtGui import QColor
from qgis.PyQt.QtWidgets import QHeaderView, QTreeWidgetItem, QWizardPage

from . import load_form

FORM = load_form("publish_page")

CONTEXT = "PublishPage"
STEP_TITLES = {  # the workflow's step names, in the guide's words
    "data": QT_TRANSLATE_NOOP("PublishPage", "Upload the data"),
    "integration": QT_TRANSLATE_NOOP("PublishPage", "Integrate the data into the database"),
    "style": QT_TRANSLATE_NOOP("PublishPage", "Upload the style (SLD)"),
    "wmsv": QT_TRANSLATE_NOOP("PublishPage", "Publish the WMS-Vector service"),
    "pyramid": QT_TRANSLATE_NOOP("PublishPage", "Harvest the raster tile pyramid"),
    "metadata": QT_TRANSLATE_NOOP("PublishPage", "Publish the metadata"),
    "wmts": QT_TRANSLATE_NOOP("PublishPage", "Publish the WMTS service"),
    "restriction": QT_TRANSLATE_NOOP("PublishPage", "Restrict the access"),
    "tags": QT_TRANSLATE_NOOP("PublishPage", "Group in the datasheet (tags)"),
}
STEP_TITLES["preflight"] = QT_TRANSLATE_NOOP("PublishPage", "Check the names and settings")
STEP_TITLES["undo"] = QT_TRANSLATE_NOOP("PublishPage", "Remove what the earlier run left")
STEP_TITLES.update({   # the steps of an update in place (plugin/publish/update_steps.py)
    "wmsv_switch": QT_TRANSLATE_NOOP("PublishPage", "Switch the WMS-V to the new version"),
    "wmts_switch": QT_TRANSLATE_NOOP("PublishPage", "Switch the WMTS to the new pyramid"),
    "cleanup": QT_TRANSLATE_NOOP("PublishPage", "Remove the replaced versions"),
})
STATE_NAMES = {
    "waiting": QT_TRANSLATE_NOOP("PublishPage", "waiting"),
    "running": QT_TRANSLATE_NOOP("PublishPage", "running"),
    "done": QT_TRANSLATE_NOOP("PublishPage", "done"),
    "failed": QT_TRANSLATE_NOOP("PublishPage", "failed"),
    "cancelled": QT_TRANSLATE_NOOP("PublishPage", "cancelled"),
}
STATE_COLOURS = {"done": QColor(0, 120, 0), "running": QColor(0, 70, 160),
                 "failed": QColor(192, 0, 0), "cancelled": QColor(179, 89, 0)}


class PublishPage(QWizardPage, FORM):
    publishedResult = pyqtSignal(object)  # noqa: N815 - Qt signal naming

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.task = None
        self.result = None
        self.state = "ready"  # ready → running → published | failed | cancelled
        self._started = None
        self._items = {}
        self.clock = QTimer(self)
        self.clock.setInterval(500)
        self.clock.timeout.connect(self._show_elapsed)
        from ...plugin.publish.reopen import PUBLISH, RESUME, START_AGAIN
        from ..dry_run_button import DryRun
        from ..reopen_offers import ReopenOffers

        self.publishButton.clicked.connect(lambda: self.start(PUBLISH))
        self.resumeButton.clicked.connect(lambda: self.start(RESUME))
        self.cancelButton.clicked.connect(self.cancel)
        self.offers = ReopenOffers(self)
        self.offers.startAgainButton.clicked.connect(lambda: self.start(START_AGAIN))
        self.dry_run = DryRun(self)
        self.progressBar.setRange(0, 100)
        self.stepsTree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)

    def step_title(self, name: str) -> str:
        if name not in STEP_TITLES:
            return name
        return QCoreApplication.translate(CONTEXT, STEP_TITLES[name])

    @staticmethod
    def state_text(state: str) -> str:
        return QCoreApplication.translate(CONTEXT, STATE_NAMES.get(state, state))

    def initializePage(self) -> None:
        wizard = self.wizard()
        spec = wizard.publication()
        self.summaryLabel.setText(self.tr(
            "WMTS \"{0}\" (levels {1}–{2}) in datastore \"{3}\"; access: {4}.").format(
            spec.wmts_title, spec.top_level, spec.bottom_level,
            wizard.datastore().name if wizard.datastore() else spec.datastore_id,
            self.tr("restricted") if spec.restricted else self.tr("public")))
        self.state = "ready"
        self.resultLabel.clear()
        wizard.carry_journal(spec)
        self._fill_steps(wizard.new_task(spec))
        self.offers.look(self.task, self._journal(self.task))

    def _journal(self, task):
        from ...plugin.publish.journal import Journal

        return Journal.open(task.spec.datastore_id, task.spec.journal_key,
                            self.wizard().journal_dir)

    def _fill_steps(self, task) -> None:
        from ...plugin.publish.steps import STEP_CLASSES

        self.task = task
        self._current_step = ""
        self.stepsTree.clear()
        self._items = {}
        journal = self._journal(task)
        done = {cls.name for cls in STEP_CLASSES if journal.is_done(cls.name)}
        for name in (cls.name for cls in STEP_CLASSES):
            item = QTreeWidgetItem([self.step_title(name),
                                    self.state_text("done" if name in done else "waiting")])
            if name in done:
                item.setForeground(1, STATE_COLOURS["done"])
            self.stepsTree.addTopLevelItem(item)
            self._items[name] = item
        self.cancelButton.setEnabled(False)
        self.progressBar.setValue(0)
        self.logEdit.clear()
        self.logEdit.setVisible(False)

    # -- run ---------------------------------------------------------------------------
    def start(self, offer: str = "resume") -> None:
        """Run the task for ``offer`` (reopen.PUBLISH, RESUME or START_AGAIN)."""
        if self.state == "running":
            return
        if self.state in ("failed", "cancelled"):  # a new task resumes from the journal
            self._fill_steps(self.wizard().new_task(self.wizard().publication()))
        self.wizard().stop_looking()
        self.task.before_run = self.offers.preparation(offer)
        self.run_task(self.task)

    def run_task(self, task, on_updated=None) -> None:
        """Follow ``task``: a PublishTask, or an UpdateTask (its ``updated`` result goes to
        ``on_updated``)."""
        self.task = task
        task.progressChanged.connect(lambda percent: self.progressBar.setValue(int(percent)))
        task.step_progress.connect(self._on_step_progress)
        if on_updated is not None:
            task.updated.connect(on_updated)
            self.stepsTree.clear()   # an update has steps of its own, listed as they come
            self._items = {}
        else:
            task.published.connect(self._on_published)
        task.failed.connect(self._on_stopped)
        self.state = "running"
        self._started = time.monotonic()
        self.clock.start()
        self.offers.enable(False)
        self.cancelButton.setEnabled(True)
        self.resultLabel.clear()
        QgsApplication.taskManager().addTask(task)
        self.completeChanged.emit()

    def cancel(self) -> None:
        if self.task is not None and self.state == "running":
            self.cancelButton.setEnabled(False)
            self.task.cancel()

    def _set_state(self, step: str, state: str) -> None:
        item = self._items.get(step)
        if item is None:
            return
        item.setText(1, self.state_text(state))
        if state in STATE_COLOURS:
            item.setForeground(1, STATE_COLOURS[state])
        else:   # back to the tree's own colour
            item.setData(1, Qt.ItemDataRole.ForegroundRole, None)

    def _on_step_progress(self, step: str, message: str) -> None:
        self._current_step = step
        if step not in self._items and step in STEP_TITLES:
            self._items[step] = QTreeWidgetItem([self.step_title(step), ""])
            self.stepsTree.addTopLevelItem(self._items[step])
        for name, item in self._items.items():
            if name == step:
                self._set_state(name, "done" if message == "done" else "running")
                if message and message not in ("done", "started"):
                    item.setToolTip(1, message)
            elif item.text(1) == self.state_text("running"):
                self._set_state(name, "done")

    def _finish(self, state: str) -> None:
        self.state = state
        self.clock.stop()
        self._show_elapsed()
        self.cancelButton.setEnabled(False)
        self.completeChanged.emit()

    def _on_published(self, result) -> None:
        for name in self._items:
            self._set_state(name, "done")
        self.progressBar.setValue(100)
        self.result = result
        self._finish("published")
        self.resultLabel.setText(self.tr("PUBLISHED: {0} — <a href=\"{1}\">capabilities</a>")
                                 .format(result.wmts_layer_name, result.capabilities_url))
        self.publishedResult.emit(result)

    def _on_stopped(self, message: str, logs) -> None:
        if getattr(self.task, "was_cancelled", False):
            self._on_cancelled(self._current_step)
        else:
            self._on_failed(self._current_step, message, logs)

    def _on_failed(self, step: str, message: str, logs=()) -> None:
        step = step or self._failed_step()
        self._set_state(step, "failed")
        self._finish("failed")
        if step:
            self.resultLabel.setText(self.tr("The step \"{0}\" failed: {1}").format(
                self.step_title(step), without_step_code(message, step)))
        else:
            self.resultLabel.setText(self.tr("The publication failed: {0}").format(message))
        self.logEdit.setVisible(True)
        self.logEdit.setPlainText(self._journal_log(message, logs))
        self.offers.after_stop()
        self.wizard().name_refused(getattr(self.task, "error", None), step)

    def _failed_step(self) -> str:
        """The step the run was in when no progress named it (the checks before the first
        step: "preflight")."""
        workflow = getattr(self.task, "workflow", None)
        return workflow.ctx.current_step if workflow is not None else ""

    def _on_cancelled(self, step: str) -> None:
        step = step or self._failed_step()
        self._set_state(step, "cancelled")
        self._finish("cancelled")
        self.resultLabel.setText(self.tr("Cancelled during \"{0}\": nothing is lost, Resume "
                                         "continues where it stopped.").format(
            self.step_title(step)))
        self.offers.after_stop()

    def _journal_log(self, message: str, logs=()) -> str:
        lines = [message, *logs, ""]
        for name, entry in self._journal(self.task).step_entries().items():
            detail = entry.get("error", "")
            lines.append(f"{name}: {entry.get('status', '')} {detail}".rstrip())
        return "\n".join(lines)

    def _show_elapsed(self) -> None:
        if self._started is not None:
            seconds = int(time.monotonic() - self._started)
            self.elapsedLabel.setText(self.tr("Elapsed: {0} min {1:02d} s").format(
                seconds // 60, seconds % 60))

    def isComplete(self) -> bool:
        """Published by this page, or found online with these very settings (Finish)."""
        decision = self.offers.decision
        online = self.state == "ready" and decision is not None and decision.row == 7
        return self.state == "published" or online


def without_step_code(message: str, step: str) -> str:
    """The error without its leading "[step]" code: this page names the step in words just
    before it (Processing, which does not, keeps the code)."""
    code = f"[{step}] "
    return message[len(code):] if step and message.startswith(code) else message
