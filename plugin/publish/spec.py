"""``Publication``: every option of one publication, plain values only (safe across threads)."""

from __future__ import annotations

import hashlib
import json
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
    layer: Optional[LayerSource] = None     # one layer: the map of one (see ``sources``)
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
    # A map: several layers, the top of QGIS's layer tree first (``layer`` then unused).
    layers: Tuple[LayerSource, ...] = ()

    @property
    def sources(self) -> Tuple[LayerSource, ...]:
        """The layers to publish, top of the layer tree first; one layer is a map of one."""
        if self.layers:
            return tuple(self.layers)
        return (self.layer,) if self.layer is not None else ()

    @property
    def first_source(self) -> Optional[LayerSource]:
        sources = self.sources
        return sources[0] if sources else None

    def table_names(self) -> Tuple[str, ...]:
        """The GeoPackage table of each source: the data name for one layer, each layer's
        technical slug for a map (checked unique once laundered, plugin/publish/map_source)."""
        from .map_source import map_table_name

        sources = self.sources
        if len(sources) <= 1:
            return (self.effective_data_name,) if sources else ()
        return tuple(map_table_name(source.name) for source in sources)

    @property
    def effective_data_name(self) -> str:
        return self.data_name or self.datasheet_name

    @property
    def effective_extent_wgs84(self) -> Optional[Tuple[float, float, float, float]]:
        """The chosen extent, else the layers' (None when reusing a stored data)."""
        if self.extent_wgs84:
            return self.extent_wgs84
        boxes = [s.extent_wgs84 for s in self.sources if s.extent_wgs84]
        if not boxes:
            return None
        return (min(b[0] for b in boxes), min(b[1] for b in boxes),
                max(b[2] for b in boxes), max(b[3] for b in boxes))

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
        data.pop("layer")
        data.update(layer_fields(self.layer))
        layers = data.pop("layers")
        if layers:   # a map; absent for one layer, whose journal is unchanged
            data["layers"] = [_kept(each) for each in layers]
            data["layers_style"] = [_digest(each["style_qml"]) for each in layers]
        data["metadata"] = metadata_digest(self.metadata)
        data["fingerprint"] = summary_fingerprint(data)
        return data


def _kept(layer: Optional[Dict[str, Any]]) -> Optional[Dict[str, Any]]:
    """What the journal keeps of one layer (no style: its digest is kept beside)."""
    return None if layer is None else {
        "name": layer["name"], "uri": layer.get("origin") or layer["uri"],
        "crs": layer["crs_authid"], "selected_only": layer["selected_only"],
        "features": layer["feature_count"],
        "selection": _digest(repr(layer["selected_ids"])) if layer["selected_only"] else ""}


def layer_fields(layer: Optional[LayerSource]) -> Dict[str, Any]:
    """The summary's ``layer`` and ``layer_style`` for a layer snapshot (an update in place
    that brings new data or a new style writes them the same way)."""
    if layer is None:
        return {"layer": None, "layer_style": ""}
    values = asdict(layer)
    return {"layer": _kept(values), "layer_style": _digest(values["style_qml"])}


def summary_fingerprint(data: Dict[str, Any]) -> str:
    """The fingerprint of a summary's values as the journal keeps them (JSON: a tuple is
    read back as a list), so that one computed again from a journal's summary — after an
    update in place changed some of its fields — is the one the same settings give. Fields
    added later count only when set. (Reopening compares the fields themselves.)"""
    counted = {k: v for k, v in data.items() if k != "fingerprint"
               and not (k in LATER_FIELDS and v is None)}
    plain = json.loads(json.dumps(counted, sort_keys=True, default=str))
    return hashlib.sha256(repr(sorted(
        (k, repr(v)) for k, v in plain.items())).encode()).hexdigest()[:16]


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16] if text else ""


def style_digest(style_qml: str) -> str:
    """What a journal keeps of a layer's style (``layer_style``, ``layers_style``)."""
    return _digest(style_qml)


def metadata_digest(metadata: Any) -> str:
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
