"""ISO 19139 service metadata: the guide's fields, validation, XML writing and import.
Pure Python + lxml; the QGIS adapter lives in qgis_adapter (imported explicitly)."""

from .iso19139_reader import MetadataImportError, from_iso19139
from .iso19139_writer import to_iso19139
from .model import ISO_FIELDS, OnlineResource, ServiceMetadata
from .validation import FieldError, validate

__all__ = [
    "ISO_FIELDS",
    "FieldError",
    "MetadataImportError",
    "OnlineResource",
    "ServiceMetadata",
    "from_iso19139",
    "to_iso19139",
    "validate",
]
