"""Processing's "Undo a publication": what a publication created, removed from its journal."""

from __future__ import annotations

from typing import Any, Dict

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterString,
)

from ..i18n import tr
from ..publish.spec import Publication
from ..publish.workflow import publication_error_text
from .algorithms import _PublicationAlgorithm
from .feedback import FeedbackCancel
from .help_texts import CONNECTION_HELP


class UndoPublication(_PublicationAlgorithm):
    """Removes what a publication created (from its journal), newest first."""

    needs_layer = False

    def name(self) -> str:
        return "undo"

    def displayName(self) -> str:
        return tr("Undo a publication")

    def shortHelpString(self) -> str:
        return tr(
            "<p>Removes everything a publication created, newest first: permission, WMTS "
            "offering and configuration, metadata, pyramid, WMS-V offering and configuration, "
            "style, stored data and upload. Running executions are aborted first. What was "
            "reused, not created (a stored data, a WMS-V, a pyramid), is kept, and the "
            "datasheet's metadata record is written back as it was. The publication is "
            "named by its datastore, datasheet and WMTS technical name.</p>") + tr(CONNECTION_HELP)

    def initAlgorithm(self, config=None) -> None:
        self._connection_parameters()
        self.addParameter(QgsProcessingParameterString(
            "DATASHEET", tr("Datasheet name (fiche de données)")))
        self.addParameter(QgsProcessingParameterString("WMTS_NAME",
                                                       tr("WMTS technical name")))
        self.addOutput(QgsProcessingOutputString("REMOVED", tr("Removed resources")))

    def _process(self, parameters, context, feedback) -> Dict[str, Any]:
        cancel = FeedbackCancel(feedback)
        api = self._api(parameters, context, cancel)
        name = self.parameterAsString(parameters, "WMTS_NAME", context)
        spec = Publication(
            datastore_id=self._datastore(api, parameters, context),
            datasheet_name=self.parameterAsString(parameters, "DATASHEET", context),
            wmts_name=name, wmsv_name="", pyramid_name="", wmsv_title="", wmts_title="",
            abstract="")
        workflow = self._workflow(api, spec, parameters, context, feedback, cancel)
        if not workflow.journal.exists_on_disk():
            raise QgsProcessingException(tr("No journal for this publication: nothing to undo."))
        try:
            removed = workflow.undo()
        except Exception as error:  # the platform's own words
            raise QgsProcessingException(publication_error_text(error)) from error
        for kind in removed:
            feedback.pushInfo(tr("removed {kind}").format(kind=kind))
        return {"REMOVED": ", ".join(removed)}
