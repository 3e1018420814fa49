"""GeoPackage reading and copying with OGR (GDAL comes with QGIS)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional

from osgeo import ogr, osr

from . import naming

ogr.UseExceptions()
osr.UseExceptions()

PG_TYPES = {
    ogr.OFTInteger: "integer",
    ogr.OFTInteger64: "bigint",
    ogr.OFTReal: "double precision",
    ogr.OFTString: "character varying",
    ogr.OFTDate: "date",
    ogr.OFTDateTime: "timestamp with time zone",
    ogr.OFTTime: "time without time zone",
    ogr.OFTBinary: "bytea",
}
GEOMETRY_COLUMN = "geom"
FID_COLUMN = "fid"


@dataclass
class LayerInfo:
    name: str
    srs: Optional[str]          # "EPSG:2154" or None when the layer has no known authority
    features: int
    spatial: bool = True        # False for attribute-only tables (e.g. QGIS's layer_styles)


def open_layers(path: Path) -> List[LayerInfo]:
    """Layers of a GeoPackage; raises RuntimeError when it cannot be opened."""
    source = ogr.Open(str(path))
    if source is None:
        raise RuntimeError(f"{path.name} ne s'ouvre pas comme un GeoPackage")
    layers = []
    for i in range(source.GetLayerCount()):
        layer = source.GetLayerByIndex(i)
        srs = _authority_of(layer.GetSpatialRef())
        spatial = layer.GetGeomType() != ogr.wkbNone
        layers.append(LayerInfo(layer.GetName(), srs, layer.GetFeatureCount(), spatial))
    return layers


def _authority_of(ref) -> Optional[str]:
    """"EPSG:2154", or None when the SRS has no authority GDAL can name. A table written
    without a CRS (GeoPackage srs_id 0, "Undefined geographic SRS") or with a custom one is
    such a case: AutoIdentifyEPSG then answers OGRERR_UNSUPPORTED_SRS, which osr's exceptions
    turn into "OGR Error: Unsupported SRS"; the check must say which table has which SRS
    instead of passing GDAL's words on."""
    if ref is None:
        return None
    try:
        ref.AutoIdentifyEPSG()
    except RuntimeError:
        pass  # an authority already present is still read below
    if ref.GetAuthorityName(None) and ref.GetAuthorityCode(None):
        return f"{ref.GetAuthorityName(None)}:{ref.GetAuthorityCode(None)}".upper()
    return None


def _pg_type(field_defn, srs_code: str) -> str:
    if field_defn.GetSubType() == ogr.OFSTBoolean:
        return "boolean"
    return PG_TYPES.get(field_defn.GetType(), "character varying")


def _geometry_pg_type(layer, srid: str) -> str:
    name = ogr.GeometryTypeToName(layer.GetGeomType()).replace(" ", "")
    mapping = {"MultiPolygon": "MultiPolygon", "Polygon": "Polygon", "Point": "Point",
               "MultiPoint": "MultiPoint", "LineString": "LineString",
               "MultiLineString": "MultiLineString"}
    return f"geometry({mapping.get(name, 'Geometry')},{srid})"


def integrate(sources: List[Path], target: Path, column_suffix: str = "") -> List[dict]:
    """Copy every layer of ``sources`` into the GeoPackage ``target``, tables and columns
    named as GDAL's PostgreSQL driver launders them; returns the ``type_infos.relations`` the
    platform reports."""
    driver = ogr.GetDriverByName("GPKG")
    if target.exists():
        target.unlink()
    out = driver.CreateDataSource(str(target))
    relations = []
    used_tables: set = set()
    for source_path in sources:
        source = ogr.Open(str(source_path))
        for i in range(source.GetLayerCount()):
            layer = source.GetLayerByIndex(i)
            if layer.GetGeomType() == ogr.wkbNone:
                continue  # attribute-only tables (QGIS styles…) are not published
            defn = layer.GetLayerDefn()
            table, laundered = naming.launder(layer.GetName(), [
                defn.GetFieldDefn(j).GetName() for j in range(defn.GetFieldCount())])
            table = naming.unique([table], used_tables)[0]
            used_tables.add(table)
            ref = layer.GetSpatialRef()
            authority = _authority_of(ref)
            srid = authority.split(":", 1)[1] if authority else "0"
            copy = out.CreateLayer(table, srs=ref, geom_type=layer.GetGeomType(),
                                   options=[f"GEOMETRY_NAME={GEOMETRY_COLUMN}",
                                            f"FID={FID_COLUMN}"])
            names = naming.unique([n + column_suffix for n in laundered],
                                  (FID_COLUMN, GEOMETRY_COLUMN))
            attributes: Dict[str, str] = {FID_COLUMN: "integer"}
            for j, name in enumerate(names):
                field_defn = defn.GetFieldDefn(j)
                new_field = ogr.FieldDefn(name, field_defn.GetType())
                new_field.SetSubType(field_defn.GetSubType())
                new_field.SetWidth(field_defn.GetWidth())
                new_field.SetPrecision(field_defn.GetPrecision())
                copy.CreateField(new_field)
                attributes[name] = _pg_type(field_defn, srid)
            attributes[GEOMETRY_COLUMN] = _geometry_pg_type(layer, srid)
            copy_defn = copy.GetLayerDefn()
            out.StartTransaction()
            for feature in layer:
                new = ogr.Feature(copy_defn)
                for j in range(defn.GetFieldCount()):
                    new.SetField(j, feature.GetField(j))
                geometry = feature.GetGeometryRef()
                if geometry is not None:
                    new.SetGeometry(geometry.Clone())
                copy.CreateFeature(new)
            out.CommitTransaction()
            relations.append({"name": table, "type": "TABLE", "attributes": attributes,
                              "primary_key": [FID_COLUMN]})
        source = None
    out = None
    return relations


def bbox_4326(path: Path) -> Optional[dict]:
    """The union of the layers' extents in EPSG:4326 (lon/lat), or None when empty."""
    source = ogr.Open(str(path))
    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    west = south = float("inf")
    east = north = float("-inf")
    for i in range(source.GetLayerCount()):
        layer = source.GetLayerByIndex(i)
        if layer.GetFeatureCount() == 0:
            continue
        minx, maxx, miny, maxy = layer.GetExtent()
        ref = layer.GetSpatialRef()
        if ref is not None:
            ref.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            transform = osr.CoordinateTransformation(ref, wgs84)
            minx, miny, maxx, maxy = transform.TransformBounds(minx, miny, maxx, maxy, 21)
        west, south = min(west, minx), min(south, miny)
        east, north = max(east, maxx), max(north, maxy)
    if west == float("inf"):
        return None
    return {"west": west, "south": south, "east": east, "north": north}


def bbox_polygon(bbox: dict) -> dict:
    w, s, e, n = bbox["west"], bbox["south"], bbox["east"], bbox["north"]
    return {"type": "Polygon", "coordinates": [[[w, s], [e, s], [e, n], [w, n], [w, s]]]}
