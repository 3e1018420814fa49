"""Export the layer to the GeoPackage that is uploaded (in its own CRS, selection optional)."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from typing import Sequence

from osgeo import ogr
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
    return export_geopackage_tables((source,), path, (table_name,))


def export_geopackage_tables(sources: Sequence[LayerSource], path: str,
                             table_names: Sequence[str]) -> ExportResult:
    """Write each source to ``path`` as its own table (one file, one upload for a map);
    ``feature_count`` is the total, ``table_name`` the first table's."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    if os.path.exists(path):
        os.unlink(path)
    total = 0
    for index, (source, table_name) in enumerate(zip(sources, table_names)):
        total += _write_table(source, path, table_name, new_file=index == 0)
    return ExportResult(path=path, table_name=table_names[0], feature_count=total,
                        srs=sources[0].crs_authid, size=os.path.getsize(path))


def _write_table(source: LayerSource, path: str, table_name: str, new_file: bool) -> int:
    from ..sld.xml_guard import GEOPACKAGES_AND_SCHEMA

    with GEOPACKAGES_AND_SCHEMA:   # not while a preview opens the same file (xml_guard)
        return _write_table_locked(source, path, table_name, new_file)


def _write_table_locked(source: LayerSource, path: str, table_name: str,
                        new_file: bool) -> int:
    layer = source.open_layer()
    options = QgsVectorFileWriter.SaveVectorOptions()
    if not new_file:
        options.actionOnExistingFile = QgsVectorFileWriter.ActionOnExistingFile \
            .CreateOrOverwriteLayer
    options.driverName = "GPKG"
    options.layerName = table_name
    options.fileEncoding = "UTF-8"
    options.onlySelectedFeatures = source.selected_only
    error, message, _, _ = QgsVectorFileWriter.writeAsVectorFormatV3(
        layer, path, QgsCoordinateTransformContext(), options)
    if error != QgsVectorFileWriter.NoError:
        raise PublishError(tr("GeoPackage export of '{0}' failed: {1}").format(
            source.name, message), step="data")
    found = written_crs(path, table_name)
    if source.crs_authid.upper().startswith("EPSG:") and found != source.crs_authid.upper():
        # Never upload a table whose CRS is not the declared one: the platform's vector check
        # refuses it (a table without a CRS fails there as "OGR Error: Unsupported SRS").
        raise PublishError(tr("The exported GeoPackage does not carry the layer's CRS {0}"
                              " (it has: {1}).").format(source.crs_authid, found or "-"),
                           step="data")
    count = len(source.selected_ids) if source.selected_only else layer.featureCount()
    del layer   # closed before the lock is released
    return count


def written_crs(path: str, table_name: str) -> str:
    """The authority ("EPSG:2154") of the table's CRS as GDAL reads it back, as the
    platform's check does; "" when the table has none GDAL can name."""
    source = ogr.Open(path)
    layer = source.GetLayerByName(table_name) if source is not None else None
    ref = layer.GetSpatialRef() if layer is not None else None
    if ref is None:
        return ""
    try:  # an error code, or a RuntimeError when something called osr.UseExceptions()
        ref.AutoIdentifyEPSG()
    except RuntimeError:
        pass  # no authority GDAL can guess: one already present is still read below
    name, code = ref.GetAuthorityName(None), ref.GetAuthorityCode(None)
    return f"{name}:{code}".upper() if name and code else ""


def file_md5(path: str) -> str:
    digest = hashlib.md5()  # noqa: S324 - the platform's checksum format, not security
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(CHUNK), b""):
            digest.update(chunk)
    return digest.hexdigest()
