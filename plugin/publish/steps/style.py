"""Step 3 — the style: the SLD pipeline on the stored data's real names, refused on ERROR
findings; icons hosted as annexes; one GEOSERVER-STYLE static per table."""

from __future__ import annotations

import os
from typing import Any, Dict, List, Tuple

from ...i18n import tr
from ..context import PublishContext
from ..errors import PublishError
from ..naming import default_language
from .base import Step, ensure_resource, first_by


def static_name(wmsv_name: str, table: str) -> str:
    return f"style_wmsv_{wmsv_name}_{table}"


class StyleStep(Step):
    name = "style"
    weight = 3.0

    def run(self, ctx: PublishContext) -> None:
        api, spec, journal = ctx.api, ctx.spec, ctx.journal
        relation = journal.get("relations")[0]
        table = relation["name"]
        journal.put("table", table)
        name = static_name(spec.wmsv_name, table)
        if journal.resource_id("static_sld"):
            return
        sld = self._sld(ctx, table, relation)
        static_id = ensure_resource(
            ctx, "static_sld", name,
            find=lambda: first_by(api.statics(), name=name),
            create=lambda: api.create_static(sld, name=name, description=spec.wmsv_title,
                                             filename=f"{table}.sld"))
        ctx.log(f"style static {static_id} for table {table}")
        ctx.progress(1.0, tr("style uploaded"))

    def _sld(self, ctx: PublishContext, table: str, relation: Dict[str, Any]) -> bytes:
        if ctx.spec.layer is None:
            raise PublishError(tr("a layer is needed to build the style"), step=self.name)
        from ...sld.pipeline import prepare_sld

        layer = ctx.spec.layer.open_layer()
        attributes = dict(relation.get("attributes") or {})
        field_map, differences = real_field_map(
            ctx.spec.effective_data_name, [f.name() for f in layer.fields()], relation)
        if differences:  # the wizard checked the predicted names: say what changed
            from ...sld.findings import Severity, finding

            pairs = ", ".join(f"{old} → {new}" for old, new in differences)
            ctx.log(finding(Severity.FIXED, "FIELD_NAMES_DIFFER", count=len(differences),
                            pairs=pairs).text())
        result = prepare_sld(layer, table_name=table, attributes=attributes,
                             field_map=field_map, lang=_language())
        errors = [f for f in result.findings if getattr(f.severity, "value", f.severity)
                  == "ERROR"]
        if errors or not result.ok:
            raise PublishError(
                tr("the style cannot be published: {0}").format(
                    "; ".join(f.text(default_language()) for f in errors)),
                step=self.name, logs=[f.text() for f in result.findings])
        for finding in result.findings:
            ctx.log(finding.text())
        sld = result.sld_bytes
        if result.annexes:
            sld = self._host_annexes(ctx, sld, result.annexes)
        return sld

    def _host_annexes(self, ctx: PublishContext, sld: bytes, annexes: List[Any]) -> bytes:
        from ...sld.annex_files import AnnexRefused, read_annex_file
        from ...sld.transform import rewrite_annex_urls

        urls = {}
        for index, annex in enumerate(annexes):
            file_name = os.path.basename(annex.local_path)
            path = f"/styles/{ctx.spec.wmsv_name}/{index}_{file_name}"
            kind = f"annexe_{index}"

            def find(path=path):
                return next((a for a in ctx.api.annexes() if path in a.paths), None)

            def create(annex=annex, file_name=file_name, path=path):
                # checked again here and the checked bytes sent: the file may have changed
                # since the style was prepared, and an annex is public (annex_files.py)
                try:
                    checked = read_annex_file(annex.local_path)
                except AnnexRefused as error:
                    reason = (error.reason_fr if default_language() == "fr"
                              else error.reason_en)
                    raise PublishError(tr("the icon '{0}' is not uploaded: {1}").format(
                        file_name, reason), step=self.name) from None
                # labelled with the datasheet, as cartes.gouv.fr labels its annexes: the
                # datasheet view and Delete datasheet find it by that label
                return ctx.api.create_annex(
                    checked.content, path=path, filename=file_name,
                    content_type=checked.mime_type,
                    labels=[f"datasheet_name={ctx.spec.datasheet_name}"])

            ensure_resource(ctx, kind, path, find, create)
            urls[annex.placeholder] = annexe_public_url(ctx, path)
        return rewrite_annex_urls(sld, urls)


def real_field_map(data_name: str, fields: List[str], relation: Dict[str, Any]
                   ) -> Tuple[Dict[str, str], List[Tuple[str, str]]]:
    """(layer field -> the stored data's column, [(predicted, real)] where they differ).

    The columns were predicted with GDAL's launder rule (what the wizard checked); the
    integration's ``type_infos.relations`` is the truth when the platform's GDAL named them
    otherwise (a newer GDAL cuts long names, a clash gets a suffix)."""
    from ...sld.names import columns_from_relation, predicted_columns

    predicted = predicted_columns(data_name, fields)
    keys = set(relation.get("primary_key") or [])
    real = [name for name, kind in (relation.get("attributes") or {}).items()
            if name not in keys and not str(kind).startswith("geometry")]
    field_map = columns_from_relation(predicted, real)
    differences = [(predicted[f], field_map[f]) for f in fields if predicted[f] != field_map[f]]
    return field_map, differences


def _language() -> str:
    from ..naming import default_language

    return default_language()


def annexe_public_url(ctx: PublishContext, path: str) -> str:
    """``<services root>/annexes/<datastore technical name><path>``, as the platform serves."""
    api = ctx.journal.get("api_url", "https://data.geopf.fr/api")
    root = api[:-len("/api")] if api.endswith("/api") else api
    return f"{root}/annexes/{ctx.datastore.technical_name or ctx.ds}{path}"
