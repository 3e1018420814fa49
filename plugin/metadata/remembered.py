"""Which metadata fills the wizard's form: the datasheet's own record, else this layer's, with
what the user typed in earlier runs for what is still empty.

Precedence (issue 16):
1. a datasheet that already has a metadata record on the platform keeps it: that record wins
   over anything remembered (the user is adding a service to a documented datasheet);
2. a new datasheet gets the layer's QGIS metadata (and this run's WMS-V page), and the values
   remembered from earlier runs fill only the fields those leave empty or at their default.

Remembered values are who-and-how facts a producer repeats (contact, organisation, topic,
frequency, lineage, attribution…), kept in the plugin's QgsSettings group: no secret there.
"""

from __future__ import annotations

import json
from typing import Any, Dict, Mapping, Optional

from .model import ServiceMetadata

SETTINGS_NAME = "metadata/remembered"
# Not the summary: the form takes it from this run's WMS-V page (a required field there).
REMEMBERED_FIELDS = (
    "contact_email", "organisation", "organisation_email", "topic_categories",
    "update_frequency", "lineage", "language", "charset", "resource_type",
    "attribution_text", "attribution_url",
)
_DEFAULTS = ServiceMetadata()


def _is_unset(metadata: ServiceMetadata, name: str) -> bool:
    value = getattr(metadata, name)
    return value in (None, "", [], ()) or value == getattr(_DEFAULTS, name)


def values_to_remember(metadata: ServiceMetadata) -> Dict[str, Any]:
    """The remembered fields of ``metadata`` that say something (defaults are not kept)."""
    return {name: getattr(metadata, name) for name in REMEMBERED_FIELDS
            if not _is_unset(metadata, name)}


def remember(settings, metadata: ServiceMetadata) -> None:
    """Keeps the values of this run for the next ones (``settings``: PluginSettings)."""
    settings.set_value(SETTINGS_NAME, json.dumps(values_to_remember(metadata),
                                                 ensure_ascii=False))


def recall(settings) -> Dict[str, Any]:
    """What earlier runs remembered; ``{}`` when nothing (or something unreadable) is stored."""
    try:
        stored = json.loads(settings.value(SETTINGS_NAME, "") or "{}")
    except (TypeError, ValueError):
        return {}
    if not isinstance(stored, dict):
        return {}
    # a list only where the model has one: a hand-edited value must not break the form
    return {name: value for name, value in stored.items()
            if name in REMEMBERED_FIELDS
            and isinstance(value, list) == (name == "topic_categories")}


def form_metadata(for_new_datasheet: ServiceMetadata, remembered: Mapping[str, Any],
                  existing: Optional[ServiceMetadata] = None) -> ServiceMetadata:
    """What the form shows: ``existing`` (the datasheet's record) when there is one, else
    ``for_new_datasheet`` with its unset fields filled from ``remembered``."""
    if existing is not None:
        return existing
    return for_new_datasheet.replace(**{
        name: value for name, value in remembered.items()
        if name in REMEMBERED_FIELDS and _is_unset(for_new_datasheet, name)})


def existing_datasheet_metadata(api, datasheet_name: str) -> Optional[ServiceMetadata]:
    """The record the platform holds for ``datasheet_name`` (tagged with it, as the
    publication tags its own), or ``None`` for a new datasheet. Network: call it in a task."""
    from .iso19139_reader import from_iso19139

    if not datasheet_name:
        return None
    from ..publish.reuse import datasheet_metadata  # the one way to find the record

    record = datasheet_metadata(api, datasheet_name)
    if record is None:
        return None
    return from_iso19139(api.metadata_file(record.id).encode("utf-8"))
