"""ServiceMetadata → ISO 19139 XML, built with lxml so every value is escaped, never
concatenated. The layout follows the record cartes.gouv.fr generates."""

from __future__ import annotations

import re
from datetime import datetime, timezone

from lxml import etree

from ..pyramid.grid import Bbox4326
from .codelists import (
    INSPIRE_THESAURUS_DATE,
    INSPIRE_THESAURUS_TITLE,
    ISO639_2,
    ISO_CODELISTS,
    LANGUAGE_NAMES,
    RESOURCE_TYPE_NAMES,
)
from .model import ServiceMetadata
from .namespaces import NSMAP, SCHEMA_LOCATION, XSI, gco, gmd

# Characters XML 1.0 cannot hold at all (C0 controls but tab/LF/CR, surrogates, U+FFFE/F):
# dropped so the document is always well-formed.
_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    return _NOT_XML_CHARS.sub("", text)


def _sub(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, tag, {k: xml_safe(v) for k, v in attrs.items()})


def _text(parent: etree._Element, tag: str, value: str, kind: str = "CharacterString"):
    """<tag><gco:kind>value</gco:kind></tag>"""
    wrapper = _sub(parent, tag)
    _sub(wrapper, gco(kind)).text = xml_safe(value)
    return wrapper


def _code(parent: etree._Element, tag: str, code_tag: str, value: str, *, code_list: str = "",
          text: str | None = None) -> None:
    wrapper = _sub(parent, tag)
    element = _sub(wrapper, gmd(code_tag), codeList=code_list or f"{ISO_CODELISTS}#{code_tag}",
                   codeListValue=value)
    element.text = xml_safe(value if text is None else text)


def _responsible_party(parent: etree._Element, tag: str, organisation: str, email: str) -> None:
    party = _sub(_sub(parent, tag), gmd("CI_ResponsibleParty"))
    if organisation:
        _text(party, gmd("organisationName"), organisation)
    contact = _sub(_sub(party, gmd("contactInfo")), gmd("CI_Contact"))
    address = _sub(_sub(contact, gmd("address")), gmd("CI_Address"))
    _text(address, gmd("electronicMailAddress"), email)
    _code(party, gmd("role"), "CI_RoleCode", "pointOfContact")


def _keywords(parent: etree._Element, words: list[str], *, inspire: bool) -> None:
    block = _sub(_sub(parent, gmd("descriptiveKeywords")), gmd("MD_Keywords"))
    for word in words:
        _text(block, gmd("keyword"), word)
    _code(block, gmd("type"), "MD_KeywordTypeCode", "theme")
    if inspire:
        citation = _sub(_sub(block, gmd("thesaurusName")), gmd("CI_Citation"))
        _text(citation, gmd("title"), INSPIRE_THESAURUS_TITLE)
        ci_date = _sub(_sub(citation, gmd("date")), gmd("CI_Date"))
        _text(ci_date, gmd("date"), INSPIRE_THESAURUS_DATE, "Date")
        _code(ci_date, gmd("dateType"), "CI_DateTypeCode", "publication")


def _language(parent: etree._Element, code: str) -> None:
    _code(parent, gmd("language"), "LanguageCode", code, code_list=ISO639_2,
          text=LANGUAGE_NAMES.get(code, code))


def _identification(root: etree._Element, md: ServiceMetadata) -> None:
    ident = _sub(_sub(root, gmd("identificationInfo")), gmd("MD_DataIdentification"))
    citation = _sub(_sub(ident, gmd("citation")), gmd("CI_Citation"))
    _text(citation, gmd("title"), md.public_title)
    if md.service_title:
        _text(citation, gmd("alternateTitle"), md.service_title)
    if md.creation_date is not None:
        ci_date = _sub(_sub(citation, gmd("date")), gmd("CI_Date"))
        _text(ci_date, gmd("date"), md.creation_date.isoformat(), "Date")
        _code(ci_date, gmd("dateType"), "CI_DateTypeCode", "creation")
    identifier = _sub(_sub(citation, gmd("identifier")), gmd("MD_Identifier"))
    _text(identifier, gmd("code"), md.file_identifier)
    _text(ident, gmd("abstract"), md.abstract)
    if md.attribution_text:
        _text(ident, gmd("credit"), md.attribution_text)
    _responsible_party(ident, gmd("pointOfContact"), md.organisation, md.organisation_email)
    maintenance = _sub(_sub(ident, gmd("resourceMaintenance")), gmd("MD_MaintenanceInformation"))
    _code(maintenance, gmd("maintenanceAndUpdateFrequency"), "MD_MaintenanceFrequencyCode",
          md.update_frequency)
    if md.thumbnail_url:
        graphic = _sub(_sub(ident, gmd("graphicOverview")), gmd("MD_BrowseGraphic"))
        _text(graphic, gmd("fileName"), md.thumbnail_url)
    if md.inspire_keywords:
        _keywords(ident, md.inspire_keywords, inspire=True)
    if md.keywords:
        _keywords(ident, md.keywords, inspire=False)
    _code(ident, gmd("spatialRepresentationType"), "MD_SpatialRepresentationTypeCode", "vector")
    if md.resolution is not None:
        fraction = _sub(_sub(_sub(_sub(ident, gmd("spatialResolution")), gmd("MD_Resolution")),
                             gmd("equivalentScale")), gmd("MD_RepresentativeFraction"))
        _text(fraction, gmd("denominator"), str(md.resolution), "Integer")
    _language(ident, md.language)
    _code(ident, gmd("characterSet"), "MD_CharacterSetCode", md.charset)
    for category in md.topic_categories:
        _sub(_sub(ident, gmd("topicCategory")), gmd("MD_TopicCategoryCode")).text = xml_safe(
            category)
    if md.bbox is not None:
        extent = _sub(_sub(ident, gmd("extent")), gmd("EX_Extent"))
        box = _sub(_sub(extent, gmd("geographicElement")), gmd("EX_GeographicBoundingBox"))
        bbox = Bbox4326(*md.bbox)  # a plain (west, south, east, north) tuple is fine too
        for tag, value in zip(("westBoundLongitude", "eastBoundLongitude",
                               "southBoundLatitude", "northBoundLatitude"),
                              (bbox.west, bbox.east, bbox.south, bbox.north)):
            _text(box, gmd(tag), repr(float(value)), "Decimal")


def _distribution(root: etree._Element, md: ServiceMetadata) -> None:
    if not md.online_resources:
        return
    options = _sub(_sub(_sub(_sub(root, gmd("distributionInfo")), gmd("MD_Distribution")),
                        gmd("transferOptions")), gmd("MD_DigitalTransferOptions"))
    for resource in md.online_resources:
        _online(options, resource)


def _online(options: etree._Element, resource) -> None:
    # cartes.gouv.fr marks its service links with these attributes to find them again.
    online = _sub(options, gmd("onLine"), type="offering", offeringId=resource.offering_id,
                  offeringOpen="true" if resource.open else "false")
    link = _sub(online, gmd("CI_OnlineResource"))
    _sub(_sub(link, gmd("linkage")), gmd("URL")).text = xml_safe(resource.url)
    _text(link, gmd("protocol"), resource.protocol)
    if resource.name:
        _text(link, gmd("name"), resource.name)
    if resource.description:
        _text(link, gmd("description"), resource.description)


def add_online_resources(xml: bytes, resources) -> bytes | None:
    """``xml`` (an existing record, kept as it is) with the service links it does not list
    yet (by name) added to its transfer options; None when it lists them all already."""
    from .iso19139_reader import _parser

    root = etree.fromstring(xml, _parser())
    names = set(root.xpath("//gmd:onLine/gmd:CI_OnlineResource/gmd:name/gco:CharacterString"
                           "/text()", namespaces=NSMAP))
    missing = [r for r in resources if r.name not in names]
    if not missing:
        return None
    options = root.find(f"{gmd('distributionInfo')}/{gmd('MD_Distribution')}/"
                        f"{gmd('transferOptions')}/{gmd('MD_DigitalTransferOptions')}")
    if options is None:
        # ISO 19139 order: distributionInfo sits before dataQualityInfo.
        distribution = etree.Element(gmd("distributionInfo"))
        quality = root.find(gmd("dataQualityInfo"))
        if quality is not None:
            quality.addprevious(distribution)
        else:
            root.append(distribution)
        options = _sub(_sub(_sub(distribution, gmd("MD_Distribution")),
                            gmd("transferOptions")), gmd("MD_DigitalTransferOptions"))
    for resource in missing:
        _online(options, resource)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def to_iso19139(md: ServiceMetadata) -> bytes:
    """The record as UTF-8 XML bytes with an XML declaration."""
    root = etree.Element(gmd("MD_Metadata"), nsmap=NSMAP)
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA_LOCATION)
    if md.file_identifier:
        root.set("uuid", xml_safe(md.file_identifier))
    _text(root, gmd("fileIdentifier"), md.file_identifier)
    _language(root, md.language)
    _code(root, gmd("characterSet"), "MD_CharacterSetCode", md.charset)
    _code(root, gmd("hierarchyLevel"), "MD_ScopeCode", md.resource_type)
    _text(root, gmd("hierarchyLevelName"),
          RESOURCE_TYPE_NAMES.get(md.resource_type, md.resource_type))
    _responsible_party(root, gmd("contact"), md.organisation, md.contact_email)
    stamp = md.date_stamp or datetime.now(timezone.utc).replace(microsecond=0, tzinfo=None)
    _text(root, gmd("dateStamp"), stamp.isoformat(), "DateTime")
    _text(root, gmd("metadataStandardName"), "ISO 19115:2003/19139")
    _text(root, gmd("metadataStandardVersion"), "1.0")
    if md.crs:
        system = _sub(_sub(root, gmd("referenceSystemInfo")), gmd("MD_ReferenceSystem"))
        rs_id = _sub(_sub(system, gmd("referenceSystemIdentifier")), gmd("RS_Identifier"))
        _text(rs_id, gmd("code"), md.crs)
    _identification(root, md)
    _distribution(root, md)
    quality = _sub(_sub(root, gmd("dataQualityInfo")), gmd("DQ_DataQuality"))
    scope = _sub(_sub(quality, gmd("scope")), gmd("DQ_Scope"))
    _code(scope, gmd("level"), "MD_ScopeCode", md.resource_type)
    if md.lineage:
        lineage = _sub(_sub(quality, gmd("lineage")), gmd("LI_Lineage"))
        _text(lineage, gmd("statement"), md.lineage)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
