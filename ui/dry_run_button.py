"""The publish page's "Dry run" button: every check up to the first create call, in a task.

The report (plugin/publish/dry_run.py) goes to the page's log area; nothing is created and
no journal is written, so the trainee can try their names and settings before publishing.
"""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QPushButton

from ..plugin.i18n import tr
from .background import run_in_task


class DryRun:
    """Adds the button beside Publish on ``page`` (a PublishPage) and runs the dry run."""

    def __init__(self, page):
        self.page = page
        self.task = None
        self.report = None
        self.button = QPushButton(tr("Dry run (create nothing)"), page)
        self.button.setObjectName("dryRunButton")
        self.button.setToolTip(tr("Checks the style, the names against the platform, the "
                                  "metadata and the tile estimate, and lists what would be "
                                  "created. Nothing is created."))
        page.buttonsLayout.insertWidget(page.buttonsLayout.indexOf(page.cancelButton),
                                        self.button)
        self.button.clicked.connect(self.start)

    def start(self) -> None:
        from ..plugin.entrepot.api import EntrepotApi
        from ..plugin.publish.dry_run import dry_run
        from . import pages

        wizard = self.page.wizard()
        spec = wizard.publication(snapshot=True)   # the layer is read here, on its thread
        client, journal_dir, lang = wizard.session.client, wizard.journal_dir, pages.language()
        self.report = None
        self.button.setEnabled(False)
        self._show([tr("Dry run: checking…")])
        self.task = run_in_task(
            tr("Dry run of the publication"),
            lambda _task: dry_run(EntrepotApi(client), spec, journal_dir=journal_dir,
                                  lang=lang),
            on_success=self._done, on_failure=self._failed)

    def _done(self, report) -> None:
        self.report = report
        self.button.setEnabled(True)
        self._show(report.lines())

    def _failed(self, message: str) -> None:
        self.button.setEnabled(True)
        self._show([tr("Dry run failed: {0}").format(message)])

    def _show(self, lines) -> None:
        self.page.logEdit.setVisible(True)
        self.page.logEdit.setPlainText("\n".join(lines))
