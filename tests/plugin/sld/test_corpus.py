"""Every corpus style goes through the whole pipeline: a schema-valid SLD the platform accepts,
or an ERROR naming what cannot be exported; each prints its row of the corpus table."""

from __future__ import annotations

import functools

import pytest
from gpf_wmts_publisher.plugin.sld.findings import Severity

from .corpus.report import CorpusRow, evaluate, format_table
from .corpus.styles import CORPUS, CorpusStyle

SIMPLE_STYLE_MIN_SCORE = 0.8


@functools.cache
def _row(name: str) -> CorpusRow:
    style = next(s for s in CORPUS if s.name == name)
    return evaluate(style)


def test_corpus_covers_the_styles_the_issue_lists():
    names = {s.name for s in CORPUS}
    assert len(CORPUS) >= 20
    required = {"point_single", "line_single", "polygon_single", "categorized_accented_field",
                "graduated", "rule_based_scales", "labels_field", "svg_marker_local",
                "font_marker", "line_pattern_fill", "point_pattern_fill", "hatch_horizontal",
                "hatch_cross", "transparency", "dashed_line", "scale_visibility",
                "expression_rule_mapped", "data_defined_size", "drop_shadow_effect", "heatmap",
                "polygon_single_geopackage"}
    assert required <= names


@pytest.mark.parametrize("style", CORPUS, ids=lambda s: s.name)
def test_corpus_style_gives_valid_sld_or_a_clear_error(qgis_app, style: CorpusStyle, capsys):
    row = _row(style.name)
    with capsys.disabled():
        print("\n" + format_table([row]).splitlines()[1])
    errors = [f for f in row.result.findings if f.severity is Severity.ERROR]
    codes = {f.code for f in row.result.findings}
    if style.expect_ok:
        assert row.result.ok, [f.text("en") for f in errors]
        assert row.schema_valid
        assert style.expect_codes <= codes, codes
    else:
        assert not row.result.ok
        assert {f.code for f in errors} & style.expect_codes, [f.text("en") for f in errors]
        assert all(f.message_en and f.message_fr for f in errors)


@pytest.mark.parametrize("style", [s for s in CORPUS if s.simple], ids=lambda s: s.name)
def test_simple_styles_render_alike_from_the_sld(qgis_app, style: CorpusStyle):
    row = _row(style.name)
    assert row.score is not None and row.score >= SIMPLE_STYLE_MIN_SCORE, row.score


def test_field_names_in_the_corpus_sld_are_the_laundered_ones(qgis_app):
    result = _row("categorized_accented_field").result
    assert "catégorie_sol".encode() in result.sld_bytes
    assert "Catégorie-Sol".encode() not in result.sld_bytes
    assert result.field_map["Catégorie-Sol"] == "catégorie_sol"


def test_corpus_table_lists_every_style(qgis_app, capsys):
    table = format_table(_row(s.name) for s in CORPUS)
    with capsys.disabled():
        print("\n" + table)
    assert len(table.splitlines()) == len(CORPUS) + 1
