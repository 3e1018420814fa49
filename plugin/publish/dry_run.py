"""The dry run: every check of a publication up to its first create call, and nothing else.

It reads the user, the datastore and the names already taken (GET requests only), then checks
what a real run would check before (or on its way to) its first ``POST``: the names (locally
and against the platform), the room left on the endpoints, the style (QGIS's SLD export and the
platform's rules, on the table and columns the integration will make), the metadata record
and the pyramid's tile estimate. It reports what would be created, and writes nothing — not
even the journal: a trainer can let a class try their settings on a shared platform.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import List, Optional, Tuple

from .context import PublishContext
from .journal import Journal
from .naming import _platform_problems, check_publication, default_language
from .sources import skips
from .spec import Publication

TEXTS = {
    "would_create": ("Would create:", "Serait créé :"),
    "nothing_created": ("Dry run: nothing was created.", "Essai à blanc : rien n'a été créé."),
    "ready": ("Every check passed: the publication can start.",
              "Toutes les vérifications sont passées : la publication peut commencer."),
    "blocked": ("{0} problem(s) would stop the publication:",
                "{0} problème(s) arrêteraient la publication :"),
    "warnings": ("Warnings:", "Avertissements :"),
    "no_endpoint": ("The datastore has no {0} endpoint with room left.",
                    "L'entrepôt n'a pas de point d'accès {0} avec de la place."),
    "no_layer": ("No layer: the style is not checked.",
                 "Pas de couche : le style n'est pas vérifié."),
    "no_extent": ("No extent: the tiles are not counted.",
                  "Pas d'emprise : les tuiles ne sont pas comptées."),
    "tiles": ("levels {0}–{1}, {2} tiles, about {3}", "niveaux {0} à {1}, {2} tuiles, environ {3}"),
    "upload": ("upload", "livraison"),
    "stored_data": ("stored data (VECTOR-DB)", "donnée stockée (VECTOR-DB)"),
    "static": ("style (GEOSERVER-STYLE static)", "style (fichier statique GEOSERVER-STYLE)"),
    "wmsv": ("WMS-V configuration and offering", "configuration et offre WMS-V"),
    "pyramid": ("raster pyramid", "pyramide raster"),
    "metadata": ("metadata record", "fiche de métadonnées"),
    "wmts": ("WMTS configuration and offering", "configuration et offre WMTS"),
    "permission": ("permission (restricted access)", "permission (accès restreint)"),
}


def text(key: str, lang: str, *args) -> str:
    english, french = TEXTS[key]
    return (french if lang.startswith("fr") else english).format(*args)


@dataclass
class DryRunReport:
    problems: List[str] = field(default_factory=list)    # would stop the publication
    warnings: List[str] = field(default_factory=list)
    would_create: List[Tuple[str, str]] = field(default_factory=list)   # (what, name)
    tiles: Optional[int] = None
    tile_text: str = ""
    lang: str = "en"

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> List[str]:
        out = [text("ready", self.lang) if self.ok
               else text("blocked", self.lang, len(self.problems))]
        out += [f"  ✗ {p}" for p in self.problems]
        if self.warnings:
            out += [text("warnings", self.lang)] + [f"  ! {w}" for w in self.warnings]
        out += [text("would_create", self.lang)]
        out += [f"  + {what}: {name}" for what, name in self.would_create]
        out.append(text("nothing_created", self.lang))
        return out

    def text(self) -> str:
        return "\n".join(self.lines())


def dry_run(api, spec: Publication, *, journal_dir: Optional[str] = None,
            lang: Optional[str] = None) -> DryRunReport:
    """Check ``spec`` as a run would, with GET requests only; ``api`` an EntrepotApi."""
    lang = lang or default_language()
    api = api.in_datastore(spec.datastore_id)
    report = DryRunReport(lang=lang)
    # Read, never saved: a resume's own resources are not "taken" names.
    journal = Journal.open(spec.datastore_id, spec.journal_key, journal_dir)
    ctx = PublishContext(api=api, spec=spec, journal=journal, work_dir="",
                         me=api.me(), datastore=api.datastore())
    local = check_publication(spec, ctx.datastore.layer_name_prefix)
    report.problems += [p.message(lang) for p in local]
    if not local:
        report.problems += [p.message(lang) for p in _platform_problems(
            api, spec, ctx.datastore, journal)]
    _check_endpoints(ctx, report)
    table = _check_style(ctx, report)
    _check_metadata(ctx, report)
    _count_tiles(spec, report)
    report.would_create = _would_create(ctx, table, report)
    return report


def _check_endpoints(ctx: PublishContext, report: DryRunReport) -> None:
    from .steps.wmsv import wants_private_wmsv

    datastore, spec = ctx.datastore, ctx.spec
    wmsv_open = not wants_private_wmsv(ctx)
    for kind, open_ in (("WMS-VECTOR", wmsv_open), ("WMTS-TMS", not spec.restricted)):
        if datastore.choose_endpoint(kind, open_) is None and (
                open_ or datastore.choose_endpoint(kind, True) is None):
            report.problems.append(text("no_endpoint", report.lang, kind))


def _check_style(ctx: PublishContext, report: DryRunReport) -> str:
    """The style on the table and columns the integration will make (or the reused stored
    data's); returns the table's name."""
    from ..sld.findings import Severity
    from ..sld.names import predicted_table
    from ..sld.pipeline import predicted_attributes, prepare_sld

    spec = ctx.spec
    if skips(spec, "style"):   # an existing WMS-V or pyramid: its style is already there
        return ""
    if not spec.sources:
        report.warnings.append(text("no_layer", report.lang))
        return ""
    if len(spec.sources) > 1 and not spec.reuse_stored_data_id:
        return _check_map_styles(spec, report)
    layer = spec.sources[0].open_layer()
    if spec.reuse_stored_data_id:
        relation = ctx.api.stored_data(spec.reuse_stored_data_id).relations[0]
        table, attributes = relation["name"], dict(relation.get("attributes") or {})
    else:
        table = predicted_table(spec.data_name or layer.name())
        attributes = predicted_attributes(layer, table)
    result = prepare_sld(layer, table_name=table, attributes=attributes, lang=report.lang)
    for found in result.findings:
        if found.severity is Severity.ERROR:
            report.problems.append(found.text(report.lang))
        elif found.severity is Severity.WARNING:
            report.warnings.append(found.text(report.lang))
    return table


def _check_map_styles(spec: Publication, report: DryRunReport) -> str:
    """Each layer of a map, its findings named after it."""
    from ..sld.findings import Severity
    from ..sld.names import predicted_table
    from .map_source import style_results

    tables = spec.table_names()
    for source, result in zip(spec.sources, style_results(spec.sources, tables, report.lang)):
        for found in result.findings:
            if found.severity is Severity.ERROR:
                report.problems.append(f"{source.name}: {found.text(report.lang)}")
            elif found.severity is Severity.WARNING:
                report.warnings.append(f"{source.name}: {found.text(report.lang)}")
    return predicted_table(tables[0])


def _check_metadata(ctx: PublishContext, report: DryRunReport) -> None:
    from ..metadata import validate
    from .errors import PublishError
    from .steps.metadata import service_metadata

    datastore = ctx.datastore
    try:
        record = service_metadata(
            ctx, datastore.prefixed_file_identifier(ctx.spec.effective_identifier))
    except PublishError as error:   # no WMTS endpoint: already reported
        ctx.log(f"dry run: metadata not built ({error})")
        return
    problems = validate(record, layer_name_prefix=datastore.layer_name_prefix or "",
                        file_identifier_prefix=datastore.metadata_prefix or "")
    report.problems += [p.message(report.lang) for p in problems]


def _count_tiles(spec: Publication, report: DryRunReport) -> None:
    from ..pyramid import Bbox4326, ZoomRange, advise, estimate_levels, human_bytes, total_bytes

    extent = spec.effective_extent_wgs84
    if spec.reuse_pyramid_id:   # nothing harvested
        return
    if extent is None or spec.top_level > spec.bottom_level:
        report.warnings.append(text("no_extent", report.lang))
        return
    levels = ZoomRange(spec.top_level, spec.bottom_level)
    estimates = estimate_levels(Bbox4326(*extent), levels, tile_format=spec.image_format)
    report.tiles = sum(e.tiles for e in estimates)
    report.tile_text = text("tiles", report.lang, spec.top_level, spec.bottom_level,
                            f"{report.tiles:,}", human_bytes(total_bytes(estimates)))
    features = sum(s.feature_count for s in spec.sources) if spec.sources else None
    report.warnings += [a.message(report.lang) for a in advise(
        levels, Bbox4326(*extent), feature_count=features)]


def _would_create(ctx: PublishContext, table: str, report: DryRunReport
                  ) -> List[Tuple[str, str]]:
    """What the run would create, in order; what this publication's journal already holds
    (a resume) is left out."""
    from .steps.style import static_name

    spec, datastore, journal, lang = ctx.spec, ctx.datastore, ctx.journal, report.lang
    planned = []
    if not spec.reuse_stored_data_id:
        from .batches import upload_batches

        for batch in upload_batches(spec):   # one per CRS; a layer's name says which
            named = batch.data_name + (f" ({', '.join(s.name for s in batch.sources)})"
                                       if len(spec.sources) > 1 else "")
            planned += [(batch.kind("upload"), "upload", named),
                        (batch.kind("stored_data"), "stored_data", batch.data_name)]
    if len(spec.sources) > 1 and not spec.reuse_stored_data_id:
        from ..sld.names import predicted_table
        from .steps.style import style_kind

        planned += [(style_kind(index), "static", static_name(spec.wmsv_name,
                                                               predicted_table(name)))
                    for index, name in enumerate(spec.table_names())]
    else:
        planned.append(("static_sld", "static",
                        static_name(spec.wmsv_name, table or "<table>")))
    planned += [
        ("configuration_wmsv", "wmsv", datastore.prefixed_layer_name(spec.wmsv_name)),
        ("stored_data_pyramid", "pyramid", spec.pyramid_name + (
            f" ({report.tile_text})" if report.tiles is not None else "")),
        ("metadata", "metadata", datastore.prefixed_file_identifier(spec.effective_identifier)),
        ("configuration_wmts", "wmts", datastore.prefixed_layer_name(spec.wmts_name)),
    ]
    if spec.restricted:
        planned.append(("permission_wmts", "permission", spec.wmts_name))
    reused = _reused_kinds(ctx)
    return [(text(label, lang), name) for kind, label, name in planned
            if not journal.resource_id(kind) and kind not in reused]


def _reused_kinds(ctx: PublishContext) -> set:
    """What the source (or the datasheet's existing record) provides: not created."""
    from .reuse import datasheet_metadata
    from .sources import SourceKind, source_kind

    provided = {SourceKind.WMSV: {"upload", "stored_data", "static_sld", "configuration_wmsv"},
                SourceKind.PYRAMID: {"upload", "stored_data", "static_sld",
                                     "configuration_wmsv", "stored_data_pyramid"}}
    kinds = set(provided.get(source_kind(ctx.spec), ()))
    if datasheet_metadata(ctx.api, ctx.spec.datasheet_name) is not None:
        kinds.add("metadata")   # completed with the new service's link, not created
    return kinds
