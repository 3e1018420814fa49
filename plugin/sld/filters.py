"""OGC Filter / expression elements: Filter Encoding 1.1 (as QGIS writes it) → Filter 1.0.0
as GeoServer reads it, with field names mapped to the stored data's columns."""

from __future__ import annotations

import re
from typing import Callable, Optional

from lxml import etree

from .findings import Severity
from .schema10 import OGC_NS

# QGIS function name -> GeoServer filter function with the same meaning and arguments.
QGIS_TO_GEOSERVER_FUNCTIONS = {
    "upper": "strToUpperCase",
    "lower": "strToLowerCase",
    "length": "strLength",
    "concat": "Concatenate",
    "trim": "strTrim",
    "title": "strCapitalize",
    "to_int": "parseInt",
    "to_real": "parseDouble",
    "pi": "PI",
    "degrees": "toDegrees",
    "radians": "toRadians",
    "ln": "log",
    "if": "if_then_else",
    "$area": "area",
    "$length": "geomLength",
}
# Functions GeoServer knows under the same name as QGIS (or that a user wrote for GeoServer).
GEOSERVER_FUNCTIONS = frozenset({
    "strToUpperCase", "strToLowerCase", "strLength", "strConcat", "Concatenate",
    "strSubstring", "strSubstringStart", "strTrim", "strReplace", "strStartsWith",
    "strEndsWith", "strIndexOf", "strMatches", "strCapitalize", "strStripAccents",
    "strAbbreviate", "strDefaultIfBlank", "abs", "ceil", "floor", "rint", "round", "sqrt",
    "pow", "exp", "log", "min", "max", "if_then_else", "isNull", "Recode", "Categorize",
    "Interpolate", "numberFormat", "dateFormat", "area", "geomLength", "centroid", "buffer",
    "startPoint", "endPoint", "interiorPoint", "boundary", "env", "property", "parseInt",
    "parseDouble", "toDegrees", "toRadians", "PI", "between", "in", "equalTo", "not",
})
_COMPARISONS_WITH_MATCHCASE = frozenset({
    "PropertyIsEqualTo", "PropertyIsNotEqualTo", "PropertyIsLessThan", "PropertyIsGreaterThan",
    "PropertyIsLessThanOrEqualTo", "PropertyIsGreaterThanOrEqualTo", "PropertyIsLike",
})
# A PropertyName holding one of these is an expression, not a column name.
_EXPRESSION_HINTS = re.compile(r"""[()'",|]|\s[-+*/=<>]\s""")

def _starts_with_property_name(element) -> bool:
    first = next((c for c in element if isinstance(c.tag, str)), None)
    return first is not None and first.tag == _ogc("PropertyName")


def like_to_regex(pattern: str, wild: str, single: str, escape: str, *,
                  case_sensitive: bool = True) -> str:
    """An SQL LIKE pattern as the Java regular expression strMatches expects."""
    parts = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == escape and index + 1 < len(pattern):
            parts.append(re.escape(pattern[index + 1]))
            index += 2
            continue
        parts.append(".*" if char == wild else "." if char == single else re.escape(char))
        index += 1
    return ("" if case_sensitive else "(?i)") + "^" + "".join(parts) + "$"


FieldMapper = Callable[[str], str]
Report = Callable[..., None]


def _ogc(local: str) -> str:
    return f"{{{OGC_NS}}}{local}"


def property_name_field(text: str, known_fields) -> Optional[str]:
    """The field a PropertyName designates, or None when its text is an expression."""
    raw = text.strip()
    if len(raw) >= 2 and raw[0] == raw[-1] == '"' and '"' not in raw[1:-1]:
        return raw[1:-1]
    if raw in known_fields:
        return raw
    if not raw or _EXPRESSION_HINTS.search(raw):
        return None
    return raw


class FilterConverter:
    """Copies one ogc:* subtree, fixing what Filter 1.0 / GeoServer cannot read."""

    def __init__(self, map_field: FieldMapper, report: Report, known_fields=()):
        self._map_field = map_field
        self._report = report
        self._known_fields = frozenset(known_fields)

    def convert(self, element: etree._Element, where: str) -> etree._Element:
        local = etree.QName(element).localname
        copy = etree.Element(_ogc(local), nsmap={"ogc": OGC_NS})
        self._copy_attributes(element, copy, local, where)
        copy.text = element.text
        if local == "PropertyName":
            copy.text = self._property_name(element.text or "", where)
            return copy
        if local == "Function":
            self._function(copy, where)
        if local == "PropertyIsLike" and (not _starts_with_property_name(element)
                                          or element.get("matchCase") == "false"):
            return self._like_on_expression(element, copy, where)
        for child in element:
            if not isinstance(child.tag, str):  # comments, processing instructions
                continue
            if etree.QName(child).namespace == OGC_NS:
                converted = self.convert(child, where)
            else:  # gml geometries and the like: kept as written
                converted = etree.fromstring(etree.tostring(child))
            converted.tail = child.tail
            copy.append(converted)
        return copy

    def _like_on_expression(self, element, copy, where: str) -> etree._Element:
        """Filter 1.0 LIKE takes a PropertyName only: ``upper(x) LIKE 'A%'`` becomes
        ``strMatches(strToUpperCase(x), '^A.*$') = true``, which GeoServer evaluates."""
        operands = [c for c in element if isinstance(c.tag, str)]
        if len(operands) != 2 or etree.QName(operands[1]).localname != "Literal":
            self._report(Severity.ERROR, "FUNCTION_UNSUPPORTED", where, name="LIKE",
                         where=where, where_fr=where)
            return copy
        pattern = like_to_regex(operands[1].text or "", copy.get("wildCard", "%"),
                                copy.get("singleChar", "_"), copy.get("escape", "\\"),
                                case_sensitive=element.get("matchCase", "true") != "false")
        equal = etree.Element(_ogc("PropertyIsEqualTo"), nsmap={"ogc": OGC_NS})
        matches = etree.SubElement(equal, _ogc("Function"), name="strMatches")
        matches.append(self.convert(operands[0], where))
        etree.SubElement(matches, _ogc("Literal")).text = pattern
        etree.SubElement(equal, _ogc("Literal")).text = "true"
        self._report(Severity.FIXED, "LIKE_REWRITTEN", where)
        return equal

    def _copy_attributes(self, source, copy, local: str, where: str) -> None:
        for name, value in source.attrib.items():
            if name == "matchCase" and local in _COMPARISONS_WITH_MATCHCASE:
                if value.strip().lower() == "false" and local != "PropertyIsLike":
                    self._report(Severity.WARNING, "ATTRIBUTE_CASE", where)
                continue
            if name == "escapeChar" and local == "PropertyIsLike":
                copy.set("escape", value)
                continue
            copy.set(name, value)
        if local == "PropertyIsLike":
            for name, default in (("wildCard", "%"), ("singleChar", "_"), ("escape", "\\")):
                if copy.get(name) is None:
                    copy.set(name, default)

    def _property_name(self, text: str, where: str) -> str:
        if not text.strip():
            self._report(Severity.ERROR, "EMPTY_FIELD_NAME", where, field=text)
            return text
        field = property_name_field(text, self._known_fields)
        if field is None:
            self._report(Severity.ERROR, "PROPERTYNAME_EXPRESSION", where, text=text.strip())
            return text.strip()
        stored = self._map_field(field)
        if not stored.strip():
            self._report(Severity.ERROR, "EMPTY_FIELD_NAME", where, field=field)
        return stored

    def _function(self, copy: etree._Element, where: str) -> None:
        name = copy.get("name", "")
        if name in GEOSERVER_FUNCTIONS:
            return
        mapped = QGIS_TO_GEOSERVER_FUNCTIONS.get(name.lower())
        if mapped:
            copy.set("name", mapped)
            self._report(Severity.FIXED, "FUNCTION_MAPPED", where, old=name, new=mapped)
            return
        self._report(Severity.ERROR, "FUNCTION_UNSUPPORTED", where, name=name,
                     where=where, where_fr=where)
