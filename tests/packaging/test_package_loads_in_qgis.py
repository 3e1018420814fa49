"""The packaged zip, installed in a fresh profile, loads in a real QGIS desktop (Xvfb).

The screenshot it takes goes to the test's temporary folder (the tree stays clean); the
README's docs/screenshots/plugin_loaded.png is written by `make screenshots`.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from qgis.PyQt.QtGui import QImage

from scripts import package, qgis_smoke

REPO_ROOT = Path(__file__).resolve().parents[2]
SLUG = "gpf_wmts_publisher"

pytestmark = pytest.mark.slow


def _distinct_colours(image: QImage, step: int = 40) -> int:
    return len({image.pixel(x, y) for x in range(0, image.width(), step)
                for y in range(0, image.height(), step)})


def test_packaged_plugin_loads_in_real_qgis_without_python_errors(tmp_path):
    zip_path = package.build_zip(REPO_ROOT, tmp_path / "dist")

    screenshot = tmp_path / "plugin_loaded.png"
    result = qgis_smoke.run_smoke(zip_path, screenshot, work_dir=tmp_path / "qgis",
                                  timeout_s=180)

    assert result.failures() == []
    assert result.report["loaded"] is True
    assert result.python_errors == []
    image = QImage(str(screenshot))
    assert not image.isNull()
    assert (image.width(), image.height()) == (1280, 800)
    assert _distinct_colours(image) > 10  # a drawn window, not a blank screen


def test_smoke_run_reports_a_plugin_that_raises_on_load(tmp_path):
    """The harness itself can fail: a plugin whose classFactory raises is caught, no hang."""
    good = package.build_zip(REPO_ROOT, tmp_path / "dist")
    broken = tmp_path / "broken.zip"
    with zipfile.ZipFile(good) as source, zipfile.ZipFile(broken, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name == f"{SLUG}/__init__.py":
                data = b"def classFactory(iface):\n    raise RuntimeError('boom on load')\n"
            target.writestr(name, data)

    result = qgis_smoke.run_smoke(broken, tmp_path / "broken.png", work_dir=tmp_path / "qgis",
                                  timeout_s=180, load_wait_s=10)

    assert not result.timed_out
    assert result.report["loaded"] is False
    assert any("boom on load" in error for error in result.python_errors)
    assert any("not in qgis.utils.plugins" in problem for problem in result.failures())
