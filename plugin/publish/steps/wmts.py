"""Step 7 — the WMTS service: configuration on the pyramid (top/bottom levels that exist in
it, the metadata record) and its offering, open or private."""

from __future__ import annotations

from typing import Any, Dict, List, Tuple

from ...entrepot.models import Endpoint, UsedData
from ...i18n import tr
from ..context import PublishContext
from ..errors import PublishError
from ..reuse import pyramid_id
from .base import Step, endpoint_url, offering_url, pick_endpoint
from .services import ensure_configuration, ensure_offering, full_layer_name


def published_levels(spec_top: int, spec_bottom: int, pyramid_levels: List[int]
                     ) -> Tuple[str, str]:
    """The chosen range clipped to the levels the pyramid really holds, as strings."""
    inside = [z for z in pyramid_levels if spec_top <= z <= spec_bottom] or [spec_top,
                                                                             spec_bottom]
    return str(min(inside)), str(max(inside))


def wmts_endpoint(ctx: PublishContext) -> Endpoint:
    """Private endpoint when restricted; with none (the shared sandbox), the open one: the
    platform then answers the refusal in its own words."""
    restricted = ctx.spec.restricted
    endpoint = pick_endpoint(ctx, "WMTS-TMS", open_=not restricted)
    if endpoint is None and restricted:
        endpoint = pick_endpoint(ctx, "WMTS-TMS", open_=True)
    if endpoint is None:
        raise PublishError(tr("the datastore has no WMTS-TMS endpoint with room left"),
                       step="wmts")
    return endpoint


class WmtsStep(Step):
    name = "wmts"
    weight = 8.0

    def run(self, ctx: PublishContext) -> None:
        spec, journal = ctx.spec, ctx.journal
        endpoint = wmts_endpoint(ctx)
        layer_name = full_layer_name(ctx, spec.wmts_name)
        journal.put("wmts_layer_name", layer_name)
        top, bottom = published_levels(spec.top_level, spec.bottom_level,
                                       journal.get("pyramid_levels") or [])

        def body() -> Dict[str, Any]:
            type_infos: Dict[str, Any] = {
                "title": spec.wmts_title, "abstract": spec.abstract,
                "keywords": list(spec.keywords),
                "used_data": [UsedData(pyramid_id(journal),
                                       top_level=top, bottom_level=bottom).to_dict()]}
            bbox = spec.effective_extent_wgs84
            if bbox:
                type_infos["bbox"] = dict(zip(("west", "south", "east", "north"), bbox))
            config: Dict[str, Any] = {
                "type": "WMTS-TMS", "name": spec.wmts_title, "layer_name": layer_name,
                "type_infos": type_infos,
                "metadata": [{"format": "application/xml", "type": "ISO19115:2003",
                              "url": journal.get("metadata_url")}]}
            if spec.attribution_title:
                config["attribution"] = {"title": spec.attribution_title,
                                         "url": spec.attribution_url}
            return config

        configuration_id = ensure_configuration(ctx, "configuration_wmts", "WMTS-TMS",
                                                layer_name, body)
        ctx.api.add_tags("configurations", configuration_id, {
            "datasheet_name": spec.datasheet_name, "theme": spec.theme})
        ctx.progress(0.3, tr("WMTS configured"))
        offering = ensure_offering(ctx, "offering_wmts", configuration_id, endpoint,
                                   open_=not spec.restricted)
        url = offering_url(offering, "WMTS")
        journal.put("wmts_url", url)
        journal.put("wmts_capabilities_url", capabilities_url(url))
        journal.put("wmts_endpoint_url", endpoint_url(endpoint, "WMTS"))
        journal.put("wmts_levels", [top, bottom])
        ctx.progress(1.0, tr("WMTS published"))


def capabilities_url(wmts_url: str) -> str:
    """The part before ``?`` plus the GetCapabilities query, as cartes.gouv.fr builds it."""
    return wmts_url.split("?")[0] + "?SERVICE=WMTS&VERSION=1.0.0&REQUEST=GetCapabilities"
