"""The publish page's offers on arrival: the journal compared with the platform (in a task),
then only the buttons that make sense, each with its one-sentence explanation. The decision
is plugin/publish/reopen.py's; this class only shows it and hands the chosen offer's journal
preparation to the publication task."""

from __future__ import annotations

from functools import partial
from typing import Callable, Optional

from qgis.PyQt.QtWidgets import QLabel, QPushButton

from ..plugin.i18n import tr
from ..plugin.publish import reopen
from ..plugin.publish.reopen import PUBLISH, RESUME, START_AGAIN, UPDATE, Decision, Survey
from . import pages
from .background import run_in_task


class ReopenOffers:
    def __init__(self, page):
        self.page = page
        self.decision: Optional[Decision] = None
        self.task = None
        self._looking = 0
        self.label = QLabel(page)
        self.label.setObjectName("reopenLabel")
        self.label.setWordWrap(True)
        page.layout.insertWidget(page.layout.indexOf(page.stepsTree), self.label)
        self.startAgainButton = QPushButton(page)
        self.startAgainButton.setObjectName("startAgainButton")
        self.updateButton = QPushButton(page)
        self.updateButton.setObjectName("updateButton")
        for button in (self.updateButton, self.startAgainButton):
            page.buttonsLayout.insertWidget(page.buttonsLayout.indexOf(page.cancelButton),
                                            button)
        self.updateButton.clicked.connect(lambda: page.wizard().update_publication(
            self.decision))
        self.buttons = {PUBLISH: page.publishButton, RESUME: page.resumeButton,
                        UPDATE: self.updateButton, START_AGAIN: self.startAgainButton}
        self.show(None)

    # -- looking --------------------------------------------------------------------------
    def look(self, task, journal) -> None:
        """Compare ``journal`` (of ``task``'s publication) with the platform, then show."""
        from ..plugin.publish.steps import STEP_CLASSES

        snapshot, summary = journal.snapshot(), task.spec.summary()
        steps = [cls.name for cls in STEP_CLASSES]
        self._looking += 1
        looking = self._looking
        decide = partial(self._decided, looking, snapshot, summary, steps)
        if reopen.journal_state(snapshot, steps) in (reopen.NONE, reopen.UNDONE):
            decide(Survey())   # nothing on the platform to look at
            return
        self.show(None)
        self.label.setText(tr("Comparing this publication's journal with the "
                                        "platform…"))
        wizard = self.page.wizard()
        client, datastore_id = wizard.session.client, task.spec.datastore_id

        def look_up(_task):
            from ..plugin.entrepot.api import EntrepotApi
            from ..plugin.publish.reopen_survey import survey

            return survey(EntrepotApi(client, datastore_id), snapshot)

        self.task = run_in_task(tr("Comparing the journal with the platform"),
                                look_up, decide,
                                lambda message: decide(Survey(error=message)))

    def _decided(self, looking, snapshot, summary, steps, found: Survey) -> None:
        from ..plugin.publish.adopt import step_of

        if looking != self._looking:
            return   # the user came back with other settings meanwhile
        decision = reopen.decide(snapshot, found, summary, steps, step_of,
                                 lang=pages.language())
        self.show(decision)
        for step in decision.redo_steps:   # done once, gone since: not "done" any more
            self.page._set_state(step, "waiting")
        self.page.completeChanged.emit()   # online with these settings: Finish

    # -- showing --------------------------------------------------------------------------
    def show(self, decision: Optional[Decision]) -> None:
        self.decision = decision
        offers = decision.offers if decision is not None else ()
        for offer, button in self.buttons.items():
            button.setVisible(offer in offers)
            button.setEnabled(offer in offers)
            if decision is not None:
                button.setText(decision.label(offer))
                button.setToolTip(decision.explain(offer))
        if decision is None:
            self.label.clear()
            return
        lines = [decision.reason] if decision.row != 1 else []
        lines += [decision.explain(offer) for offer in offers if len(offers) > 1
                  or decision.row != 1]
        self.label.setText("\n".join(lines))

    def enable(self, enabled: bool) -> None:
        for button in self.buttons.values():
            button.setEnabled(enabled and button.isVisible())

    def after_stop(self) -> None:
        """A run of this page stopped (failed, cancelled): resume it as it is, or start
        again; what was compared on arrival no longer holds."""
        lang = pages.language()
        self.decision = None
        for offer, button in self.buttons.items():
            shown = offer in (RESUME, START_AGAIN)
            button.setVisible(shown)
            button.setEnabled(shown)
            button.setText(reopen.text("label_" + offer, lang))
            button.setToolTip(reopen.text(offer, lang))
        self.label.clear()

    def preparation(self, offer: str) -> Optional[Callable]:
        """What the task does to the journal before it runs ``offer``."""
        from ..plugin.publish.reopen_survey import prepare_resume, start_over

        decision = self.decision
        if offer == START_AGAIN or (offer == PUBLISH and decision is not None
                                    and decision.reset_journal):
            return start_over
        if offer == RESUME and decision is not None and (decision.gone or decision.redo_steps):
            return lambda workflow: prepare_resume(workflow.journal, decision)
        return None
