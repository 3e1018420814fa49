"""Shared fixtures. pytest-qgis provides qgis_app / qgis_iface / qgis_canvas (headless)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Fixtures that start services live in their own modules to keep this file short.
pytest_plugins = ["tests.fixtures"]
