"""The WMS-V draws a style's hosted icons as GeoServer does, which fetches an ExternalGraphic's
URL: an URL of this sandbox's own annexes (/annexes/<datastore>/<path>) is read from the
annex's stored file, the bytes that URL serves (QGIS Server would otherwise fetch it
asynchronously and draw a placeholder on the first tiles)."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from lxml import etree

XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_ANNEX_PATH = re.compile(r"^/annexes/([^/]+)(/.+)$")


def local_icons(sld_bytes: bytes, store) -> bytes:
    """``sld_bytes`` with each URL of a published annex of ``store`` replaced by its file."""
    if b"/annexes/" not in sld_bytes:
        return sld_bytes
    root = etree.fromstring(sld_bytes, etree.XMLParser(resolve_entities=False,
                                                       no_network=True))
    changed = False
    for element in root.iter("{*}OnlineResource"):
        match = _ANNEX_PATH.match(unquote(urlsplit(element.get(XLINK_HREF, "")).path))
        if not match:
            continue
        datastore = next(store.find("datastores", technical_name=match.group(1)), None)
        annexe = datastore and next((a for a in store.find("annexes", datastore=datastore["_id"])
                                     if match.group(2) in a["paths"] and a["published"]), None)
        if annexe:
            element.set(XLINK_HREF, str(store.files("annexes", annexe["_id"], "content")))
            changed = True
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8") if changed \
        else sld_bytes
