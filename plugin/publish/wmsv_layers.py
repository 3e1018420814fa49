"""The WMS layer names a harvest asks for, read from the WMS-V's own capabilities.

How the platform names a WMS-V's layers when its configuration has several relations is not
documented, so no rule is assumed here: the configuration's layer is looked up in the
capabilities, and each relation's table is matched to one of its named sub-layers (by name,
a name ending in the table after a separator, or the title). One relation needs no look-up:
the configuration's layer name is the WMS layer.
"""

from __future__ import annotations

import re
from typing import List, Optional, Sequence

from lxml import etree

from ..i18n import tr
from .errors import PublishError

_SEPARATORS = ":._-/"


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""   # comments: no tag


def _child(element, local: str):
    return next((c for c in element if _local(c.tag) == local), None)


def _text(element, local: str) -> str:
    found = _child(element, local)
    return (found.text or "").strip() if found is not None else ""


def _layers(root) -> List:
    return [e for e in root.iter() if _local(e.tag) == "Layer"]


def _matches(candidate: str, table: str) -> bool:
    if candidate == table:
        return True
    return bool(candidate.endswith(table)
                and candidate[-len(table) - 1] in _SEPARATORS) if len(candidate) > len(
        table) else False


def harvest_layer_names(capabilities_xml: bytes, layer_name: str,
                        tables_in_draw_order: Sequence[str]) -> List[str]:
    """The WMS names of ``tables_in_draw_order`` (bottom first) under the WMS-V layer
    ``layer_name``; ``[layer_name]`` when the layer has no named sub-layer (it then draws
    every relation itself, in the configuration's order)."""
    try:
        root = etree.fromstring(capabilities_xml, etree.XMLParser(
            resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError as error:
        raise PublishError(tr("the WMS-V capabilities are not XML: {0}").format(error),
                           step="wmsv") from None
    parent: Optional[object] = next(
        (e for e in _layers(root) if _text(e, "Name") == layer_name), None)
    if parent is None:
        raise PublishError(tr("the WMS-V capabilities list no layer named '{0}'").format(
            layer_name), step="wmsv")
    children = [c for c in parent if _local(c.tag) == "Layer" and _text(c, "Name")]
    if not children:
        return [layer_name]
    names = []
    for table in tables_in_draw_order:
        found = next((c for c in children if _matches(_text(c, "Name"), table)), None)
        if found is None:
            found = next((c for c in children if _text(c, "Title") == table), None)
        if found is None:
            raise PublishError(tr("the WMS-V layer '{0}' has no sub-layer for the table "
                                  "'{1}'").format(layer_name, table), step="wmsv")
        names.append(_text(found, "Name"))
    return names


def joined(names: Sequence[str]) -> str:
    """``harvest_layers``: the names, comma-separated (none may hold a comma)."""
    if any(re.search(r",", name) for name in names):
        raise PublishError(tr("a WMS layer name holds a comma: {0}").format(names), step="wmsv")
    return ",".join(names)
