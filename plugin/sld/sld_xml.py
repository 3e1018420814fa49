"""Small lxml helpers the SLD rewriters share: safe parsing, tag names, constant values."""

from __future__ import annotations

from lxml import etree

from .schema10 import OGC_NS, SLD_NS, XLINK_NS

XLINK_HREF = f"{{{XLINK_NS}}}href"
_SAFE_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=True)


def parse_sld(sld_bytes: bytes):
    """Parse without entities nor network access (an SLD comes from outside)."""
    return etree.fromstring(sld_bytes, _SAFE_PARSER)


def sld_tag(local: str) -> str:
    return f"{{{SLD_NS}}}{local}"


def local_name(element) -> str:
    tag = element.tag  # "{namespace}name": cheaper than etree.QName on large styles
    return tag[tag.index("}") + 1:] if tag[:1] == "{" else tag


def plain_value(element) -> str:
    """The constant a ParameterValue holds (text or a single ogc:Literal); ValueError else."""
    children = [c for c in element if isinstance(c.tag, str)]
    if not children:
        return (element.text or "").strip()
    if len(children) == 1 and children[0].tag == f"{{{OGC_NS}}}Literal":
        return (children[0].text or "").strip()
    raise ValueError("not a constant")


def text_of(element, local: str) -> str:
    for child in element:
        if isinstance(child.tag, str) and local_name(child) == local:
            return (child.text or "").strip()
    return ""
