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
        spec, journal = ctx.spec, ctx.journal
        relations = journal.get("relations")
        sources, tables = spec.sources, spec.table_names()
        styles = []
        for index, (source, table) in enumerate(zip(sources, tables)):
            relation = relations[0] if len(sources) == 1 else relation_for(relations, table,
                                                                             source.name)
            styles.append(self._one_style(ctx, index, source, relation))
            ctx.progress((index + 1) / len(sources), tr("style uploaded"))
        journal.put("table", styles[0]["table"])
        journal.put("styles", styles)

    def _one_style(self, ctx: PublishContext, index: int, source: Any,
                   relation: Dict[str, Any]) -> Dict[str, str]:
        """The static SLD of one layer (created once): ``{layer, table, static,
        stored_data}`` (the stored data holding its table: one per upload)."""
        api, spec = ctx.api, ctx.spec
        table = relation["name"]
        name = static_name(spec.wmsv_name, table)
        kind = style_kind(index)
        static_id = ctx.journal.resource_id(kind)
        if not static_id:
            sld = self._sld(ctx, table, relation, source, index)
            static_id = ensure_resource(
                ctx, kind, name,
                find=lambda: first_by(api.statics(), name=name),
                create=lambda: api.create_static(sld, name=name, description=spec.wmsv_title,
                                                 filename=f"{table}.sld"))
            ctx.log(f"style static {static_id} for table {table}")
        return {"layer": source.name, "table": table, "static": static_id,
                "stored_data": relation.get("stored_data") or ctx.journal.get("vectordb_id")}

    def _sld(self, ctx: PublishContext, table: str, relation: Dict[str, Any],
             source: Any = None, index: int = 0, in_map: bool = False) -> bytes:
        """The platform-ready SLD of ``source`` (default: the publication's first layer, as
        the update in place asks) on the stored table ``relation``; ``in_map``: the layer is
        one of a map's (its table is named after it), though the spec holds it alone."""
        from ...sld.pipeline import prepare_sld

        source = source if source is not None else ctx.spec.first_source
        if source is None:
            raise PublishError(tr("a layer is needed to build the style"), step=self.name)
        from ...sld.xml_guard import GEOPACKAGES_AND_SCHEMA

        with GEOPACKAGES_AND_SCHEMA:   # not while a preview opens the same file (xml_guard)
            layer = source.open_layer()
            many = in_map or len(ctx.spec.sources) > 1
            data_name = table if many else ctx.spec.effective_data_name
            attributes = dict(relation.get("attributes") or {})
            field_map, differences = real_field_map(
                data_name, [f.name() for f in layer.fields()], relation)
            said = f"{source.name}: " if many else ""   # a map's findings name their layer
            if differences:  # the wizard checked the predicted names: say what changed
                from ...sld.findings import Severity, finding

                pairs = ", ".join(f"{old} → {new}" for old, new in differences)
                ctx.log(said + finding(Severity.FIXED, "FIELD_NAMES_DIFFER",
                                       count=len(differences), pairs=pairs).text())
            result = prepare_sld(layer, table_name=table, attributes=attributes,
                                 field_map=field_map, lang=_language())
            del layer   # closed before the lock is released
        errors = [f for f in result.findings if getattr(f.severity, "value", f.severity)
                  == "ERROR"]
        if errors or not result.ok:
            raise PublishError(
                tr("the style cannot be published: {0}").format(
                    said + "; ".join(f.text(default_language()) for f in errors)),
                step=self.name, logs=[said + f.text() for f in result.findings])
        for finding in result.findings:
            ctx.log(said + finding.text())
        sld = result.sld_bytes
        if result.annexes:
            sld = self._host_annexes(ctx, sld, result.annexes, index)
        return sld

    def _host_annexes(self, ctx: PublishContext, sld: bytes, annexes: List[Any],
                      layer_index: int = 0) -> bytes:
        from ...sld.annex_files import AnnexRefused, read_annex_file
        from ...sld.transform import rewrite_annex_urls

        urls = {}
        for index, annex in enumerate(annexes):
            file_name = os.path.basename(annex.local_path)
            # the first layer's names are those of a single layer (journals stay readable)
            layer_part = f"{layer_index}_" if layer_index else ""
            path = f"/styles/{ctx.spec.wmsv_name}/{layer_part}{index}_{file_name}"
            kind = f"annexe_{layer_part}{index}"

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


def style_kind(index: int) -> str:
    """The journal kind of layer ``index``'s static (the first one's is a single layer's)."""
    return "static_sld" if index == 0 else f"static_sld_{index}"


def relation_for(relations: List[Dict[str, Any]], table: str, layer_name: str
                 ) -> Dict[str, Any]:
    """The integrated relation of the GeoPackage table ``table``: the name GDAL's launder
    rule predicts, else the one the platform derived from it (a suffix, a cut)."""
    from ...sld.names import predicted_table

    predicted = predicted_table(table)
    for relation in relations:
        if relation.get("name") == predicted:
            return relation
    for relation in relations:
        name = str(relation.get("name") or "")
        if name and (name.startswith(predicted[:40]) or predicted.startswith(name)):
            return relation
    raise PublishError(tr("the stored data has no table for the layer '{0}' ({1})").format(
        layer_name, predicted), step="style")


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
