"""QGIS-dependent: ServiceMetadata ⇄ QgsLayerMetadata, so what the user already wrote in the
layer's properties pre-fills the guide's form, and the published description can be kept."""

from __future__ import annotations

import re
import unicodedata
from typing import Dict, List, Optional

from qgis.core import (
    QgsAbstractMetadataBase,
    QgsBox3d,
    QgsCoordinateReferenceSystem,
    QgsLayerMetadata,
    QgsMapLayer,
    QgsRectangle,
)

from ..pyramid.grid import Bbox4326
from ..pyramid.qgis_extent import extent_to_bbox_4326
from .codelists import INSPIRE_THESAURUS_TITLE, TOPIC_CATEGORIES
from .model import ServiceMetadata

# QGIS stores ISO topic categories as keywords of this vocabulary (QgsLayerMetadata::categories).
TOPIC_VOCABULARY = "gmd:topicCategory"
INSPIRE_VOCABULARY = INSPIRE_THESAURUS_TITLE
FREE_VOCABULARY = "free"

_TWO_TO_THREE_LETTERS = {"fr": "fre", "en": "eng", "de": "ger", "es": "spa", "it": "ita",
                         "pt": "por", "nl": "dut", "ca": "cat", "br": "bre", "eu": "baq",
                         "co": "cos", "oc": "oci"}
_LANGUAGE_NAMES = {"french": "fre", "français": "fre", "francais": "fre", "english": "eng",
                   "anglais": "eng"}
_ENCODING_TO_CHARSET = {"utf-8": "utf8", "utf8": "utf8", "utf-16": "utf16",
                        "iso-8859-1": "8859part1", "latin1": "8859part1",
                        "iso-8859-15": "8859part15", "ascii": "usAscii"}
_CHARSET_TO_ENCODING = {"utf8": "UTF-8", "utf16": "UTF-16", "8859part1": "ISO-8859-1",
                        "8859part15": "ISO-8859-15", "usAscii": "US-ASCII"}


def suggest_technical_name(name: str, suffix: str = "wmts") -> str:
    """cartes.gouv.fr's suggestion: lowercase, accents removed, other characters → "_"."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9_.-]+", "_", ascii_name.lower()).strip("_")
    if not slug or not re.match(r"[a-z_]", slug):
        slug = f"_{slug}"
    return f"{slug}_{suffix}"


def _iso_language(value: str) -> str:
    text = value.strip().lower()
    if len(text) == 3 and text.isalpha():
        return text
    base = text.replace("-", "_").split("_")[0]
    return _TWO_TO_THREE_LETTERS.get(base) or _LANGUAGE_NAMES.get(text, "fre")


def _pick_contact(metadata: QgsLayerMetadata) -> Optional[QgsAbstractMetadataBase.Contact]:
    contacts = list(metadata.contacts())
    for contact in contacts:
        if contact.role.lower() in ("pointofcontact", "point of contact"):
            return contact
    return contacts[0] if contacts else None


def _bbox_from(metadata: QgsLayerMetadata, layer: Optional[QgsMapLayer]) -> Optional[Bbox4326]:
    for spatial in metadata.extent().spatialExtents():
        rect = spatial.bounds.toRectangle()
        if spatial.extentCrs.isValid() and not rect.isEmpty():
            return extent_to_bbox_4326(rect, spatial.extentCrs)
    if layer is not None and layer.crs().isValid() and not layer.extent().isEmpty():
        return extent_to_bbox_4326(layer.extent(), layer.crs())
    return None


def from_layer_metadata(metadata: QgsLayerMetadata,
                        layer: Optional[QgsMapLayer] = None) -> ServiceMetadata:
    """Pre-fill the form from the layer's metadata (and the layer for name, CRS, extent)."""
    keywords: Dict[str, List[str]] = dict(metadata.keywords())
    categories = [c for c in keywords.pop(TOPIC_VOCABULARY, []) if c in TOPIC_CATEGORIES]
    inspire = keywords.pop(INSPIRE_VOCABULARY, [])
    free = [word for words in keywords.values() for word in words]
    contact = _pick_contact(metadata)
    layer_name = layer.name() if layer is not None else ""
    title = metadata.title() or layer_name
    resource_type = metadata.type().lower() if metadata.type() else "dataset"
    return ServiceMetadata(
        public_title=title,
        service_title=title,
        technical_name=suggest_technical_name(layer_name or title) if (layer_name or title)
        else "",
        abstract=metadata.abstract(),
        file_identifier=metadata.identifier()
        if re.fullmatch(r"[\w.-]+", metadata.identifier(), re.ASCII) else "",
        resource_type=resource_type if resource_type in ("dataset", "series") else "dataset",
        language=_iso_language(metadata.language()) if metadata.language() else "fre",
        charset=_ENCODING_TO_CHARSET.get(metadata.encoding().lower(), "utf8"),
        crs="EPSG:3857",  # the WMTS is always served in the PM grid
        contact_email=contact.email if contact else "",
        organisation=contact.organization if contact else "",
        organisation_email=contact.email if contact else "",
        inspire_keywords=list(inspire),
        keywords=free,
        topic_categories=categories,
        lineage="\n".join(metadata.history()),
        bbox=_bbox_from(metadata, layer),
    )


def to_layer_metadata(md: ServiceMetadata,
                      base: Optional[QgsLayerMetadata] = None) -> QgsLayerMetadata:
    """The description as QgsLayerMetadata (on top of `base` to keep what it does not cover)."""
    metadata = QgsLayerMetadata(base) if base is not None else QgsLayerMetadata()
    metadata.setIdentifier(md.file_identifier)
    metadata.setTitle(md.public_title)
    metadata.setAbstract(md.abstract)
    metadata.setType(md.resource_type)
    metadata.setLanguage(md.language)
    metadata.setEncoding(_CHARSET_TO_ENCODING.get(md.charset, md.charset))
    metadata.setCrs(QgsCoordinateReferenceSystem(md.crs))
    keywords = {}
    if md.inspire_keywords:
        keywords[INSPIRE_VOCABULARY] = list(md.inspire_keywords)
    if md.keywords:
        keywords[FREE_VOCABULARY] = list(md.keywords)
    metadata.setKeywords(keywords)
    metadata.setCategories(list(md.topic_categories))
    if md.organisation or md.organisation_email:
        contact = QgsAbstractMetadataBase.Contact()
        contact.organization = md.organisation
        contact.email = md.organisation_email
        contact.role = "pointOfContact"
        metadata.setContacts([contact])
    metadata.setHistory([line for line in md.lineage.splitlines() if line.strip()])
    if md.bbox is not None:
        spatial = QgsLayerMetadata.SpatialExtent()
        spatial.extentCrs = QgsCoordinateReferenceSystem("EPSG:4326")
        spatial.bounds = QgsBox3d(QgsRectangle(md.bbox.west, md.bbox.south, md.bbox.east,
                                               md.bbox.north))
        extent = QgsLayerMetadata.Extent()
        extent.setSpatialExtents([spatial])
        metadata.setExtent(extent)
    return metadata
