"""Step 4 — the WMS-Vector service: configuration on the stored data with the style, and its
offering (private when only the pyramid needs it and the datastore has a private endpoint,
public otherwise, e.g. in the shared sandbox). A private WMS-V gets a key for the harvest."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, Dict, List

from ...entrepot.models import LayerRelation, Offering, UsedData, UserKey
from ...i18n import tr
from ..adopt import KEY_ACCESS_KIND, find_access, key_access_intent
from ..context import PublishContext
from ..errors import PublishError
from ..map_source import draw_order
from ..reuse import use_existing_wmsv
from ..wmsv_layers import harvest_layer_names, joined
from .base import Step, ensure_resource, offering_url, pick_endpoint
from .services import ensure_configuration, ensure_offering, ensure_permission, full_layer_name


def wants_private_wmsv(ctx: PublishContext) -> bool:
    if ctx.spec.wmsv_private is not None:
        return ctx.spec.wmsv_private
    return pick_endpoint(ctx, "WMS-VECTOR", open_=False) is not None


class WmsvStep(Step):
    name = "wmsv"
    weight = 5.0

    def run(self, ctx: PublishContext) -> None:
        spec, journal = ctx.spec, ctx.journal
        if spec.reuse_wmsv_configuration_id:
            offering = use_existing_wmsv(ctx)
            if journal.get("wmsv_private"):
                self._harvest_key(ctx, offering)   # ours: undo removes key and permission
            ctx.progress(1.0, tr("existing WMS-V read"))
            return
        private = wants_private_wmsv(ctx)
        endpoint = pick_endpoint(ctx, "WMS-VECTOR", open_=not private)
        if endpoint is None:
            raise PublishError(
                tr("the datastore has no WMS-VECTOR endpoint with room left"), step=self.name)
        layer_name = full_layer_name(ctx, spec.wmsv_name)
        journal.put("wmsv_layer_name", layer_name)

        def body() -> Dict[str, Any]:
            type_infos: Dict[str, Any] = {
                "title": spec.wmsv_title, "abstract": spec.abstract,
                "keywords": list(spec.keywords),
                "used_data": used_data(ctx)}
            bbox = spec.effective_extent_wgs84
            if bbox:
                type_infos["bbox"] = dict(zip(("west", "south", "east", "north"), bbox))
            config: Dict[str, Any] = {"type": "WMS-VECTOR", "name": spec.wmsv_title,
                                      "layer_name": layer_name, "type_infos": type_infos}
            if spec.attribution_title:
                config["attribution"] = {"title": spec.attribution_title,
                                         "url": spec.attribution_url}
            return config

        configuration_id = ensure_configuration(ctx, "configuration_wmsv", "WMS-VECTOR",
                                                layer_name, body)
        ctx.api.add_tags("configurations", configuration_id, {
            "datasheet_name": spec.datasheet_name, "theme": spec.theme})
        ctx.progress(0.3, tr("WMS-V configured"))
        offering = ensure_offering(ctx, "offering_wmsv", configuration_id, endpoint,
                                   open_=not private)
        url = offering_url(offering, "WMS").split("?")[0]
        journal.put("wmsv_url", url)
        journal.put("wmsv_private", private)
        if private:
            self._harvest_key(ctx, offering)
        if len(relations_in_draw_order(ctx)) > 1 and not journal.get("harvest_layers"):
            journal.put("harvest_layers", self._harvest_layers(ctx, url, layer_name))
        ctx.progress(1.0, tr("WMS-V published"))

    def _harvest_layers(self, ctx: PublishContext, url: str, layer_name: str) -> str:
        """The layers to harvest, bottom first, as the WMS-V's capabilities name them."""
        params = {"SERVICE": "WMS", "VERSION": "1.3.0", "REQUEST": "GetCapabilities"}
        if ctx.journal.get("wmsv_private"):
            params["apikey"] = ctx.secrets["harvest_apikey"]
        document = ctx.api.client.request("GET", url, params=params).content
        tables = [style["table"] for style in relations_in_draw_order(ctx)]
        names = harvest_layer_names(document, layer_name, tables)
        ctx.log(f"harvest layers, bottom first: {', '.join(names)}")
        return joined(names)

    def _harvest_key(self, ctx: PublishContext, offering: Offering) -> None:
        """Permission + HASH key + access so the harvester may read the private WMS-V.
        The key's hash is a secret: it stays in memory (``ctx.secrets``), never journaled."""
        api = ctx.api
        permission_id = ensure_permission(ctx, "permission_wmsv", offering)
        name = f"harvest_{ctx.spec.wmsv_name}"
        key_id = ensure_resource(
            ctx, "key_harvest", name,
            create=lambda: api.create_key(name))
        ensure_key_access(ctx, key_id, permission_id, offering.id)
        ctx.secrets["harvest_apikey"] = key_hash(api.key(key_id))


def used_data(ctx: PublishContext) -> List[Dict[str, Any]]:
    """One entry per stored data (one per upload), each with its tables in draw order; the
    harvest names every table in the map's draw order, whatever the entries' order."""
    by_stored: Dict[str, List[LayerRelation]] = {}
    for style in relations_in_draw_order(ctx):
        stored = style.get("stored_data") or ctx.journal.get("vectordb_id")
        by_stored.setdefault(stored, []).append(LayerRelation(style["table"], style["static"]))
    return [UsedData(stored, relations=tuple(relations)).to_dict()
            for stored, relations in by_stored.items()]


def relations_in_draw_order(ctx: PublishContext) -> List[Dict[str, str]]:
    """The styled tables, first drawn first (WMS draws the first relation at the bottom):
    the reverse of the layer tree. A journal of an older version has only ``table``."""
    styles = ctx.journal.get("styles") or [
        {"table": ctx.journal.get("table"), "static": ctx.journal.resource_id("static_sld")}]
    return draw_order(styles)


def ensure_key_access(ctx: PublishContext, key_id: str, permission_id: str,
                      offering_id: str) -> str:
    """The key's access to the offering, added once: the platform's reply carries no id, so
    the access row is read back from the key's accesses (also after a crash between the
    call and the journal write: the intent names the key, permission and offering)."""
    api = ctx.api
    name = key_access_intent(key_id, permission_id, offering_id)

    def create() -> SimpleNamespace:
        api.add_key_access(key_id, permission_id, [offering_id])
        return SimpleNamespace(id=find_access(api, key_id, permission_id, offering_id) or name)

    if ctx.journal.get("key_access_added") and not ctx.journal.resource_id(KEY_ACCESS_KIND):
        ctx.journal.intend(KEY_ACCESS_KIND, name)   # journal of an earlier version: look up
    return ensure_resource(ctx, KEY_ACCESS_KIND, name, create=create)


def key_hash(key: UserKey) -> str:
    """A HASH key's value: only in the platform's reply, never in a repr."""
    infos = key.raw.get("type_infos") or {}
    value = infos.get("hash") or key.raw.get("hash")
    if not value:
        raise PublishError(tr("the platform returned no hash for the harvest key"), step="wmsv")
    return value
