"""Page 6: "Tout public" or restricted; restriction is impossible in the sandbox datastore."""

from __future__ import annotations

from qgis.PyQt.QtCore import QDate
from qgis.PyQt.QtWidgets import QWizardPage

from . import load_form

FORM = load_form("access_page")
RESTRICTION_MONTHS = 6  # what cartes.gouv.fr grants by default


def has_private_wmts_endpoint(datastore_details) -> bool:
    for entry in (datastore_details or {}).get("endpoints") or []:
        endpoint = entry.get("endpoint") or {}
        if endpoint.get("type") == "WMTS-TMS" and not endpoint.get("open", True):
            return True
    return False


class AccessPage(QWizardPage, FORM):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.endDateEdit.setMinimumDate(QDate.currentDate().addDays(1))
        self.endDateEdit.setDate(QDate.currentDate().addMonths(RESTRICTION_MONTHS))
        self.restrictedRadio.toggled.connect(self._update_enabled)

    def initializePage(self) -> None:
        datastore = self.wizard().datastore()
        if datastore is not None and datastore.sandbox:
            reason = self.tr("The sandbox (\"Découverte\") datastore only publishes public "
                             "services: restriction needs your own datastore.")
        elif datastore is not None and not has_private_wmts_endpoint(datastore.details):
            reason = self.tr("This datastore has no private WMTS endpoint: the service can only "
                             "be public.")
        else:
            reason = ""
        self.restrictedRadio.setEnabled(not reason)
        if reason:
            self.publicRadio.setChecked(True)
        self.explanationLabel.setText(reason or self.tr(
            "A restricted service is published on the private endpoint and your community "
            "gets the access until the chosen date; users need a key."))
        self._update_enabled()

    def _update_enabled(self) -> None:
        restricted = self.restrictedRadio.isChecked()
        self.endDateEdit.setEnabled(restricted)
        self.licenceEdit.setEnabled(restricted)

    def end_date(self) -> str:
        """The last day of access the user chose, YYYY-MM-DD (the permission's end_date)."""
        return self.endDateEdit.date().toString("yyyy-MM-dd")

    def restricted(self) -> bool:
        return self.restrictedRadio.isEnabled() and self.restrictedRadio.isChecked()

    def validatePage(self) -> bool:
        return not (self.restrictedRadio.isChecked() and not self.restrictedRadio.isEnabled())
