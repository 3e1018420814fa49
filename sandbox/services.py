"""What the diffusion services see: layers of the PUBLISHED offerings, read from the store.

The WMS-V and WMTS engines (sandbox.wmsv, sandbox.wmts) call these providers on each request,
so publishing or unpublishing an offering needs no explicit registration.
"""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from .key_access import keys_opening


def _private(store, offering: dict) -> bool:
    endpoint = store.get("endpoints", offering["endpoint"])
    return not endpoint["open"]


def served_infos(offering: dict, config: dict) -> dict:
    """What an offering serves: its configuration as it was when it was last published or
    resynchronised (``PUT …/offerings/{id}``), not the configuration's latest ``PUT``."""
    return offering.get("_served") or config["type_infos"]


def _published(store, kind: str) -> List[dict]:
    # An offering being resynchronised (MODIFYING) keeps serving, as on the platform.
    return [o for o in store.all("offerings") if o["type"] == kind
            and o["status"] in ("PUBLISHED", "MODIFYING") and o.get("available", True)]


class _PublishedLayers:
    """The layers a service serves: one per published offering of ``offering_type``, built by
    ``_layer`` (None while its data is not ready)."""

    offering_type = ""

    def __init__(self, store):
        self.store = store

    def _layer(self, offering: dict):
        raise NotImplementedError

    def __call__(self, name: str):
        for offering in _published(self.store, self.offering_type):
            if offering["layer_name"] == name:
                return self._layer(offering)
        return None

    def all(self):
        layers = [self._layer(o) for o in _published(self.store, self.offering_type)]
        return [layer for layer in layers if layer is not None]


class WmsvLayers(_PublishedLayers):
    """``sandbox.wmsv`` provider: a WMS-VECTOR offering → its table and style; with several
    relations, a group named after the offering holding one layer per relation, named
    ``<layer_name>:<table>`` (an assumption: README.md)."""

    offering_type = "WMS-VECTOR"

    def __call__(self, name: str):
        found = super().__call__(name)
        if found is not None or ":" not in name:
            return found
        group, _, _ = name.rpartition(":")
        members = super().__call__(group)
        if isinstance(members, tuple):
            return next((layer for layer in members if layer.name == name), None)
        return None

    def all(self):
        layers = []
        for found in super().all():
            layers += list(found) if isinstance(found, tuple) else [found]
        return layers

    def _layer(self, offering: dict):
        from .annex_icons import local_icons
        from .wmsv import WmsvLayer

        config = self.store.get("configurations", offering["configuration"])
        if not config:
            return None
        infos = served_infos(offering, config)   # what the offering serves (a resync)
        private = _private(self.store, offering)
        keys = keys_opening(self.store, offering) if private else ()
        drawn = [(used, relation) for used in infos["used_data"]
                 for relation in used["relations"]]
        many = len(drawn) > 1
        layers = []
        for used, relation in drawn:   # the first relation is drawn first, at the bottom
            sd = self.store.get("stored_data", used["stored_data"])
            static = self.store.get("statics", relation["style"])
            if not sd or not static or not sd.get("_database"):
                return None
            sld = self.store.files("statics", static["_id"], static["file_name"]).read_bytes()
            layers.append(WmsvLayer(
                name=f"{offering['layer_name']}:{relation['name']}" if many
                else offering["layer_name"],
                gpkg_path=sd["_database"], table=relation["name"],
                sld_bytes=local_icons(sld, self.store),
                title=relation["name"] if many else infos.get("title", ""),
                abstract="" if many else infos.get("abstract", ""), private=private,
                api_keys=keys, group=offering["layer_name"] if many else "",
                group_title=infos.get("title", "") if many else ""))
        return tuple(layers) if many else layers[0]


class WmtsLayers(_PublishedLayers):
    """``sandbox.wmts`` provider: a WMTS-TMS offering → its pyramid, levels top..bottom."""

    offering_type = "WMTS-TMS"

    def _layer(self, offering: dict):
        from .wmts import WmtsLayer

        config = self.store.get("configurations", offering["configuration"])
        if not config:
            return None
        infos = served_infos(offering, config)
        used = infos["used_data"][0]
        sd = self.store.get("stored_data", used["stored_data"])
        if not sd or not sd.get("_pyramid"):
            return None
        top, bottom = int(used["top_level"]), int(used["bottom_level"])
        available = {int(z) for z in sd["type_infos"]["levels"]}
        levels = tuple(z for z in range(top, bottom + 1) if z in available)
        bbox = infos.get("bbox") or sd["bbox"]
        private = _private(self.store, offering)
        return WmtsLayer(
            name=offering["layer_name"], title=infos.get("title", ""),
            abstract=infos.get("abstract", ""),
            pyramid_dir=sd["_pyramid"]["dir"], levels=levels, fmt=sd["_pyramid"]["fmt"],
            bbox_4326=(bbox["west"], bbox["south"], bbox["east"], bbox["north"]),
            private=private, api_keys=keys_opening(self.store, offering) if private else ())


def published_record(store, file_identifier: str) -> Optional[Path]:
    """The XML file of a metadata record published on a METADATA endpoint."""
    for md in store.all("metadata"):
        if md["file_identifier"] == file_identifier and md["endpoints"]:
            return store.files("metadata", md["_id"], "metadata.xml")
    return None
