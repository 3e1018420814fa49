"""ISO 19139 writing and reading: round trip, escaping, import of an outside record."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest
from gpf_wmts_publisher.plugin.metadata import (
    ISO_FIELDS,
    MetadataImportError,
    OnlineResource,
    ServiceMetadata,
    from_iso19139,
    to_iso19139,
)
from gpf_wmts_publisher.plugin.metadata.iso19139_writer import xml_safe
from gpf_wmts_publisher.plugin.metadata.namespaces import NSMAP
from gpf_wmts_publisher.plugin.pyramid import Bbox4326
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from .conftest import FIXTURES


def _iso_view(md: ServiceMetadata) -> dict:
    return {name: getattr(md, name) for name in ISO_FIELDS}


def test_round_trip_keeps_every_field_an_iso_record_carries(complete_metadata):
    back = from_iso19139(to_iso19139(complete_metadata))
    assert _iso_view(back) == _iso_view(complete_metadata)
    # Configuration-only fields are not in the record.
    assert back.technical_name == "" and back.attribution_url == ""


def test_record_has_the_platforms_mandatory_elements(complete_metadata):
    root = etree.fromstring(to_iso19139(complete_metadata))
    assert root.tag == "{http://www.isotc211.org/2005/gmd}MD_Metadata"
    assert root.get("uuid") == "SANDBOX.routes-ile-2024"

    def one(path):
        found = root.xpath(path, namespaces=NSMAP)
        assert len(found) == 1, path
        return found[0]

    assert one("gmd:fileIdentifier/gco:CharacterString").text == "SANDBOX.routes-ile-2024"
    assert one("gmd:hierarchyLevel/gmd:MD_ScopeCode").get("codeListValue") == "dataset"
    assert one("gmd:language/gmd:LanguageCode").text == "français"
    assert one("gmd:identificationInfo/gmd:MD_DataIdentification/gmd:citation/gmd:CI_Citation/"
               "gmd:title/gco:CharacterString").text == "Routes de l'île & ponts <nord>"
    assert [c.text for c in root.xpath("//gmd:topicCategory/gmd:MD_TopicCategoryCode",
                                       namespaces=NSMAP)] == ["transportation", "structure"]
    online = one("//gmd:onLine")
    assert (online.get("type"), online.get("offeringOpen")) == ("offering", "false")


def test_special_characters_are_escaped_not_concatenated():
    md = ServiceMetadata(public_title='A & B <c> "d" \'e\' ]]> &amp;', abstract="x</gco:C>y")
    xml = to_iso19139(md)
    assert b"&amp; B &lt;c&gt;" in xml
    assert b"x&lt;/gco:C&gt;y" in xml
    back = from_iso19139(xml)
    assert back.public_title == md.public_title
    assert back.abstract == md.abstract


def test_characters_xml_cannot_hold_are_dropped_so_the_record_stays_well_formed():
    md = ServiceMetadata(public_title="bell\x07 and nul\x00 here", abstract="\ud800lone")
    back = from_iso19139(to_iso19139(md))
    assert back.public_title == "bell and nul here"
    assert back.abstract == "lone"


_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=60)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(title=_text, abstract=_text, organisation=_text, lineage=_text,
       keywords=st.lists(_text, max_size=3), url=_text)
def test_any_text_gives_a_well_formed_record(title, abstract, organisation, lineage, keywords,
                                             url):
    md = ServiceMetadata(public_title=title, abstract=abstract, organisation=organisation,
                         lineage=lineage, keywords=keywords,
                         online_resources=[OnlineResource(url=url or "u", name=title)])
    xml = to_iso19139(md)
    etree.fromstring(xml)  # raises if not well-formed
    back = from_iso19139(xml)
    # Values come back as written, minus characters XML cannot hold and outer blanks.
    assert back.public_title == xml_safe(title).strip()
    assert back.abstract == xml_safe(abstract).strip()
    assert back.keywords == [xml_safe(k).strip() for k in keywords if xml_safe(k).strip()]


def test_import_of_an_outside_record_fills_the_form():
    md = from_iso19139((FIXTURES / "geonetwork_record.xml").read_bytes())
    assert md.file_identifier == "SANDBOX.pistes-cyclables-2024"
    assert md.public_title == "Pistes cyclables <2024> — \"réseau\" d'agglomération"
    assert md.abstract.startswith("Réseau des **pistes**")
    assert "voies < 3 m & zones 30." in md.abstract
    assert md.resource_type == "series"
    assert (md.language, md.charset, md.crs) == ("fre", "utf8", "EPSG:2154")
    assert md.resolution == 5000
    assert md.contact_email == "sig@metropole-sud.example.fr"
    assert md.organisation == "Direction de la mobilité"
    assert md.organisation_email == "mobilite@metropole-sud.example.fr"
    assert md.inspire_keywords == ["Réseaux de transport"]
    assert md.keywords == ["vélo", "mobilité douce"]
    assert md.topic_categories == ["transportation", "planningCadastre"]
    assert md.update_frequency == "annually"
    assert md.lineage.startswith("Numérisé sur la BD ORTHO®")
    assert md.creation_date == date(2023, 11, 2)  # the creation date, not the publication one
    assert md.date_stamp == datetime(2024, 6, 3, 9, 15)
    assert md.bbox == Bbox4326(4.7, 43.15, 5.65, 43.6)
    [link] = md.online_resources  # the getcapabilities annexe is the platform's, not ours
    assert (link.protocol, link.offering_id, link.open) == ("OGC:WMTS", "0a1b2c3d", False)
    assert "&REQUEST=GetCapabilities" in link.url


def test_imported_record_written_again_keeps_its_content():
    md = from_iso19139((FIXTURES / "geonetwork_record.xml").read_bytes())
    assert _iso_view(from_iso19139(to_iso19139(md))) == _iso_view(md)


def test_a_csw_answer_wrapping_the_record_is_accepted(complete_metadata):
    record = to_iso19139(complete_metadata).split(b"?>", 1)[1]
    wrapped = (b'<csw:GetRecordByIdResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2">'
               + record + b"</csw:GetRecordByIdResponse>")
    assert from_iso19139(wrapped).file_identifier == complete_metadata.file_identifier


@pytest.mark.parametrize("data", [b"<not xml", b"<html><body/></html>"])
def test_a_file_that_is_not_a_record_is_refused_with_both_languages(data):
    with pytest.raises(MetadataImportError) as caught:
        from_iso19139(data)
    assert caught.value.message_fr and caught.value.message_en


def test_import_does_not_expand_external_entities(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    xml = (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">]>'
           '<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" '
           'xmlns:gco="http://www.isotc211.org/2005/gco"><gmd:fileIdentifier>'
           '<gco:CharacterString>&e;</gco:CharacterString></gmd:fileIdentifier>'
           '</gmd:MD_Metadata>').encode()
    assert "TOP-SECRET" not in from_iso19139(xml).file_identifier


def test_missing_optional_parts_give_defaults():
    md = from_iso19139(to_iso19139(ServiceMetadata(public_title="t")))
    assert md.bbox is None and md.resolution is None and md.online_resources == []
    assert dataclasses.replace(md, date_stamp=None) == ServiceMetadata(public_title="t")
