"""The zoom-level inspector dock: a WMTS layer's pyramid levels, the canvas set to each level's
exact resolution, and per-level checks (tiles over the data, similarity with the source layer
rendered locally) with a thumbnail strip and a PNG contact sheet."""

from __future__ import annotations

import os
from typing import Dict, List, Optional

from qgis.core import (
    QgsApplication,
    QgsDataSourceUri,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsRasterLayer,
)
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtGui import QColor, QIcon, QPixmap
from qgis.PyQt.QtWidgets import QFileDialog, QHeaderView, QListWidgetItem, QTableWidgetItem

from ..plugin.pyramid.grid import Level
from ..plugin.similarity import FAITHFUL_FROM
from ..plugin.wmts.contact_sheet import save_contact_sheet
from ..plugin.wmts.inspection_task import LevelInspectionTask
from ..plugin.wmts.inspector import LevelResult, why_not_comparable
from ..plugin.wmts.levels import (
    WEB_MERCATOR,
    extent_for_level,
    mercator_units_per_pixel,
    step_level,
)
from ..plugin.wmts.renders import TransformFailed, layer_extent_3857, layers_extent_3857
from ..plugin.wmts.tile_source import TileSource, tile_source_from_info
from .background import run_in_task
from .forms import form_class
from .layer_copy import layer_factory

FORM = form_class(os.path.join(os.path.dirname(__file__), "inspector_dock.ui"))
FLAG_COLOUR = QColor(255, 220, 220)


def _factory(source):
    """Builds the source in the task: one layer, or a map's layers (a list, top first)."""
    if source is None:
        return None
    if isinstance(source, list):
        makers = [layer_factory(layer) for layer in source]
        return lambda: [make() for make in makers]
    return layer_factory(source)


class ZoomInspectorDock(QgsDockWidget, FORM):
    inspectionFinished = pyqtSignal(list)  # noqa: N815 - Qt signal naming; [LevelResult]
    levelShown = pyqtSignal(int)  # noqa: N815

    def __init__(self, iface=None, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.setObjectName("GpfZoomInspectorDock")
        self.iface = iface
        self.wmtsLayerCombo.setFilters(QgsMapLayerProxyModel.Filter.RasterLayer)
        self.sourceLayerCombo.setFilters(QgsMapLayerProxyModel.Filter.VectorLayer)
        self.sourceLayerCombo.setAllowEmptyLayer(True)
        self.levelsTable.verticalHeader().hide()
        self.levelsTable.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.info = None
        self.not_comparable = ""
        self.capabilities_url = ""
        self.authcfg = ""  # a restricted layer's key configuration (plugin/wmts/key_config.py)
        self.tile_source: Optional[TileSource] = None
        self.levels: List[int] = []
        self.results: Dict[int, LevelResult] = {}
        self.current_level: Optional[int] = None
        self.task = None
        self.map_layers: list = []   # a published map: its layers, top first, drawn together
        self.previousButton.clicked.connect(lambda: self.step(-1))
        self.nextButton.clicked.connect(lambda: self.step(+1))
        self.inspectButton.clicked.connect(self.inspect_all)
        self.saveSheetButton.clicked.connect(self._choose_sheet_path)
        self.levelsTable.cellClicked.connect(lambda row, _col: self.go_to_level(self.levels[row]))
        self.wmtsLayerCombo.layerChanged.connect(self._wmts_layer_changed)
        self._update_enabled()

    # -- layers and levels -------------------------------------------------------------
    def canvas(self):
        return self.iface.mapCanvas() if self.iface is not None else None

    def wmts_layer(self):
        return self.wmtsLayerCombo.currentLayer()

    def source_layer(self):
        return self.sourceLayerCombo.currentLayer()

    def pick_layers_from_project(self) -> None:
        for layer in QgsProject.instance().mapLayers().values():
            if isinstance(layer, QgsRasterLayer) and layer.providerType() == "wms" and \
                    "tileMatrixSet" in layer.source():
                self.set_layers(layer, self.source_layer())
                return
        self.statusLabel.setText(self.tr("Add a WMTS layer to the project, or publish one."))

    def set_layers(self, wmts_layer, source_layer=None, info=None, map_layers=None) -> None:
        """``map_layers``: a map's layers (top first), compared together with the WMTS."""
        self.map_layers = list(map_layers or [])
        self.wmtsLayerCombo.blockSignals(True)
        self.wmtsLayerCombo.setLayer(wmts_layer)
        self.wmtsLayerCombo.blockSignals(False)
        if source_layer is not None:
            self.sourceLayerCombo.setLayer(source_layer)
        self.capabilities_url = self._capabilities_url_of(wmts_layer)
        uri = QgsDataSourceUri()
        uri.setEncodedUri(wmts_layer.source())
        self.authcfg = uri.authConfigId()
        if info is not None:
            self.use_info(info)
        else:
            self._fetch_info(wmts_layer)

    def _wmts_layer_changed(self, layer) -> None:
        if layer is not None:
            self.set_layers(layer, self.source_layer())

    @staticmethod
    def _capabilities_url_of(layer) -> str:
        """The URL QGIS reads the layer from (a restricted layer's key is in its authcfg)."""
        uri = QgsDataSourceUri()
        uri.setEncodedUri(layer.source())
        return uri.param("url") or layer.customProperty(
            "gpf_wmts_publisher/capabilities_url", "")

    def _fetch_info(self, layer) -> None:
        from .wmts_layer import layer_info_task_function

        uri = QgsDataSourceUri()
        uri.setEncodedUri(layer.source())
        name = layer.customProperty("gpf_wmts_publisher/layer_name", "") or uri.param("layers")
        self.statusLabel.setText(self.tr("Reading the WMTS capabilities…"))
        self.task = run_in_task(self.tr("Reading the WMTS capabilities"),
                                layer_info_task_function(
                                    self.capabilities_url, name, False,
                                    access_key=(lambda: self.authcfg) if self.authcfg else None),
                                lambda result: self.use_info(result[1]),
                                lambda message: self.statusLabel.setText(message))

    def use_info(self, info) -> None:
        """Lists the layer's pyramid levels (read from its capabilities)."""
        self.info = info
        self.not_comparable = why_not_comparable(info)
        from ..plugin.wmts.key_config import basic_headers

        self.tile_source = tile_source_from_info(
            info, self.capabilities_url,
            headers=basic_headers(self.authcfg) if self.authcfg else None)
        self.levels = sorted(lvl.zoom for lvl in info.levels if lvl.zoom is not None)
        self.results.clear()
        self.thumbnailStrip.clear()
        self.levelsTable.setRowCount(len(self.levels))
        for row, z in enumerate(self.levels):
            level = Level(z)
            values = [str(z), level.label.split(" · ")[1],
                      f"{level.resolution:.3f}", "", "", ""]
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setTextAlignment(int(Qt.AlignmentFlag.AlignRight
                                          | Qt.AlignmentFlag.AlignVCenter))
                self.levelsTable.setItem(row, column, item)
        self.statusLabel.setText(self.tr("{0}: {1} levels ({2}–{3}).").format(
            info.title, len(self.levels), self.levels[0] if self.levels else "–",
            self.levels[-1] if self.levels else "–"))
        if self.not_comparable:
            self.statusLabel.setText(self.statusLabel.text() + " " + self.not_comparable)
        self._update_enabled()

    def listed_levels(self) -> List[int]:
        return [int(self.levelsTable.item(row, 0).text())
                for row in range(self.levelsTable.rowCount())]

    def _update_enabled(self) -> None:
        has_levels = bool(self.levels)
        for button in (self.previousButton, self.nextButton):
            button.setEnabled(has_levels)
        self.inspectButton.setEnabled(has_levels and not self.not_comparable)
        self.saveSheetButton.setEnabled(bool(self.results))

    # -- stepping the canvas -----------------------------------------------------------
    def go_to_level(self, z: int, around=None) -> None:
        """The canvas at level ``z``'s exact resolution, around its current centre or
        ``around`` (a point and its CRS), in the level's CRS (where its tiles are drawn pixel
        for pixel) unless the project CRS is kept: then the resolution is the equivalent one at
        the centre."""
        canvas = self.canvas()
        if canvas is None:
            return
        if not self.keepProjectCrsCheck.isChecked():
            self._use_level_crs(canvas)
        settings = canvas.mapSettings()
        size = settings.outputSize()
        centre = canvas.center()
        if around is not None:
            from qgis.core import QgsCoordinateTransform

            point, crs = around
            centre = QgsCoordinateTransform(crs, settings.destinationCrs(),
                                            QgsProject.instance().transformContext()
                                            ).transform(point)
        rect = extent_for_level(z, centre, settings.destinationCrs(), size.width(),
                                size.height(), settings.transformContext())
        canvas.setExtent(rect)
        canvas.refresh()
        self.current_level = z
        if z in self.levels:
            self.levelsTable.selectRow(self.levels.index(z))
        self._show_comparison(z)
        self.levelShown.emit(z)

    def _use_level_crs(self, canvas) -> None:
        from qgis.core import QgsCoordinateReferenceSystem, QgsCoordinateTransform

        level_crs = QgsCoordinateReferenceSystem(
            self.info.matrix_set_crs if self.info is not None else WEB_MERCATOR)
        current = canvas.mapSettings().destinationCrs()
        if not level_crs.isValid() or current == level_crs:
            return
        centre = QgsCoordinateTransform(current, level_crs,
                                        QgsProject.instance().transformContext()).transform(
            canvas.center())
        canvas.setDestinationCrs(level_crs)
        canvas.setCenter(centre)

    def show_first_level(self, around_layer=None) -> None:
        """Centres the canvas on ``around_layer`` (the data) and shows the top level."""
        canvas = self.canvas()
        if canvas is None or not self.levels:
            return
        # The centre goes to go_to_level, not to canvas.setCenter first: on a canvas that never
        # had an extent, QGIS 3.40+ keeps a null one (centre NaN) whatever the centre set.
        around = (around_layer.extent().center(), around_layer.crs()) \
            if around_layer is not None else None
        self.go_to_level(self.levels[0], around)

    def step(self, direction: int) -> None:
        if not self.levels:
            return
        if self.current_level is None:
            canvas = self.canvas()
            from ..plugin.wmts.levels import nearest_level

            current = nearest_level(mercator_units_per_pixel(canvas.mapSettings()),
                                    self.levels) if canvas else self.levels[0]
            target = current if canvas is None else step_level(current, self.levels, direction)
        else:
            target = step_level(self.current_level, self.levels, direction)
        self.go_to_level(target)

    # -- checks ------------------------------------------------------------------------
    def inspect_all(self) -> None:
        wmts, source = self.wmts_layer(), self.source_layer()
        if not self.levels or wmts is None:
            return
        if self.not_comparable or wmts.providerType() != "wms":
            self.statusLabel.setText(self.not_comparable or self.tr(
                "This layer is not a WMTS: the inspector compares WMTS image tiles only."))
            return
        if self.map_layers:
            source = self.map_layers
        if source is not None:
            try:
                extent = layers_extent_3857(source)
            except TransformFailed as error:
                self.statusLabel.setText(str(error))
                return
        elif self.info is not None and self.info.bbox is not None:
            from ..plugin.pyramid.grid import bbox_4326_to_3857

            extent = tuple(bbox_4326_to_3857(self.info.bbox))
        else:
            extent = layer_extent_3857(wmts)
        self.results.clear()
        self.thumbnailStrip.clear()
        self.progressBar.setValue(0)
        task = LevelInspectionTask(
            self.levels, source=self.tile_source, data_extent_3857=extent, wmts_layer=None,
            wmts_uri=wmts.source(), source_layer=None,
            make_source_layer=_factory(source),
            transform_context=QgsProject.instance().transformContext())
        task.levelInspected.connect(self._on_level_inspected)
        task.progressChanged.connect(lambda value: self.progressBar.setValue(int(value)))
        task.taskCompleted.connect(self._on_inspection_done)
        task.taskTerminated.connect(self._on_inspection_done)
        self.task = task
        self.inspectButton.setEnabled(False)
        self.statusLabel.setText(self.tr("Checking {0} levels…").format(len(self.levels)))
        QgsApplication.taskManager().addTask(task)

    def _on_level_inspected(self, result: LevelResult) -> None:
        self.results[result.z] = result
        row = self.levels.index(result.z)
        tiles = result.tiles_summary()
        score = "–" if result.score is None else f"{result.score:.2f}"
        for column, value in ((3, tiles), (4, score), (5, result.verdict())):
            self.levelsTable.item(row, column).setText(value)
        for column in range(self.levelsTable.columnCount()):
            self.levelsTable.item(row, column).setBackground(
                FLAG_COLOUR if result.flagged else QColor(0, 0, 0, 0))
        if result.remote is not None:
            item = QListWidgetItem(QIcon(QPixmap.fromImage(result.remote)),
                                   f"{result.z} · {score}")
            item.setData(Qt.ItemDataRole.UserRole, result.z)
            self.thumbnailStrip.addItem(item)
        if result.z == self.current_level:
            self._show_comparison(result.z)
        self._update_enabled()

    def _on_inspection_done(self) -> None:
        self.inspectButton.setEnabled(bool(self.levels))
        flagged = [r.z for r in self.results.values() if r.flagged]
        if flagged:
            text = self.tr("Levels to look at: {0}.").format(
                ", ".join(str(z) for z in sorted(flagged)))
        else:
            text = self.tr("Every level holds tiles and matches the source.")
        scored = [r for r in self.results.values() if r.score is not None]
        if scored:
            worst = min(scored, key=lambda r: r.score)
            text += " " + self.tr("Similarity counts as faithful from {0:.2f}; worst: level "
                                  "{1} ({2:.2f}).").format(FAITHFUL_FROM, worst.z, worst.score)
        self.statusLabel.setText(text)
        self.inspectionFinished.emit([self.results[z] for z in sorted(self.results)])

    def _show_comparison(self, z: int) -> None:
        result = self.results.get(z)
        for label, image in ((self.remoteImage, result.remote if result else None),
                             (self.localImage, result.local if result else None)):
            if image is None:
                label.clear()
            else:
                label.setPixmap(QPixmap.fromImage(image).scaled(
                    label.width(), label.height(), Qt.AspectRatioMode.KeepAspectRatio))

    # -- contact sheet -----------------------------------------------------------------
    def _choose_sheet_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the contact sheet"),
                                              "contact-sheet.png", self.tr("PNG images (*.png)"))
        if path:
            self.save_contact_sheet(path)

    def save_contact_sheet(self, path: str) -> str:
        title = self.info.title if self.info is not None else ""
        saved = save_contact_sheet([self.results[z] for z in sorted(self.results)], path,
                                   title=title)
        self.statusLabel.setText(self.tr("Contact sheet saved to {0}.").format(saved))
        return saved
