"""``Publication``: every option of one publication, plain values only (safe across threads)."""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Dict, Optional, Tuple

from .layer_source import LayerSource

JPEG, PNG = "image/jpeg", "image/png"
LATER_FIELDS = ("reuse_wmsv_configuration_id", "reuse_pyramid_id")


@dataclass(frozen=True)
class Publication:
    """What to publish and how. Names are technical names without the datastore's prefix."""

    datastore_id: str
    datasheet_name: str
    wmsv_name: str
    wmts_name: str
    pyramid_name: str
    wmsv_title: str
    wmts_title: str
    abstract: str
    layer: Optional[LayerSource] = None
    reuse_stored_data_id: Optional[str] = None
    reuse_by_datasheet: bool = False        # reuse a GENERATED VECTOR-DB tagged datasheet_name
    reuse_wmsv_configuration_id: Optional[str] = None   # harvest this existing WMS-V
    reuse_pyramid_id: Optional[str] = None  # serve this existing pyramid (only the WMTS)
    data_name: str = ""                     # upload / stored data name; default datasheet_name
    keywords: Tuple[str, ...] = ()
    top_level: int = 4
    bottom_level: int = 16
    extent_wgs84: Optional[Tuple[float, float, float, float]] = None   # None: data extent
    image_format: str = JPEG
    restricted: bool = False
    wmsv_private: Optional[bool] = None     # None: private when the datastore has such endpoint
    metadata: Any = None                    # plugin.metadata ServiceMetadata, or None: minimal
    metadata_identifier: str = ""           # fileIdentifier without prefix; default wmts_name
    theme: str = ""                         # topic categories, joined by ", "
    producer: str = ""
    production_year: str = ""
    attribution_title: str = ""
    attribution_url: str = ""
    licence: str = ""
    permission_end: str = ""                # restricted: last day of access, YYYY-MM-DD;
                                            # "" = six months from the publication
    extra_tags: Dict[str, str] = field(default_factory=dict)

    @property
    def effective_data_name(self) -> str:
        return self.data_name or self.datasheet_name

    @property
    def effective_extent_wgs84(self) -> Optional[Tuple[float, float, float, float]]:
        """The chosen extent, else the layer's (None when reusing a stored data)."""
        return self.extent_wgs84 or (self.layer.extent_wgs84 if self.layer else None)

    @property
    def effective_identifier(self) -> str:
        return self.metadata_identifier or self.wmts_name

    @property
    def journal_key(self) -> str:
        """Same key for the same publication: the datasheet and the WMTS technical name."""
        return f"{self.datasheet_name}__{self.wmts_name}"

    def summary(self) -> Dict[str, Any]:
        """What the journal keeps of the spec: plain values, digests of the style and the
        metadata record (to see that they changed), no secret."""
        data = asdict(self)
        layer = data.pop("layer")
        data["layer"] = None if layer is None else {
            "name": layer["name"], "uri": layer.get("origin") or layer["uri"],
            "crs": layer["crs_authid"], "selected_only": layer["selected_only"],
            "features": layer["feature_count"],
            "selection": _digest(repr(layer["selected_ids"])) if layer["selected_only"] else ""}
        data["layer_style"] = _digest(layer["style_qml"]) if layer is not None else ""
        data["metadata"] = _metadata_digest(self.metadata)
        # Fields added later count only when set: an earlier journal keeps its fingerprint.
        counted = {k: v for k, v in data.items() if not (k in LATER_FIELDS and v is None)}
        data["fingerprint"] = hashlib.sha256(repr(sorted(
            (k, repr(v)) for k, v in counted.items())).encode()).hexdigest()[:16]
        return data


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] if text else ""


def _metadata_digest(metadata: Any) -> str:
    """The metadata record's fields, not its creation date (today's by default: the same
    record filled again tomorrow is not a change)."""
    if metadata is None:
        return ""
    try:
        fields = asdict(metadata)
    except TypeError:   # not a dataclass: its repr stands for it
        return _digest(repr(metadata))
    fields.pop("creation_date", None)
    return _digest(repr(sorted((k, repr(v)) for k, v in fields.items())))
