"""``make demo`` end to end (its own sandbox, its own output folder)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_make_demo_publishes_the_sample_and_renders_two_levels(tmp_path):
    output = tmp_path / "demo-output"
    run = subprocess.run([sys.executable, str(ROOT / "scripts" / "demo.py"), "--output",
                          str(output)], cwd=ROOT, capture_output=True, text=True, timeout=240)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    assert "PUBLISHED" in run.stdout and str(output / "report.md") in run.stdout
    report = json.loads((output / "report.json").read_text(encoding="utf-8"))
    assert report["levels"] == [10, 11, 12, 13, 14]
    assert {r["level"] for r in report["renders"]} == {11, 14}
    assert all(r["ink_fraction"] > 0.2 for r in report["renders"])
    assert all((output / f"canvas_z{z}.png").stat().st_size > 1000 for z in (11, 14))
    assert report["client_requests"] > 0 and report["sandbox_processing_s"] > 0
    # the sample map: one picture per published level, the layers shown agreeing with QGIS
    assert report["map"]["levels"] == [10, 11, 12, 13]
    assert all((output / f"map_z{z}.png").stat().st_size > 1000 for z in (10, 11, 12, 13))
    shown = {r["level"]: r["seen_layers"] for r in report["map"]["renders"]}
    assert shown == {10: ["Occupation du sol"], 11: ["Routes", "Occupation du sol"],
                     12: ["Villages", "Routes", "Occupation du sol"],
                     13: ["Villages", "Routes"]}
    assert all(r["agree"] for r in report["map"]["renders"])
    kinds = {r["kind"] for r in report["resources"]}
    assert {"upload", "stored_data_pyramid", "offering_wmts", "metadata"} <= kinds
