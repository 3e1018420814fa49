"""QGIS's SLD (1.1.0 / Symbology Encoding) → the SLD 1.0.0 the Géoplateforme accepts.

Pure lxml: runs without a layer (tests, sandbox checks). What it changes is reported as
findings: FIXED when the rendering should not change, WARNING when it will, ERROR when the
platform would reject the result and no automatic fix exists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Dict, List, Mapping, Optional, Sequence, Tuple

from lxml import etree

from . import schema10
from .annexes import (  # noqa: F401 - re-exported: the annex API was born here
    ANNEX_SCHEME,
    Annex,
    AnnexFixes,
    PathResolver,
    annex_placeholder,
    default_resolver,
    rewrite_annex_urls,
)
from .filters import FilterConverter
from .findings import Finding, Severity, finding, rule_params
from .mark_fixes import MarkFixes
from .names import stored_field_name
from .placeholders import is_label_placeholder
from .schema10 import OGC_NS, SE_NS, SLD_NS, XLINK_NS, XSI_NS
from .sld_xml import local_name as _local
from .sld_xml import parse_sld
from .sld_xml import sld_tag as _sld
from .sld_xml import text_of as _text_of

_STYLE_NAMESPACES = (SLD_NS, SE_NS)
_UNEXPORTED_SYMBOL_LAYER = re.compile(r"SymbolLayer\w*\s+(\w+) not implemented")


@dataclass
class TransformResult:
    sld_bytes: bytes
    findings: List[Finding]
    annexes: List[Annex]
    field_map: Dict[str, str] = field(default_factory=dict)  # layer field -> stored column


def _rule_name(rule) -> str:
    name = rule.find(_sld("Name"))
    title = rule.find(_sld("Title"))
    for candidate in (name, title):
        if candidate is not None and candidate.text:
            return f"Rule '{candidate.text}'"
    return "Rule"


class _Downgrader(MarkFixes, AnnexFixes):
    def __init__(self, *, table_name: str, field_map: Mapping[str, str],
                 stored_fields: Optional[Sequence[str]], resolver: PathResolver,
                 upload_annexes: bool):
        self.table_name = table_name
        self.findings: List[Finding] = []
        self.annexes: Dict[str, Annex] = {}
        self.used_fields: Dict[str, str] = {}
        self._field_map = dict(field_map)
        self._stored_fields = stored_fields
        self._resolver = resolver
        self._upload_annexes = upload_annexes
        self._seen: set = set()
        self._image_sizes: Dict[etree._Element, float] = {}  # mark images -> their Size
        self._filters = FilterConverter(self._map_field, self._report, known_fields=field_map)

    # -- reporting ------------------------------------------------------------------------
    def _report(self, severity: Severity, code: str, location: str = "", **params) -> None:
        key = (severity, code, location, tuple(sorted(params.items())))
        if key not in self._seen:  # one message per distinct fact, not per occurrence
            self._seen.add(key)
            self.findings.append(finding(severity, code, location, **params))

    def _map_field(self, name: str) -> str:
        stored = stored_field_name(name, self._field_map, self._stored_fields)
        self.used_fields[name] = stored
        if stored != name:
            self._report(Severity.FIXED, "FIELD_RENAMED", "", old=name, new=stored)
        return stored

    # -- tree walk ------------------------------------------------------------------------
    def convert_root(self, root) -> etree._Element:
        nsmap = {None: SLD_NS, "ogc": OGC_NS, "xlink": XLINK_NS, "xsi": XSI_NS}
        new_root = etree.Element(_sld("StyledLayerDescriptor"), nsmap=nsmap)
        new_root.set("version", "1.0.0")
        new_root.set(f"{{{XSI_NS}}}schemaLocation", schema10.SCHEMA_LOCATION)
        self._convert_children(root, new_root, ("StyledLayerDescriptor",), "")
        self._force_names(new_root)
        return new_root

    def _convert_children(self, source, target, ancestry: Tuple[str, ...], where: str) -> None:
        parent = ancestry[-1]
        converted: List[etree._Element] = []
        for child in source:
            if not isinstance(child.tag, str):
                continue
            converted.extend(self._convert(child, ancestry, where))
        if schema10.sequence(parent) is not None:
            ranks = [schema10.rank_of(parent, _local(c)) for c in converted]
            order = sorted(range(len(converted)), key=lambda i: ranks[i])
            if order != list(range(len(converted))):
                self._report(Severity.FIXED, "ELEMENT_REORDERED", parent, element=parent)
            converted = [converted[i] for i in order]
        target.extend(converted)

    def _convert(self, element, ancestry: Tuple[str, ...], where: str) -> List[etree._Element]:
        namespace = etree.QName(element).namespace
        parent = ancestry[-1]
        if namespace == OGC_NS:
            return [self._filters.convert(element, where or parent)]
        if namespace not in _STYLE_NAMESPACES:
            self._drop(_local(element), parent)
            return []
        local = _local(element)
        if local == "SvgParameter":
            local = "CssParameter"
        if local == "Description":  # SE groups Title/Abstract; 1.0 has them inline
            return [self._value_copy(child, _local(child), where)
                    for child in element if isinstance(child.tag, str)
                    and _local(child) in ("Title", "Abstract")
                    and schema10.rank_of(parent, _local(child)) is not None]
        if schema10.sequence(parent) is not None and schema10.rank_of(parent, local) is None:
            option = element.get("name")
            self._drop(f"{local} '{option}'" if option else local, parent)
            return []
        if local == "Rule":
            where = self._rule_label(element)
        if local in schema10.VALUE_ELEMENTS:
            return [self._value_copy(element, local, where, ancestry)]
        if local == "Mark":
            image = self._mark_as_image(element, where)
            if image is not None:
                return [image]
            element = self._font_mark_to_wkn(element, where)
        self._report_unexported_symbol_layers(element, where)
        new = etree.Element(_sld(local))
        self._copy_style_attributes(element, new, local, where)
        self._convert_children(element, new, (*ancestry, local), where)
        if local == "Graphic":
            self._size_images(new)
            self._turn_rotated_mark(element, new, where)
            self._externals(new, where)
            if "GraphicFill" in ancestry:
                self._straighten_hatch(new, where)
        if local == "Rule":
            self._restore_lost_filter(element, new, where)
        if local == "FeatureTypeStyle":
            self._drop_empty_rules(new)
            if not any(_local(c) == "Rule" for c in new):
                return []
        return [new]

    def _report_unexported_symbol_layers(self, element, where: str) -> None:
        """QGIS leaves "<type> not implemented yet" comments where a symbol layer has no SLD
        export (raster fill, raster marker, gradient…): the symbol is missing from the SLD."""
        for child in element:
            if isinstance(child.tag, str):
                continue
            match = _UNEXPORTED_SYMBOL_LAYER.search(child.text or "")
            if match:
                self._report(Severity.WARNING, "SYMBOL_LAYER_NOT_EXPORTED", where or "Rule",
                             kind=match.group(1))

    def _restore_lost_filter(self, source_rule, rule, where: str) -> None:
        """QGIS 3.22 cannot export ELSE (or an unparsable filter): it leaves a comment and no
        filter, so the rule would apply to every feature."""
        notes = " ".join(c.text or "" for c in source_rule if not isinstance(c.tag, str))
        if "Parser Error" not in notes or rule.find(_sld("ElseFilter")) is not None \
                or rule.find(f"{{{OGC_NS}}}Filter") is not None:
            return
        if "ELSE" in notes:
            else_filter = etree.Element(_sld("ElseFilter"))
            ranks = [schema10.rank_of("Rule", _local(c)) for c in rule]
            position = sum(1 for rank in ranks if rank is not None and rank < 4)
            rule.insert(position, else_filter)
            self._report(Severity.FIXED, "ELSE_RESTORED", where, **rule_params(where))
        else:
            self._report(Severity.ERROR, "FILTER_NOT_EXPORTED", where, **rule_params(where))

    def _drop_empty_rules(self, feature_type_style) -> None:
        """Rules without symbolizer are rejected. Removing one is harmless unless an ELSE rule
        follows: then its features would fall to the ELSE, so it draws nothing visibly."""
        rules = [c for c in feature_type_style if _local(c) == "Rule"]
        has_else = any(r.find(_sld("ElseFilter")) is not None for r in rules)
        for rule in rules:
            if any(_local(c) in schema10.SYMBOLIZERS for c in rule):
                continue
            label = _rule_name(rule)
            if has_else and rule.find(f"{{{OGC_NS}}}Filter") is not None:
                symbolizer = etree.SubElement(rule, _sld("LineSymbolizer"))
                stroke = etree.SubElement(symbolizer, _sld("Stroke"))
                etree.SubElement(stroke, _sld("CssParameter"), name="stroke-opacity").text = "0"
                self._report(Severity.FIXED, "RULE_KEPT_INVISIBLE", label,
                             **rule_params(label))
            else:
                feature_type_style.remove(rule)
                self._report(Severity.WARNING, "RULE_WITHOUT_SYMBOLIZER", label,
                             **rule_params(label))

    def _drop(self, label: str, parent: str) -> None:
        effect_en, effect_fr = schema10.DROP_EFFECTS.get(label.split(" ")[0], (
            "an SE 1.1 feature", "une fonction SE 1.1"))
        self._report(Severity.WARNING, "ELEMENT_DROPPED", parent, element=label,
                     effect=effect_en, effect_fr=effect_fr)

    def _copy_style_attributes(self, source, target, local: str, where: str) -> None:
        for name, value in source.attrib.items():
            if name == "uom":  # SE units of measure: 1.0 sizes are pixels
                if not value.endswith("/pixel"):
                    self._report(Severity.WARNING, "UOM_DROPPED", where,
                                 uom=value.rsplit("/", 1)[-1])
                continue
            if name in ("version",) or name.startswith(f"{{{XSI_NS}}}"):
                continue
            target.set(name, value)

    def _value_copy(self, element, local: str, where: str, ancestry=()) -> etree._Element:
        new = etree.Element(_sld(local))
        for name, value in element.attrib.items():
            if name != "uom":
                new.set(name, value)
        new.text = element.text
        if local == "Label":
            self._check_label(element, where)
        if local == "WellKnownName":
            new.text = self._well_known_name(element.text or "", "GraphicFill" in ancestry,
                                             where)
        for child in element:
            if not isinstance(child.tag, str):
                continue  # comments (QGIS notes) are not content
            if etree.QName(child).namespace == OGC_NS:
                copy = self._filters.convert(child, where or local)
            else:  # SE element inside a value (rare): keep its text only
                new.text = (new.text or "") + (child.text or "")
                continue
            copy.tail = child.tail
            new.append(copy)
        return new

    # -- specific fixes -------------------------------------------------------------------
    @staticmethod
    def _rule_label(rule) -> str:
        name = _text_of(rule, "Name")
        if name:
            return f"Rule '{name}'"
        for child in rule:
            if isinstance(child.tag, str) and _local(child) == "Description":
                title = _text_of(child, "Title")
                if title:
                    return f"Rule '{title}'"
        return "Rule"

    def _check_label(self, label, where: str) -> None:
        if is_label_placeholder(label):
            self._report(Severity.ERROR, "LABEL_EXPRESSION", where or "Label")

    def _force_names(self, root) -> None:
        for layer in root:
            if _local(layer) not in ("NamedLayer", "UserLayer"):
                continue
            self._set_name(layer, "NamedLayer/Name")
            for style in layer:
                if _local(style) == "UserStyle":
                    self._set_name(style, "UserStyle/Name")

    def _set_name(self, element, label: str) -> None:
        name = next((c for c in element if _local(c) == "Name"), None)
        if name is None:
            name = etree.Element(_sld("Name"))
            element.insert(0, name)
        if name.text != self.table_name:
            name.text = self.table_name
            self._report(Severity.FIXED, "NAME_SET", label, element=label,
                         table=self.table_name)


def transform_sld(
    sld_bytes: bytes,
    *,
    table_name: str,
    field_map: Optional[Mapping[str, str]] = None,
    attributes: Optional[Mapping[str, str]] = None,
    resolve_path: Optional[PathResolver] = None,
    upload_annexes: bool = True,
) -> TransformResult:
    """Make ``sld_bytes`` platform-ready.

    ``field_map``: layer field -> stored column (from ``type_infos.relations``); it wins over
    the normalisation rule. ``attributes``: the stored table's columns (name -> type), used to
    match names. ``resolve_path`` finds local icons; ``upload_annexes=False`` replaces them by
    a simple marker instead of listing them as annexes.
    """
    try:
        root = parse_sld(sld_bytes)
    except etree.XMLSyntaxError as error:
        return TransformResult(sld_bytes, [finding(Severity.ERROR, "NOT_XML", detail=error)], [])
    downgrader = _Downgrader(
        table_name=table_name,
        field_map=field_map or {},
        stored_fields=list(attributes) if attributes is not None else None,
        resolver=resolve_path or default_resolver(),
        upload_annexes=upload_annexes,
    )
    version = root.get("version", "")
    if version != "1.0.0":
        downgrader.findings.append(finding(Severity.FIXED, "VERSION_DOWNGRADED", old=version))
    new_root = downgrader.convert_root(root)
    if not any(_local(r) == "Rule" for r in new_root.iter(_sld("Rule"))):
        downgrader.findings.append(finding(Severity.ERROR, "NO_RULE"))
    output = etree.tostring(new_root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return TransformResult(output, downgrader.findings, list(downgrader.annexes.values()),
                           downgrader.used_fields)


