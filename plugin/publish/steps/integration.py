"""Step 2 — integration of the upload into a VECTOR-DB stored data; relations read back
(the platform renames tables and fields as GDAL launders them: later steps use its names)."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping

from ...entrepot.models import StoredData
from ...i18n import tr
from ..batches import UploadBatch, upload_batches
from ..context import PublishContext
from ..errors import PublishError
from .base import Step, processing_id, run_execution

INTEGRATION_PROCESSING = "Intégration de données vecteur livrées en base"


class IntegrationStep(Step):
    name = "integration"
    weight = 10.0

    def run(self, ctx: PublishContext) -> None:
        api, journal = ctx.api, ctx.journal
        if journal.get("vectordb_reused"):
            stored = [api.stored_data(journal.get("vectordb_id"))]
        else:
            batches = upload_batches(ctx.spec)
            stored = [self._integrate(ctx, batch) for batch in batches]
            journal.put("vectordb_id", stored[0].id)
        relations = []
        for data in stored:   # each table remembers its stored data (one per upload)
            relations += [dict(r, stored_data=data.id) for r in table_relations(data)]
        if not relations:
            raise PublishError(tr("stored data {0} has no table").format(stored[0].name),
                               step=self.name)
        journal.put("relations", relations)
        journal.put("vectordb_extent", stored[0].raw.get("extent"))
        ctx.progress(1.0, tr("integrated"))

    def _integrate(self, ctx: PublishContext, batch: UploadBatch) -> StoredData:
        api, spec, journal = ctx.api, ctx.spec, ctx.journal
        upload_id = journal.resource_id(batch.kind("upload"))
        name = batch.data_name

        def body() -> Dict[str, Any]:
            return {"processing": processing_id(ctx, INTEGRATION_PROCESSING),
                    "inputs": {"upload": [upload_id]},
                    "output": {"stored_data": {"name": name, "storage_tags": ["VECTEUR"]}},
                    "parameters": {}}

        def tags(execution_id: str, stored_id: str) -> None:
            api.add_tags("stored_data", stored_id, {
                "datasheet_name": spec.datasheet_name, "upload_id": upload_id,
                "proc_int_id": execution_id, "producer": spec.producer,
                "production_year": spec.production_year})
            api.add_tags("uploads", upload_id, {
                "vectordb_id": stored_id, "proc_int_id": execution_id})

        return run_execution(
            ctx, execution_kind=batch.kind("execution_integration"),
            stored_data_kind=batch.kind("stored_data_vector"),
            output_name=name, body=body, tags=tags, timeout_s=ctx.timeouts.integration_s,
            what=tr("the integration"),
            work_units=(journal.get(batch.kind("export")) or {}).get("size"))


def table_relations(stored: StoredData) -> List[Mapping[str, Any]]:
    """TABLE relations of a VECTOR-DB, geometric ones first."""
    tables = [r for r in stored.relations if r.get("type", "TABLE") == "TABLE"]

    def has_geometry(relation: Mapping[str, Any]) -> bool:
        return any(str(t).startswith("geometry") for t in (relation.get("attributes") or {}
                                                            ).values())

    return sorted(tables, key=lambda r: not has_geometry(r))
