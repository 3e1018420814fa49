"""Starting from what exists: the steps' side of an existing WMS-V, pyramid or metadata.

What is reused is read and written to the journal as *values* (``wmsv_reused``,
``pyramid_reused``, ``metadata_reused``), never as resources: undo and unpublish only remove
journal resources, so a reused service, pyramid or record is never deleted. The one change a
publication makes to something it did not create — the new service's link added to the
datasheet's metadata record — is undone by writing the record back as it was (the original
XML is journaled before the change).
"""

from __future__ import annotations

from typing import Any, Dict, List, Optional, Tuple

from ..code_labels import status_label
from ..entrepot.errors import NotFound
from ..entrepot.models import Metadata, Offering
from ..i18n import tr
from .context import PublishContext
from .errors import PublishError
from .journal import Journal
from .live import is_alive
from .sources import PYRAMID_TYPE, WMSV_TYPE


# -- ids that are either created or reused --------------------------------------------------
def pyramid_id(journal: Journal) -> Optional[str]:
    """The pyramid the WMTS serves: the one harvested, else the one reused."""
    return journal.resource_id("stored_data_pyramid") or journal.get("pyramid_reused")


def wmsv_offering_id(journal: Journal) -> str:
    return journal.resource_id("offering_wmsv") or journal.get("offering_wmsv_reused") or ""


# -- an existing WMS-V ----------------------------------------------------------------------
def use_existing_wmsv(ctx: PublishContext) -> Offering:
    """Read the reused WMS-V (configuration, its PUBLISHED offering, the stored data behind
    it) and journal what the harvest needs; create nothing."""
    api, journal = ctx.api, ctx.journal
    configuration = api.configuration(ctx.spec.reuse_wmsv_configuration_id)
    if configuration.type != WMSV_TYPE:
        raise PublishError(tr("configuration {0} is a {1}, not a WMS-V").format(
            configuration.layer_name, configuration.type), step=ctx.current_step)
    offering = next((o for o in api.configuration_offerings(configuration.id)
                     if o.status == "PUBLISHED"), None)
    if offering is None:
        raise PublishError(tr("the WMS-V {0} is not published: it cannot be harvested").format(
            configuration.layer_name), step=ctx.current_step)
    url = offering.url("WMS")
    if not url:
        raise PublishError(tr("offering {0} lists no {1} URL").format(offering.layer_name,
                                                                       "WMS"),
                           step=ctx.current_step)
    journal.put("wmsv_reused", configuration.id)
    journal.put("offering_wmsv_reused", offering.id)
    journal.put("wmsv_layer_name", configuration.layer_name)
    journal.put("wmsv_url", url.split("?")[0])
    journal.put("wmsv_private", not offering.open)
    used = configuration.used_data
    if used and used[0].stored_data_id:
        journal.put("vectordb_id", used[0].stored_data_id)
        journal.put("vectordb_extent", _extent_of(ctx, used[0].stored_data_id,
                                                  configuration.type_infos.get("bbox")))
    return offering


def _extent_of(ctx: PublishContext, stored_data_id: str, bbox: Any) -> Any:
    """The stored data's GeoJSON extent; the configuration's bbox when it cannot be read."""
    try:
        extent = ctx.api.stored_data(stored_data_id).raw.get("extent")
    except NotFound:
        extent = None
    if extent or not isinstance(bbox, dict):
        return extent
    west, south, east, north = (bbox.get(k) for k in ("west", "south", "east", "north"))
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north],
                                                [west, north], [west, south]]]}


# -- an existing pyramid --------------------------------------------------------------------
def use_existing_pyramid(ctx: PublishContext) -> List[int]:
    """Check the reused pyramid (a GENERATED ROK4-PYRAMID-RASTER), journal it and its levels."""
    stored = ctx.api.stored_data(ctx.spec.reuse_pyramid_id)
    if stored.type != PYRAMID_TYPE or stored.status != "GENERATED":
        raise PublishError(tr("stored data {0} is {1} ({2}); a generated {3} is needed").format(
            stored.name, stored.type, status_label(stored.status), PYRAMID_TYPE),
            step=ctx.current_step)
    levels = sorted(int(z) for z in stored.levels if str(z).isdigit())
    ctx.journal.put("pyramid_reused", stored.id)
    ctx.journal.put("pyramid_levels", levels)
    return levels


# -- the datasheet's metadata ---------------------------------------------------------------
def datasheet_metadata(api, datasheet_name: str) -> Optional[Metadata]:
    """The datasheet's record (tag ``datasheet_name``), as cartes.gouv.fr keeps one per
    datasheet; None when it has none yet."""
    for item in api.metadata_list(tags={"datasheet_name": datasheet_name}):
        if item.tags.get("datasheet_name", datasheet_name) == datasheet_name and \
                is_alive(item):
            return item
    return None


def reusable_metadata(ctx: PublishContext) -> Optional[Metadata]:
    """The record this publication completes instead of creating one: the one it already
    reused (resume), else the datasheet's, unless this publication created its own."""
    journal = ctx.journal
    if journal.resource_id("metadata") or journal.intent("metadata") is not None:
        return None
    known = journal.get("metadata_reused")
    if known:
        return ctx.api.metadata(known["id"])
    return datasheet_metadata(ctx.api, ctx.spec.datasheet_name)


def reuse_metadata(ctx: PublishContext, record: Metadata, links: List[Any]
                   ) -> Tuple[str, Optional[str]]:
    """Add the new service's links to the datasheet's record (PUT, same identifier) and
    publish it when it is not; return (file identifier, endpoint id it is published on)."""
    from ..metadata.iso19139_writer import add_online_resources

    api, journal = ctx.api, ctx.journal
    if not journal.get("metadata_reused"):
        original = api.metadata_file(record.id)
        journal.put("metadata_reused", {"id": record.id,
                                        "file_identifier": record.file_identifier,
                                        "original": original})
    current = api.metadata_file(record.id)
    updated = add_online_resources(current.encode("utf-8"), links)
    if journal.get("metadata_restored"):
        journal.put("metadata_restored", False)   # published again after an undo
    if updated is not None:
        api.replace_metadata(record.id, updated)
    ctx.checkpoint("updated:metadata")
    endpoint_id = _published_endpoint(api.metadata(record.id))
    return record.file_identifier, endpoint_id


def _published_endpoint(record: Metadata) -> Optional[str]:
    for endpoint in record.endpoints:
        if isinstance(endpoint, dict):
            found = endpoint.get("_id") or (endpoint.get("endpoint") or {}).get("_id")
        else:
            found = endpoint
        if found:
            return str(found)
    return None


def restore_reused(ctx: PublishContext) -> List[str]:
    """Undo's part for what was reused: the datasheet's record written back as it was.
    Nothing reused is ever deleted. Returns what was restored."""
    journal = ctx.journal
    reused: Dict[str, Any] = journal.get("metadata_reused") or {}
    if not reused or journal.get("metadata_restored"):
        return []
    try:
        ctx.api.replace_metadata(reused["id"], reused["original"].encode("utf-8"))
    except NotFound:   # removed by someone else meanwhile: nothing to write back
        pass
    journal.put("metadata_restored", True)
    return ["metadata_reused"]
