"""Page 4: pyramid technical name, visibility range (range slider over PM levels 0–21),
live tile/storage estimate per level, over-tiling warning, extent and tile format."""

from __future__ import annotations

from qgis.PyQt.QtWidgets import QSlider, QWizardPage

from ...plugin.pyramid import ZoomRange, advise, estimate_levels, human_bytes, total_bytes
from ...plugin.pyramid.grid import MAX_LEVEL, MIN_LEVEL, Level
from ...plugin.pyramid.zoom_range import DEFAULT_BOTTOM, DEFAULT_TOP
from ..field_errors import FieldErrors
from . import language, load_form

FORM = load_form("pyramid_page")
FORMATS = (("image/jpeg", "JPEG"), ("image/png", "PNG (transparency)"))


class PyramidPage(QWizardPage, FORM):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setupUi(self)
        self.zoomSlider.setRangeLimits(MIN_LEVEL, MAX_LEVEL)
        self.zoomSlider.setRange(DEFAULT_TOP, DEFAULT_BOTTOM)
        self.zoomSlider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.zoomSlider.setTickInterval(1)
        self.topSpin.setValue(DEFAULT_TOP)
        self.bottomSpin.setValue(DEFAULT_BOTTOM)
        for value, text in FORMATS:
            self.formatCombo.addItem(text, value)
        self.errors = FieldErrors(self.form, {"pyramid_name": self.pyramidNameEdit,
                                              "zoom": self.zoomSlider})
        self.zoomSlider.rangeChanged.connect(self._slider_moved)
        self.topSpin.valueChanged.connect(self._spin_changed)
        self.bottomSpin.valueChanged.connect(self._spin_changed)
        self.formatCombo.currentIndexChanged.connect(self.update_estimate)
        self.dataExtentRadio.toggled.connect(self.update_estimate)
        self._prefilled_for = None
        from ..name_watch import NameWatch

        self.name_watch = NameWatch(self, "pyramid_name", self.pyramidNameEdit, "pyramid_name")

    def initializePage(self) -> None:
        self.name_watch.soon()   # the proposed name too, once the page has filled it
        base = self.wizard().datasheet_name()
        if base != self._prefilled_for:
            self._prefilled_for = base
            self.pyramidNameEdit.setText(f"{base}_pyramide")
        from ...plugin.publish.sources import SourceKind

        # An existing WMS-V or stored data has a data extent too, read by the source page.
        has_layer = self.wizard().source_layer() is not None or \
            self.wizard().source_page.source_kind() in (SourceKind.WMSV,
                                                        SourceKind.STORED_DATA)
        self.dataExtentRadio.setEnabled(has_layer)
        if not has_layer:
            self.canvasExtentRadio.setChecked(True)
        self.update_estimate()

    # -- the range ---------------------------------------------------------------------
    def levels(self):
        return self.topSpin.value(), self.bottomSpin.value()

    def set_levels(self, top: int, bottom: int) -> None:
        self.topSpin.setValue(top)
        self.bottomSpin.setValue(bottom)

    def _slider_moved(self, lower: int, upper: int) -> None:
        for spin, value in ((self.topSpin, lower), (self.bottomSpin, upper)):
            spin.blockSignals(True)
            spin.setValue(value)
            spin.blockSignals(False)
        self.update_estimate()

    def _spin_changed(self) -> None:
        top, bottom = self.levels()
        if top <= bottom:
            self.zoomSlider.blockSignals(True)
            self.zoomSlider.setRange(top, bottom)
            self.zoomSlider.blockSignals(False)
        self.update_estimate()

    # -- the estimate ------------------------------------------------------------------
    def bbox_3857(self):
        from ...plugin.pyramid.qgis_extent import extent_to_bbox_3857

        layers = self.wizard().source_layers()   # a map: the union of its layers
        if self.dataExtentRadio.isChecked():
            if layers:
                boxes = [extent_to_bbox_3857(layer.extent(), layer.crs()) for layer in layers]
                return type(boxes[0])(min(b.xmin for b in boxes), min(b.ymin for b in boxes),
                                      max(b.xmax for b in boxes), max(b.ymax for b in boxes))
            # an existing WMS-V or stored data: its extent, once the source page read it
            extent = self.wizard().source_page.existing_extent_wgs84
            if extent is None:
                return None
            from ...plugin.pyramid.grid import Bbox4326, bbox_4326_to_3857

            return bbox_4326_to_3857(Bbox4326(*extent))
        canvas = self.wizard().canvas()
        if canvas is None:
            return None
        try:
            return extent_to_bbox_3857(canvas.extent(), canvas.mapSettings().destinationCrs())
        except ValueError:   # an empty project's canvas may have no valid CRS
            return None

    def extent_wgs84(self):
        from ...plugin.pyramid.qgis_extent import extent_to_bbox_4326

        if self.dataExtentRadio.isChecked():
            return None  # the publication takes the data's extent
        canvas = self.wizard().canvas()
        if canvas is None:
            return None
        return tuple(extent_to_bbox_4326(canvas.extent(),
                                         canvas.mapSettings().destinationCrs()))

    def image_format(self) -> str:
        return self.formatCombo.currentData()

    def update_estimate(self) -> None:
        top, bottom = self.levels()
        lang = language()
        self.rangeLabel.setText(self.tr("{0} to {1}").format(Level(top).label_for(lang),
                                                              Level(bottom).label_for(lang)))
        if top > bottom:
            self.estimateChart.set_estimates([])
            self.totalLabel.clear()
            self.warningLabel.clear()
            self.errors.show("zoom", [self._zoom_problems()[0]])
            return
        self.errors.show("zoom", [])
        bbox = self.bbox_3857()
        if bbox is None:
            self.estimateChart.set_estimates([])
            self.totalLabel.setText(self.tr("The tiles are counted when the extent is known."))
            return
        zoom = ZoomRange(top, bottom)
        estimates = estimate_levels(bbox, zoom, tile_format=self.image_format())
        self.estimateChart.set_estimates(
            [(e.level.z, e.tiles, human_bytes(e.bytes)) for e in estimates])
        tiles = sum(e.tiles for e in estimates)
        self.totalLabel.setText(self.tr("{0} tiles, about {1} in total.").format(
            f"{tiles:,}".replace(",", "\u202f"), human_bytes(total_bytes(estimates))))
        layers = self.wizard().source_layers()
        features = sum(layer.featureCount() for layer in layers) if layers else None
        advice = advise(zoom, bbox, feature_count=features)
        self.warningLabel.setText("\n".join(a.message(lang) for a in advice))

    # -- validation --------------------------------------------------------------------
    def _zoom_problems(self):
        from ...plugin.publish.naming import check_zoom_range

        return [p.message(language()) for p in check_zoom_range(*self.levels())]

    def problems(self):
        from ...plugin.publish.naming import check_technical_name

        found = {}
        names = check_technical_name(self.pyramidNameEdit.text(), "pyramid_name")
        if names:
            found["pyramid_name"] = [p.message(language()) for p in names]
        elif self.name_watch.refusal():
            found["pyramid_name"] = [self.name_watch.refusal()]
        zoom = self._zoom_problems() or self._over_tile_cap()
        if zoom:
            found["zoom"] = zoom
        return found

    def _over_tile_cap(self):
        """Beyond the platform's tile cap the harvest is refused: the page does not go on
        (the other advice stays a warning; Processing shares the rule, tile_limit.py)."""
        from ...plugin.pyramid.tile_limit import judge_tiles

        bbox = self.bbox_3857()
        if bbox is None:
            return []
        verdict = judge_tiles(ZoomRange(*self.levels()), bbox)
        return [a.message(language()) for a in verdict.refusals]

    def validatePage(self) -> bool:
        return self.errors.show_all(self.problems())
