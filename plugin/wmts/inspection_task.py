"""The zoom-level inspection in a QgsTask: every level one after the other, each result handed
to the GUI thread through a signal."""

from __future__ import annotations

import logging
from typing import Callable, List, Optional, Sequence

from qgis.core import QgsMapLayer, QgsTask
from qgis.PyQt.QtCore import QCoreApplication, pyqtSignal

from ..layers import ensure_crs_usable_in_this_thread
from .inspector import LevelResult, inspect_level
from .levels import Extent, level_resolution
from .renders import TransformFailed, layers_extent_3857, same_extent
from .tile_source import TileSource

LOG = logging.getLogger(__name__)


class LevelInspectionTask(QgsTask):
    """Inspects levels one after the other in the background.

    ``levelInspected`` carries a LevelResult; Qt queues it to the GUI thread, where the dock
    updates its widgets. The layers given must be clones owned by the task (a layer belongs to
    one thread at a time), or ``make_source_layer`` that builds one in the task; or give
    ``wmts_uri`` and the task builds the WMTS layer itself
    (the wms provider reads the capabilities when built: never on the GUI thread).
    """

    levelInspected = pyqtSignal(object)  # noqa: N815 - Qt signal naming

    def __init__(self, levels: Sequence[int], *, source: Optional[TileSource],
                 data_extent_3857: Extent, wmts_layer: Optional[QgsMapLayer],
                 source_layer: Optional[QgsMapLayer], session=None, render_px: int = 256,
                 transform_context=None, wmts_uri: str = "",
                 make_source_layer: Optional[Callable[[], QgsMapLayer]] = None):
        super().__init__(QCoreApplication.translate("LevelInspection", "Inspecting WMTS levels"),
                         QgsTask.Flag.CanCancel)
        self.levels = list(levels)
        self.source = source
        self.data_extent_3857 = data_extent_3857
        self.wmts_layer = wmts_layer
        self.wmts_uri = wmts_uri
        self.source_layer = source_layer
        self.make_source_layer = make_source_layer
        self.render_px = render_px
        self.transform_context = transform_context
        self._session = session
        self.results: List[LevelResult] = []

    def run(self) -> bool:
        # A worker thread on QGIS 3.40 may get cached CRSs PROJ cannot use (see plugin/layers).
        ensure_crs_usable_in_this_thread()
        session = self._session
        if session is None and self.source is not None:
            # The plugin's one HTTP path: QGIS's proxy and trusted CAs apply to the tiles too.
            from ..entrepot.network import network_session

            session = network_session()
        if self.wmts_layer is None and self.wmts_uri and self.source is None:
            from ..layers import open_raster_layer

            self.wmts_layer = open_raster_layer(self.wmts_uri, "wmts", "wms")
        built_here = self.source_layer is None and self.make_source_layer is not None
        if built_here:
            self.source_layer = self.make_source_layer()
        try:
            return self._inspect_every_level(session, self._transform_problem())
        finally:
            if built_here:
                self.source_layer = None  # deleted in the thread that built it

    def _transform_problem(self) -> str:
        """Why the source cannot be drawn where the levels are looked at, or "".

        The data extent was transformed on the GUI thread; the render happens here. Once, in a
        running QGIS, transforms did nothing in background tasks (an extent left in degrees,
        every local render blank, every level "differs"): check the same transform here."""
        if self.source_layer is None:
            return ""
        try:
            here = layers_extent_3857(self.source_layer, self.transform_context)
        except TransformFailed as error:
            return str(error)
        if not same_extent(here, self.data_extent_3857):
            return QCoreApplication.translate(
                "LevelInspection", "the source layer's extent in EPSG:3857 differs in the "
                "background task ({0}) from the map's ({1}): its coordinate transform does not "
                "work here; restart QGIS").format(
                ", ".join(f"{v:.0f}" for v in here),
                ", ".join(f"{v:.0f}" for v in self.data_extent_3857))
        return ""

    def _inspect_every_level(self, session, transform_problem: str) -> bool:
        for index, z in enumerate(self.levels):
            if self.isCanceled():
                return False
            if transform_problem:
                result = LevelResult(z=z, resolution=level_resolution(z),
                                     error=transform_problem)
            else:
                result = self._inspect(z, session)
            self.results.append(result)
            self.levelInspected.emit(result)
            self.setProgress(100.0 * (index + 1) / max(len(self.levels), 1))
        return True

    def _inspect(self, z: int, session) -> LevelResult:
        try:
            return inspect_level(
                z, source=self.source, session=session,
                data_extent_3857=self.data_extent_3857, wmts_layer=self.wmts_layer,
                source_layer=self.source_layer, render_px=self.render_px,
                transform_context=self.transform_context, cancelled=self.isCanceled,
            )
        except Exception as error:  # one level failing must not stop the rest
            LOG.exception("inspection of level %s failed", z)
            return LevelResult(z=z, resolution=level_resolution(z),
                               error=type(error).__name__)

    def finished(self, ok: bool) -> None:  # GUI thread
        # The layers were made for this task: delete them while QGIS (and GDAL) are alive.
        self.wmts_layer = None
        self.source_layer = None
        self.make_source_layer = None
