"""QGIS's label placeholders, as 3.22-3.40 (with a comment) and 3.44 (bare) write them."""

from __future__ import annotations

from gpf_wmts_publisher.plugin.sld.placeholders import is_label_placeholder
from lxml import etree

SE = "http://www.opengis.net/se"
OGC = "http://www.opengis.net/ogc"


def _label(inner: str):
    return etree.fromstring(f'<se:Label xmlns:se="{SE}" xmlns:ogc="{OGC}">{inner}</se:Label>')


def test_placeholder_with_the_comment_of_qgis_3_22_to_3_40():
    assert is_label_placeholder(
        _label("<!--SE Export for upper(Nom) not implemented yet-->Placeholder"))


def test_bare_placeholder_of_qgis_3_44():
    assert is_label_placeholder(_label("Placeholder"))


def test_real_labels_are_not_placeholders():
    assert not is_label_placeholder(_label("<ogc:PropertyName>Placeholder</ogc:PropertyName>"))
    assert not is_label_placeholder(_label("Placeholder <ogc:PropertyName>nom</ogc:PropertyName>"))
    assert not is_label_placeholder(_label("Texte fixe"))
