"""Shared fixtures. pytest-qgis provides qgis_app / qgis_iface / qgis_canvas (headless)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The sandbox's jobs end in milliseconds: publications the tests start without a poll floor
# of their own (Processing's, the classroom's twelve) poll every 50 ms, not every 500 ms
# (plugin/publish/waiting.configured_floor).
os.environ.setdefault("GPF_POLL_FLOOR_S", "0.05")

# Fixtures that start services live in their own modules to keep this file short.
pytest_plugins = ["tests.fixtures"]
