"""A class on one sandbox: twelve trainee accounts publish the sample with the names the
plugin proposes (per-account prefix) and never collide; a dry run creates nothing and finds a
taken name; the trainer's reset returns the sandbox to its first state."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import requests
from gpf_wmts_publisher.plugin.processing.provider import GpfWmtsProvider
from qgis.core import (
    QgsApplication,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsVectorLayer,
)

from tests.fixtures.sandbox import ROOT, start_sandbox
from tests.sandbox.test_trainees import files_of, state_of

CLASS_SIZE = 12
SAMPLE = ROOT / "resources" / "sample" / "communes_demo.gpkg"
SAMPLE_LAYER = "Communes Démo"
pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def provider(qgis_app):
    from processing.core.Processing import Processing

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    provider = GpfWmtsProvider()
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.fixture(scope="module")
def classroom(tmp_path_factory):
    """A sandbox started as ``make sandbox TRAINEES=12`` does, and its first state."""
    data = tmp_path_factory.mktemp("classroom") / "data"
    # Job steps of 10 ms: twelve publications in a row, what is checked is their names.
    with start_sandbox(data, trainees=CLASS_SIZE, harvest_render_limit=4,
                       step_delay=0.01) as sandbox:
        yield sandbox, state_of(data), files_of(data)


@pytest.fixture
def sample_layer(qgis_app):
    layer = QgsVectorLayer(f"{SAMPLE}|layername={SAMPLE_LAYER}", SAMPLE_LAYER, "ogr")
    assert layer.isValid()
    return layer


def trainee(number: int) -> str:
    return f"stagiaire{number:02d}"


def publish_as(sandbox, name, layer, journal_dir, monkeypatch, **more):
    """Processing's "Publish layer as WMTS" as the trainee, technical names left empty."""
    import processing

    account = sandbox.accounts[name]
    monkeypatch.setenv("GPF_USERNAME", account["username"])
    monkeypatch.setenv("GPF_PASSWORD", account["password"])
    parameters = {"INPUT": layer, "PLATFORM_URL": sandbox.base_url,
                  "JOURNAL_DIR": str(journal_dir), "WMSV_TITLE": "Communes",
                  "WMTS_TITLE": "Communes (WMTS)", "ABSTRACT": "Communes de démonstration",
                  "TOP": 10, "BOTTOM": 10, **more}
    return processing.run("gpf_wmts:publishwmts", parameters, feedback=QgsProcessingFeedback())


def writes_to_the_api(sandbox) -> int:
    return sum(count for route, count in sandbox.stats()["requests"].items()
               if route.split()[0] in ("POST", "PUT", "PATCH", "DELETE") and "/api/" in route)


def test_a_dry_run_checks_everything_and_creates_nothing(provider, classroom, sample_layer,
                                                         tmp_path, monkeypatch):
    sandbox, first_state, _ = classroom
    writes = writes_to_the_api(sandbox)
    result = publish_as(sandbox, trainee(1), sample_layer, tmp_path, monkeypatch, DRY_RUN=True)
    report = result["DRY_RUN_REPORT"]
    assert "stagiaire01_communes_demo_wmts" in report and "stagiaire01_communes_demo" in report
    assert "stagiaire01_communes_demo_pyramide" in report and " tiles" in report
    assert writes_to_the_api(sandbox) == writes
    assert state_of(sandbox.data_dir) == first_state
    assert not list(tmp_path.iterdir())   # not even a journal


def test_a_class_of_12_publishes_the_sample_with_default_names_without_conflict(
        provider, classroom, sample_layer, tmp_path, monkeypatch):
    sandbox, _, _ = classroom
    layers = []
    for number in range(1, CLASS_SIZE + 1):
        result = publish_as(sandbox, trainee(number), sample_layer, tmp_path / str(number),
                            monkeypatch)
        assert result["WMTS_LAYER_NAME"].endswith(f"{trainee(number)}_communes_demo_wmts")
        layers.append(result["WMTS_LAYER_NAME"])
    assert len(set(layers)) == CLASS_SIZE
    capabilities = requests.get(f"{sandbox.base_url}/wmts", timeout=30, params={
        "SERVICE": "WMTS", "REQUEST": "GetCapabilities"}).text
    assert all(f"<ows:Identifier>{name}</ows:Identifier>" in capabilities for name in layers)


def test_a_dry_run_reports_a_name_another_trainee_took(provider, classroom, sample_layer,
                                                       tmp_path, monkeypatch):
    sandbox, _, _ = classroom
    writes = writes_to_the_api(sandbox)
    message = ""
    try:   # stagiaire02 types stagiaire01's datasheet: its WMTS name is taken
        publish_as(sandbox, trainee(2), sample_layer, tmp_path, monkeypatch, DRY_RUN=True,
                   DATASHEET="stagiaire01_communes_demo")
    except QgsProcessingException as error:
        message = str(error)
    assert "stagiaire01_communes_demo_wmts" in message and "✗" in message
    assert writes_to_the_api(sandbox) == writes


def test_the_trainer_reset_returns_the_sandbox_to_its_first_state(classroom):
    sandbox, first_state, first_files = classroom
    assert state_of(sandbox.data_dir) != first_state
    done = subprocess.run(
        [sys.executable, "-m", "sandbox.trainer", "reset", "--url", sandbox.base_url,
         "--data-dir", str(sandbox.data_dir)], cwd=ROOT, capture_output=True, text=True,
        timeout=300)
    assert done.returncode == 0, done.stderr
    assert state_of(sandbox.data_dir) == first_state
    assert files_of(sandbox.data_dir) == first_files
    capabilities = requests.get(f"{sandbox.base_url}/wmts", timeout=30, params={
        "SERVICE": "WMTS", "REQUEST": "GetCapabilities"}).text
    assert "communes_demo" not in capabilities
    assert sandbox.token(trainee(CLASS_SIZE))   # the class's accounts stay
    assert Path(sandbox.data_dir, "initial-state.json").is_file()
