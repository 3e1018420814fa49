"""One logger for the plugin; inside QGIS its records go to the message log panel.

Modules log with ``logging.getLogger(__name__)``; nothing here formats secrets: the entrepôt
client redacts them before they reach a record.
"""

from __future__ import annotations

import logging

LOGGER_NAME = "gpf_wmts_publisher"
MESSAGE_LOG_TAG = "Géoplateforme WMTS"


class QgsMessageLogHandler(logging.Handler):
    """Forwards log records to QgsMessageLog (thread safe: QgsMessageLog queues to the GUI)."""

    def emit(self, record: logging.LogRecord) -> None:
        from qgis.core import Qgis, QgsMessageLog

        if record.levelno >= logging.ERROR:
            level = Qgis.Critical
        elif record.levelno >= logging.WARNING:
            level = Qgis.Warning
        else:
            level = Qgis.Info
        try:
            QgsMessageLog.logMessage(self.format(record), MESSAGE_LOG_TAG, level)
        except Exception:  # logging must never raise into the caller
            self.handleError(record)


def install_qgis_log_handler() -> logging.Handler:
    """Route the plugin's logger (and its children) to QGIS's log panel."""
    handler = QgsMessageLogHandler()
    handler.setFormatter(logging.Formatter("%(name)s: %(message)s"))
    logger = logging.getLogger(LOGGER_NAME)
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return handler


def remove_log_handler(handler: logging.Handler) -> None:
    logging.getLogger(LOGGER_NAME).removeHandler(handler)
