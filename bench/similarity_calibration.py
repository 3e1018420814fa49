"""Calibration table of the similarity measure (plugin/similarity.py) on the labelled render
pairs of tests/fixtures/similarity: each pair's score, its label, what the threshold decides,
and the margin (lowest score of a faithful pair minus highest score of an unfaithful one, the
same figure as "lowest unfaithful difference minus highest faithful difference" with
difference = 1 - score). The margin must be positive on every pair, held-out ones included.

    .venv/bin/python bench/similarity_calibration.py          # the table, current constants
    .venv/bin/python bench/similarity_calibration.py --tune   # grid search on tuning pairs
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".venv" / "qgis-plugins"))  # the plugin as a package
PAIRS = ROOT / "tests" / "fixtures" / "similarity"


def load_pairs():
    from qgis.PyQt.QtGui import QImage

    for entry in json.loads((PAIRS / "pairs.json").read_text(encoding="utf-8")):
        yield (entry, QImage(str(PAIRS / f"{entry['name']}.reference.png")),
               QImage(str(PAIRS / f"{entry['name']}.candidate.png")))


def margin(rows, split=None) -> float:
    chosen = [r for r in rows if split is None or r[0]["split"] == split]
    faithful = [score for entry, score in chosen if entry["faithful"]]
    unfaithful = [score for entry, score in chosen if not entry["faithful"]]
    return min(faithful) - max(unfaithful)


def score_all(pairs):
    from gpf_wmts_publisher.plugin.similarity import similarity

    return [(entry, similarity(reference, candidate)) for entry, reference, candidate in pairs]


def tune(pairs) -> None:
    """Grid search of the three constants on the tuning pairs only; prints the best."""
    from gpf_wmts_publisher.plugin import similarity as measure

    tuning = [p for p in pairs if p[0]["split"] == "tuning"]
    results = []
    for blur, same, shift, share in itertools.product(
            (1, 2), (10.0, 11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 18.0), (1, 2),
            (0.0, 0.02, 0.03, 0.05)):
        measure.BLUR_RADIUS, measure.SAME_COLOUR_DELTA_E, measure.SHIFT_PX = blur, same, shift
        measure.MAIN_COLOUR_SHARE = share if share else 2.0  # 2.0: no main colour, all pixels
        rows = score_all(tuning)
        results.append((margin(rows), blur, same, shift, share, rows))
    # Ties: the larger share (fewer, larger main colours), then the smaller tolerances.
    best = max(results, key=lambda r: (round(r[0], 6), r[4], -r[2], -r[3]))
    print(f"best on tuning pairs: BLUR_RADIUS={best[1]} SAME_COLOUR_DELTA_E={best[2]} "
          f"SHIFT_PX={best[3]} MAIN_COLOUR_SHARE={best[4]} margin={best[0]:+.3f}")
    faithful = min(s for e, s in best[5] if e["faithful"])
    unfaithful = max(s for e, s in best[5] if not e["faithful"])
    print(f"threshold midway: FAITHFUL_FROM={(faithful + unfaithful) / 2:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true")
    args = parser.parse_args()
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from gpf_wmts_publisher.plugin import similarity as measure

    pairs = list(load_pairs())
    if args.tune:
        tune(pairs)
        return 0
    rows = score_all(pairs)
    print(f"similarity measure: {2 * measure.BLUR_RADIUS + 1}² px blur, L*a*b* colour within "
          f"{measure.SAME_COLOUR_DELTA_E} ΔE, "
          f"{measure.SHIFT_PX} px shift allowed, ink beyond {measure.INK_DELTA_E} ΔE, main "
          f"colours from {measure.MAIN_COLOUR_SHARE:.0%}; faithful from "
          f"{measure.FAITHFUL_FROM:.2f}")
    print(f"{'pair':<30} {'split':<9} {'label':<10} {'score':>6} → decision")
    wrong = 0
    for entry, score in rows:
        decided = score >= measure.FAITHFUL_FROM
        wrong += decided != entry["faithful"]
        print(f"{entry['name']:<30} {entry['split']:<9} "
              f"{'faithful' if entry['faithful'] else 'unfaithful':<10} {score:6.3f} → "
              f"{'faithful' if decided else 'unfaithful'}"
              f"{'' if decided == entry['faithful'] else '  << WRONG'}")
    print(f"similarity margin, all {len(rows)} pairs (lowest faithful - highest unfaithful): "
          f"{margin(rows):+.3f}")
    print(f"similarity margin, tuning pairs: {margin(rows, 'tuning'):+.3f}; held-out pairs: "
          f"{margin(rows, 'held_out'):+.3f}")
    print(f"similarity misclassified pairs: {wrong} of {len(rows)}")
    return 0 if margin(rows) > 0 and wrong == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
