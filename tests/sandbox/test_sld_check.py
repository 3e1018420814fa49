"""The sandbox's GeoServer-like SLD check: GeoServer's mark names, and the column names the
sandbox's own integration creates (GDAL keeps spaces, accents and a leading digit)."""

from __future__ import annotations

import pytest

from sandbox.sld_check import check_sld
from tests.sandbox.flow import category_rule, sld

SHAPES = ["vertline", "horline", "slash", "backslash", "dot", "plus", "times", "oarrow",
          "carrow"]
EXTSHAPES = ["triangle", "emicircle", "triangleemicircle", "narrow", "sarrow"]


def _mark(name: str) -> bytes:
    return sld("t", f"<Rule><PointSymbolizer><Graphic><Mark><WellKnownName>{name}"
                    "</WellKnownName></Mark><Size>6</Size></Graphic></PointSymbolizer></Rule>")


@pytest.mark.parametrize("name", [f"shape://{n}" for n in SHAPES]
                         + [f"extshape://{n}" for n in EXTSHAPES]
                         + ["circle", "Square", "ttf://Webdings#0x64"])
def test_geoserver_marks_are_accepted(name):
    assert check_sld(_mark(name))[1] == []


@pytest.mark.parametrize("name", ["shape://arrow", "shape://circle", "extshape://narrow2",
                                  "extshape://star", "hexagon"])
def test_other_mark_names_are_refused(name):
    errors = check_sld(_mark(name))[1]
    assert len(errors) == 1 and name in errors[0]


@pytest.mark.parametrize("column", ["2020_densité", "nom commune", "code_insee", "catégorie",
                                    "État"])
def test_columns_the_integration_creates_are_accepted(column):
    used, errors = check_sld(sld("t", category_rule("A", "#000000", field=column)))
    assert errors == [] and used == [column]


@pytest.mark.parametrize("text", ["upper(nom)", "a || b", "concat(a,'b')", "x = 1"])
def test_expressions_are_still_refused(text):
    errors = check_sld(sld("t", category_rule("A", "#000000", field=text)))[1]
    assert any("expression" in e for e in errors)
