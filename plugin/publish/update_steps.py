"""The steps of an update in place (plugin/publish/update.py says which change runs which).

The data, integration and pyramid steps are the publication's own (plugin/publish/steps/),
run on a publication spec built from the published state with versioned names; the steps
here replace a configuration and synchronise its offering, make the new style static,
replace the metadata record, and remove what the new version replaced. Each writes to the
update's journal before and after what it changes, so a resume continues and an undo knows
what to give back.
"""

from __future__ import annotations

import os
from dataclasses import replace
from typing import Any, Dict, List

from ..entrepot.errors import Conflict, NotFound
from ..entrepot.models import LayerRelation, UsedData
from ..entrepot.models.fields import id_of
from ..i18n import tr
from .context import PublishContext
from .errors import PublishError
from .pyramid_versions import next_version_name
from .steps.base import Step, ensure_resource, first_by
from .steps.style import StyleStep
from .steps.wmts import published_levels
from .update_target import UpdateTarget, replace_body


def target_of(ctx: PublishContext) -> UpdateTarget:
    return UpdateTarget.from_dict(ctx.journal.get("target"))


def _bbox_dict(bbox) -> Dict[str, float]:
    return dict(zip(("west", "south", "east", "north"), bbox))


def restyled(used_data: List[Dict[str, Any]], stored_data_id: str, table: str,
             static_id: str) -> List[Dict[str, Any]]:
    """``used_data`` (a WMS-V's) with the relation ``table`` of ``stored_data_id`` drawn
    with ``static_id``; every other relation, and the order, as they were."""
    result, found = [], False
    for used in used_data:   # as a PUT body: ids for the reply's objects, the rest kept
        used = dict(used, stored_data=id_of(used.get("stored_data")) or "",
                    relations=[dict(r, style=id_of(r.get("style")) or "")
                               for r in used.get("relations") or []])
        for relation in used["relations"]:
            if used["stored_data"] == stored_data_id and relation.get("name") == table:
                relation["style"], found = static_id, True
        result.append(used)
    if not found:
        raise PublishError(tr("the WMS-V no longer draws the table '{0}'").format(table),
                           step="wmsv_switch")
    return result


def sync_offering(ctx: PublishContext, offering_id: str, flag: str) -> None:
    """Synchronise the offering with its configuration and wait until it is PUBLISHED
    again (it keeps serving the previous state meanwhile). A resumed run that may already
    have asked synchronises once more: harmless, the configuration is the same."""
    api = ctx.api

    def settled(offering) -> bool:
        return offering.status in ("PUBLISHED", "UNSTABLE")

    def wait_settled():
        return ctx.wait(lambda: api.offering(offering_id), settled,
                        timeout_s=ctx.timeouts.offering_s,
                        what=tr("the offering's synchronisation"))

    if not ctx.journal.get(flag):
        wait_settled()
        try:
            api.sync_offering(offering_id)
        except Conflict:   # a synchronisation still under way: wait for it, then ask again
            wait_settled()
            api.sync_offering(offering_id)
        ctx.journal.put(flag, True)
        ctx.checkpoint(f"synced:{flag}")
    offering = wait_settled()
    if offering.status != "PUBLISHED":
        raise PublishError(tr("offering {0} is unstable after its synchronisation").format(
            offering.layer_name), step=ctx.current_step)


def replace_configuration(ctx: PublishContext, configuration_id: str, body: Dict[str, Any],
                          flag: str) -> None:
    """``PUT`` the configuration once (journaled), then its offering synchronised."""
    if not ctx.journal.get(flag):
        ctx.api.replace_configuration(configuration_id, body)
        ctx.journal.put(flag, True)
        ctx.checkpoint(f"switched:{flag}")


class UpdateStyleStep(Step):
    """A new GEOSERVER-STYLE static for the (new or same) table, named as the next version
    of the published one."""

    name = "style"
    weight = 3.0

    def run(self, ctx: PublishContext) -> None:
        journal = ctx.journal
        if journal.resource_id("static_sld"):
            return
        target = target_of(ctx)
        relations = journal.get("relations")
        # New data: its (first) table; a new style: the table the published style drew.
        relation = relations[0] if journal.get("data_replaced") else next(
            (r for r in relations if r.get("name") == target.table), relations[0])
        table = relation["name"]
        journal.put("table", table)
        name = next_version_name(target.static_name, target.existing_names)
        sld = StyleStep()._sld(ctx, table, relation, in_map=target.is_map)
        api = ctx.api
        ensure_resource(ctx, "static_sld", name,
                        find=lambda: first_by(api.statics(), name=name),
                        create=lambda: api.create_static(sld, name=name,
                                                         description=ctx.spec.wmsv_title,
                                                         filename=f"{table}.sld"))
        ctx.progress(1.0, tr("style uploaded"))


class WmsvSwitchStep(Step):
    """The WMS-V draws the new table and style: configuration replaced, offering synced."""

    name = "wmsv_switch"
    weight = 4.0

    def run(self, ctx: PublishContext) -> None:
        target, journal = target_of(ctx), ctx.journal
        body = replace_body(target.wmsv_configuration)
        infos = body["type_infos"]
        if journal.get("data_replaced"):
            used = UsedData(journal.get("vectordb_id"), relations=(LayerRelation(
                journal.get("table"), journal.resource_id("static_sld")),))
            infos["used_data"] = [used.to_dict(), *list(infos.get("used_data") or [])[1:]]
            if ctx.spec.extent_wgs84:
                infos["bbox"] = _bbox_dict(ctx.spec.extent_wgs84)
        else:   # a new style: only that relation's (a map keeps its other layers as they are)
            infos["used_data"] = restyled(infos.get("used_data") or [], target.vectordb_id,
                                          target.table, journal.resource_id("static_sld"))
        replace_configuration(ctx, target.wmsv_configuration_id, body, "wmsv_switched")
        ctx.progress(0.3, tr("WMS-V configured"))
        sync_offering(ctx, target.wmsv_offering_id, "wmsv_synced")
        ctx.progress(1.0, tr("WMS-V synchronised"))


class WmtsSwitchStep(Step):
    """The WMTS draws the new pyramid: configuration replaced, offering synced. Until the
    offering is PUBLISHED again it serves the old pyramid, which is still there."""

    name = "wmts_switch"
    weight = 4.0

    def run(self, ctx: PublishContext) -> None:
        target, journal, spec = target_of(ctx), ctx.journal, ctx.spec
        body = replace_body(target.wmts_configuration)
        infos = body["type_infos"]
        top, bottom = published_levels(spec.top_level, spec.bottom_level,
                                       journal.get("pyramid_levels") or [])
        used = UsedData(journal.resource_id("stored_data_pyramid"), top_level=top,
                        bottom_level=bottom)
        infos["used_data"] = [used.to_dict(), *list(infos.get("used_data") or [])[1:]]
        if spec.extent_wgs84:
            infos["bbox"] = _bbox_dict(spec.extent_wgs84)
        replace_configuration(ctx, target.wmts_configuration_id, body, "wmts_switched")
        ctx.progress(0.3, tr("WMTS configured"))
        sync_offering(ctx, target.wmts_offering_id, "wmts_synced")
        journal.put("wmts_levels", [top, bottom])
        ctx.progress(1.0, tr("WMTS synchronised"))


class UpdateMetadataStep(Step):
    """The datasheet's record replaced (same fileIdentifier), published if it was not; the
    previous XML is kept in the work folder for an undo."""

    name = "metadata"
    weight = 2.0

    def run(self, ctx: PublishContext) -> None:
        from ..metadata import to_iso19139
        from .spec import metadata_digest
        from .steps.base import pick_endpoint
        from .steps.metadata import checked_metadata

        api, journal = ctx.api, ctx.journal
        target = target_of(ctx)
        if not target.metadata_id:
            raise PublishError(tr("the datasheet has no metadata record to update"),
                               step=self.name)
        current = api.metadata(target.metadata_id)
        if not journal.get("old_metadata_path"):
            path = os.path.join(ctx.work_dir, "metadata_before_update.xml")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(api.metadata_file(target.metadata_id))
            journal.put("old_metadata_path", path)
        if isinstance(ctx.spec.metadata, dict):   # field edits on the current record
            from ..metadata.iso19139_reader import from_iso19139

            with open(journal.get("old_metadata_path"), "rb") as handle:
                published = from_iso19139(handle.read())
            ctx.spec = replace(ctx.spec, metadata=replace(published, **ctx.spec.metadata))
        record = checked_metadata(ctx, current.file_identifier, self.name)
        api.replace_metadata(target.metadata_id, to_iso19139(record))
        journal.put("metadata_replaced", True)
        journal.put("metadata_digest", metadata_digest(ctx.spec.metadata))  # the settings'
        ctx.checkpoint("replaced:metadata")
        if not current.endpoints:
            endpoint = pick_endpoint(ctx, "METADATA", open_=True)
            if endpoint is not None:
                api.publish_metadata([current.file_identifier], endpoint.id)
        ctx.progress(1.0, tr("metadata updated"))


class CleanupStep(Step):
    """Once the WMTS serves the new pyramid: the old pyramid deleted, and the static and
    stored data the new version replaced — only what this publication created
    (plugin/publish/update_owner.py): a reused one stays, and so does one that something
    else still uses; each kept one is said in the log and the result (``kept``)."""

    name = "cleanup"
    weight = 1.0

    def run(self, ctx: PublishContext) -> None:
        from .update_owner import created_by_publication

        journal = ctx.journal
        target = target_of(ctx)
        journal.put("cleanup_started", True)   # from here the old version cannot come back
        old: List[tuple] = []
        if journal.get("wmts_synced"):
            old.append(("stored_data", target.pyramid_id))
        if journal.get("wmsv_synced") and journal.resource_id("static_sld"):
            old.append(("static", target.static_id))
        if journal.get("wmsv_synced") and journal.get("data_replaced"):
            old.append(("stored_data", target.vectordb_id))
            upload = journal.get("old_upload_id") or self._upload_of(ctx, target.vectordb_id)
            journal.put("old_upload_id", upload)
            if upload:
                old.append(("upload", upload))
        owned = created_by_publication(journal, target.wmts_configuration_id)
        for kind, resource_id in old:
            if resource_id in owned:
                self._remove(ctx, kind, resource_id)
            else:
                self._keep(ctx, kind, resource_id, "not created by this publication")
            ctx.checkpoint(f"removed:old_{kind}")
        ctx.progress(1.0, tr("previous version removed"))

    @staticmethod
    def _keep(ctx: PublishContext, kind: str, resource_id: str, why: str) -> None:
        ctx.log(f"old {kind} {resource_id} kept: {why}")
        kept = [k for k in ctx.journal.get("kept") or [] if k["id"] != resource_id]
        ctx.journal.put("kept", [*kept, {"kind": kind, "id": resource_id, "why": why}])

    @staticmethod
    def _upload_of(ctx: PublishContext, vectordb_id: str) -> str:
        try:
            return ctx.api.stored_data(vectordb_id).tags.get("upload_id") or ""
        except NotFound:
            return ""

    @staticmethod
    def _remove(ctx: PublishContext, kind: str, resource_id: str) -> None:
        remove = {"stored_data": ctx.api.delete_stored_data, "static": ctx.api.delete_static,
                  "upload": ctx.api.delete_upload}[kind]
        try:
            remove(resource_id)
        except NotFound:
            pass
        except Conflict as error:   # used by another service of the datastore: keep it
            CleanupStep._keep(ctx, kind, resource_id, str(error))
