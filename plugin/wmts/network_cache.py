"""Forgetting the capabilities document QGIS keeps in its network cache.

The wms provider asks for the capabilities with "prefer the cache": QGIS's network disk cache
(shared by every thread's QgsNetworkAccessManager) answers for as long as the server allowed,
a day on the platform. After a publication the service's document has changed, but a running
QGIS that read it before still gets the old one and cannot find the new layer ("QGIS could not
open the layer"). Removing exactly the entry of that URL before building the layer makes the
provider read the document again; nothing else in the cache is touched.
"""

from __future__ import annotations

from typing import List

from qgis.core import QgsDataSourceUri, QgsNetworkAccessManager
from qgis.PyQt.QtCore import QUrl


def capabilities_url_of_uri(uri: str) -> str:
    """The ``url`` parameter of a wms provider URI (the capabilities request QGIS sends)."""
    parsed = QgsDataSourceUri()
    parsed.setEncodedUri(uri)
    return parsed.param("url")


def forget_cached_capabilities(url: str) -> List[str]:
    """Removes the cached answers for ``url`` (as QGIS requests it, and the same without a
    trailing '?' or '&'); returns the URLs that were in the cache."""
    cache = QgsNetworkAccessManager.instance().cache()
    if cache is None or not url:
        return []
    candidates = {url, url.rstrip("?&")}
    removed = []
    for candidate in sorted(candidates):
        if cache.metaData(QUrl(candidate)).isValid() and cache.remove(QUrl(candidate)):
            removed.append(candidate)
    return removed
