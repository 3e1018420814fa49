"""The one similarity measure: every labelled pair of tests/fixtures/similarity on the right side
of the threshold (held-out pairs included), a positive margin, and blank images never a match."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from gpf_wmts_publisher.plugin.similarity import (
    FAITHFUL_FROM,
    compare_images,
    ink_fraction,
    similarity,
)
from qgis.PyQt.QtGui import QColor, QImage

PAIRS = Path(__file__).resolve().parents[1] / "fixtures" / "similarity"
LABELS = json.loads((PAIRS / "pairs.json").read_text(encoding="utf-8"))


def _pair(name):
    return (QImage(str(PAIRS / f"{name}.reference.png")),
            QImage(str(PAIRS / f"{name}.candidate.png")))


def _flat(colour: QColor) -> QImage:
    image = QImage(64, 64, QImage.Format.Format_ARGB32)
    image.fill(colour)
    return image


def test_the_pairs_cover_what_the_measure_was_blamed_for():
    names = {entry["name"] for entry in LABELS}
    assert len(LABELS) >= 16 and sum(e["split"] == "held_out" for e in LABELS) >= 4
    assert {"green_to_grey", "translucent_red_to_blue", "svg_fill_dropped",
            "sparse_line_one_dot", "plus_50_every_channel", "label_shift_2px",
            "marker_outline_subpixel"} <= names


@pytest.mark.parametrize("entry", LABELS, ids=[e["name"] for e in LABELS])
def test_each_labelled_pair_falls_on_its_side_of_the_threshold(qgis_app, entry):
    score = similarity(*_pair(entry["name"]))
    assert (score >= FAITHFUL_FROM) == entry["faithful"], (entry["why"], score)


def test_margin_between_faithful_and_unfaithful_pairs_is_positive(qgis_app):
    scores = [(entry["faithful"], similarity(*_pair(entry["name"]))) for entry in LABELS]
    lowest_faithful = min(score for faithful, score in scores if faithful)
    highest_unfaithful = max(score for faithful, score in scores if not faithful)
    assert lowest_faithful - highest_unfaithful > 0.1


def test_a_blank_render_is_never_a_match(qgis_app):
    white = _flat(QColor(255, 255, 255))
    drawn, _ = _pair("opaque_fill_jpeg")
    both_blank = compare_images(white, white)
    assert both_blank.score == 0.0 and both_blank.blank == "both" and not both_blank.faithful
    assert compare_images(white, drawn).blank == "reference"
    assert compare_images(drawn, white).blank == "candidate"
    transparent = _flat(QColor(0, 0, 0, 0))
    assert ink_fraction(transparent) == 0.0 and compare_images(drawn, transparent).score == 0.0


def test_renders_of_different_sizes_are_compared_at_one_size(qgis_app):
    reference, _ = _pair("opaque_fill_jpeg")
    assert similarity(reference, reference.scaled(384, 384)) >= FAITHFUL_FROM
