"""One call from a layer (or SLD bytes) to an SLD the platform accepts, with every finding."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional

from .findings import Finding, Severity, finding, has_errors
from .names import predicted_columns, stored_field_name
from .transform import Annex, PathResolver, transform_sld
from .validate import validate_sld


@dataclass
class SldResult:
    sld_bytes: bytes
    findings: List[Finding]
    annexes: List[Annex]
    ok: bool  # False when any finding is an ERROR: do not upload
    field_map: Dict[str, str] = field(default_factory=dict)
    lang: str = "fr"

    def messages(self, lang: Optional[str] = None) -> List[str]:
        return [item.text(lang or self.lang) for item in self.findings]


def _merge(first: List[Finding], second: List[Finding]) -> List[Finding]:
    seen = {(f.severity, f.code, f.message_en) for f in first}
    return first + [f for f in second if (f.severity, f.code, f.message_en) not in seen]


def transform_and_validate(
    sld_bytes: bytes,
    *,
    table_name: str,
    attributes: Optional[Mapping[str, str]] = None,
    field_map: Optional[Mapping[str, str]] = None,
    resolve_path: Optional[PathResolver] = None,
    upload_annexes: bool = True,
    lang: str = "fr",
) -> SldResult:
    """The pure-bytes pipeline: transform QGIS's SLD, then check the result offline."""
    transformed = transform_sld(sld_bytes, table_name=table_name, field_map=field_map,
                                attributes=attributes, resolve_path=resolve_path,
                                upload_annexes=upload_annexes)
    if has_errors(f for f in transformed.findings if f.code == "NOT_XML"):
        return SldResult(sld_bytes, transformed.findings, [], False, {}, lang)
    checks = validate_sld(transformed.sld_bytes, table_name=table_name, attributes=attributes)
    if transformed.annexes:  # placeholders are expected until the publish step uploads them
        checks = [c for c in checks if c.code != "ANNEX_PENDING"]
    if any(f.code == "NO_RULE" for f in transformed.findings):  # the schema says it again
        checks = [c for c in checks if c.code not in ("XSD_INVALID", "NO_RULE")]
    findings = _merge(transformed.findings, checks)
    return SldResult(transformed.sld_bytes, findings, transformed.annexes,
                     not has_errors(findings), transformed.field_map, lang)


def layer_field_map(layer, attributes: Optional[Mapping[str, str]] = None,
                    field_map: Optional[Mapping[str, str]] = None) -> Dict[str, str]:
    """Every layer field -> the column it becomes in the stored data."""
    stored = list(attributes) if attributes is not None else None
    return {f.name(): stored_field_name(f.name(), field_map, stored) for f in layer.fields()}


def predicted_attributes(layer, table_name: str) -> Dict[str, str]:
    """The columns (name -> QGIS type) the integration will give ``layer``'s fields, as GDAL
    predicts them: what the wizard checks the style against before anything is uploaded."""
    fields = list(layer.fields())
    columns = predicted_columns(table_name, [f.name() for f in fields])
    return {columns[f.name()]: f.typeName() for f in fields}


def _svg_resolver(layer) -> PathResolver:
    from qgis.core import QgsProject, QgsSymbolLayerUtils

    from .transform import default_resolver

    base_dir = QgsProject.instance().homePath() or None
    plain = default_resolver(base_dir)

    def resolve(href: str) -> Optional[str]:
        found = plain(href)
        if found:
            return found
        candidate = QgsSymbolLayerUtils.svgSymbolNameToPath(href.split("?")[0],
                                                             QgsProject.instance().pathResolver())
        return plain(candidate) if candidate else None

    return resolve


def _carry_label_expression(layer, sld_bytes: bytes):
    """Fill QGIS's label placeholders when the expression only joins fields and text."""
    from .labels import fill_label_placeholders, label_parts, simple_label_expression

    expression = simple_label_expression(layer)
    parts = label_parts(expression) if expression else None
    if not parts:
        return sld_bytes, []
    filled, count = fill_label_placeholders(sld_bytes, parts)
    if not count:
        return sld_bytes, []
    return filled, [finding(Severity.FIXED, "LABEL_EXPRESSION_SPLIT", "Label",
                            expression=expression)]


def _carry_layer_opacity(layer, result: SldResult) -> List[Finding]:
    from .opacity import apply_layer_opacity

    opacity = layer.opacity()
    if opacity >= 1.0 or not result.sld_bytes or not result.ok:
        return []
    result.sld_bytes = apply_layer_opacity(result.sld_bytes, opacity)
    return [finding(Severity.FIXED, "LAYER_OPACITY_FOLDED", "", percent=round(opacity * 100))]


def _carry_scale_visibility(layer, result: SldResult) -> List[Finding]:
    from .scale_range import apply_scale_range, visible_levels

    if not result.sld_bytes or not result.ok or not layer.hasScaleBasedVisibility():
        return []
    result.sld_bytes = apply_scale_range(result.sld_bytes, True, layer.minimumScale(),
                                         layer.maximumScale())
    shown = visible_levels(True, layer.minimumScale(), layer.maximumScale())
    levels = f"{shown[0]}–{shown[-1]}" if shown else "—"
    return [finding(Severity.FIXED, "SCALE_RANGE_LEVELS", "", levels=levels)]


def prepare_sld(
    layer,
    *,
    table_name: str,
    attributes: Optional[Mapping[str, str]] = None,
    field_map: Optional[Mapping[str, str]] = None,
    lang: str = "fr",
    upload_annexes: bool = True,
) -> SldResult:
    """Export ``layer``'s style, make it platform-ready, check it; ``ok`` False on any ERROR.

    ``attributes``: the stored table's columns (name -> type) from ``type_infos.relations``;
    ``field_map``: explicit layer field -> stored column pairs, which win over the rule.
    """
    from .else_rules import keep_rules_that_shield_else
    from .export import export_sld
    from .symbology import unsupported_symbology_findings

    to_export, shield_findings = keep_rules_that_shield_else(layer)
    exported = export_sld(to_export)
    if not exported.sld_bytes:
        error = finding(Severity.ERROR, "EXPORT_FAILED", detail=exported.error)
        return SldResult(b"", [error], [], False, {}, lang)
    sld_bytes, label_findings = _carry_label_expression(layer, exported.sld_bytes)
    result = transform_and_validate(
        sld_bytes, table_name=table_name, attributes=attributes,
        field_map=layer_field_map(layer, attributes, field_map),
        resolve_path=_svg_resolver(layer), upload_annexes=upload_annexes, lang=lang)
    opacity_findings = (_carry_layer_opacity(layer, result)
                        + _carry_scale_visibility(layer, result))
    already_said = {f.code for f in result.findings + opacity_findings}
    carried = tuple(key for key, code in (("label_expression", "LABEL_EXPRESSION_SPLIT"),
                                          ("layer_opacity", "LAYER_OPACITY_FOLDED"),
                                          ("unsupported_symbol_layer",
                                           "SYMBOL_LAYER_NOT_EXPORTED"))
                    if code in already_said or any(f.code == code for f in label_findings))
    symbology = unsupported_symbology_findings(layer, carried=carried)
    result.findings = (shield_findings + label_findings + opacity_findings + result.findings
                       + symbology)
    return result
