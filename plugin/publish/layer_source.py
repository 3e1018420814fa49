"""What the workflow needs of a QGIS layer, taken once on the GUI thread.

QgsVectorLayer objects are not thread safe. ``LayerSource.from_layer`` runs on the GUI thread
and keeps plain values (source URI, provider, selection, style as QML, extent in WGS 84);
``open_layer`` builds a fresh layer in whichever thread runs the task.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass, field
from typing import Optional, Tuple

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsMapLayerStyle,
    QgsProject,
    QgsRectangle,
    QgsVectorFileWriter,
    QgsVectorLayer,
)

from ..layers import open_vector_layer

# Providers whose data lives in the layer object: copied to a GeoPackage at snapshot time.
IN_MEMORY_PROVIDERS = ("memory", "virtual")
WGS84 = "EPSG:4326"


@dataclass(frozen=True)
class LayerSource:
    name: str
    provider: str
    uri: str
    crs_authid: str
    crs_wkt: str
    crs_valid: bool
    feature_count: int
    extent_wgs84: Optional[Tuple[float, float, float, float]]
    style_qml: str = ""
    subset: str = ""
    selected_only: bool = False
    selected_ids: Tuple[int, ...] = ()
    field_names: Tuple[str, ...] = field(default_factory=tuple)
    # Where the CRS is meant to be used (west, south, east, north in degrees, from the CRS
    # database): coordinates far from it mean the layer declares the wrong CRS.
    crs_area_wgs84: Optional[Tuple[float, float, float, float]] = None
    # The layer's own source when ``uri`` is a copy made at snapshot time (a memory layer):
    # the same layer snapshot twice is the same data, not a new file.
    origin: str = ""
    # QGIS's scale-dependent visibility (QgsMapLayer.isInScaleRange): minimum_scale is the
    # most zoomed-out bound, maximum_scale the most zoomed-in; 0 = none.
    scale_visibility: bool = False
    minimum_scale: float = 0.0
    maximum_scale: float = 0.0

    @classmethod
    def from_layer(cls, layer: QgsVectorLayer, selected_only: bool = False,
                   scratch_dir: Optional[str] = None) -> LayerSource:
        """Snapshot ``layer`` (call on the thread that owns it, normally the GUI thread)."""
        provider, uri = layer.providerType(), layer.source()
        origin = ""
        selected = tuple(sorted(layer.selectedFeatureIds())) if selected_only else ()
        if provider in IN_MEMORY_PROVIDERS:
            origin = f"{provider}:{uri}"
            uri = _copy_to_geopackage(layer, scratch_dir)
            provider = "ogr"
        style = QgsMapLayerStyle()
        style.readFromLayer(layer)
        crs = layer.crs()
        count = len(selected) if selected_only else max(layer.featureCount(), 0)
        return cls(
            name=layer.name(), provider=provider, uri=uri, crs_authid=crs.authid(),
            crs_wkt=crs.toWkt(), crs_valid=crs.isValid(), feature_count=count,
            extent_wgs84=_extent_wgs84(layer, selected_only), style_qml=style.xmlData(),
            subset="" if "|subset=" in uri else layer.subsetString(),
            selected_only=selected_only, selected_ids=selected,
            field_names=tuple(f.name() for f in layer.fields()),
            crs_area_wgs84=_crs_area(crs), origin=origin,
            scale_visibility=layer.hasScaleBasedVisibility(),
            minimum_scale=layer.minimumScale(), maximum_scale=layer.maximumScale(),
        )

    def open_layer(self) -> QgsVectorLayer:
        """A new layer on the same data with the same style, owned by the calling thread."""
        layer = open_vector_layer(self.uri, self.name, self.provider)
        if not layer.isValid():
            raise ValueError(f"cannot open the layer source of '{self.name}'")
        self._restore_crs(layer)
        if self.subset:
            layer.setSubsetString(self.subset)
        if self.style_qml:
            QgsMapLayerStyle(self.style_qml).writeToLayer(layer)
        if self.scale_visibility:   # the exact values (a style's QML may round them)
            layer.setScaleBasedVisibility(True)
            layer.setMinimumScale(self.minimum_scale)
            layer.setMaximumScale(self.maximum_scale)
        if self.selected_only:
            layer.selectByIds(list(self.selected_ids))
        return layer


    def _restore_crs(self, layer: QgsVectorLayer) -> None:
        """Give the reopened layer the CRS the user saw and the upload declares.

        A CRS set in QGIS on a source that carries none (a shapefile without .prj, a
        GeoPackage table under srs_id 0) is not in the URI: reopened, the layer has the
        source's "undefined" CRS, the export writes the table without one and the platform's
        vector check refuses it (GDAL cannot name its SRS)."""
        if not self.crs_valid:
            return
        reopened = layer.crs()
        if self.crs_authid:
            if reopened.isValid() and reopened.authid() == self.crs_authid:
                return
            wanted = QgsCoordinateReferenceSystem(self.crs_authid)
        else:
            if reopened.isValid() and reopened.toWkt() == self.crs_wkt:
                return
            wanted = QgsCoordinateReferenceSystem.fromWkt(self.crs_wkt)
        if wanted.isValid():
            layer.setCrs(wanted)


def _extent_wgs84(layer: QgsVectorLayer, selected_only: bool
                  ) -> Optional[Tuple[float, float, float, float]]:
    rect = layer.boundingBoxOfSelected() if selected_only else layer.extent()
    if rect is None or rect.isEmpty() or not layer.crs().isValid():
        return None
    transform = QgsCoordinateTransform(layer.crs(), QgsCoordinateReferenceSystem(WGS84),
                                       QgsProject.instance().transformContext())
    try:
        out: QgsRectangle = transform.transformBoundingBox(rect)
    except QgsCsException:   # coordinates the CRS cannot even project: checked later
        return (rect.xMinimum(), rect.yMinimum(), rect.xMaximum(), rect.yMaximum())
    return (out.xMinimum(), out.yMinimum(), out.xMaximum(), out.yMaximum())


def _crs_area(crs: QgsCoordinateReferenceSystem
              ) -> Optional[Tuple[float, float, float, float]]:
    if not crs.isValid():
        return None
    area = crs.bounds()
    if area.isEmpty():
        return None
    return (area.xMinimum(), area.yMinimum(), area.xMaximum(), area.yMaximum())


def _copy_to_geopackage(layer: QgsVectorLayer, scratch_dir: Optional[str]) -> str:
    directory = scratch_dir or tempfile.mkdtemp(prefix="gpf-layer-")
    # one file per layer: the layers of a map may share the scratch directory
    path = os.path.join(directory, f"layer_copy_{layer.id()[-12:] or 'layer'}.gpkg")
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = "layer"
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, path, QgsProject.instance().transformContext(), options)
    if error != QgsVectorFileWriter.NoError:
        raise ValueError(f"cannot copy the layer '{layer.name()}': {message}")
    return f"{path}|layername=layer"
