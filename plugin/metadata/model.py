"""The description of a published service, as the guide's « Décrire la ressource » and
« Informations complémentaires » steps ask for it."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import List, Optional

from ..pyramid.grid import Bbox4326


@dataclass(frozen=True)
class OnlineResource:
    """A published service listed in the record (cartes writes one per offering)."""

    url: str
    protocol: str = "OGC:WMTS"
    name: str = ""  # the offering's layer_name
    description: str = ""
    offering_id: str = ""
    open: bool = True


@dataclass
class ServiceMetadata:
    # « Décrire la ressource »
    public_title: str = ""  # Intitulé (nom public): the record's title
    service_title: str = ""  # Titre du service: the configuration's name/title
    technical_name: str = ""  # Nom technique: the configuration's layer_name
    abstract: str = ""  # Résumé
    file_identifier: str = ""  # Identificateur de ressource unique
    attribution_text: str = ""
    attribution_url: str = ""
    resource_type: str = "dataset"  # or "series"
    language: str = "fre"  # ISO 639-2/B of the metadata
    charset: str = "utf8"
    crs: str = "EPSG:3857"
    resolution: Optional[int] = None  # equivalent scale denominator, e.g. 25000
    # « Informations complémentaires »
    contact_email: str = ""  # contact on the metadata record
    organisation: str = ""
    organisation_email: str = ""
    inspire_keywords: List[str] = field(default_factory=list)
    keywords: List[str] = field(default_factory=list)  # free keywords
    topic_categories: List[str] = field(default_factory=list)
    update_frequency: str = "unknown"
    lineage: str = ""
    creation_date: Optional[date] = None
    date_stamp: Optional[datetime] = None  # last metadata update; now when written if None
    bbox: Optional[Bbox4326] = None
    thumbnail_url: str = ""
    online_resources: List[OnlineResource] = field(default_factory=list)

    def validate(self, **prefixes: str) -> list:
        """Field errors (see validation.validate for the optional datastore prefixes)."""
        from .validation import validate

        return validate(self, **prefixes)

    def replace(self, **changes: object) -> ServiceMetadata:
        return dataclasses.replace(self, **changes)


# Fields an ISO 19139 record carries, hence what survives to_iso19139 → from_iso19139.
# technical_name and attribution_url belong to the service configuration only.
ISO_FIELDS = tuple(
    f.name for f in dataclasses.fields(ServiceMetadata)
    if f.name not in ("technical_name", "attribution_url")
)
