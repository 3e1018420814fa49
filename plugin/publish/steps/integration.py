"""Step 2 — integration of the upload into a VECTOR-DB stored data; relations read back
(the platform renames tables and fields as GDAL launders them: later steps use its names)."""

from __future__ import annotations

from typing import Any, Dict, List, Mapping

from ...entrepot.models import StoredData
from ..context import PublishContext
from ..errors import PublishError
from .base import Step, processing_id, run_execution

INTEGRATION_PROCESSING = "Intégration de données vecteur livrées en base"


class IntegrationStep(Step):
    name = "integration"
    weight = 10.0

    def run(self, ctx: PublishContext) -> None:
        api, spec, journal = ctx.api, ctx.spec, ctx.journal
        if journal.get("vectordb_reused"):
            stored = api.stored_data(journal.get("vectordb_id"))
        else:
            upload_id = journal.resource_id("upload")
            name = spec.effective_data_name

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

            stored = run_execution(
                ctx, execution_kind="execution_integration", stored_data_kind="stored_data_vector",
                output_name=name, body=body, tags=tags, timeout_s=ctx.timeouts.integration_s,
                what="the integration", stored_data_type="VECTOR-DB",
                work_units=(journal.get("export") or {}).get("size"))
            journal.put("vectordb_id", stored.id)
        relations = table_relations(stored)
        if not relations:
            raise PublishError(f"stored data {stored.name} has no table", step=self.name)
        journal.put("relations", relations)
        journal.put("vectordb_extent", stored.raw.get("extent"))
        ctx.progress(1.0, "integrated")


def table_relations(stored: StoredData) -> List[Mapping[str, Any]]:
    """TABLE relations of a VECTOR-DB, geometric ones first."""
    tables = [r for r in stored.relations if r.get("type", "TABLE") == "TABLE"]

    def has_geometry(relation: Mapping[str, Any]) -> bool:
        return any(str(t).startswith("geometry") for t in (relation.get("attributes") or {}
                                                            ).values())

    return sorted(tables, key=lambda r: not has_geometry(r))
