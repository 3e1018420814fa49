"""Fixtures of the Processing tests: the provider registered for one module, the sandbox's
datastores, the training account's credentials in the environment."""

from __future__ import annotations

import pytest
from gpf_wmts_publisher.plugin.processing.provider import GpfWmtsProvider
from qgis.core import QgsApplication


@pytest.fixture(scope="module")
def provider(qgis_app):
    """Registered for this module only (the plugin's own test registers it through
    initProcessing; the registry refuses a second provider with the same id)."""
    from processing.core.Processing import Processing

    Processing.initialize()
    registry = QgsApplication.processingRegistry()
    provider = GpfWmtsProvider()   # this reference keeps the Python side alive
    assert registry.addProvider(provider)
    yield provider
    registry.removeProvider(provider)


@pytest.fixture
def datastores(sandbox):
    return sandbox.datastores()


@pytest.fixture
def credentials(sandbox, monkeypatch):
    account = sandbox.accounts["formateur"]
    monkeypatch.setenv("GPF_USERNAME", account["username"])
    monkeypatch.setenv("GPF_PASSWORD", account["password"])
