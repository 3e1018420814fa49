"""Step 1 — the data: export the layer to GeoPackage and upload it (bytes, md5, close,
checks), or reuse a VECTOR-DB stored data (given, or found by the ``datasheet_name`` tag)."""

from __future__ import annotations

import json
import os
from typing import Any, Dict, List, Optional

from ..context import PublishContext
from ..errors import PublishError
from ..export import export_geopackage, file_md5
from .base import Step, ensure_resource, first_by

UPLOAD_STATUSES_CLOSED = ("CLOSED", "CHECKING", "GENERATING")


class DataStep(Step):
    name = "data"
    weight = 20.0

    def run(self, ctx: PublishContext) -> None:
        spec = ctx.spec
        reused = self._reusable_stored_data(ctx)
        if reused is not None:
            ctx.journal.put("vectordb_id", reused["_id"])
            ctx.journal.put("vectordb_reused", True)
            ctx.log(f"reusing stored data {reused['_id']}")
            return
        if spec.layer is None:
            raise PublishError("no layer to upload and no stored data to reuse", step=self.name)
        export = self._export(ctx)
        gateway, ds = ctx.gateway, ctx.ds
        name = spec.effective_data_name
        upload_id = ensure_resource(
            ctx, "upload", name,
            find=lambda: first_by(gateway.list_uploads(ds), name=name),
            create=lambda: gateway.create_upload(ds, name, export["srs"], spec.wmsv_title))
        gateway.add_tags(ds, "uploads", upload_id, {
            "datasheet_name": spec.datasheet_name, "producer": spec.producer,
            "production_year": spec.production_year,
            "integration_progress": json.dumps({"send_files_api": "in_progress",
                                                "wait_checks": "waiting",
                                                "integration_processing": "waiting"}),
            "integration_current_step": "0"})
        upload = gateway.get_upload(ds, upload_id)
        if upload.get("status") == "OPEN":
            self._send_file(ctx, upload_id, export)
            ctx.check_cancel()
            gateway.close_upload(ds, upload_id)
            ctx.checkpoint("closed:upload")
        elif upload.get("status") not in (*UPLOAD_STATUSES_CLOSED, "UNSTABLE"):
            raise PublishError(f"upload {upload_id} is {upload.get('status')}", step=self.name)
        self._wait_checks(ctx, upload_id)
        gateway.add_tags(ds, "uploads", upload_id, {
            "integration_progress": json.dumps({"send_files_api": "successful",
                                                "wait_checks": "successful",
                                                "integration_processing": "waiting"}),
            "integration_current_step": "2"})

    # -- reuse --------------------------------------------------------------------------
    def _reusable_stored_data(self, ctx: PublishContext) -> Optional[Dict[str, Any]]:
        spec, gateway, ds = ctx.spec, ctx.gateway, ctx.ds
        if spec.reuse_stored_data_id:
            stored = gateway.get_stored_data(ds, spec.reuse_stored_data_id)
            if stored.get("type") != "VECTOR-DB" or stored.get("status") != "GENERATED":
                raise PublishError(
                    f"stored data {stored.get('name')} is {stored.get('type')} "
                    f"{stored.get('status')}; a GENERATED VECTOR-DB is needed", step=self.name)
            return stored
        if spec.reuse_by_datasheet:
            candidates = gateway.list_stored_data(
                ds, {"tags[datasheet_name]": spec.datasheet_name, "type": "VECTOR-DB"})
            for stored in candidates:
                tags = stored.get("tags") or {}
                if (stored.get("type") == "VECTOR-DB" and stored.get("status") == "GENERATED"
                        and tags.get("datasheet_name", spec.datasheet_name)
                        == spec.datasheet_name):
                    return stored
        return None

    # -- export -------------------------------------------------------------------------
    def _export(self, ctx: PublishContext) -> Dict[str, Any]:
        """Export once; a resumed run sends the very same bytes (same size, same md5)."""
        known = ctx.journal.get("export")
        if known and os.path.exists(known["path"]) and os.path.getsize(known["path"]) == known[
                "size"]:
            return known
        table = ctx.spec.effective_data_name
        path = os.path.join(ctx.work_dir, f"{table}.gpkg")
        ctx.progress(0.0, "export")
        result = export_geopackage(ctx.spec.layer, path, table)
        export = {"path": result.path, "size": result.size, "md5": file_md5(result.path),
                  "srs": result.srs, "features": result.feature_count,
                  "remote_path": f"data/{table}.gpkg"}
        ctx.journal.put("export", export)
        return export

    # -- sending ------------------------------------------------------------------------
    def _send_file(self, ctx: PublishContext, upload_id: str, export: Dict[str, Any]) -> None:
        gateway, ds = ctx.gateway, ctx.ds
        remote = export["remote_path"]
        present = _file_size_in_tree(gateway.upload_tree(ds, upload_id), remote)
        if present != export["size"]:
            if present is not None:
                gateway.delete_upload_file(ds, upload_id, remote)
            total = export["size"]

            def on_bytes(sent: int, _total: int) -> None:
                ctx.progress(0.05 + 0.75 * sent / max(total, 1), "upload")
                ctx.check_cancel()

            md5 = gateway.push_upload_file(ds, upload_id, export["path"], remote, on_bytes)
            if md5 and md5 != export["md5"]:
                raise PublishError("the file changed while it was sent", step=self.name)
            ctx.checkpoint("sent:upload")
        if not ctx.journal.get("md5_sent"):
            gateway.push_upload_md5(ds, upload_id, f"{export['md5']}  {remote}\n")
            ctx.journal.put("md5_sent", True)
        ctx.progress(0.8, "upload sent")

    def _wait_checks(self, ctx: PublishContext, upload_id: str) -> None:
        gateway, ds = ctx.gateway, ctx.ds

        def done(checks: Dict[str, Any]) -> bool:
            if checks.get("asked") or checks.get("in_progress"):
                return False
            failed = checks.get("failed") or []
            if failed:
                logs: List[str] = []
                for check in failed:
                    logs += gateway.check_logs(ds, check["_id"])
                names = ", ".join((c.get("check") or {}).get("name", "?") for c in failed)
                raise PublishError(f"the upload checks failed: {names}", step=self.name,
                                   logs=logs)
            return gateway.get_upload(ds, upload_id).get("status") == "CLOSED"

        ctx.wait(lambda: gateway.upload_checks(ds, upload_id), done,
                 timeout_s=ctx.timeouts.checks_s, what="the upload checks")
        ctx.progress(1.0, "checks passed")


def _file_size_in_tree(tree: List[Dict[str, Any]], remote_path: str) -> Optional[int]:
    """Size of ``data/x.gpkg`` in the upload's tree, or None when absent."""
    parts = remote_path.split("/")
    nodes = tree
    for index, part in enumerate(parts):
        match = next((n for n in nodes if n.get("name") == part), None)
        if match is None:
            return None
        if index == len(parts) - 1:
            return match.get("size")
        nodes = match.get("children") or []
    return None
