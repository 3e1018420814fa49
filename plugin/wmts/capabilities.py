"""Reading a WMTS GetCapabilities (OWSLib) and building the QGIS layer URI from it.

The Géoplateforme advertises per-layer matrix sets (``PM_<top>_<bottom>``) and styles that may
be absent or named with spaces: everything here comes from the document, nothing is assumed.
No widget, no QGIS import except QgsDataSourceUri in build_qgis_uri."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping, Optional, Tuple, Union
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from owslib.util import ServiceException
from owslib.wmts import WebMapTileService

from ..pyramid.grid import Bbox4326, level_for_scale_denominator

# OGC standardised rendering pixel size (0.28 mm): resolution = scale × this / metres-per-unit.
STANDARD_PIXEL_M = 0.00028
METRES_PER_DEGREE = 6378137 * 2 * 3.141592653589793 / 360
_PM_SPECIFIC = re.compile(r"PM_\d+_\d+")
_WEB_MERCATOR_CODES = ("3857", "900913", "102100", "102113")
_GEOGRAPHIC_CODES = ("4326", "4258", "4171", "CRS84")
_SECRET_QUERY_KEYS = ("apikey", "key", "token", "access_token")


CAPABILITIES_TIMEOUT = (10.0, 30.0)  # (connect, read) seconds


class CapabilitiesError(Exception):
    """The capabilities could not be read; the message says why and what to do (fr/en)."""

    def __init__(self, message_en: str, message_fr: str) -> None:
        super().__init__(message_en)
        self.message_en = message_en
        self.message_fr = message_fr


class LayerNotInCapabilities(CapabilitiesError):  # noqa: N818 - name of the brief
    """The layer is not (yet) in the service: not published, or still publishing."""

    def __init__(self, layer_name: str, available: Tuple[str, ...]) -> None:
        listed = ", ".join(available[:10]) + (" …" if len(available) > 10 else "")
        super().__init__(
            f"The layer '{layer_name}' is not in the WMTS capabilities: it is not published yet "
            f"(or its publication is still in progress; try again in a minute). "
            f"Layers offered: {listed or 'none'}.",
            f"La couche « {layer_name} » n'est pas dans les capacités du WMTS : elle n'est pas "
            f"encore publiée (ou sa publication est en cours ; réessayez dans une minute). "
            f"Couches proposées : {listed or 'aucune'}.",
        )
        self.layer_name = layer_name
        self.available = available


@dataclass(frozen=True)
class WmtsLevel:
    """One tile matrix of the chosen set, with its PM zoom when it is a PM matrix."""

    identifier: str
    zoom: Optional[int]
    scale_denominator: float
    resolution: float
    # (min_row, max_row, min_col, max_col) from TileMatrixSetLimits, None if not limited
    limits: Optional[Tuple[int, int, int, int]] = None


@dataclass(frozen=True)
class WmtsLayerInfo:
    identifier: str
    title: str
    formats: Tuple[str, ...]
    default_style: str  # "" when the layer has no style
    styles: Tuple[str, ...]
    matrix_set: str
    matrix_set_crs: str
    levels: Tuple[WmtsLevel, ...]  # least detailed first
    bbox: Optional[Bbox4326]
    # Where the document says tiles are fetched: the KVP GetTile href of OperationsMetadata
    # ("" when absent), and the layer's REST ResourceURL templates by format.
    get_tile_url: str = ""
    tile_templates: Tuple[Tuple[str, str], ...] = ()

    @property
    def resolutions(self) -> Tuple[float, ...]:
        return tuple(level.resolution for level in self.levels)

    @property
    def zoom_levels(self) -> Tuple[int, ...]:
        return tuple(level.zoom for level in self.levels if level.zoom is not None)

    @property
    def is_pm(self) -> bool:
        return bool(self.levels) and len(self.zoom_levels) == len(self.levels)

    def level_for_zoom(self, zoom: int) -> Optional[WmtsLevel]:
        return next((level for level in self.levels if level.zoom == zoom), None)


def redact_url(url: str) -> str:
    """The URL with key-like query values hidden, for messages and logs."""
    parts = urlsplit(url)
    query = [(k, "***" if k.lower() in _SECRET_QUERY_KEYS else v)
             for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(query=urlencode(query, safe="*")))


def capabilities_url(endpoint_url: str) -> str:
    """The endpoint URL with SERVICE=WMTS&REQUEST=GetCapabilities added when missing."""
    parts = urlsplit(endpoint_url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    present = {k.upper() for k, _ in query}
    if "SERVICE" not in present:
        query.append(("SERVICE", "WMTS"))
    if "REQUEST" not in present:
        query.append(("REQUEST", "GetCapabilities"))
    return urlunsplit(parts._replace(query=urlencode(query)))


def with_query_parameter(url: str, name: str, value: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
             if k.lower() != name.lower()]
    query.append((name, value))
    return urlunsplit(parts._replace(query=urlencode(query)))


def _reveal(value: Any) -> str:
    """Accept a plain string or the project's Secret wrapper."""
    return value.reveal() if hasattr(value, "reveal") else str(value)


def _fetch(url: str, session: Any, headers: Optional[Mapping[str, str]], timeout) -> bytes:
    import requests

    from ..entrepot.network import http_get
    from ..entrepot.network_limits import configured_timeout

    # None: the entrepôt client's limits, which the environment may shorten
    timeout = timeout or configured_timeout(CAPABILITIES_TIMEOUT)
    shown = redact_url(url)
    try:  # the plugin's one HTTP path: QGIS's proxy and trusted CAs (entrepot/network.py)
        response = http_get(url, session=session, headers=headers, timeout=timeout)
    except requests.RequestException as exc:
        raise CapabilitiesError(
            f"Could not reach {shown}: {type(exc).__name__}. Check the network or proxy.",
            f"Impossible de joindre {shown} : {type(exc).__name__}. Vérifiez le réseau ou le "
            "proxy.",
        ) from None
    if response.status_code in (401, 403):
        raise CapabilitiesError(
            f"{shown} refused access (HTTP {response.status_code}): the service is private; "
            "use a key that has access to it.",
            f"{shown} refuse l'accès (HTTP {response.status_code}) : le service est privé ; "
            "utilisez une clé qui y a accès.",
        )
    if response.status_code >= 400:
        raise CapabilitiesError(
            f"{shown} answered HTTP {response.status_code}.",
            f"{shown} a répondu HTTP {response.status_code}.",
        )
    return response.content


def read_capabilities(
    source: Union[str, bytes],
    session: Any = None,
    *,
    headers: Optional[Mapping[str, str]] = None,
    apikey: Any = None,
    timeout: Optional[float] = None,
) -> WebMapTileService:
    """Parse capabilities given as bytes, or fetch them from a URL with `session` (a
    requests.Session-like object; the plugin's QGIS-aware one when None) and optional
    `headers`/`apikey` (sent as the `apikey` query parameter, as the platform expects)."""
    url = "http://localhost/wmts"
    if isinstance(source, str):
        url = capabilities_url(source)
        fetch_url = with_query_parameter(url, "apikey", _reveal(apikey)) if apikey else url
        data = _fetch(fetch_url, session, headers, timeout)
    else:
        data = source
    try:
        return WebMapTileService(url, xml=data)
    except ServiceException as exc:
        raise CapabilitiesError(f"The WMTS answered an exception: {exc}",
                                f"Le WMTS a répondu une exception : {exc}") from None
    except Exception as exc:  # OWSLib raises many kinds on a document that is not WMTS
        raise CapabilitiesError(
            f"The answer is not WMTS capabilities ({type(exc).__name__}: {exc}).",
            f"La réponse n'est pas un document de capacités WMTS ({type(exc).__name__} : {exc}).",
        ) from None


def _crs_code(crs: str) -> str:
    return re.split(r"[:/]", crs.strip())[-1]


def _normalised_crs(crs: str) -> str:
    code = _crs_code(crs)
    if code == "CRS84":
        return "OGC:CRS84"
    return f"EPSG:{code}" if code.isdigit() else crs


def _metres_per_unit(crs: str) -> float:
    return METRES_PER_DEGREE if _crs_code(crs) in _GEOGRAPHIC_CODES else 1.0


def _set_rank(identifier: str, crs: str) -> int:
    """Lower is better: a layer's own PM_<top>_<bottom>, then PM, then other web mercator."""
    if _PM_SPECIFIC.fullmatch(identifier):
        return 0
    if identifier == "PM":
        return 1
    if _crs_code(crs) in _WEB_MERCATOR_CODES:
        return 2
    return 3


def _pm_zoom(identifier: str, scale_denominator: float, is_mercator: bool) -> Optional[int]:
    if not is_mercator:
        return None
    level = level_for_scale_denominator(scale_denominator)
    if level is not None:
        return level.z
    return int(identifier) if identifier.isdigit() else None


def _levels(matrix_set: Any, link: Any) -> Tuple[WmtsLevel, ...]:
    is_mercator = _crs_code(matrix_set.crs) in _WEB_MERCATOR_CODES
    per_unit = _metres_per_unit(matrix_set.crs)
    limits = getattr(link, "tilematrixlimits", {}) or {}
    # Limits naming matrices the set does not have are ignored (seen on the platform).
    wanted = [m for m in matrix_set.tilematrix if m in limits] if limits else list(
        matrix_set.tilematrix)
    levels = []
    for identifier in wanted:
        matrix = matrix_set.tilematrix[identifier]
        limit = limits.get(identifier)
        levels.append(WmtsLevel(
            identifier=identifier,
            zoom=_pm_zoom(identifier, matrix.scaledenominator, is_mercator),
            scale_denominator=matrix.scaledenominator,
            resolution=matrix.scaledenominator * STANDARD_PIXEL_M / per_unit,
            limits=None if limit is None else (limit.mintilerow, limit.maxtilerow,
                                               limit.mintilecol, limit.maxtilecol),
        ))
    levels.sort(key=lambda level: -level.scale_denominator)
    return tuple(levels)


def _default_style(styles: Mapping[str, Mapping[str, Any]]) -> str:
    for identifier, style in styles.items():
        if style.get("isDefault"):
            return identifier
    return next(iter(styles), "")


def _get_tile_kvp_url(caps: WebMapTileService) -> str:
    """The GET href of the GetTile operation that accepts KVP (or says no encoding)."""
    for operation in getattr(caps, "operations", []) or []:
        if getattr(operation, "name", "") != "GetTile":
            continue
        for method in operation.methods or []:
            if method.get("type", "").lower() != "get" or not method.get("url"):
                continue
            encodings = [value for constraint in method.get("constraints") or []
                         if getattr(constraint, "name", "") == "GetEncoding"
                         for value in getattr(constraint, "values", [])]
            if not encodings or "KVP" in encodings:
                return method["url"]
    return ""


def find_layer(caps: WebMapTileService, layer_name: str,
               *, matrix_set: Optional[str] = None) -> WmtsLayerInfo:
    """What QGIS needs to show `layer_name`, read from the document. Raises
    LayerNotInCapabilities when absent (not published yet). `matrix_set` forces a set."""
    if layer_name not in caps.contents:
        raise LayerNotInCapabilities(layer_name, tuple(caps.contents))
    layer = caps.contents[layer_name]
    links = [
        (name, link) for name, link in layer.tilematrixsetlinks.items()
        if name in caps.tilematrixsets
    ]
    if matrix_set is not None:
        links = [(name, link) for name, link in links if name == matrix_set]
    if not links:
        raise CapabilitiesError(
            f"The layer '{layer_name}' has no usable tile matrix set"
            + (f" named '{matrix_set}'." if matrix_set else "."),
            f"La couche « {layer_name} » n'a aucune grille de tuilage utilisable"
            + (f" nommée « {matrix_set} »." if matrix_set else "."),
        )
    # Stable sort: document order breaks ties.
    name, link = min(links, key=lambda item: _set_rank(item[0],
                                                       caps.tilematrixsets[item[0]].crs))
    tile_matrix_set = caps.tilematrixsets[name]
    wgs84 = getattr(layer, "boundingBoxWGS84", None)
    return WmtsLayerInfo(
        identifier=layer_name,
        title=layer.title or layer_name,
        formats=tuple(layer.formats),
        default_style=_default_style(layer.styles),
        styles=tuple(layer.styles),
        matrix_set=name,
        matrix_set_crs=_normalised_crs(tile_matrix_set.crs),
        levels=_levels(tile_matrix_set, link),
        bbox=Bbox4326(*wgs84) if wgs84 else None,
        get_tile_url=_get_tile_kvp_url(caps),
        tile_templates=tuple((url.get("format", ""), url["template"])
                             for url in getattr(layer, "resourceURLs", []) or []
                             if url.get("resourceType") == "tile" and url.get("template")),
    )


def build_qgis_uri(
    info: WmtsLayerInfo,
    capabilities_url_: str,
    *,
    authcfg: Optional[str] = None,
    image_format: Optional[str] = None,
) -> str:
    """The `wms` provider URI of the layer. A private service is opened with `authcfg` (a
    QGIS authentication configuration id, plugin/wmts/key_config.py): never with a key on the
    URL, which a project would save in clear and urllib3 would log."""
    from qgis.core import QgsDataSourceUri

    chosen_format = image_format or (info.formats[0] if info.formats else "image/png")
    url = capabilities_url(capabilities_url_)
    uri = QgsDataSourceUri()
    uri.setParam("contextualWMSLegend", "0")
    uri.setParam("crs", info.matrix_set_crs)
    uri.setParam("dpiMode", "7")
    uri.setParam("format", chosen_format)
    uri.setParam("layers", info.identifier)
    uri.setParam("styles", info.default_style)
    uri.setParam("tileMatrixSet", info.matrix_set)
    uri.setParam("url", url)
    if authcfg:
        uri.setAuthConfigId(authcfg)
    return bytes(uri.encodedUri()).decode("utf-8")
