"""Scale-dependent visibility → SLD scale denominators, per PM level, at the boundaries where
QGIS (inclusive zoomed-in bound, exclusive zoomed-out bound) and a server's own scale could
disagree."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.pyramid.grid import MAX_LEVEL, MIN_LEVEL
from gpf_wmts_publisher.plugin.sld.pipeline import prepare_sld
from gpf_wmts_publisher.plugin.sld.scale_range import (
    apply_scale_range,
    level_scale,
    sld_denominators,
    visible_levels,
)
from lxml import etree
from qgis.core import QgsVectorLayer

NS = {"sld": "http://www.opengis.net/sld"}
LEVELS = range(MIN_LEVEL, MAX_LEVEL + 1)
# QGIS Server renders at 96 dpi unless told otherwise, GeoServer at 0.28 mm: their scale of
# one tile request differs from the standard one by this factor, either way.
SERVER_FACTORS = (1.0, 0.28 / (25.4 / 96), (25.4 / 96) / 0.28, 1.0 + 1e-9, 1.0 - 1e-9)


def _layer(minimum_scale: float, maximum_scale: float) -> QgsVectorLayer:
    layer = QgsVectorLayer("Polygon?crs=EPSG:3857&field=name:string", "zones", "memory")
    layer.setScaleBasedVisibility(True)
    layer.setMinimumScale(minimum_scale)
    layer.setMaximumScale(maximum_scale)
    return layer


def _rule_draws(rule, scale: float) -> bool:
    """SLD 1.0: MinScaleDenominator inclusive, MaxScaleDenominator exclusive."""
    low = rule.find("sld:MinScaleDenominator", NS)
    high = rule.find("sld:MaxScaleDenominator", NS)
    return ((low is None or scale >= float(low.text))
            and (high is None or scale < float(high.text)))


def _boundary_cases():
    """Bounds exactly on a level's scale and a hair either side, on both ends."""
    for z in (5, 11, 16):
        exact = level_scale(z)
        for bound in (exact, exact * (1 + 1e-12), exact * (1 - 1e-12), exact * 1.03):
            yield pytest.param(bound, 0.0, id=f"zoomed-out bound ~z{z} {bound:.6f}")
            yield pytest.param(0.0, bound, id=f"zoomed-in bound ~z{z} {bound:.6f}")
            yield pytest.param(bound * 16, bound, id=f"both ~z{z} {bound:.6f}")


@pytest.mark.parametrize(("minimum_scale", "maximum_scale"), list(_boundary_cases()))
def test_a_level_shows_the_layer_exactly_when_qgis_draws_it_at_its_scale(
        qgis_app, minimum_scale, maximum_scale):
    layer = _layer(minimum_scale, maximum_scale)
    result = prepare_sld(layer, table_name="zones")
    assert result.ok, result.messages("en")
    rules = list(etree.fromstring(result.sld_bytes).iter("{http://www.opengis.net/sld}Rule"))
    assert rules
    for z in LEVELS:
        scale = level_scale(z)
        expected = layer.isInScaleRange(scale)   # QGIS's own rule, at 0.28 mm per pixel
        for factor in SERVER_FACTORS:
            assert all(_rule_draws(rule, scale * factor) == expected for rule in rules), (
                z, factor, expected)
    assert any(f.code == "SCALE_RANGE_LEVELS" for f in result.findings)


def test_denominators_sit_half_way_between_levels():
    minimum, maximum = sld_denominators([10, 11, 12])
    assert level_scale(13) < minimum < level_scale(12)
    assert level_scale(10) < maximum < level_scale(9)
    assert sld_denominators(list(LEVELS)) == (None, None)


def test_a_layer_hidden_at_every_level_gets_a_range_no_level_reaches():
    assert visible_levels(True, 100.0, 50.0) == []
    minimum, maximum = sld_denominators([])
    assert all(not (minimum <= level_scale(z) < maximum) for z in LEVELS)


def test_a_rule_range_is_intersected_with_the_layer_range():
    rule = ("<Rule><Name>r</Name><MinScaleDenominator>1000</MinScaleDenominator>"
            "<MaxScaleDenominator>100000000</MaxScaleDenominator><PolygonSymbolizer/></Rule>")
    sld = (f'<StyledLayerDescriptor xmlns="http://www.opengis.net/sld" version="1.0.0">'
           f"<NamedLayer><Name>t</Name><UserStyle><FeatureTypeStyle>{rule}</FeatureTypeStyle>"
           f"</UserStyle></NamedLayer></StyledLayerDescriptor>").encode()
    out = etree.fromstring(apply_scale_range(sld, True, level_scale(9), 0.0))
    rule_element = next(out.iter("{http://www.opengis.net/sld}Rule"))
    shown = [z for z in LEVELS if _rule_draws(rule_element, level_scale(z))]
    # the layer hides level 9 and above (exclusive), the rule hides below 1:1000
    assert shown == [z for z in LEVELS if 1000 <= level_scale(z) < level_scale(9)]
    children = [etree.QName(c).localname for c in rule_element]
    assert children.index("MinScaleDenominator") < children.index("MaxScaleDenominator") \
        < children.index("PolygonSymbolizer")


def test_qgis_reads_the_written_bounds_back(qgis_app):
    """QGIS (the sandbox's QGIS Server) parses a scale denominator as an integer: a decimal
    one is silently dropped and the layer drawn at every scale."""
    from qgis.PyQt.QtXml import QDomDocument

    for bounds in ((level_scale(8), level_scale(12)), (1.0, 2.0)):
        result = prepare_sld(_layer(*bounds), table_name="zones")
        document = QDomDocument()
        assert document.setContent(result.sld_bytes, True)[0]
        reader = QgsVectorLayer("Polygon?crs=EPSG:3857", "zones", "memory")
        assert reader.readSld(document.documentElement().firstChildElement("NamedLayer"), "")
        rules = reader.renderer().rootRule().children()
        for z in LEVELS:
            drawn = any(rule.isScaleOK(level_scale(z)) for rule in rules)
            assert drawn == _layer(*bounds).isInScaleRange(level_scale(z)), z
