"""Label expressions QGIS 3.22 cannot export (it writes a placeholder) but SLD 1.0 can carry:
a Label is mixed content, so fields joined with text (``concat`` or ``||``) become
``<Label><ogc:PropertyName>a</ogc:PropertyName> / <ogc:PropertyName>b</ogc:PropertyName>``."""

from __future__ import annotations

from typing import List, Optional, Tuple

from lxml import etree

from .placeholders import is_label_placeholder
from .schema10 import OGC_NS, SE_NS, SLD_NS
from .transform import parse_sld

Part = Tuple[str, str]  # ("field", name) or ("text", literal)


def label_parts(expression: str) -> Optional[List[Part]]:
    """Fields and literal text the expression concatenates, or None when it does more."""
    from qgis.core import QgsExpression

    parsed = QgsExpression(expression)
    if parsed.hasParserError() or parsed.rootNode() is None:
        return None
    return _parts(parsed.rootNode())


def _parts(node) -> Optional[List[Part]]:
    from qgis.core import QgsExpression, QgsExpressionNode, QgsExpressionNodeBinaryOperator

    kind = node.nodeType()
    if kind == QgsExpressionNode.NodeType.ntColumnRef:
        return [("field", node.name())]
    if kind == QgsExpressionNode.NodeType.ntLiteral:
        return None if node.value() is None else [("text", str(node.value()))]
    if kind == QgsExpressionNode.NodeType.ntBinaryOperator and \
            node.op() == QgsExpressionNodeBinaryOperator.BinaryOperator.boConcat:
        return _joined([node.opLeft(), node.opRight()])
    if kind == QgsExpressionNode.NodeType.ntFunction and \
            QgsExpression.Functions()[node.fnIndex()].name().lower() == "concat":
        return _joined(node.args().list())
    return None


def _joined(nodes) -> Optional[List[Part]]:
    parts: List[Part] = []
    for node in nodes:
        found = _parts(node)
        if found is None:
            return None
        parts.extend(found)
    return parts


def fill_label_placeholders(sld_bytes: bytes, parts: List[Part]) -> Tuple[bytes, int]:
    """QGIS's SLD with its placeholder Labels replaced by ``parts``; (bytes, labels filled)."""
    root = parse_sld(sld_bytes)
    filled = 0
    for namespace in (SE_NS, SLD_NS):
        for label in root.iter(f"{{{namespace}}}Label"):
            if not is_label_placeholder(label):
                continue
            for child in list(label):
                label.remove(child)
            label.text = None
            last = None
            for kind, value in parts:
                if kind == "field":
                    last = etree.SubElement(label, f"{{{OGC_NS}}}PropertyName")
                    last.text = value
                elif last is None:
                    label.text = (label.text or "") + value
                else:
                    last.tail = (last.tail or "") + value
            filled += 1
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8"), filled


def simple_label_expression(layer) -> Optional[str]:
    """The expression of the layer's simple labeling, when it is one (not a field name)."""
    labeling = layer.labeling() if layer.labelsEnabled() else None
    if labeling is None or labeling.type() != "simple":
        return None
    settings = labeling.settings()
    if not settings.isExpression or layer.fields().lookupField(settings.fieldName) >= 0:
        return None
    return settings.fieldName
