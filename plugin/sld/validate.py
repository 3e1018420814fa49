"""Offline checks of an SLD before upload: the bundled SLD 1.0.0 schema, then the platform's own
rules (ENTREPOT_API.md §3 "Known rejections") and the stored table's attribute list."""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import List, Mapping, Optional

from lxml import etree

from . import markers
from .filters import property_name_field
from .findings import Finding, Severity, finding, rule_params
from .schema10 import OGC_NS, SE_NS, SLD_NS, SYMBOLIZERS, XLINK_NS
from .transform import ANNEX_SCHEME, parse_sld
from .xml_guard import GEOPACKAGES_AND_SCHEMA

SCHEMA_PATH = (Path(__file__).resolve().parents[2] / "resources" / "schemas" / "ogc" / "sld"
               / "1.0.0" / "StyledLayerDescriptor.xsd")

# W3C XML 1.0 "Name" (productions [4], [4a], [5]): GeoTools' simple-feature accessor finds
# an attribute from a PropertyName of this form only.
_NAME_START = (":A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff"
               "\u200c-\u200d\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf"
               "\ufdf0-\ufffd")
XML_NAME = re.compile(f"^[{_NAME_START}][{_NAME_START}\\-.0-9\u00b7\u0300-\u036f"
                      "\u203f-\u2040]*$")


def sld10_schema() -> etree.XMLSchema:
    """The SLD 1.0.0 schema, compiled afresh for each validation (about 2 ms).

    Never keep a compiled schema across calls: a compiled XMLSchema points into libxml2's table
    of built-in XSD types, and other code in the QGIS process frees that table. Closing a
    GeoPackage in GDAL 3.10+ (QGIS 3.40, 3.44) calls libspatialite's spatialite_cleanup_ex(),
    which calls libxml2's xmlCleanupParser() -> xmlSchemaCleanupTypes(). A schema compiled
    before that validated through freed memory: a segfault (or an endless loop) in
    xmlSchemaValidateDoc at the next style step. Native backtrace, trixie (QGIS 3.40.6):
        #0 xmlCleanupParser () from libxml2.so.2
        #1 ?? () from libspatialite.so.8
        #2 spatialite_cleanup_ex () from libspatialite.so.8
        #3..#5 ?? () from libgdal.so.36
        #6 GDALClose () from libgdal.so.36
    then SIGSEGV in libxml2.so.2 under lxml's XMLSchema.__call__ (tests/plugin/sld/
    test_corpus.py, after the GeoPackage style). A schema compiled after the cleanup makes
    libxml2 rebuild its type table, so each validation gets a schema valid at that time.
    A GeoPackage closed by another thread *while* the schema compiles (the style check runs in
    a task) also unregisters libxml2's file loaders under it: the compile then fails to read
    the imported XSDs (XMLSchemaParseError, seen once in the wizard tests on QGIS 3.40), and
    a second compile, with libxml2 initialised again, succeeds: one retry.
    """
    try:
        return _compile_schema()
    except etree.XMLSchemaParseError:
        return _compile_schema()


def _compile_schema() -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True, resolve_entities=False)
    return etree.XMLSchema(etree.parse(str(SCHEMA_PATH), parser))


def _schema_findings(document) -> List[Finding]:
    with GEOPACKAGES_AND_SCHEMA:   # no GeoPackage of the plugin closes meanwhile (xml_guard)
        schema = sld10_schema()  # this call's own: its error log is not shared with threads
        valid = schema.validate(document)
        errors = [] if valid else list(schema.error_log)[:20]
    return [finding(Severity.ERROR, "XSD_INVALID", error.path or "", line=error.line,
                    detail=error.message) for error in errors]


def _q(namespace: str, local: str) -> str:
    return f"{{{namespace}}}{local}"


def _rule_label(rule) -> str:
    name = rule.find(_q(SLD_NS, "Name"))
    return f"Rule '{name.text}'" if name is not None and name.text else "Rule"


def _platform_findings(root, table_name: Optional[str],
                       attributes: Optional[Mapping[str, str]]) -> List[Finding]:
    found: List[Finding] = []
    if root.get("version") != "1.0.0":
        found.append(finding(Severity.ERROR, "WRONG_VERSION", version=root.get("version", "")))
    se_elements = sorted({etree.QName(e).localname for e in root.iter(_q(SE_NS, "*"))})
    found.extend(finding(Severity.ERROR, "SE_ELEMENT", element=f"se:{name}")
                 for name in se_elements)
    for layer in root.iter(_q(SLD_NS, "NamedLayer"), _q(SLD_NS, "UserLayer")):
        _check_name(layer, "NamedLayer/Name", table_name, found)
        for style in layer.iter(_q(SLD_NS, "UserStyle")):
            _check_name(style, "UserStyle/Name", table_name, found)
    rules = list(root.iter(_q(SLD_NS, "Rule")))
    if not rules:
        found.append(finding(Severity.ERROR, "NO_RULE"))
    for rule in rules:
        if not any(rule.find(_q(SLD_NS, s)) is not None for s in SYMBOLIZERS):
            label = _rule_label(rule)
            found.append(finding(Severity.ERROR, "RULE_WITHOUT_SYMBOLIZER_LEFT", label,
                                 **rule_params(label)))
    for wkn in root.iter(_q(SLD_NS, "WellKnownName")):
        name = (wkn.text or "").strip()
        if not markers.is_geoserver_name(name):
            found.append(finding(Severity.ERROR, "WKN_UNKNOWN", "WellKnownName", name=name))
    for resource in root.iter(_q(SLD_NS, "OnlineResource")):
        href = resource.get(_q(XLINK_NS, "href"), "")
        if href.startswith(ANNEX_SCHEME):
            found.append(finding(Severity.WARNING, "ANNEX_PENDING", "ExternalGraphic", url=href))
        elif not href.lower().startswith(("http://", "https://")):
            found.append(finding(Severity.ERROR, "LOCAL_GRAPHIC", "ExternalGraphic", path=href))
    found.extend(_attribute_findings(root, table_name, attributes))
    return found


def _check_name(element, label: str, table_name: Optional[str], found: List[Finding]) -> None:
    name = element.find(_q(SLD_NS, "Name"))
    text = (name.text or "").strip() if name is not None else ""
    if not text or (table_name is not None and text != table_name):
        found.append(finding(Severity.ERROR, "EMPTY_STYLE_NAME", label, element=label,
                             table=table_name or "?"))


def _attribute_findings(root, table_name, attributes) -> List[Finding]:
    found: List[Finding] = []
    known = set(attributes or ())
    reported = set()
    for element in root.iter(_q(OGC_NS, "PropertyName")):
        text = (element.text or "").strip()
        if not text:
            if "" not in reported:
                reported.add("")
                found.append(finding(Severity.ERROR, "EMPTY_FIELD_NAME", "PropertyName",
                                     field=element.text or ""))
            continue
        field = property_name_field(text, known)
        if field is None:
            if text not in reported:
                reported.add(text)
                found.append(finding(Severity.ERROR, "PROPERTYNAME_EXPRESSION", "PropertyName",
                                     text=text))
            continue
        if not XML_NAME.match(field) and ("xml", field) not in reported:
            reported.add(("xml", field))
            found.append(finding(Severity.WARNING, "COLUMN_NOT_XML_NAME", "PropertyName",
                                 field=field))
        if attributes is None or field in known or field in reported:
            continue
        reported.add(field)
        close = difflib.get_close_matches(field, sorted(known), n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        hint_fr = f" (vouliez-vous dire « {close[0]} » ?)" if close else ""
        found.append(finding(Severity.ERROR, "ATTRIBUTE_MISSING", "PropertyName", field=field,
                             table=table_name or "?", hint=hint, hint_fr=hint_fr))
    return found


def validate_sld(
    sld_bytes: bytes,
    *,
    table_name: Optional[str] = None,
    attributes: Optional[Mapping[str, str]] = None,
) -> List[Finding]:
    """Everything the platform would reject in ``sld_bytes`` (ERROR) or will render
    differently (WARNING). ``attributes``: the stored table's columns, when known."""
    try:
        root = parse_sld(sld_bytes)
    except etree.XMLSyntaxError as error:
        return [finding(Severity.ERROR, "NOT_XML", detail=error)]
    return _schema_findings(root.getroottree()) + _platform_findings(root, table_name,
                                                                      attributes)
