"""Open a published WMTS layer in QGIS: read the capabilities, find the layer, build the URI,
check QGIS accepts it. The last step of the publication (« back in the canvas »)."""

from __future__ import annotations

from typing import Any, Mapping, Optional, Tuple

from qgis.core import QgsRasterLayer

from ..layers import ensure_crs_usable_in_this_thread, open_raster_layer
from .capabilities import (
    CapabilitiesError,
    WmtsLayerInfo,
    build_qgis_uri,
    find_layer,
    read_capabilities,
    redact_url,
)
from .network_cache import capabilities_url_of_uri, forget_cached_capabilities


def crs_of_uri(uri: str) -> str:
    """The ``crs`` parameter of a wms provider URI (the tile matrix set's CRS)."""
    from qgis.core import QgsDataSourceUri

    parsed = QgsDataSourceUri()
    parsed.setEncodedUri(uri)
    return parsed.param("crs")


def open_wmts_layer(
    capabilities_url: str,
    layer_name: str,
    session: Any = None,
    *,
    authcfg: Optional[str] = None,
    headers: Optional[Mapping[str, str]] = None,
    timeout: Optional[float] = None,
) -> Tuple[QgsRasterLayer, WmtsLayerInfo]:
    """A valid QgsRasterLayer ('wms' provider) named after the layer's title, and what was
    read about it. Raises LayerNotInCapabilities while the layer is not published yet.
    A restricted service: ``authcfg`` for the layer, ``headers`` (its Basic header, from
    key_config.basic_headers) for the plugin's own read of the capabilities."""
    caps = read_capabilities(capabilities_url, session, headers=headers, timeout=timeout)
    info = find_layer(caps, layer_name)
    uri = build_qgis_uri(info, capabilities_url, authcfg=authcfg)
    # The document just read lists the layer; QGIS must not use an older copy it cached.
    forget_cached_capabilities(capabilities_url_of_uri(uri))
    # The provider computes the layer's extent from WGS 84 with PROJ: a thread started after
    # another one ended may find QGIS's cached CRSs without PROJ objects (layers.py).
    ensure_crs_usable_in_this_thread([crs_of_uri(uri)])
    layer = open_raster_layer(uri, info.title, "wms")
    if not layer.isValid():
        shown = redact_url(capabilities_url)
        raise CapabilitiesError(
            f"QGIS could not open the layer '{layer_name}' of {shown}.",
            f"QGIS n'a pas pu ouvrir la couche « {layer_name} » de {shown}.",
        )
    return layer, info
