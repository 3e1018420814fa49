"""A technical name checked against the platform on the page where it is typed: a short
pause after the last key, then one look-up in a task (plugin/publish/name_check.py); the
answer goes under the field, in the page's FieldErrors. The page only shows it."""

from __future__ import annotations

from typing import Optional

from qgis.PyQt.QtCore import QTimer

from ..plugin.i18n import tr
from .background import run_in_task

DEBOUNCE_MS = 600


class NameWatch:
    """Watches ``edit`` (a QLineEdit) of ``page`` for the name ``field`` (datasheet_name,
    wmsv_name, wmts_name, pyramid_name); ``key`` is the field's FieldErrors entry."""

    def __init__(self, page, field: str, edit, key: str):
        self.page, self.field, self.edit, self.key = page, field, edit, key
        self.verdict = None          # the answer for the text now in the field, or None
        self.task = None
        self._asked = 0
        self.timer = QTimer(page)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.check_now)
        edit.textEdited.connect(self._typed)
        edit.textChanged.connect(self._changed)

    def stop(self) -> None:
        """No look-up starts, and an answer still on its way is dropped: once a run creates
        the services, a look-up begun before the journal knew them would call them taken."""
        self.timer.stop()
        self._asked += 1

    def soon(self) -> None:
        """Check what the field holds after the debounce (a page just filled it)."""
        self.timer.start()

    def _changed(self, _text: str) -> None:
        self.verdict = None
        self._asked += 1      # an answer for an older text is dropped

    def _typed(self, _text: str) -> None:
        self.timer.start()

    def check_now(self) -> None:
        from ..plugin.publish import naming
        from . import pages

        wizard = self.page.wizard()
        session, datastore = wizard.session, wizard.datastore()
        name = self.edit.text().strip()
        prefix = wizard.layer_name_prefix() if self.field in ("wmsv_name", "wmts_name") else None
        if (not name or session is None or not session.connected or datastore is None
                or naming.check_technical_name(name, self.field, prefix)):
            return   # the local rules speak first (validatePage); nothing to ask
        self._asked += 1
        asked, client, lang = self._asked, session.client, pages.language()
        ours = wizard.journal_resource_ids()

        def look_up(_task):
            from ..plugin.entrepot.api import EntrepotApi
            from ..plugin.publish.name_check import check_name

            return check_name(EntrepotApi(client, datastore.id), self.field, name, ours=ours,
                              lang=lang)

        def show(verdict) -> None:
            if asked != self._asked:
                return   # typed again meanwhile
            self.verdict = verdict
            self.page.errors.show(self.key, [verdict.message] if verdict.message else [])

        self.task = run_in_task(tr("Checking the name on the platform"), look_up,
                                show, lambda _message: None)

    def refusal(self) -> Optional[str]:
        """The platform's refusal of the name now typed, if the look-up said so."""
        verdict = self.verdict
        if verdict is not None and verdict.blocking and verdict.name == self.edit.text().strip():
            return verdict.message
        return None
