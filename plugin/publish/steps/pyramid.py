"""Step 5 — the raster pyramid: harvest of the WMS-V on the PM grid over the chosen levels
(every level listed, top and bottom both sent) and area (data extent or a chosen extent)."""

from __future__ import annotations

from typing import Any, Dict, Optional, Tuple

from ...i18n import tr
from ...pyramid import Bbox4326, ZoomRange, area_wkt, harvest_levels, tile_count
from ..context import PublishContext
from ..errors import PublishError
from ..reuse import use_existing_pyramid, wmsv_offering_id
from ..spec import PNG
from .base import Step, processing_id, run_execution

HARVEST_PROCESSING = "Calcul ou mise à jour de pyramide raster par moissonnage WMS"


def harvest_parameters(ctx: PublishContext, bbox: Tuple[float, float, float, float]
                       ) -> Dict[str, Any]:
    spec = ctx.spec
    zoom = ZoomRange(spec.top_level, spec.bottom_level)
    png = spec.image_format == PNG
    parameters: Dict[str, Any] = {
        # a map: its relations' WMS names, bottom first (read from the WMS-V's capabilities)
        "harvest_layers": (ctx.journal.get("harvest_layers")
                           or ctx.journal.get("wmsv_layer_name")),
        "harvest_url": ctx.journal.get("wmsv_url"),
        "harvest_levels": harvest_levels(zoom),
        "bottom": str(zoom.bottom), "top": str(zoom.top),
        "harvest_area": area_wkt(Bbox4326(*bbox)),
        "harvest_format": spec.image_format, "tms": "PM",
        "compression": "png" if png else "jpg",
        "samplesperpixel": 4 if png else 3, "sampleformat": "UINT8",
    }
    extras = ["transparent=true"] if png else []
    if ctx.journal.get("wmsv_private"):
        extras.append(f"apikey={ctx.secrets['harvest_apikey']}")
    if extras:
        parameters["harvest_extras"] = "&".join(extras)
    return parameters


def harvest_bbox(ctx: PublishContext) -> Tuple[float, float, float, float]:
    spec = ctx.spec
    bbox: Optional[Tuple[float, ...]] = spec.effective_extent_wgs84
    if bbox is None:
        bbox = bbox_of_geojson(ctx.journal.get("vectordb_extent"))
    if bbox is None:
        raise PublishError(tr("no extent to harvest: choose one"), step="pyramid")
    return tuple(bbox)  # type: ignore[return-value]


class PyramidStep(Step):
    name = "pyramid"
    weight = 40.0

    def run(self, ctx: PublishContext) -> None:
        api, spec, journal = ctx.api, ctx.spec, ctx.journal
        if spec.reuse_pyramid_id:
            use_existing_pyramid(ctx)
            ctx.progress(1.0, tr("existing pyramid read"))
            return
        if journal.get("wmsv_private") and "harvest_apikey" not in ctx.secrets:
            from .wmsv import WmsvStep

            WmsvStep()._harvest_key(ctx, api.offering(wmsv_offering_id(journal)))
        bbox = harvest_bbox(ctx)

        def body() -> Dict[str, Any]:
            return {"processing": processing_id(ctx, HARVEST_PROCESSING), "inputs": {},
                    "output": {"stored_data": {"name": spec.pyramid_name,
                                               "storage_tags": ["PYRAMIDE"]}},
                    "parameters": harvest_parameters(ctx, bbox)}

        def tags(execution_id: str, stored_id: str) -> None:
            api.add_tags("stored_data", stored_id, {
                "datasheet_name": spec.datasheet_name, "vectordb_id": journal.get("vectordb_id"),
                "upload_id": journal.resource_id("upload"),
                "proc_int_id": journal.resource_id("execution_integration"),
                "proc_pyr_creat_id": execution_id, "producer": spec.producer,
                "production_year": spec.production_year})

        pyramid = run_execution(
            ctx, execution_kind="execution_pyramid", stored_data_kind="stored_data_pyramid",
            output_name=spec.pyramid_name, body=body, tags=tags,
            timeout_s=ctx.timeouts.harvest_s, what=tr("the pyramid harvest"),
            work_units=tile_count(Bbox4326(*bbox),
                                  ZoomRange(spec.top_level, spec.bottom_level)))
        levels = sorted(int(z) for z in pyramid.levels)
        journal.put("pyramid_levels", levels)
        ctx.progress(1.0, tr("pyramid generated"))


def bbox_of_geojson(geometry: Any) -> Optional[Tuple[float, float, float, float]]:
    """Bounding box of a GeoJSON geometry (the stored data's ``extent``)."""
    if not isinstance(geometry, dict):
        return None
    points = []

    def walk(coords: Any) -> None:
        if coords and isinstance(coords[0], (int, float)):
            points.append(coords)
        else:
            for part in coords or []:
                walk(part)

    walk(geometry.get("coordinates"))
    if not points:
        return None
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return (min(xs), min(ys), max(xs), max(ys))
