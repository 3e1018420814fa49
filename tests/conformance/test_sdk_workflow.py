"""The platform's official Python client, sdk-entrepot-gpf 0.1.46, runs its own workflow on the
sandbox: upload → checks → integration → static SLD → WMS-V configuration + offering →
harvest → WMTS configuration + offering, and the WMTS then serves a tile.

Material nobody here wrote, driven through its own commands: where it stops, either the sandbox
departs from the real platform (fix the sandbox) or the SDK expects something the real API
documents otherwise (written down in sandbox/README.md, "The official SDK").
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from sandbox import pm_grid
from tests.conformance.sdk_run import HERE, SdkRunner, explain
from tests.conformance.sdk_venv import SDK_VERSION, clean_env, ensure_sdk_venv, venv_python
from tests.fixtures.sandbox import start_sandbox

LEVEL = 14
pytestmark = [pytest.mark.slow, pytest.mark.timeout(1800)]


@pytest.fixture(scope="module")
def sdk_venv():
    return ensure_sdk_venv()


@pytest.fixture(scope="module")
def platform(tmp_path_factory):
    """A sandbox of its own: the SDK's names must not meet other tests' entities."""
    with start_sandbox(tmp_path_factory.mktemp("sdk-sandbox") / "data",
                       token_lifetime=300) as running:
        yield running


def _one(items: list, what: str) -> dict:
    assert len(items) == 1, f"expected one {what}, got {items}"
    return items[0]


def test_sdk_venv_does_not_shadow_the_plugins_packages(sdk_venv):
    """The SDK's requests lives in its venv only; the plugin's interpreter cannot import it."""
    probe = ("import requests, sdk_entrepot_gpf, sys; "
             "print(requests.__file__); print(sdk_entrepot_gpf.__version__)")
    reply = subprocess.run([str(venv_python(sdk_venv)), "-c", probe], capture_output=True,
                           text=True, env=clean_env(), timeout=120, check=True)
    requests_file, version = reply.stdout.split()
    assert requests_file.startswith(str(sdk_venv)) and version == SDK_VERSION
    ours = subprocess.run([sys.executable, "-c",
                           "import importlib.util as u, requests, lxml; "
                           "print(u.find_spec('sdk_entrepot_gpf') is None); "
                           "print(requests.__file__)"],
                          capture_output=True, text=True, timeout=120, check=True)
    absent, plugin_requests = ours.stdout.split()
    assert absent == "True"
    assert not plugin_requests.startswith(str(sdk_venv))


def test_official_sdk_publishes_a_wmts_on_the_sandbox(sdk_venv, platform, tmp_path):
    http = platform.session()
    ds = platform.datastores()["own"]
    api = f"{platform.api_url}/datastores/{ds}"
    sdk = SdkRunner.prepare(sdk_venv, tmp_path / "sdk", platform, ds)

    # Upload and its checks, by the SDK's delivery command (it lists the upload's comments).
    delivered = sdk.run("delivery", "upload_descriptor.json")
    assert delivered.returncode == 0, explain(delivered)
    upload = _one(http.get(f"{api}/uploads", params={"name": "conformite_sdk_parcelles"}).json(),
                  "upload")
    checks = http.get(f"{api}/uploads/{upload['_id']}/checks").json()
    assert checks["passed"] and not checks["failed"], checks
    for run in checks["passed"]:
        detail = http.get(f"{api}/checks/executions/{run['_id']}").json()
        assert detail["status"] == "SUCCESS", detail
    comments = http.get(f"{api}/uploads/{upload['_id']}/comments").json()
    assert [c["text"] for c in comments] == ["Livraison du test de conformité (sdk-entrepot-gpf)"]

    # The SLD, described in the query string by the SDK.
    styled = sdk.run("delivery", "static_descriptor.json")
    assert styled.returncode == 0, explain(styled)
    static = _one(http.get(f"{api}/statics", params={"name": "conformite_sdk_style"}).json(),
                  "static")
    assert static["type"] == "GEOSERVER-STYLE"

    # Integration: the SDK must find the integration processing by ?name=.
    integrated = sdk.workflow_step("integration")
    assert integrated.returncode == 0, explain(integrated)
    # bbox is one of the fields a stored data list only gives when asked.
    base = _one(http.get(f"{api}/stored_data", params={
        "name": "conformite_sdk_base", "fields": "status,type,bbox"}).json(), "stored data")
    assert base["status"] == "GENERATED" and base["type"] == "VECTOR-DB"
    executions = http.get(f"{api}/processings/executions",
                          params={"output_stored_data": base["_id"]}).json()
    assert [e["status"] for e in executions] == ["SUCCESS"]

    published_wmsv = sdk.workflow_step("wms-v")
    assert published_wmsv.returncode == 0, explain(published_wmsv)

    bbox = base["bbox"]
    area = (f"POLYGON(({bbox['west']} {bbox['north']},{bbox['east']} {bbox['north']},"
            f"{bbox['east']} {bbox['south']},{bbox['west']} {bbox['south']},"
            f"{bbox['west']} {bbox['north']}))")
    wms_url = f"{platform.base_url}/wms-v/ows"
    harvested = sdk.workflow_step("harvest", harvest_url=wms_url, harvest_area=area,
                                  level=str(LEVEL))
    assert harvested.returncode == 0, explain(harvested)
    pyramid = _one(http.get(f"{api}/stored_data",
                            params={"name": "conformite_sdk_pyramide"}).json(), "pyramid")
    runs = http.get(f"{api}/processings/executions",
                    params={"output_stored_data": pyramid["_id"]}).json()
    assert [e["status"] for e in runs] == ["SUCCESS"]

    published_wmts = sdk.workflow_step("wmts", level=str(LEVEL))
    assert published_wmts.returncode == 0, explain(published_wmts)

    offerings = http.get(f"{api}/offerings", params={"limit": 50}).json()
    by_layer = {o["layer_name"]: o for o in offerings}
    for layer in ("conformite_sdk_wmsv", "conformite_sdk_wmts"):
        offering = http.get(f"{api}/offerings/{by_layer[layer]['_id']}").json()
        assert offering["status"] == "PUBLISHED", offering

    # The WMTS serves a tile of the harvested level, at the centre of the data.
    centre = pm_grid.lonlat_to_mercator((bbox["west"] + bbox["east"]) / 2,
                                        (bbox["south"] + bbox["north"]) / 2)
    tiles = pm_grid.tile_range(LEVEL, (centre[0] - 1, centre[1] - 1, centre[0] + 1, centre[1] + 1))
    col, row = next(tiles.tiles())
    tile = http.get(f"{platform.base_url}/wmts", params={
        "SERVICE": "WMTS", "REQUEST": "GetTile", "VERSION": "1.0.0",
        "LAYER": "conformite_sdk_wmts", "STYLE": "normal", "TILEMATRIXSET": "PM",
        "TILEMATRIX": str(LEVEL), "TILEROW": str(row), "TILECOL": str(col),
        "FORMAT": "image/jpeg"}, timeout=30)
    assert tile.status_code == 200, tile.text[:500]
    assert tile.headers["Content-Type"].startswith("image/")
    assert tile.content[:3] == b"\xff\xd8\xff"  # a JPEG


def test_official_sdk_delivers_and_publishes_metadata(sdk_venv, platform, tmp_path):
    """Metadata by the SDK's delivery command, published through its Python API."""
    http = platform.session()
    ds = platform.datastores()["own"]
    api = f"{platform.api_url}/datastores/{ds}"
    sdk = SdkRunner.prepare(sdk_venv, tmp_path / "sdk-md", platform, ds)
    delivered = sdk.run("delivery", "metadata_descriptor.json")
    assert delivered.returncode == 0, explain(delivered)
    record = _one(http.get(f"{api}/metadata",
                           params={"file_identifier": "conformite-sdk-fiche"}).json(), "record")
    assert record["type"] == "INSPIRE"
    published = sdk.sdk_python(HERE / "publish_metadata.py", str(sdk.workdir / "config.ini"),
                               "conformite-sdk-fiche")
    assert published.returncode == 0, explain(published)
    csw = http.get(f"{platform.base_url}/csw", params={
        "SERVICE": "CSW", "REQUEST": "GetRecordById", "VERSION": "2.0.2",
        "ID": "conformite-sdk-fiche"}, timeout=30)
    assert csw.status_code == 200 and "conformite-sdk-fiche" in csw.text
    assert "Parcelles d'essai du test de conformité" in csw.text
