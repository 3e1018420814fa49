"""Step 6 — the metadata: an ISO 19139 record (fileIdentifier with the datastore's prefix)
uploaded, tagged with the datasheet and published on the METADATA endpoint."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from datetime import date
from typing import Any, Dict, List
from urllib.parse import urlencode

from ...i18n import tr
from ...metadata import OnlineResource, ServiceMetadata, to_iso19139, validate
from ..context import PublishContext
from ..errors import PublishError
from ..naming import default_language
from ..reuse import reusable_metadata, reuse_metadata, wmsv_offering_id
from .base import Step, endpoint_url, ensure_resource, pick_endpoint
from .services import full_layer_name

DEFAULT_TOPIC = "imageryBaseMapsEarthCover"


def record_url(csw_url: str, file_identifier: str) -> str:
    """GetRecordById URL, as cartes.gouv.fr writes it in the configuration's metadata."""
    query = urlencode({"SERVICE": "CSW", "VERSION": "2.0.2", "REQUEST": "GetRecordById",
                       "OUTPUTSCHEMA": "http://www.isotc211.org/2005/gmd",
                       "elementSetName": "full", "ID": file_identifier})
    return f"{csw_url.split('?')[0]}?{query}"


def service_metadata(ctx: PublishContext, file_identifier: str) -> ServiceMetadata:
    """The user's record (or one built from the spec) with the names the platform imposes."""
    spec = ctx.spec
    bbox = spec.effective_extent_wgs84
    base = spec.metadata if isinstance(spec.metadata, ServiceMetadata) else ServiceMetadata(
        public_title=spec.wmts_title, service_title=spec.wmts_title, abstract=spec.abstract,
        contact_email=ctx.me.email, organisation_email=ctx.me.email,
        organisation=spec.producer or ctx.datastore.name,
        keywords=list(spec.keywords), topic_categories=[DEFAULT_TOPIC],
        creation_date=date.today())
    changes: Dict[str, Any] = {"file_identifier": file_identifier,
                               "technical_name": full_layer_name(ctx, spec.wmts_name)}
    if base.bbox is None and bbox is not None:
        from ...pyramid import Bbox4326

        changes["bbox"] = Bbox4326(*bbox)
    known = {r.name for r in base.online_resources}
    changes["online_resources"] = list(base.online_resources) + [
        r for r in service_links(ctx) if r.name not in known]
    return replace(base, **changes)


def checked_metadata(ctx: PublishContext, file_identifier: str, step: str) -> ServiceMetadata:
    """The service's record, refused (in the user's language) when a required field is
    missing or a prefix is wrong: a first publication and an update in place check alike."""
    record = service_metadata(ctx, file_identifier)
    datastore = ctx.datastore
    problems = validate(record, layer_name_prefix=datastore.layer_name_prefix or "",
                        file_identifier_prefix=datastore.metadata_prefix or "")
    if problems:
        raise PublishError(tr("the metadata is incomplete: {0}").format("; ".join(
            f"{p.field}: {p.message(default_language())}" for p in problems)), step=step)
    return record


def service_links(ctx: PublishContext) -> List[OnlineResource]:
    """The publication's services as cartes.gouv.fr lists them in the record: the WMS-V
    offering, and the WMTS (its endpoint and layer name are known before its offering)."""
    from .wmts import wmts_endpoint

    journal, spec = ctx.journal, ctx.spec
    links = []
    if journal.get("wmsv_url"):
        private = bool(journal.get("wmsv_private"))
        links.append(OnlineResource(
            url=journal.get("wmsv_url"), protocol="OGC:WMS",
            name=journal.get("wmsv_layer_name", ""), open=not private,
            offering_id=wmsv_offering_id(journal),
            description=_restricted(journal.get("wmsv_layer_name", ""), private)))
    layer_name = full_layer_name(ctx, spec.wmts_name)
    links.append(OnlineResource(
        url=endpoint_url(wmts_endpoint(ctx), "WMTS"), protocol="OGC:WMTS", name=layer_name,
        open=not spec.restricted, description=_restricted(layer_name, spec.restricted)))
    return links


def _restricted(layer_name: str, private: bool) -> str:
    return f"{layer_name} - Accès restreint" if private else ""


class MetadataStep(Step):
    name = "metadata"
    weight = 3.0

    def run(self, ctx: PublishContext) -> None:
        api, spec, journal, datastore = ctx.api, ctx.spec, ctx.journal, ctx.datastore
        existing = reusable_metadata(ctx)
        if existing is not None:
            self._complete_existing(ctx, existing)
            return
        file_identifier = datastore.prefixed_file_identifier(spec.effective_identifier)
        record = checked_metadata(ctx, file_identifier, self.name)
        xml = to_iso19139(record)
        digest = hashlib.sha256(xml).hexdigest()
        known = journal.resource_id("metadata")
        metadata_id = ensure_resource(
            ctx, "metadata", file_identifier,
            create=lambda: api.upload_metadata(xml))
        if known and journal.get("metadata_digest") not in (None, digest) and \
                journal.get("metadata_file_identifier") == file_identifier:
            # Rerun with another record for the same identifier (a WMTS renamed after a
            # refusal, a record edited): replaced in place, republished by the platform.
            api.replace_metadata(metadata_id, xml)
        journal.put("metadata_digest", digest)
        api.add_tags("metadata", metadata_id, {"datasheet_name": spec.datasheet_name})
        endpoint = pick_endpoint(ctx, "METADATA", open_=True)
        if endpoint is None:
            raise PublishError(tr("the datastore has no METADATA endpoint"), step=self.name)
        if not journal.get("metadata_published"):
            api.publish_metadata([file_identifier], endpoint.id)
            journal.put("metadata_published", endpoint.id)
        journal.put("metadata_file_identifier", file_identifier)
        csw = endpoint_url(endpoint, "CSW")
        journal.put("metadata_url", record_url(csw, file_identifier))
        ctx.progress(1.0, tr("metadata published"))

    def _complete_existing(self, ctx: PublishContext, record) -> None:
        """The datasheet has its record already ("à remplir uniquement pour le premier
        service de votre fiche"): the new service's link is added to it, nothing is asked
        again, and undo writes it back as it was (plugin/publish/reuse.py)."""
        journal = ctx.journal
        identifier, endpoint_id = reuse_metadata(ctx, record, service_links(ctx))
        endpoint = next((e for e in ctx.datastore.endpoints if e.id == endpoint_id), None) \
            if endpoint_id else None
        if endpoint is None:
            endpoint = pick_endpoint(ctx, "METADATA", open_=True)
            if endpoint is None:
                raise PublishError(tr("the datastore has no METADATA endpoint"), step=self.name)
            if not endpoint_id:   # M.8: a record not published yet is published
                ctx.api.publish_metadata([identifier], endpoint.id)
        journal.put("metadata_file_identifier", identifier)
        journal.put("metadata_url", record_url(endpoint_url(endpoint, "CSW"), identifier))
        ctx.log(f"metadata {record.id} of the datasheet completed, not created")
        ctx.progress(1.0, tr("metadata of the datasheet completed"))
