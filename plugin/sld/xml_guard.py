"""One lock between the SLD schema check and the plugin's own GeoPackage work in other threads.

Closing a GeoPackage in GDAL 3.10+ (QGIS 3.40, 3.44) calls libxml2's ``xmlCleanupParser()``
through libspatialite (``validate.sld10_schema`` has the backtrace). It frees what a schema being
compiled or used in another thread points to: a segmentation fault, seen on QGIS 3.40 when the
publication's style check (a task) compiled the schema while the wizard's map preview (another
task) opened and closed the group's GeoPackage layers (tests/ui/test_map_wizard.py).

The same overlap crashed QGIS 3.22 too, in another place: the wizard's map preview and the
publication's style check opened the same GeoPackage's layers at once from two tasks (a
segmentation fault in ``QgsMapLayerFactory.createLayer``, clean-clone CI). So the plugin's
threads that open and close GeoPackage layers (the previews, the publication's style checks
and its export) hold this lock for that time, layers deleted before it is released, and the
schema check holds it while it compiles and validates. GeoPackages that QGIS itself closes at
other moments (its connection pool) are outside the plugin's reach (README, "Known limits").
"""

from __future__ import annotations

import threading

GEOPACKAGES_AND_SCHEMA = threading.RLock()
