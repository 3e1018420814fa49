"""The table and column names the platform's integration will create, asked of GDAL itself.

The Géoplateforme integrates vector data into PostgreSQL through GDAL, whose PostgreSQL
drivers "launder" names (LAUNDER=YES, their default). The rule is GDAL's, and it changes with
GDAL's version (3.6 keeps accents and a leading digit; later versions also cut names over
63 bytes and add a hash), so it is never re-implemented here: the PGDump driver, which applies
the PostgreSQL driver's rule without a database, creates the table and its columns in memory
and we read back what it made of them.

The sandbox has its own copy of this call (sandbox/naming.py): the sandbox never imports the
plugin, and both are this thin call to GDAL, so they cannot drift apart.
"""

from __future__ import annotations

import threading
import uuid
from functools import lru_cache
from typing import List, Sequence, Tuple

from osgeo import gdal, ogr

_lock = threading.Lock()  # GDAL's error-handler stack is per thread; keep the call atomic


@lru_cache(maxsize=256)
def _launder(table: str, fields: Tuple[str, ...]) -> Tuple[str, Tuple[str, ...]]:
    path = f"/vsimem/launder-{uuid.uuid4().hex}.sql"
    driver = ogr.GetDriverByName("PGDump")
    with _lock:
        gdal.PushErrorHandler("CPLQuietErrorHandler")  # newer GDAL warns when it truncates
        try:
            source = driver.CreateDataSource(path)
            if source is None:
                raise RuntimeError(f"GDAL's PGDump driver cannot write {path}")
            layer = source.CreateLayer(table, geom_type=ogr.wkbNone, options=["LAUNDER=YES"])
            if layer is None:
                raise RuntimeError(f"GDAL refuses the table name {table!r}")
            for name in fields:
                if layer.CreateField(ogr.FieldDefn(name, ogr.OFTString)) != 0:
                    raise RuntimeError(f"GDAL refuses the column name {name!r}")
            definition = layer.GetLayerDefn()
            laundered = tuple(definition.GetFieldDefn(i).GetName()
                              for i in range(definition.GetFieldCount()))
            table_name = layer.GetName()
            layer = source = None
        finally:
            gdal.PopErrorHandler()
            gdal.Unlink(path)
    return table_name, laundered


def laundered_names(table: str, fields: Sequence[str] = ()) -> Tuple[str, List[str]]:
    """(table, columns) as GDAL's PostgreSQL launder rule names them, in ``fields``' order."""
    table_name, columns = _launder(table, tuple(fields))
    return table_name, list(columns)


def laundered_table(table: str) -> str:
    return laundered_names(table)[0]


def laundered_field(name: str) -> str:
    return laundered_names("t", [name])[1][0]
