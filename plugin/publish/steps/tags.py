"""Step 9 — the tags that make the publication appear in cartes.gouv.fr as one datasheet
(``datasheet_name`` everywhere, provenance ids as the web application writes them)."""

from __future__ import annotations

import json

from ...i18n import tr
from ..context import PublishContext
from .base import Step


class TagsStep(Step):
    name = "tags"
    weight = 1.0

    def run(self, ctx: PublishContext) -> None:
        api, spec, journal = ctx.api, ctx.spec, ctx.journal
        sheet = spec.datasheet_name
        upload = journal.resource_id("upload")
        vectordb = journal.get("vectordb_id")
        integration = journal.resource_id("execution_integration")
        common = {"producer": spec.producer, "production_year": spec.production_year,
                  **spec.extra_tags}
        if upload:
            api.add_tags("uploads", upload, {
                "datasheet_name": sheet, "vectordb_id": vectordb, "proc_int_id": integration,
                "integration_progress": json.dumps({
                    "send_files_api": "successful", "wait_checks": "successful",
                    "integration_processing": "successful"}),
                "integration_current_step": "3", **common})
        if vectordb and not journal.get("vectordb_reused"):
            api.add_tags("stored_data", vectordb, {
                "datasheet_name": sheet, "upload_id": upload, "proc_int_id": integration,
                **common})
        pyramid = journal.resource_id("stored_data_pyramid")
        if pyramid:
            api.add_tags("stored_data", pyramid, {
                "datasheet_name": sheet, "upload_id": upload, "proc_int_id": integration,
                "vectordb_id": vectordb,
                "proc_pyr_creat_id": journal.resource_id("execution_pyramid"), **common})
        for kind in ("configuration_wmsv", "configuration_wmts"):
            configuration = journal.resource_id(kind)
            if configuration:
                api.add_tags("configurations", configuration,
                                 {"datasheet_name": sheet, "theme": spec.theme})
        metadata = journal.resource_id("metadata")
        if metadata:
            api.add_tags("metadata", metadata, {"datasheet_name": sheet})
        ctx.progress(1.0, tr("tagged"))
