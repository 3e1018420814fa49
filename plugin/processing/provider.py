"""The "Géoplateforme WMTS" Processing provider."""

from __future__ import annotations

import os

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from .algorithms import all_algorithms

ICON = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(__file__))), "resources",
                    "icons", "icon.svg")


class GpfWmtsProvider(QgsProcessingProvider):
    def id(self) -> str:
        return "gpf_wmts"

    def name(self) -> str:
        return "Géoplateforme WMTS"

    def icon(self) -> QIcon:
        return QIcon(ICON)

    def loadAlgorithms(self) -> None:
        from ..layers import keep_task_threads_alive

        keep_task_threads_alive()   # qgis_process loads the provider without the plugin's GUI
        for algorithm in all_algorithms():
            self.addAlgorithm(algorithm)
