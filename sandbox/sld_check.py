"""GeoServer-like acceptance of an SLD 1.0.0 style: what the platform refuses, in its words."""

from __future__ import annotations

import re
from pathlib import Path
from typing import List, Tuple

from lxml import etree

SLD_NS = "http://www.opengis.net/sld"
OGC_NS = "http://www.opengis.net/ogc"
SE_NS = "http://www.opengis.net/se"
XLINK_NS = "http://www.w3.org/1999/xlink"
NS = {"sld": SLD_NS, "ogc": OGC_NS, "xlink": XLINK_NS}
SCHEMA_PATH = (Path(__file__).resolve().parent.parent / "resources" / "schemas" / "ogc" / "sld"
               / "1.0.0" / "StyledLayerDescriptor.xsd")
# GeoServer's marks: the SLD standard names (any case), the names its ShapeMarkFactory
# (shape://) and ExtShapeMarkFactory (extshape://) draw, and its font and WKT families.
WELL_KNOWN_NAMES = {"square", "circle", "triangle", "star", "cross", "x"}
SHAPE_NAMES = {f"shape://{n}" for n in ("vertline", "horline", "slash", "backslash", "dot",
                                          "plus", "times", "oarrow", "carrow")}
EXTSHAPE_NAMES = {f"extshape://{n}" for n in ("triangle", "emicircle", "triangleemicircle",
                                                "narrow", "sarrow")}
OTHER_MARK = re.compile(r"^(ttf://[^#]+#.+|wkt://.+)$")
SYMBOLIZERS = ("PointSymbolizer", "LineSymbolizer", "PolygonSymbolizer", "TextSymbolizer",
               "RasterSymbolizer")
# A column name as the integration makes them (GDAL's launder keeps spaces, accents and a
# leading digit), not an expression: no brackets, quotes, commas or operators.
PROPERTY_NAME = re.compile(r"^[^\s()'\",|<>=+*/][^()'\",|<>=+*/]*(?<!\s)$")

def _sld_schema() -> etree.XMLSchema:
    """Compiled for each check (about 2 ms), never kept: in this process GDAL closes
    GeoPackages (the integration), and on GDAL 3.10+ that ends in libspatialite calling
    libxml2's xmlCleanupParser(), which frees the built-in XSD types a kept schema points to
    (a crash at the next check). Also gives each request thread its own error log. A clean-up
    during the compile (the integration runs in another thread) can make it miss the imported
    XSDs once: one retry."""
    try:
        return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))
    except etree.XMLSchemaParseError:
        return etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))


def _is_local(href: str) -> bool:
    href = href.strip()
    return not re.match(r"^https?://", href, re.IGNORECASE)


def is_mark_name(value: str) -> bool:
    return (value.lower() in WELL_KNOWN_NAMES or value in SHAPE_NAMES
            or value in EXTSHAPE_NAMES or bool(OTHER_MARK.match(value)))


def check_sld(data: bytes) -> Tuple[List[str], List[str]]:
    """(used attributes, errors); an empty error list means GeoServer would take it."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as error:
        return [], [f"Le fichier SLD n'est pas un XML bien formé : {error}"]
    errors: List[str] = []
    if root.xpath("//*[namespace-uri()=$ns]", ns=SE_NS) or root.xpath(
            "//*[local-name()='SvgParameter']"):
        errors.append("SLD 1.1.0 / Symbology Encoding (se:…, SvgParameter) non accepté :"
                      " seul SLD 1.0.0 est pris en charge")
        return [], errors
    if root.tag != f"{{{SLD_NS}}}StyledLayerDescriptor" or root.get("version") != "1.0.0":
        errors.append("La racine doit être sld:StyledLayerDescriptor version=\"1.0.0\"")
        return [], errors
    schema = _sld_schema()
    if not schema.validate(root):
        for entry in list(schema.error_log)[:5]:
            errors.append(f"Non conforme au schéma SLD 1.0.0 (ligne {entry.line}) :"
                          f" {entry.message}")
    for layer in root.xpath("sld:NamedLayer", namespaces=NS):
        name = (layer.findtext(f"{{{SLD_NS}}}Name") or "").strip()
        if not name:
            errors.append("Le nom du style (NamedLayer/Name) est vide")
    for style in root.xpath("//sld:UserStyle", namespaces=NS):
        name = style.find(f"{{{SLD_NS}}}Name")
        if name is not None and not (name.text or "").strip():
            errors.append("Le nom du style (UserStyle/Name) est vide")
    for i, rule in enumerate(root.xpath("//sld:Rule", namespaces=NS), start=1):
        if not any(rule.find(f"{{{SLD_NS}}}{s}") is not None for s in SYMBOLIZERS):
            title = (rule.findtext(f"{{{SLD_NS}}}Name") or f"n°{i}").strip()
            errors.append(f"La règle {title} n'a aucun symboliseur")
    for mark in root.xpath("//sld:WellKnownName", namespaces=NS):
        value = (mark.text or "").strip()
        if not is_mark_name(value):
            errors.append(f"WellKnownName inconnu de GeoServer : « {value} »")
    for resource in root.xpath("//sld:ExternalGraphic/sld:OnlineResource", namespaces=NS):
        href = resource.get(f"{{{XLINK_NS}}}href", "")
        if _is_local(href):
            errors.append(f"ExternalGraphic pointe vers un fichier local ({href}) : hébergez"
                          " l'image en annexe et donnez son URL")
    used: List[str] = []
    for node in root.xpath("//ogc:PropertyName", namespaces=NS):
        value = (node.text or "").strip()
        if not PROPERTY_NAME.match(value):
            errors.append(f"PropertyName doit être un nom d'attribut, pas une expression :"
                          f" « {value} »")
        elif value not in used:
            used.append(value)
    return used, errors


def scale_limits(data: bytes) -> dict:
    """Min/max scale denominators found in the rules (the platform reports them)."""
    root = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True))
    limits = {}
    mins = [float(v) for v in root.xpath("//sld:MinScaleDenominator/text()", namespaces=NS)]
    maxs = [float(v) for v in root.xpath("//sld:MaxScaleDenominator/text()", namespaces=NS)]
    if mins:
        limits["min_scale_denominator"] = min(mins)
    if maxs:
        limits["max_scale_denominator"] = max(maxs)
    return limits
