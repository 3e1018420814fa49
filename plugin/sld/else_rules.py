"""Rule-based styles: a QGIS rule without symbol still keeps its features away from the ELSE
rule, but QGIS does not export symbol-less rules, so in the SLD those features would fall to
ELSE. Before export, such rules get an invisible symbol on a copy of the layer."""

from __future__ import annotations

from typing import List, Tuple

from .findings import Finding, Severity, finding, rule_params


def _invisible_symbol(geometry_type):
    from qgis.core import QgsFillSymbol, QgsLineSymbol, QgsMarkerSymbol, QgsWkbTypes

    if geometry_type == QgsWkbTypes.GeometryType.PointGeometry:
        return QgsMarkerSymbol.createSimple({"color": "0,0,0,0", "outline_style": "no"})
    if geometry_type == QgsWkbTypes.GeometryType.LineGeometry:
        return QgsLineSymbol.createSimple({"color": "0,0,0,0"})
    return QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_style": "no"})


def _draws_something(rule) -> bool:
    return rule.symbol() is not None or any(_draws_something(c) for c in rule.children())


def keep_rules_that_shield_else(layer) -> Tuple[object, List[Finding]]:
    """(layer to export, findings): the layer itself when nothing needs changing."""
    renderer = layer.renderer()
    if renderer is None or renderer.type() != "RuleRenderer":
        return layer, []
    copy = layer.clone()
    root = copy.renderer().rootRule()
    findings: List[Finding] = []
    pending = [root]
    while pending:
        parent = pending.pop()
        children = parent.children()
        pending.extend(children)
        if not any(child.isElse() for child in children):
            continue
        for child in children:
            if child.isElse() or _draws_something(child) or not child.filterExpression():
                continue
            child.setSymbol(_invisible_symbol(copy.geometryType()))
            label = f"Rule '{child.label() or child.filterExpression()}'"
            findings.append(finding(Severity.FIXED, "RULE_KEPT_INVISIBLE", label,
                                    **rule_params(label)))
    return (copy, findings) if findings else (layer, [])
