"""Bad input never ends in a traceback: names, titles, abstracts, keywords (unicode, XML
specials, very long), zoom ranges and extents get a clear message or a valid result, and the
metadata XML built from them is always well-formed."""

from __future__ import annotations

import math
from types import SimpleNamespace

from gpf_wmts_publisher.plugin.entrepot.models import Datastore, User
from gpf_wmts_publisher.plugin.metadata import ServiceMetadata, to_iso19139, validate
from gpf_wmts_publisher.plugin.metadata.iso19139_writer import xml_safe
from gpf_wmts_publisher.plugin.publish.errors import NamingError
from gpf_wmts_publisher.plugin.publish.journal import Journal
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.publish.naming import check_publication
from gpf_wmts_publisher.plugin.publish.spec import Publication
from gpf_wmts_publisher.plugin.publish.steps.metadata import service_metadata
from gpf_wmts_publisher.plugin.pyramid import (
    Bbox4326,
    ZoomRange,
    ZoomRangeError,
    estimate_levels,
)
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

FAST = settings(max_examples=60, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])
GMD = {"gmd": "http://www.isotc211.org/2005/gmd", "gco": "http://www.isotc211.org/2005/gco"}
PREFIX = "sandbox"

XML_SPECIALS = st.sampled_from(["<", ">", "&", '"', "'", "]]>", "<!--", "&amp;", "\x00",
                                "\x1b", "\ud800", "\ufffe", "{value}", "%s", "\n", "\t"])
# Any unicode (surrogates and control characters included), XML specials, sometimes very long.
HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.lists(st.one_of(XML_SPECIALS, st.text(max_size=5)), max_size=12).map("".join),
    st.builds(lambda ch, n: ch * n, st.characters(), st.integers(200, 12_000)),
)
VALID_NAME = st.from_regex(r"\A[a-z_][a-z0-9_]{0,30}\Z")
NAME = st.one_of(VALID_NAME, HOSTILE_TEXT)
LEVEL = st.one_of(st.integers(-5, 30), st.floats(allow_nan=True), st.none(), st.text(max_size=3),
                  st.booleans())
EXTENT = st.one_of(
    st.none(),
    st.tuples(*[st.floats(allow_nan=True, allow_infinity=True)] * 4),
    st.tuples(st.floats(-180, 180), st.floats(-90, 90), st.floats(-180, 180),
              st.floats(-90, 90)),
    st.lists(st.floats(-200, 200), max_size=6).map(tuple),
    st.text(max_size=8),
    st.integers(),
)


def _layer_source(**changes) -> LayerSource:
    values = dict(name="couche", provider="ogr", uri="/tmp/x.gpkg|layername=x",
                  crs_authid="EPSG:2154", crs_wkt="", crs_valid=True, feature_count=3,
                  extent_wgs84=(2.3, 48.8, 2.4, 48.9))
    values.update(changes)
    return LayerSource(**values)


VALID_EXTENT = st.one_of(st.none(), st.tuples(
    st.floats(-180, -1), st.floats(-90, -1), st.floats(0, 180), st.floats(0, 90)))


@st.composite
def publications(draw, extents=EXTENT) -> Publication:
    """Any publication; ``extents`` narrows the extent (the metadata step only ever sees one
    the preflight accepted)."""
    wmsv = draw(NAME)
    return Publication(
        datastore_id="ds", datasheet_name=draw(NAME), wmsv_name=wmsv,
        wmts_name=draw(st.one_of(NAME, st.just(wmsv))), pyramid_name=draw(NAME),
        wmsv_title=draw(HOSTILE_TEXT), wmts_title=draw(HOSTILE_TEXT),
        abstract=draw(HOSTILE_TEXT), keywords=tuple(draw(st.lists(HOSTILE_TEXT, max_size=5))),
        layer=draw(st.one_of(st.none(), st.builds(
            _layer_source, feature_count=st.integers(0, 3), crs_valid=st.booleans(),
            selected_only=st.booleans(), name=HOSTILE_TEXT))),
        reuse_stored_data_id=draw(st.sampled_from([None, "", "sd-1"])),
        top_level=draw(LEVEL), bottom_level=draw(LEVEL), extent_wgs84=draw(extents),
        image_format=draw(st.one_of(st.sampled_from(["image/jpeg", "image/png"]),
                                    HOSTILE_TEXT)))


@st.composite
def accepted_publications(draw) -> Publication:
    """Publications whose names, levels and extent are valid: only the free texts vary."""
    name = draw(VALID_NAME)
    top = draw(st.integers(0, 21))
    text = HOSTILE_TEXT.filter(lambda value: value.strip())
    return Publication(
        datastore_id="ds", datasheet_name=name, wmsv_name=f"{name}_wmsv",
        wmts_name=f"{name}_wmts", pyramid_name=f"{name}_pyr", wmsv_title=draw(text),
        wmts_title=draw(text), abstract=draw(text),
        keywords=tuple(draw(st.lists(HOSTILE_TEXT, max_size=5))), layer=_layer_source(),
        top_level=top, bottom_level=draw(st.integers(top, 21)),
        extent_wgs84=draw(VALID_EXTENT))


DATASTORE = Datastore.from_dict({
    "_id": "ds", "name": "Bac à sable <&>", "configuration_layer_name_prefix": PREFIX,
    "endpoints": [{"quota": 10, "use": 0, "endpoint": {
        "_id": "e1", "type": "WMTS-TMS", "open": True,
        "urls": [{"type": "WMTS", "url": "http://127.0.0.1/wmts?a=1&b=<2>"}]}}]})


def _metadata_context(spec: Publication, wmsv_layer: str = "") -> SimpleNamespace:
    """What service_metadata reads of a PublishContext: the spec, the user, the datastore
    and a journal (built in memory, never saved)."""
    values = {"wmsv_url": "http://127.0.0.1/wms-v/ows?x=<&>", "wmsv_layer_name": wmsv_layer,
              "wmsv_private": True} if wmsv_layer else {}
    journal = Journal("/nonexistent/journal.json", {"spec": {}, "steps": {}, "resources": [],
                                                    "intents": {}, "values": values})
    return SimpleNamespace(spec=spec, me=User(id="u", email="agent@example.fr"),
                           datastore=DATASTORE, journal=journal)


def _parse(xml: bytes) -> etree._Element:
    return etree.fromstring(xml, etree.XMLParser(resolve_entities=False, no_network=True))


@FAST
@given(spec=publications())
def test_publication_checks_give_a_message_per_problem_or_accept(spec):
    problems = check_publication(spec, PREFIX)
    for problem in problems:
        for language in ("fr", "en"):
            text = problem.message(language)
            assert isinstance(text, str) and text.strip()
            assert "Traceback" not in text
    if problems:
        error = NamingError(problems)
        assert str(error).startswith("[preflight] ")
        assert len(error.messages("fr")) == len(problems)


@FAST
@given(spec=publications(extents=VALID_EXTENT), identifier=HOSTILE_TEXT, wmsv_layer=NAME)
def test_metadata_xml_from_any_input_is_well_formed_and_keeps_the_words(spec, identifier,
                                                                        wmsv_layer):
    record = service_metadata(_metadata_context(spec, wmsv_layer), identifier)
    root = _parse(to_iso19139(record))
    titles = root.xpath("//gmd:identificationInfo//gmd:citation//gmd:title/gco:CharacterString",
                        namespaces=GMD)
    assert titles and titles[0].text in (xml_safe(spec.wmts_title), None)
    abstracts = root.xpath("//gmd:abstract/gco:CharacterString", namespaces=GMD)
    assert (abstracts[0].text or "") == xml_safe(spec.abstract)
    words = [w.text or "" for w in root.xpath("//gmd:keyword/gco:CharacterString",
                                              namespaces=GMD)]
    assert all(xml_safe(k) in words for k in spec.keywords)


@FAST
@given(md=st.builds(
    ServiceMetadata, public_title=HOSTILE_TEXT, service_title=HOSTILE_TEXT,
    technical_name=HOSTILE_TEXT, abstract=HOSTILE_TEXT, file_identifier=HOSTILE_TEXT,
    attribution_text=HOSTILE_TEXT, attribution_url=HOSTILE_TEXT, contact_email=HOSTILE_TEXT,
    organisation=HOSTILE_TEXT, organisation_email=HOSTILE_TEXT, lineage=HOSTILE_TEXT,
    keywords=st.lists(HOSTILE_TEXT, max_size=4), inspire_keywords=st.lists(HOSTILE_TEXT,
                                                                           max_size=3),
    thumbnail_url=HOSTILE_TEXT))
def test_any_service_metadata_validates_with_messages_and_writes_well_formed_xml(md):
    for error in validate(md, layer_name_prefix=PREFIX, file_identifier_prefix=PREFIX):
        assert error.message("fr").strip() and error.message("en").strip()
    _parse(to_iso19139(md))


@FAST
@given(spec=accepted_publications())
def test_what_the_preflight_accepts_the_metadata_step_accepts_too(spec):
    problems = check_publication(spec, PREFIX)
    if problems:   # only the free texts vary: their length and their invisible characters
        # (Unicode Cc, Cf) are all the preflight may refuse, and the metadata step agrees
        assert {p.code for p in problems} <= {"text_too_long", "control_characters"}
        return
    record = service_metadata(_metadata_context(spec), f"{PREFIX}.{spec.effective_identifier}")
    errors = validate(record, layer_name_prefix=PREFIX, file_identifier_prefix=PREFIX)
    assert not errors, [e.message("en") for e in errors]


@FAST
@given(top=LEVEL, bottom=LEVEL)
def test_any_zoom_range_is_either_valid_or_refused_in_both_languages(top, bottom):
    try:
        zoom = ZoomRange(top, bottom)
    except ZoomRangeError as error:
        assert error.message("fr").strip() and error.message("en").strip()
        return
    assert [level.z for level in zoom.levels()] == list(range(top, bottom + 1))


@FAST
@given(west=st.floats(-180, 180), south=st.floats(-90, 90), east=st.floats(-180, 180),
       north=st.floats(-90, 90), top=st.integers(0, 21), depth=st.integers(0, 3))
def test_tile_estimates_over_any_lonlat_box_are_counts_or_a_clear_refusal(
        west, south, east, north, top, depth):
    zoom = ZoomRange(top, min(21, top + depth))
    try:
        estimates = estimate_levels(Bbox4326(min(west, east), min(south, north),
                                             max(west, east), max(south, north)), zoom)
    except ValueError as error:
        assert str(error).strip()
        return
    assert [e.level.z for e in estimates] == list(range(zoom.top, zoom.bottom + 1))
    for estimate in estimates:
        assert estimate.tiles >= 1 and estimate.bytes >= estimate.tiles
        assert estimate.tiles <= 4 ** estimate.level.z
        assert not math.isnan(estimate.bytes)
