"""Step 1 — the data: export the layer to GeoPackage and upload it (bytes, md5, close,
checks), or reuse a VECTOR-DB stored data (given, or found by the ``datasheet_name`` tag)."""

from __future__ import annotations

import json
import os
from typing import Any, Dict, Optional

from ...code_labels import status_label
from ...entrepot.models import Checks, StoredData, tree_files
from ...file_names import portable_file_name
from ...i18n import tr
from ..batches import UploadBatch, upload_batches
from ..context import PublishContext
from ..errors import PublishError
from ..export import export_geopackage_tables, file_md5
from .base import Step, ensure_resource

UPLOAD_STATUSES_CLOSED = ("CLOSED", "CHECKING", "GENERATING")


class DataStep(Step):
    name = "data"
    weight = 20.0
    map_tables = False   # True: tables named after their layers (a map's new data in place)

    def run(self, ctx: PublishContext) -> None:
        spec = ctx.spec
        reused = self._reusable_stored_data(ctx)
        if reused is not None:
            ctx.journal.put("vectordb_id", reused.id)
            ctx.journal.put("vectordb_reused", True)
            ctx.log(f"reusing stored data {reused.id}")
            return
        if not spec.sources:
            raise PublishError(tr("no layer to upload and no stored data to reuse"),
                               step=self.name)
        batches = upload_batches(spec, self.map_tables)
        for batch in batches:   # one upload per CRS (one for a single layer)
            self._upload(ctx, batch, lambda fraction, message, b=batch.index: ctx.progress(
                (b + fraction) / len(batches), message))

    def _upload(self, ctx: PublishContext, batch: UploadBatch, progress) -> None:
        spec, api = ctx.spec, ctx.api
        export = self._export(ctx, batch, progress)
        name, kind = batch.data_name, batch.kind("upload")
        # Neither journaled nor intended: the upload is created below, OPEN and empty, so
        # its status and file tree need no read (one publication, fewest requests).
        fresh = not ctx.journal.resource_id(kind) and ctx.journal.intent(kind) is None
        upload_id = ensure_resource(
            ctx, kind, name,
            create=lambda: api.create_upload(name, srs=export["srs"],
                                             description=spec.wmsv_title))
        api.add_tags("uploads", upload_id, {
            "datasheet_name": spec.datasheet_name, "producer": spec.producer,
            "production_year": spec.production_year,
            "integration_progress": json.dumps({"send_files_api": "in_progress",
                                                "wait_checks": "waiting",
                                                "integration_processing": "waiting"}),
            "integration_current_step": "0"})
        status = "OPEN" if fresh else api.upload(upload_id).status
        if status == "OPEN":
            self._send_file(ctx, upload_id, export, batch, progress, fresh)
            ctx.check_cancel()
            api.close_upload(upload_id)
            ctx.checkpoint(f"closed:{kind}")
        elif status not in (*UPLOAD_STATUSES_CLOSED, "UNSTABLE"):
            raise PublishError(tr("upload {0} is {1}").format(
                upload_id, status_label(status)), step=self.name)
        self._wait_checks(ctx, upload_id, progress)
        api.add_tags("uploads", upload_id, {
            "integration_progress": json.dumps({"send_files_api": "successful",
                                                "wait_checks": "successful",
                                                "integration_processing": "waiting"}),
            "integration_current_step": "2"})

    # -- reuse --------------------------------------------------------------------------
    def _reusable_stored_data(self, ctx: PublishContext) -> Optional[StoredData]:
        spec, api = ctx.spec, ctx.api
        if spec.reuse_stored_data_id:
            stored = api.stored_data(spec.reuse_stored_data_id)
            if stored.type != "VECTOR-DB" or stored.status != "GENERATED":
                raise PublishError(
                    tr("stored data {0} is {1} ({2}); a generated VECTOR-DB is needed").format(
                        stored.name, stored.type, status_label(stored.status)), step=self.name)
            return stored
        if spec.reuse_by_datasheet:
            candidates = api.stored_data_list(tags={"datasheet_name": spec.datasheet_name},
                                              data_type="VECTOR-DB")
            for stored in candidates:
                if (stored.type == "VECTOR-DB" and stored.status == "GENERATED"
                        and stored.tags.get("datasheet_name", spec.datasheet_name)
                        == spec.datasheet_name):
                    return stored
        return None

    # -- export -------------------------------------------------------------------------
    def _export(self, ctx: PublishContext, batch: UploadBatch, progress) -> Dict[str, Any]:
        """Export once; a resumed run sends the very same bytes (same size, same md5)."""
        known = ctx.journal.get(batch.kind("export"))
        if known and os.path.exists(known["path"]) and os.path.getsize(known["path"]) == known[
                "size"]:
            return known
        table = batch.data_name
        # Only the local copy's name is adapted: the platform still receives data/<table>.gpkg.
        path = os.path.join(ctx.work_dir, portable_file_name(table, ".gpkg"))
        progress(0.0, tr("export"))
        # the layers of this upload (one CRS): one file, one table each
        result = export_geopackage_tables(batch.sources, path, batch.tables)
        # No MD5 here: the upload computes it in the pass that sends the bytes, so a
        # publication reads the file once (a second pass costs ~1.6 CPU-s per GB).
        export = {"path": result.path, "size": result.size,
                  "mtime_ns": os.stat(result.path).st_mtime_ns, "srs": result.srs,
                  "features": result.feature_count,
                  "remote_path": f"data/{table}.gpkg"}
        ctx.journal.put(batch.kind("export"), export)
        return export

    # -- sending ------------------------------------------------------------------------
    def _send_file(self, ctx: PublishContext, upload_id: str, export: Dict[str, Any],
                   batch: UploadBatch, progress, fresh: bool = False) -> None:
        api, kind, key = ctx.api, batch.kind("upload"), batch.kind("export")
        remote = export["remote_path"]
        present = None if fresh else tree_files(api.upload_tree(upload_id)).get(remote)
        if present != export["size"]:
            if present is not None:
                api.delete_data(upload_id, remote)
            total = export["size"]

            def on_bytes(sent: int, _total: int) -> None:
                progress(0.05 + 0.75 * sent / max(total, 1), tr("upload"))
                ctx.checkpoint(f"sending:{kind}")   # the request is still open: mid-upload
                ctx.check_cancel()

            md5 = api.push_data(upload_id, export["path"], remote, on_progress=on_bytes)
            if ("mtime_ns" in export
                    and os.stat(export["path"]).st_mtime_ns != export["mtime_ns"]):
                raise PublishError(tr("the file changed while it was sent"), step=self.name)
            export["md5"] = md5
            ctx.journal.put(key, export)
            ctx.checkpoint(f"sent:{kind}")
        if not ctx.journal.get(batch.kind("md5_sent")):
            if not export.get("md5"):
                # Resumed after a complete send whose MD5 was not journaled: the only case
                # that reads the file a second time.
                export["md5"] = file_md5(export["path"])
                ctx.journal.put(key, export)
            api.push_md5(upload_id, {remote: export["md5"]})
            ctx.journal.put(batch.kind("md5_sent"), True)
        progress(0.8, tr("upload sent"))

    def _wait_checks(self, ctx: PublishContext, upload_id: str, progress) -> None:
        api = ctx.api

        def done(checks: Checks) -> bool:
            if not checks.finished:
                return False
            if checks.failed:
                logs = [line for check in checks.failed for line in api.check_logs(check.id)]
                names = ", ".join(check.name or "?" for check in checks.failed)
                raise PublishError(tr("the upload checks failed: {0}").format(names),
                                   step=self.name, logs=logs)
            return api.upload(upload_id).status == "CLOSED"

        ctx.wait(lambda: api.upload_checks(upload_id), done,
                 timeout_s=ctx.timeouts.checks_s, what=tr("the upload checks"),
                 pace=("upload_checks", 1))
        progress(1.0, tr("checks passed"))

