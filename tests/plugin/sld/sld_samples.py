"""Hand-written SE 1.1 snippets in the shape QGIS 3.22 writes them."""

from __future__ import annotations

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" '
    'xmlns:ogc="http://www.opengis.net/ogc" xmlns:se="http://www.opengis.net/se" '
    'xmlns:xlink="http://www.w3.org/1999/xlink" '
    'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" version="1.1.0" '
    'xsi:schemaLocation="http://www.opengis.net/sld '
    'http://schemas.opengis.net/sld/1.1.0/StyledLayerDescriptor.xsd">'
    "<NamedLayer><se:Name>Layer</se:Name><UserStyle><se:Name>Layer</se:Name>"
    "<se:FeatureTypeStyle>"
)
TAIL = "</se:FeatureTypeStyle></UserStyle></NamedLayer></StyledLayerDescriptor>"

POLYGON = (
    "<se:PolygonSymbolizer><se:Fill><se:SvgParameter name=\"fill\">#ff0000</se:SvgParameter>"
    "</se:Fill></se:PolygonSymbolizer>"
)


def sld(*rules: str) -> bytes:
    return (HEAD + "".join(rules) + TAIL).encode("utf-8")


def rule(body: str, name: str = "r") -> str:
    return f"<se:Rule><se:Name>{name}</se:Name>{body}</se:Rule>"


def equal_filter(field: str, value: str = "a") -> str:
    return (f"<ogc:Filter><ogc:PropertyIsEqualTo><ogc:PropertyName>{field}</ogc:PropertyName>"
            f"<ogc:Literal>{value}</ogc:Literal></ogc:PropertyIsEqualTo></ogc:Filter>")


def point_with_mark(name: str) -> str:
    return (f"<se:PointSymbolizer><se:Graphic><se:Mark><se:WellKnownName>{name}"
            "</se:WellKnownName></se:Mark><se:Size>8</se:Size></se:Graphic>"
            "</se:PointSymbolizer>")


def hatch_fill(name: str) -> str:
    return (
        "<se:PolygonSymbolizer><se:Fill><se:GraphicFill><se:Graphic><se:Mark>"
        f"<se:WellKnownName>{name}</se:WellKnownName><se:Stroke>"
        "<se:SvgParameter name=\"stroke\">#000000</se:SvgParameter></se:Stroke></se:Mark>"
        "</se:Graphic></se:GraphicFill></se:Fill></se:PolygonSymbolizer>"
    )


def external_graphic(href: str) -> str:
    return (
        "<se:PointSymbolizer><se:Graphic><se:ExternalGraphic>"
        f'<se:OnlineResource xlink:type="simple" xlink:href="{href}"/>'
        "<se:Format>image/svg+xml</se:Format></se:ExternalGraphic><se:Size>12</se:Size>"
        "</se:Graphic></se:PointSymbolizer>"
    )
