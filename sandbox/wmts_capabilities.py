"""The platform's look of the WMTS capabilities: MapProxy's document rewritten as ROK4 writes
it (matrix set `PM`, style `normal`, per-layer TileMatrixSetLimits and ResourceURL, only the
layers the caller may see). Used by sandbox.wmts."""

from __future__ import annotations

from typing import List, Optional

from lxml import etree

WMTS_NS = "http://www.opengis.net/wmts/1.0"
OWS_NS = "http://www.opengis.net/ows/1.1"
XLINK_NS = "http://www.w3.org/1999/xlink"
NS = {"wmts": WMTS_NS, "ows": OWS_NS, "xlink": XLINK_NS}
MATRIX_SET = "PM"
STYLE = "normal"
# The host name MapProxy is called with in-process; replaced by the public URL.
INTERNAL_HOST = "mapproxy.internal"


def platform_capabilities(raw: bytes, visible: List, public_url: str) -> bytes:
    """MapProxy's capabilities rewritten as the platform writes them, for `visible` layers."""
    text = raw.replace(f"http://{INTERNAL_HOST}/service?".encode(), (public_url + "?").encode())
    text = text.replace(f"http://{INTERNAL_HOST}/wmts".encode(), public_url.encode())
    root = etree.fromstring(text)
    for operation in root.findall("ows:OperationsMetadata/ows:Operation", NS):
        if operation.get("name") == "GetFeatureInfo":  # pyramids carry no attributes
            operation.getparent().remove(operation)
    contents = root.find("wmts:Contents", NS)
    by_name = {layer.name: layer for layer in visible}
    for element in contents.findall("wmts:Layer", NS):
        layer = by_name.get(element.findtext("ows:Identifier", namespaces=NS))
        if layer is None:
            contents.remove(element)
        else:
            _rewrite_layer(element, layer, public_url)
    for matrix_set in contents.findall("wmts:TileMatrixSet", NS):
        for identifier in matrix_set.findall("wmts:TileMatrix/ows:Identifier", NS):
            identifier.text = str(int(identifier.text))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _element(tag: str, text: Optional[str] = None, **attributes) -> etree._Element:
    prefix, local = tag.split(":")
    element = etree.Element(f"{{{NS[prefix]}}}{local}", **attributes)
    if text is not None:
        element.text = text
    return element


def _rewrite_layer(element, layer, public_url: str) -> None:
    title = element.find("ows:Title", NS)
    title.text = layer.title or layer.name
    abstract = element.find("ows:Abstract", NS)
    if abstract is None and layer.abstract:
        abstract = _element("ows:Abstract")
        title.addnext(abstract)
    if abstract is not None:
        abstract.text = layer.abstract
    min_lon, min_lat, max_lon, max_lat = layer.bbox_4326
    box = element.find("ows:WGS84BoundingBox", NS)
    box.find("ows:LowerCorner", NS).text = f"{min_lon} {min_lat}"
    box.find("ows:UpperCorner", NS).text = f"{max_lon} {max_lat}"
    for style in element.findall("wmts:Style", NS):
        style.set("isDefault", "true")
        style.find("ows:Identifier", NS).text = STYLE
    for fmt in element.findall("wmts:Format", NS):
        fmt.text = layer.fmt
    for old in element.findall("wmts:TileMatrixSetLink", NS) + element.findall(
        "wmts:ResourceURL", NS
    ):
        element.remove(old)
    link = _element("wmts:TileMatrixSetLink")
    link.append(_element("wmts:TileMatrixSet", MATRIX_SET))
    limits = _element("wmts:TileMatrixSetLimits")
    for tile_range in layer.limits():
        matrix_limits = _element("wmts:TileMatrixLimits")
        for tag, value in (
            ("wmts:TileMatrix", tile_range.z),
            ("wmts:MinTileRow", tile_range.min_row),
            ("wmts:MaxTileRow", tile_range.max_row),
            ("wmts:MinTileCol", tile_range.min_col),
            ("wmts:MaxTileCol", tile_range.max_col),
        ):
            matrix_limits.append(_element(tag, str(value)))
        limits.append(matrix_limits)
    link.append(limits)
    element.append(link)
    template = (
        f"{public_url}/1.0.0/{layer.name}/{{Style}}/{{TileMatrixSet}}/{{TileMatrix}}/"
        f"{{TileRow}}/{{TileCol}}.{layer.ext}"
    )
    element.append(
        _element("wmts:ResourceURL", format=layer.fmt, resourceType="tile", template=template)
    )
