"""Validation of the guide's fields, with messages in English and French."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.metadata import ServiceMetadata, validate
from gpf_wmts_publisher.plugin.pyramid import Bbox4326


def _fields(errors):
    return [e.field for e in errors]


def test_a_complete_description_has_no_error(complete_metadata):
    assert complete_metadata.validate() == []
    assert validate(complete_metadata, layer_name_prefix="SANDBOX",
                    file_identifier_prefix="SANDBOX") == []


def test_an_empty_form_lists_every_required_field_once():
    errors = ServiceMetadata(creation_date=None).validate()
    fields = _fields(errors)
    for name in ("public_title", "service_title", "technical_name", "abstract",
                 "file_identifier", "contact_email", "organisation", "organisation_email",
                 "creation_date", "topic_categories"):
        assert fields.count(name) == 1, name
    missing = next(e for e in errors if e.field == "public_title")
    assert missing.message_en == "Public title: this field is required."
    assert missing.message_fr == "Intitulé (nom public) : ce champ est obligatoire."
    assert missing.message("fr_FR") == missing.message_fr


def test_blank_text_counts_as_missing(complete_metadata):
    errors = complete_metadata.replace(abstract="   \n").validate()
    assert _fields(errors) == ["abstract"]


@pytest.mark.parametrize("name", ["1routes", "routes île", "routes/wmts", "é"])
def test_technical_name_charset_follows_the_platform(complete_metadata, name):
    [error] = complete_metadata.replace(technical_name=name).validate()
    assert error.field == "technical_name"
    assert "lettres sans accent" in error.message_fr


def test_names_must_carry_the_datastore_prefixes(complete_metadata):
    md = complete_metadata.replace(technical_name="routes_wmts", file_identifier="routes-2024")
    errors = validate(md, layer_name_prefix="ORG", file_identifier_prefix="ORG")
    assert _fields(errors) == ["technical_name", "file_identifier"]
    assert "'ORG.'" in errors[0].message_en and "« ORG. »" in errors[0].message_fr


@pytest.mark.parametrize("email", ["nobody", "a@b", "a b@c.fr", "a@@c.fr", "a@c.fr."])
def test_invalid_emails_are_reported(complete_metadata, email):
    errors = complete_metadata.replace(contact_email=email).validate()
    assert _fields(errors) == ["contact_email"]
    assert email in errors[0].message_en


@pytest.mark.parametrize("url", ["example.org", "ftp://example.org/x", "https://", "http://a b"])
def test_attribution_url_must_be_a_web_url_when_given(complete_metadata, url):
    assert _fields(complete_metadata.replace(attribution_url=url).validate()) == [
        "attribution_url"]
    assert complete_metadata.replace(attribution_url="", attribution_text="").validate() == []


def test_lengths_are_limited(complete_metadata):
    errors = complete_metadata.replace(technical_name="a" * 101, public_title="t" * 256).validate()
    assert _fields(errors) == ["technical_name", "public_title"]
    assert "101" in errors[0].message_en and "100" in errors[0].message_fr


def test_code_lists_and_ranges_are_enforced(complete_metadata):
    md = complete_metadata.replace(
        resource_type="service", language="french", charset="latin9", crs="3857",
        update_frequency="sometimes", topic_categories=["roads"], resolution=50,
        bbox=Bbox4326(10, 40, 5, 45),
    )
    assert _fields(md.validate()) == [
        "resource_type", "language", "charset", "crs", "update_frequency",
        "topic_categories", "resolution", "bbox"]


def test_crs_may_be_an_epsg_uri(complete_metadata):
    md = complete_metadata.replace(crs="http://www.opengis.net/def/crs/EPSG/0/3857")
    assert md.validate() == []


def test_control_or_format_characters_are_refused_in_titles_not_line_feeds_in_the_abstract(
        complete_metadata):
    import dataclasses
    record = dataclasses.replace(complete_metadata, service_title="Routes\x00",
                                 public_title="Rou\u200btes", abstract="l1\nl2\tfin")
    assert _fields(validate(record)) == ["public_title", "service_title"]
    record = dataclasses.replace(complete_metadata, abstract="l1\x1bl2")
    assert _fields(validate(record)) == ["abstract"]
