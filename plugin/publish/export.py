"""Export the layer to the GeoPackage that is uploaded (in its own CRS, selection optional)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass

from qgis.core import QgsCoordinateTransformContext, QgsVectorFileWriter

from ..i18n import tr
from .errors import PublishError
from .layer_source import LayerSource

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ExportResult:
    path: str
    table_name: str
    feature_count: int
    srs: str
    size: int


def export_geopackage(source: LayerSource, path: str, table_name: str) -> ExportResult:
    """Write ``source`` (its selection when asked) to ``path`` as one GeoPackage table."""
    layer = source.open_layer()
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    if os.path.exists(path):
        os.unlink(path)
    options = QgsVectorFileWriter.SaveVectorOptions()
    options.driverName = "GPKG"
    options.layerName = table_name
    options.fileEncoding = "UTF-8"
    options.onlySelectedFeatures = source.selected_only
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, path, QgsCoordinateTransformContext(), options)
    if error != QgsVectorFileWriter.NoError:
        raise PublishError(tr("GeoPackage export of '{0}' failed: {1}").format(
            source.name, message), step="data")
    written = len(source.selected_ids) if source.selected_only else layer.featureCount()
    return ExportResult(path=path, table_name=table_name, feature_count=written,
                        srs=source.crs_authid, size=os.path.getsize(path))


def file_md5(path: str) -> str:
    digest = hashlib.md5()  # noqa: S324 - the platform's checksum format, not security
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()
