"""Models shared by several route families (the published API types' DTOs: see
docs/entrepot-api.md for the source of each)."""

from __future__ import annotations

from .schema import ANY, BOOL, DATE, ID, INT, NUM, STR, Enum, ListOf, MapOf, Obj, Opt, Str

ERROR = Obj({"error": Opt(STR), "error_description": Opt(ANY), "message": Opt(STR)})

STAMPS = {"creation": DATE, "update": DATE}

BBOX = Obj({"west": NUM, "south": NUM, "east": NUM, "north": NUM})

INITIATOR = Obj({**STAMPS, "_id": ID, "first_name": STR, "last_name": STR})
EVENT = Obj({"title": STR, "text": Opt(STR), "date": DATE, "initiator": Opt(INITIATOR)})

URL_TYPES = ("WMTS", "TMS", "WMS", "WFS", "DOWNLOAD", "ITINERARY", "ISOCURVE", "ALTIMETRY",
             "METADATA", "SEARCH")
ENDPOINT_URL = Obj({"type": Enum(*URL_TYPES), "url": STR})

SERVICE_TYPES = ("WMS-VECTOR", "WFS", "WMTS-TMS", "WMS-RASTER", "DOWNLOAD", "ITINERARY-ISOCURVE",
                 "ALTIMETRY", "SEARCH", "VECTOR-TMS")
ENDPOINT_TYPES = (*SERVICE_TYPES, "METADATA", "CSW")

UPLOAD_TYPES = ("VECTOR", "RASTER", "ARCHIVE", "ROK4-PYRAMID", "INDEX", "HISTORIC-IMAGERY",
                "POINT-CLOUD", "PYRAMID-3D")
UPLOAD_STATUSES = ("CREATED", "OPEN", "CLOSED", "CHECKING", "GENERATING", "MODIFYING",
                   "UNSTABLE", "DELETED")
STORED_DATA_TYPES = ("ROK4-PYRAMID-RASTER", "ROK4-PYRAMID-VECTOR", "VECTOR-DB", "ARCHIVE",
                     "GRAPH-DB", "GRAPH-OSRM", "GRAPH-VALHALLA", "INDEX", "PYRAMID-3D-COPC",
                     "PYRAMID-3D-EPT")
STORED_DATA_STATUSES = ("CREATED", "GENERATING", "MODIFYING", "GENERATED", "DELETED", "UNSTABLE")
EXECUTION_STATUSES = ("CREATED", "WAITING", "PROGRESS", "SUCCESS", "FAILURE", "ABORTED")
CHECK_STATUSES = ("WAITING", "PROGRESS", "SUCCESS", "FAILURE")
CONFIGURATION_STATUSES = ("UNPUBLISHED", "PUBLISHED", "SYNCHRONIZING")
OFFERING_STATUSES = ("PUBLISHING", "MODIFYING", "PUBLISHED", "UNPUBLISHING", "UNSTABLE")
STATIC_TYPES = ("GEOSERVER-FTL", "GEOSERVER-STYLE", "ROK4-STYLE", "DERIVATION-SQL")
KEY_TYPES = ("HASH", "HEADER", "BASIC", "OAUTH2")
METADATA_TYPES = ("INSPIRE", "ISOAP")
METADATA_LEVELS = ("DATASET", "SERIES")

# The short reference to an endpoint or a configuration inside an offering.
ENDPOINT_REF = Obj({**STAMPS, "_id": ID, "name": STR})
CONFIGURATION_REF = Obj({**STAMPS, "_id": ID, "name": STR,
                         "type": Opt(Enum(*SERVICE_TYPES)),
                         "status": Enum(*CONFIGURATION_STATUSES)})

OFFERING = Obj({
    **STAMPS, "_id": ID, "open": BOOL, "available": BOOL, "layer_name": STR,
    "type": Enum(*SERVICE_TYPES), "status": Enum(*OFFERING_STATUSES),
    "configuration": CONFIGURATION_REF, "endpoint": ENDPOINT_REF,
    "urls": ListOf(ENDPOINT_URL), "extra": Opt(MapOf(ANY)), "public_activity": BOOL,
})

# An offering as a permission or a key access shows it.
OFFERING_SHORT = Obj({**STAMPS, "_id": ID, "open": BOOL, "available": BOOL, "layer_name": STR,
                      "type": Enum(*SERVICE_TYPES), "status": Enum(*OFFERING_STATUSES),
                      "urls": Opt(ListOf(ENDPOINT_URL))})

PERMISSION_SHORT = Obj({**STAMPS, "_id": ID, "licence": STR, "end_date": Opt(DATE),
                        "only_oauth": Opt(BOOL)})

TAGS_BODY = MapOf(STR)
EXTRA = MapOf(ANY)
NAME = Str(max_length=255)
COUNT = INT
