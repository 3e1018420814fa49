"""What the zoom-level inspector checks for each level, without any widget.

For a level: a few GetTile requests over the data extent (do tiles exist where the data is?),
the WMTS layer and the source layer rendered side by side at that level's exact resolution, and
a similarity score between the two renders. ``LevelInspectionTask`` runs all of it in a
QgsTask and hands each level's result to the GUI thread through a signal. The contact sheet
puts the renders of every level on one PNG a trainer can show.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Sequence, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsMapLayer,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsProject,
    QgsRectangle,
    QgsTask,
)
from qgis.PyQt.QtCore import QCoreApplication, QSize, pyqtSignal
from qgis.PyQt.QtGui import QColor, QImage, QPainter

from .levels import (
    WEB_MERCATOR,
    Extent,
    level_extent,
    level_resolution,
    sample_tiles,
    tile_extent,
    tile_range,
)

LOG = logging.getLogger(__name__)

# Below this score a level is flagged as different from the source (style lost, scale
# visibility, wrong SLD); an empty level is flagged whatever its score.
DIFFERENT_BELOW = 0.6
# Two pixels count as the same colour within this RGB distance (JPEG noise, antialiasing).
SAME_COLOUR_DISTANCE = 60.0
# A pixel is "ink" when it is this far from the white background.
INK_DISTANCE = 24.0
COMPARE_SIZE = 128  # both renders are reduced to this square before comparison


# -- similarity -------------------------------------------------------------------------------
def _rgb_array(image: QImage, size: int):
    """The image composited on white and reduced to ``size``², as a float (h, w, 3) array."""
    import numpy as np

    flat = QImage(QSize(size, size), QImage.Format.Format_RGB32)
    flat.fill(QColor(255, 255, 255))
    painter = QPainter(flat)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    painter.drawImage(flat.rect(), image)
    painter.end()
    ptr = flat.constBits()
    ptr.setsize(flat.sizeInBytes())
    stride = flat.bytesPerLine()
    raw = np.frombuffer(bytes(ptr), dtype=np.uint8).reshape(size, stride)[:, : size * 4]
    bgra = raw.reshape(size, size, 4)
    return bgra[:, :, 2::-1].astype(float)  # BGRA in memory (little endian) → RGB


def ink_fraction(image: QImage) -> float:
    """Share of the image that is not background: 0 means an empty render or tile."""
    import numpy as np

    if image.isNull():
        return 0.0
    rgb = _rgb_array(image, COMPARE_SIZE)
    ink = np.linalg.norm(255.0 - rgb, axis=2) > INK_DISTANCE
    return float(ink.mean())


def image_similarity(local: QImage, remote: QImage) -> float:
    """How alike two renders of the same extent are, 0 (nothing alike) to 1 (same).

    Counted over the pixels that are ink in either image, so a small feature on a wide white
    background is not "similar" just because both are mostly white. Two empty images score 1
    (nothing was lost); one empty and one not scores 0.
    """
    import numpy as np

    if local.isNull() or remote.isNull():
        return 0.0
    a = _rgb_array(local, COMPARE_SIZE)
    b = _rgb_array(remote, COMPARE_SIZE)
    ink = (np.linalg.norm(255.0 - a, axis=2) > INK_DISTANCE) | (
        np.linalg.norm(255.0 - b, axis=2) > INK_DISTANCE
    )
    if not ink.any():
        return 1.0
    # Blurred colours: a one-pixel shift or a thinner outline (another renderer, another DPI)
    # is not a difference; another colour or a missing feature still is.
    same = np.linalg.norm(_box_blur(a) - _box_blur(b), axis=2) <= SAME_COLOUR_DISTANCE
    return float(same[ink].mean())


def _box_blur(rgb):
    """3×3 mean of each channel (edges repeated)."""
    import numpy as np

    padded = np.pad(rgb, ((1, 1), (1, 1), (0, 0)), mode="edge")
    height, width = rgb.shape[:2]
    total = sum(padded[dy:dy + height, dx:dx + width] for dy in range(3) for dx in range(3))
    return total / 9.0


# -- tiles ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class TileSource:
    """Enough of a WMTS layer to build GetTile requests (values read from the capabilities)."""

    url: str
    layer: str
    style: str
    tile_matrix_set: str
    image_format: str
    matrix_ids: Dict[int, str]  # PM level → TileMatrix identifier in the set
    params: Dict[str, str] = field(default_factory=dict)  # extra query parameters
    headers: Dict[str, str] = field(default_factory=dict)  # a restricted layer's key (secret)

    def get_tile_params(self, z: int, col: int, row: int) -> Dict[str, str]:
        query = {
            "SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0",
            "LAYER": self.layer, "STYLE": self.style, "TILEMATRIXSET": self.tile_matrix_set,
            "TILEMATRIX": self.matrix_ids[z], "TILEROW": str(row), "TILECOL": str(col),
            "FORMAT": self.image_format,
        }
        query.update(self.params)
        return query

    def __repr__(self) -> str:  # params may hold a key
        return f"TileSource(url={self.url!r}, layer={self.layer!r})"


@dataclass(frozen=True)
class TileCheck:
    col: int
    row: int
    found: bool
    blank: bool = False
    status: int = 0


def fetch_tile(session, source: TileSource, z: int, col: int, row: int,
               timeout_s: float = 15.0) -> TileCheck:
    """One GetTile: found when the server answers an image; blank when it is uniform."""
    try:
        reply = session.get(source.url, params=source.get_tile_params(z, col, row),
                            headers=source.headers or None,
                            timeout=timeout_s)
    except Exception as error:  # a network error means "not found" here
        LOG.warning("GetTile %s/%s/%s failed: %s", z, col, row, type(error).__name__)
        return TileCheck(col, row, found=False)
    is_image = reply.headers.get("Content-Type", "").startswith("image/")
    if reply.status_code != 200 or not is_image or not reply.content:
        return TileCheck(col, row, found=False, status=reply.status_code)
    image = QImage.fromData(reply.content)
    return TileCheck(col, row, found=not image.isNull(),
                     blank=image.isNull() or ink_fraction(image) == 0.0,
                     status=reply.status_code)


def fetch_tile_image(session, source: TileSource, z: int, col: int, row: int,
                     timeout_s: float = 15.0) -> Optional[QImage]:
    try:
        reply = session.get(source.url, params=source.get_tile_params(z, col, row),
                            headers=source.headers or None,
                            timeout=timeout_s)
    except Exception:  # a missing tile leaves its square white
        return None
    if reply.status_code != 200:
        return None
    image = QImage.fromData(reply.content)
    return None if image.isNull() else image


def stitch_tiles(session, source: TileSource, z: int, extent: Extent, size_px: int) -> QImage:
    """The WMTS as it is served at level ``z``: its own tiles over ``extent`` (EPSG:3857,
    drawn at the level's resolution), pasted together without resampling."""
    from qgis.PyQt.QtCore import QPointF

    resolution = level_resolution(z)
    image = QImage(QSize(size_px, size_px), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    tiles = tile_range(extent, z)
    for col in range(tiles.col_min, tiles.col_max + 1):
        for row in range(tiles.row_min, tiles.row_max + 1):
            tile = fetch_tile_image(session, source, z, col, row)
            if tile is None:
                continue
            xmin, _ymin, _xmax, ymax = tile_extent(z, col, row)
            painter.drawImage(QPointF((xmin - extent[0]) / resolution,
                                      (extent[3] - ymax) / resolution), tile)
    painter.end()
    return image


# -- renders ----------------------------------------------------------------------------------
def render_layers(layers: Sequence[QgsMapLayer], extent: QgsRectangle,
                  crs: QgsCoordinateReferenceSystem, size: QSize,
                  transform_context=None) -> QImage:
    """Renders ``layers`` synchronously (safe in a task's thread) on a white background."""
    settings = QgsMapSettings()
    settings.setLayers(list(layers))
    settings.setDestinationCrs(crs)
    settings.setOutputSize(size)
    settings.setExtent(extent)
    settings.setBackgroundColor(QColor(255, 255, 255))
    settings.setOutputDpi(96)
    if transform_context is not None:
        settings.setTransformContext(transform_context)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(255, 255, 255))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.end()
    return image


@dataclass
class LevelResult:
    """Everything the inspector shows for one level."""

    z: int
    resolution: float
    tiles: List[TileCheck] = field(default_factory=list)
    local: Optional[QImage] = None
    remote: Optional[QImage] = None
    score: Optional[float] = None
    error: str = ""

    @property
    def tiles_found(self) -> int:
        return sum(1 for t in self.tiles if t.found)

    @property
    def empty(self) -> bool:
        """No tile found, or every found tile and the WMTS render are blank."""
        if self.tiles and self.tiles_found == 0:
            return True
        remote_blank = self.remote is not None and ink_fraction(self.remote) == 0.0
        return remote_blank and all(t.blank for t in self.tiles if t.found)

    @property
    def different(self) -> bool:
        return self.score is not None and self.score < DIFFERENT_BELOW

    @property
    def flagged(self) -> bool:
        return bool(self.error) or self.empty or self.different

    def verdict(self) -> str:
        if self.error:
            return QCoreApplication.translate("LevelInspection", "error: {0}").format(self.error)
        if self.empty:
            return QCoreApplication.translate("LevelInspection", "empty")
        if self.different:
            return QCoreApplication.translate("LevelInspection", "differs from the source")
        return QCoreApplication.translate("LevelInspection", "OK")


def inspect_level(z: int, *, source: Optional[TileSource], session, data_extent_3857: Extent,
                  wmts_layer: Optional[QgsMapLayer], source_layer: Optional[QgsMapLayer],
                  render_px: int = 256, max_tiles: int = 5, transform_context=None,
                  cancelled: Callable[[], bool] = lambda: False) -> LevelResult:
    """Checks one level: tiles over the data, both renders at the level's resolution, score."""
    result = LevelResult(z=z, resolution=level_resolution(z))
    if source is not None and session is not None:
        for col, row in sample_tiles(data_extent_3857, z, max_tiles):
            if cancelled():
                return result
            result.tiles.append(fetch_tile(session, source, z, col, row))
    has_remote = wmts_layer is not None or (source is not None and session is not None)
    if not has_remote or source_layer is None or cancelled():
        return result
    xmin, ymin, xmax, ymax = data_extent_3857
    centre = ((xmin + xmax) / 2, (ymin + ymax) / 2)
    view = level_extent(z, centre, render_px, render_px)
    extent = QgsRectangle(*view)
    crs = QgsCoordinateReferenceSystem(WEB_MERCATOR)
    size = QSize(render_px, render_px)
    result.local = render_layers([source_layer], extent, crs, size, transform_context)
    if source is not None and session is not None:
        result.remote = stitch_tiles(session, source, z, view, render_px)
    else:
        result.remote = render_layers([wmts_layer], extent, crs, size, transform_context)
    result.score = image_similarity(result.local, result.remote)
    return result


def layer_extent_3857(layer: QgsMapLayer, transform_context=None) -> Extent:
    """The layer's extent in EPSG:3857 (where the PM tiles are counted)."""
    mercator = QgsCoordinateReferenceSystem(WEB_MERCATOR)
    context = transform_context or QgsProject.instance().transformContext()
    rect = layer.extent()
    if layer.crs() != mercator:
        rect = QgsCoordinateTransform(layer.crs(), mercator, context).transformBoundingBox(rect)
    return (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())


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
        session = self._session
        if session is None and self.source is not None:
            import requests

            session = requests.Session()
        if self.wmts_layer is None and self.wmts_uri and self.source is None:
            from ..layers import open_raster_layer

            self.wmts_layer = open_raster_layer(self.wmts_uri, "wmts", "wms")
        built_here = self.source_layer is None and self.make_source_layer is not None
        if built_here:
            self.source_layer = self.make_source_layer()
        try:
            return self._inspect_every_level(session)
        finally:
            if built_here:
                self.source_layer = None  # deleted in the thread that built it

    def _inspect_every_level(self, session) -> bool:
        for index, z in enumerate(self.levels):
            if self.isCanceled():
                return False
            try:
                result = inspect_level(
                    z, source=self.source, session=session,
                    data_extent_3857=self.data_extent_3857, wmts_layer=self.wmts_layer,
                    source_layer=self.source_layer, render_px=self.render_px,
                    transform_context=self.transform_context, cancelled=self.isCanceled,
                )
            except Exception as error:  # one level failing must not stop the rest
                LOG.exception("inspection of level %s failed", z)
                result = LevelResult(z=z, resolution=level_resolution(z),
                                     error=type(error).__name__)
            self.results.append(result)
            self.levelInspected.emit(result)
            self.setProgress(100.0 * (index + 1) / max(len(self.levels), 1))
        return True

    def finished(self, ok: bool) -> None:  # GUI thread
        # The layers were made for this task: delete them while QGIS (and GDAL) are alive.
        self.wmts_layer = None
        self.source_layer = None
        self.make_source_layer = None


def tuple_extent(rect: QgsRectangle) -> Tuple[float, float, float, float]:
    return (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())


# The contact sheet has its own module (this one stays under 400 lines); importers keep
# reading it from here.
from .contact_sheet import contact_sheet, save_contact_sheet  # noqa: E402, F401
