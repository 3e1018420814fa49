"""The platform's names at integration: GDAL's PostgreSQL "launder" rule, asked of GDAL.

The real platform integrates vector data into PostgreSQL through GDAL, whose PostgreSQL
drivers launder table and column names (LAUNDER=YES by default). The rule belongs to GDAL and
changes with its version (3.6 keeps accents and a leading digit; newer ones also cut names over
63 bytes with a hash suffix), so it is not re-implemented: the PGDump driver, which applies
the PostgreSQL driver's rule without a database, creates the table in memory and we read back
its names.

The plugin has the same thin call (plugin/sld/launder.py); the sandbox never imports the
plugin, and both being one GDAL call, they cannot drift apart.
"""

from __future__ import annotations

import threading
import uuid
from typing import Iterable, List, Sequence, Tuple

from osgeo import gdal, ogr

_lock = threading.Lock()


def launder(table: str, fields: Sequence[str] = ()) -> Tuple[str, List[str]]:
    """(table, columns) as GDAL's PostgreSQL driver names them, in ``fields``' order."""
    path = f"/vsimem/sandbox-launder-{uuid.uuid4().hex}.sql"
    with _lock:
        gdal.PushErrorHandler("CPLQuietErrorHandler")
        try:
            source = ogr.GetDriverByName("PGDump").CreateDataSource(path)
            layer = source.CreateLayer(table, geom_type=ogr.wkbNone, options=["LAUNDER=YES"])
            for name in fields:
                layer.CreateField(ogr.FieldDefn(name, ogr.OFTString))
            definition = layer.GetLayerDefn()
            columns = [definition.GetFieldDefn(i).GetName()
                       for i in range(definition.GetFieldCount())]
            table_name = layer.GetName()
            layer = source = None
        finally:
            gdal.PopErrorHandler()
            gdal.Unlink(path)
    return table_name, columns


def table_name(name: str) -> str:
    return launder(name)[0]


def unique(names: Iterable[str], taken: Iterable[str] = ()) -> List[str]:
    """``names`` with a repeated one suffixed ``_<n>`` (PostgreSQL refuses two columns of
    the same name; how the platform resolves such a clash is an assumption, see README)."""
    seen = set(taken)
    result = []
    for name in names:
        base = candidate = name
        n = 1
        while candidate in seen:
            candidate = f"{base}_{n}"
            n += 1
        seen.add(candidate)
        result.append(candidate)
    return result
