"""Capabilities reading: the layer's own matrix set, levels, style and bbox come from the
document; the QGIS URI is built from them."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, unquote

import pytest
import requests
from gpf_wmts_publisher.plugin.pyramid import Bbox4326, Level
from gpf_wmts_publisher.plugin.wmts.capabilities import (
    CapabilitiesError,
    LayerNotInCapabilities,
    build_qgis_uri,
    capabilities_url,
    find_layer,
    read_capabilities,
    redact_url,
)

FIXTURE = Path(__file__).parent / "fixtures" / "geoplateforme_capabilities.xml"


@pytest.fixture(scope="module")
def caps():
    return read_capabilities(FIXTURE.read_bytes())


def _uri_params(uri: str) -> dict:
    return {k: v[0] for k, v in parse_qs(uri, keep_blank_values=True).items()}


def test_layer_uses_its_own_pm_set_and_limits_not_the_generic_pm(caps):
    info = find_layer(caps, "SANDBOX.routes_wmts")
    assert info.matrix_set == "PM_10_14"
    assert info.matrix_set_crs == "EPSG:3857"
    assert info.zoom_levels == (10, 11, 12, 13, 14)
    assert info.is_pm
    assert info.resolutions[0] == pytest.approx(Level(10).resolution)
    assert info.level_for_zoom(12).limits is not None
    assert info.title == "Routes de l'Île de Ré"
    assert info.formats == ("image/jpeg",)
    assert info.bbox == Bbox4326(-1.5, 46.1, -1.1, 46.3)


def test_default_style_is_read_from_the_document_even_with_spaces(caps):
    info = find_layer(caps, "SANDBOX.routes_wmts")
    assert info.default_style == "Style par défaut"
    assert info.styles == ("normal", "Style par défaut")


def test_layer_without_style_has_an_empty_default_style(caps):
    assert find_layer(caps, "SANDBOX.ecoles_wmts").default_style == ""


def test_loose_limits_keep_only_matrices_of_the_set_in_zoom_order(caps):
    info = find_layer(caps, "SANDBOX.ecoles_wmts")
    assert info.matrix_set == "PM"  # preferred over the Lambert-93 set listed first
    assert info.zoom_levels == tuple(range(6, 17))  # "22" is not in the set: ignored
    assert info.level_for_zoom(6).limits == (0, 63, 0, 63)


def test_matrices_not_named_by_level_are_mapped_by_scale(caps):
    info = find_layer(caps, "SANDBOX.mapproxy_wmts")
    assert [level.identifier for level in info.levels] == ["00", "01", "02", "03", "04"]
    assert info.zoom_levels == (10, 11, 12, 13, 14)
    assert all(level.limits is None for level in info.levels)  # all matrices of the set


def test_a_lambert93_only_layer_has_no_pm_zoom(caps):
    info = find_layer(caps, "SANDBOX.parcelles_l93")
    assert info.matrix_set == "LAMB93" and info.matrix_set_crs == "EPSG:2154"
    assert info.zoom_levels == () and not info.is_pm
    assert len(info.levels) == 5
    assert info.levels[0].resolution == pytest.approx(2_000_000 * 0.00028)


def test_a_matrix_set_can_be_forced(caps):
    assert find_layer(caps, "SANDBOX.routes_wmts", matrix_set="PM").zoom_levels == tuple(
        range(22))
    with pytest.raises(CapabilitiesError):
        find_layer(caps, "SANDBOX.routes_wmts", matrix_set="LAMB93")


def test_unpublished_layer_raises_a_clear_error(caps):
    with pytest.raises(LayerNotInCapabilities) as caught:
        find_layer(caps, "SANDBOX.pas_encore_wmts")
    error = caught.value
    assert "not published yet" in error.message_en
    assert "pas encore publiée" in error.message_fr
    assert "SANDBOX.routes_wmts" in error.message_en
    assert error.available[0] == "SANDBOX.routes_wmts"


@pytest.mark.parametrize("data", [b"<html>oops</html>", b"not xml at all",
                                  b"<ExceptionReport/>"])
def test_a_document_that_is_not_capabilities_is_refused(data):
    with pytest.raises(CapabilitiesError) as caught:
        read_capabilities(data)
    assert caught.value.message_fr


def test_capabilities_url_adds_the_kvp_request_once():
    assert capabilities_url("https://data.geopf.fr/wmts") == (
        "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities")
    url = "https://data.geopf.fr/wmts?service=WMTS&request=GetCapabilities"
    assert capabilities_url(url) == url


def test_uri_has_every_parameter_qgis_needs(caps, qgis_app):
    info = find_layer(caps, "SANDBOX.routes_wmts")
    params = _uri_params(build_qgis_uri(info, "https://data.geopf.fr/wmts"))
    assert params == {
        "contextualWMSLegend": "0", "crs": "EPSG:3857", "dpiMode": "7",
        "format": "image/jpeg", "layers": "SANDBOX.routes_wmts",
        "styles": "Style par défaut", "tileMatrixSet": "PM_10_14",
        "url": "https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
    }


def test_uri_of_a_layer_without_style_keeps_an_empty_styles(caps, qgis_app):
    params = _uri_params(build_qgis_uri(find_layer(caps, "SANDBOX.ecoles_wmts"),
                                        "https://data.geopf.fr/wmts"))
    assert params["styles"] == "" and params["format"] == "image/png"


def test_a_layer_uri_cannot_carry_a_key_on_its_url(caps, qgis_app):
    info = find_layer(caps, "SANDBOX.routes_wmts")
    with pytest.raises(TypeError):  # the key lives in QGIS's auth database (key_config.py)
        build_qgis_uri(info, "https://data.geopf.fr/private/wmts", apikey="0123abcd")


def test_authcfg_uri_has_no_key(caps, qgis_app):
    info = find_layer(caps, "SANDBOX.routes_wmts")
    uri = build_qgis_uri(info, "https://data.geopf.fr/private/wmts", authcfg="abc1234")
    params = _uri_params(uri)
    assert params["authcfg"] == "abc1234"
    assert "apikey" not in unquote(uri) and "IgnoreGetMapUrl" not in params


def test_redact_url_hides_keys():
    shown = redact_url("https://h/wmts?SERVICE=WMTS&apikey=s3cr3t&TOKEN=t0k")
    assert "s3cr3t" not in shown and "t0k" not in shown and "SERVICE=WMTS" in shown


def test_fetching_sends_the_key_and_headers(httpserver):
    body = FIXTURE.read_bytes()
    httpserver.expect_request(
        "/private/wmts",
        query_string={"SERVICE": "WMTS", "REQUEST": "GetCapabilities", "apikey": "k3y"},
        headers={"X-Test": "yes"},
    ).respond_with_data(body, content_type="application/xml")
    with requests.Session() as session:
        caps = read_capabilities(httpserver.url_for("/private/wmts"), session,
                                 headers={"X-Test": "yes"}, apikey="k3y")
    assert "SANDBOX.routes_wmts" in caps.contents


def test_refused_access_says_the_service_is_private_without_showing_the_key(httpserver):
    httpserver.expect_request("/private/wmts").respond_with_data("no", status=403)
    with pytest.raises(CapabilitiesError) as caught:
        read_capabilities(httpserver.url_for("/private/wmts"), apikey="s3cr3t-key")
    assert "private" in caught.value.message_en and "privé" in caught.value.message_fr
    assert "s3cr3t-key" not in str(caught.value) + caught.value.message_fr


def test_unreachable_service_gives_a_network_error():
    with pytest.raises(CapabilitiesError) as caught:
        read_capabilities("http://127.0.0.1:9/wmts", timeout=2)
    assert "reach" in caught.value.message_en
