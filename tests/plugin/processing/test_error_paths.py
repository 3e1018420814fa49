"""Processing turns every failure into one clear line (issue 14, hole 6): the platform down,
a wrong password, a 500 and a timeout, with DATASTORE left empty (users/me was called outside
the error handling and showed a Python traceback)."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.processing.provider import GpfWmtsProvider
from qgis.core import QgsApplication, QgsProcessingException, QgsProcessingFeedback

from tests.e2e.layers import make_polygon_gpkg
from tests.fixtures.failing_platform import (
    EXPECTED_WORDS,
    MODES,
    failing_platform,
    short_network_limits,
)


class RecordingFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.errors = []

    def reportError(self, error, fatalError=False):  # noqa: N803 - QGIS's names
        self.errors.append(error)
        super().reportError(error, fatalError)


@pytest.fixture(scope="module")
def provider(qgis_app):
    from processing.core.Processing import Processing

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("gpf_wmts") is not None:
        yield registry.providerById("gpf_wmts")
        return
    provider = GpfWmtsProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("algorithm", ["publishwmts", "undo"])
def test_each_failure_is_one_clear_line_without_traceback(provider, mode, algorithm, tmp_path,
                                                          monkeypatch):
    import processing

    short_network_limits(monkeypatch)
    monkeypatch.setenv("GPF_USERNAME", "someone")
    monkeypatch.setenv("GPF_PASSWORD", "wrong-or-right")
    layer = make_polygon_gpkg(str(tmp_path))
    feedback = RecordingFeedback()
    message = ""
    with failing_platform(mode) as base_url:
        parameters = {"PLATFORM_URL": base_url, "DATASTORE": "", "JOURNAL_DIR": str(tmp_path),
                      "DATASHEET": "fiche", "WMTS_NAME": "err_wmts"}
        if algorithm == "publishwmts":
            parameters.update({
                "INPUT": layer, "WMSV_NAME": "err_wmsv", "PYRAMID_NAME": "err_pyr",
                "WMSV_TITLE": "T", "WMTS_TITLE": "T", "ABSTRACT": "A", "TOP": 12,
                "BOTTOM": 13, "FORMAT": 1})
        try:
            processing.run(f"gpf_wmts:{algorithm}", parameters, feedback=feedback)
        except QgsProcessingException as error:
            message = str(error)
    everything = message + "\n".join(feedback.errors)
    assert EXPECTED_WORDS[mode] in everything
    assert "Traceback" not in everything
    assert "wrong-or-right" not in everything and "t0ken-for-tests" not in everything


# -- hole 8: Processing shares the wizard's tile rule ------------------------------------------
def _run_publish(base_url, tmp_path, **changes):
    import processing

    parameters = {"PLATFORM_URL": base_url, "DATASTORE": "ds", "JOURNAL_DIR": str(tmp_path),
                  "DATASHEET": "fiche", "WMTS_NAME": "tiles_wmts", "WMSV_NAME": "tiles_wmsv",
                  "PYRAMID_NAME": "tiles_pyr", "WMSV_TITLE": "T", "WMTS_TITLE": "T",
                  "ABSTRACT": "A", "FORMAT": 1, "INPUT": make_polygon_gpkg(str(tmp_path))}
    parameters.update(changes)
    try:
        processing.run("gpf_wmts:publishwmts", parameters, feedback=QgsProcessingFeedback())
    except QgsProcessingException as error:
        return str(error)
    return ""


def test_processing_refuses_zoom_0_to_21_on_france_even_with_force(provider, tmp_path,
                                                                   monkeypatch):
    short_network_limits(monkeypatch)
    monkeypatch.setenv("GPF_USERNAME", "someone")
    monkeypatch.setenv("GPF_PASSWORD", "secret")
    with failing_platform("down") as base_url:
        message = _run_publish(base_url, tmp_path, TOP=0, BOTTOM=21, FORCE=True,
                               EXTENT="-5.2,8.3,41.3,51.1 [EPSG:4326]")
    assert "tiles" in message and "Could not reach" not in message


def test_processing_goes_past_a_tile_warning_only_with_force(provider, tmp_path, monkeypatch):
    short_network_limits(monkeypatch)
    monkeypatch.setenv("GPF_USERNAME", "someone")
    monkeypatch.setenv("GPF_PASSWORD", "secret")
    extent = "2.30,2.40,48.80,48.90 [EPSG:4326]"
    with failing_platform("down") as base_url:
        stopped = _run_publish(base_url, tmp_path, TOP=10, BOTTOM=17, EXTENT=extent)
        forced = _run_publish(base_url, tmp_path, TOP=10, BOTTOM=17, EXTENT=extent,
                              FORCE=True)
    assert "FORCE" in stopped
    assert "Could not reach the Géoplateforme" in forced  # past the check, to the network
