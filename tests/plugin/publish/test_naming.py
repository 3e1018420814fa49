"""Naming and input rules, checked before anything is created."""

from __future__ import annotations

import dataclasses

import pytest
from gpf_wmts_publisher.plugin.publish.naming import (
    check_extent,
    check_layer_source,
    check_publication,
    check_technical_name,
    check_zoom_range,
    prefixed,
)
from gpf_wmts_publisher.plugin.publish.spec import Publication


@dataclasses.dataclass
class FakeSource:
    name: str = "couche"
    crs_valid: bool = True
    feature_count: int = 3
    selected_only: bool = False
    selected_ids: tuple = ()


def spec(**changes) -> Publication:
    values = dict(datastore_id="ds", datasheet_name="fiche", wmsv_name="a_wmsv",
                  wmts_name="a_wmts", pyramid_name="a_pyr", wmsv_title="A", wmts_title="A",
                  abstract="résumé", layer=FakeSource())
    values.update(changes)
    return Publication(**values)


@pytest.mark.parametrize("name", ["routes", "_x", "Routes-2025.v1", "a_b-c.d"])
def test_valid_technical_names_pass(name):
    assert check_technical_name(name, "wmts_name") == []


@pytest.mark.parametrize("name", ["2routes", "-x", "routes été", "a/b", "é", "a b"])
def test_names_with_forbidden_characters_are_refused_in_both_languages(name):
    problems = check_technical_name(name, "wmts_name")
    assert [p.code for p in problems] == ["bad_characters"]
    assert "Nom technique du WMTS" in problems[0].message("fr")
    assert "WMTS technical name" in problems[0].message("en")


def test_an_empty_name_is_refused():
    assert [p.code for p in check_technical_name("  ", "wmsv_name")] == ["empty"]


def test_the_length_limit_counts_the_datastore_prefix():
    name = "a" * 95
    assert check_technical_name(name, "wmts_name") == []
    assert [p.code for p in check_technical_name(name, "wmts_name", "sandbox")] == ["too_long"]


def test_prefix_is_added_once():
    assert prefixed("routes", "sandbox") == "sandbox.routes"
    assert prefixed("sandbox.routes", "sandbox") == "sandbox.routes"
    assert prefixed("routes", None) == "routes"


@pytest.mark.parametrize("top,bottom,codes", [
    (4, 16, []), (0, 21, []), (12, 12, []), (16, 4, ["zoom_inverted"]),
    (-1, 4, ["zoom_outside"]), (4, 22, ["zoom_outside"])])
def test_zoom_range_rules(top, bottom, codes):
    assert [p.code for p in check_zoom_range(top, bottom)] == codes


def test_inverted_zoom_message_names_both_levels():
    message = check_zoom_range(16, 4)[0].message("fr")
    assert "16" in message and "4" in message


@pytest.mark.parametrize("extent,ok", [((2, 48, 3, 49), True), ((3, 48, 2, 49), False),
                                       ((2, 48, 3, 95), False), (None, False)])
def test_extent_rule(extent, ok):
    assert (check_extent(extent) == []) is ok


def test_empty_layer_no_selection_and_invalid_crs_are_refused():
    assert [p.code for p in check_layer_source(FakeSource(feature_count=0))] == ["empty_layer"]
    assert [p.code for p in check_layer_source(FakeSource(selected_only=True))] == [
        "empty_selection"]
    assert [p.code for p in check_layer_source(FakeSource(crs_valid=False))] == ["invalid_crs"]


def test_a_good_publication_has_no_problem():
    assert check_publication(spec(), "sandbox") == []


def test_a_publication_collects_every_problem_at_once():
    bad = spec(wmsv_name="1bad", wmts_name="1bad", wmsv_title="", top_level=15,
               bottom_level=3, image_format="image/gif")
    codes = sorted(p.code for p in check_publication(bad))
    assert codes == sorted(["bad_characters", "bad_characters", "same_names", "empty",
                            "zoom_inverted", "bad_format"])


def test_a_publication_needs_a_layer_or_a_stored_data():
    assert [p.code for p in check_publication(spec(layer=None))] == ["no_source"]
    assert check_publication(spec(layer=None, reuse_stored_data_id="sd")) == []


def test_titles_and_abstract_over_the_metadata_limits_are_refused_before_anything_is_sent():
    from gpf_wmts_publisher.plugin.metadata.validation import MAX_LENGTHS

    title, abstract = MAX_LENGTHS["service_title"], MAX_LENGTHS["abstract"]
    assert check_publication(spec(wmsv_title="t" * title, wmts_title="t" * title,
                                  abstract="r" * abstract)) == []
    problems = check_publication(spec(wmsv_title="t" * (title + 1),
                                      wmts_title="t" * (title + 1),
                                      abstract="r" * (abstract + 1)))
    assert [(p.code, p.field) for p in problems] == [
        ("text_too_long", "wmsv_title"), ("text_too_long", "wmts_title"),
        ("text_too_long", "abstract")]
    assert "10001" in problems[2].message("en") and "10000" in problems[2].message("fr")
    assert "r" * 50 not in problems[2].message("en")   # the text itself is not echoed


# -- hole 7: control and format characters (issue 14) ----------------------------------------
@pytest.mark.parametrize("title", ["Routes\x00", "Routes\x1b[31m", "Rou\u200btes",
                                   "Routes\u202e", "Routes\nde France", "Routes\t"])
def test_titles_with_control_or_format_characters_are_refused_with_a_field_message(title):
    problems = check_publication(spec(wmts_title=title))
    assert [p.code for p in problems] == ["control_characters"]
    assert problems[0].field == "wmts_title"
    assert "Titre du service WMTS" in problems[0].message("fr")
    assert "U+" in problems[0].message("en") and title not in problems[0].message("en")


def test_an_abstract_keeps_line_feeds_and_tabs_only():
    assert check_publication(spec(abstract="Ligne 1\nLigne 2\tfin")) == []
    for bad in ("a\rb", "a\x00b", "a\u2066b"):
        assert [p.code for p in check_publication(spec(abstract=bad))] == ["control_characters"]


@pytest.mark.parametrize("name", ["routes\n", "rou\x00tes", "routes\u200b"])
def test_technical_names_with_control_characters_are_refused(name):
    problems = check_technical_name(name, "wmts_name")
    assert [p.code for p in problems] == ["control_characters"]


def test_keywords_and_producer_with_control_characters_are_refused():
    codes = sorted(p.code for p in check_publication(spec(keywords=("a\x07",),
                                                          producer="IGN\x00")))
    assert codes == ["control_characters", "control_characters"]
