"""Texts of the Processing algorithms' help: step labels and the connection paragraph."""

from __future__ import annotations

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP

STEP_LABELS = {
    "data": "1 · Upload the layer's data",
    "integration": "2 · Integrate the upload into a database",
    "style": "3 · Upload the SLD style",
    "wmsv": "4 · Publish the WMS-Vector service",
    "pyramid": "5 · Harvest the raster pyramid",
    "metadata": "6 · Upload and publish the metadata",
    "wmts": "7 · Publish the WMTS service",
    "restriction": "8 · Apply the access restriction",
    "tags": "9 · Tag everything for cartes.gouv.fr",
}

CONNECTION_HELP = QT_TRANSLATE_NOOP(
    "@default",
    "<p><b>Connection</b>: PLATFORM_URL is empty for the Géoplateforme configured in the "
    "plugin, or the base URL of a local sandbox (e.g. http://127.0.0.1:8765). AUTHCFG is a "
    "QGIS authentication configuration: Basic (login/password) or OAuth2 (QGIS signs in, "
    "in the browser for the authorization-code flow); with qgis_process "
    "the environment variables GPF_USERNAME and GPF_PASSWORD can be used instead. DATASTORE "
    "is the datastore id (empty: the datastore of your first community).</p>"
    "<p>The run writes a journal (JOURNAL_DIR, default beside the QGIS profile): running the "
    "same publication again resumes after the last finished step and never creates a "
    "resource twice.</p>")
