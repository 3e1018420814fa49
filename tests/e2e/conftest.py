"""Helpers of the end-to-end publication tests (the ``sandbox`` fixture is in tests/fixtures)."""

from __future__ import annotations

import itertools
from typing import Dict

import pytest
from gpf_wmts_publisher.plugin.publish.layer_source import LayerSource
from gpf_wmts_publisher.plugin.publish.session import password_api
from gpf_wmts_publisher.plugin.publish.spec import Publication
from gpf_wmts_publisher.plugin.publish.workflow import Workflow

from tests.e2e.layers import make_polygon_gpkg, open_styled_layer

_counter = itertools.count(1)


@pytest.fixture(scope="session")
def api(sandbox):
    """The entrepôt API as the plugin builds it (not bound to a datastore)."""
    account = sandbox.accounts["formateur"]
    return password_api(sandbox.api_url, sandbox.token_url, account["username"],
                        account["password"])


@pytest.fixture(scope="session")
def datastores(sandbox) -> Dict[str, str]:
    return sandbox.datastores()


@pytest.fixture(scope="session")
def layer_source(qgis_app, tmp_path_factory) -> LayerSource:
    directory = tmp_path_factory.mktemp("layer")
    return LayerSource.from_layer(open_styled_layer(make_polygon_gpkg(str(directory))))


@pytest.fixture
def make_spec(layer_source):
    """``make_spec(datastore_id, **changes)``: a small publication with unique names."""

    def build(datastore_id: str, **changes) -> Publication:
        n = next(_counter)
        values = dict(datastore_id=datastore_id, datasheet_name=f"fiche_e2e_{n}",
                      wmsv_name=f"parcelles_{n}_wmsv", wmts_name=f"parcelles_{n}_wmts",
                      pyramid_name=f"parcelles_{n}_pyramide", wmsv_title="Parcelles",
                      wmts_title="Parcelles (WMTS)", abstract="Parcelles de test",
                      layer=layer_source, top_level=12, bottom_level=13)
        values.update(changes)
        return Publication(**values)

    return build


@pytest.fixture
def workflow_for(api, tmp_path):
    """``workflow_for(spec, **options)``: a Workflow journaling under this test's tmp dir."""

    def build(spec: Publication, **options) -> Workflow:
        options.setdefault("poll_first_s", 0.05)
        options.setdefault("poll_max_s", 0.5)
        return Workflow(api, spec, journal_dir=str(tmp_path / "journals"), **options)

    return build
