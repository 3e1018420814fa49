"""Shared fixtures. pytest-qgis provides qgis_app / qgis_iface / qgis_canvas (headless)."""

from __future__ import annotations

import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Compiled bytecode is kept (in __pycache__, ignored by git) even where the environment asks
# Python not to write it (PYTHONDONTWRITEBYTECODE, set on the CI machines): every pytest
# worker, sandbox, QGIS and qgis_process the suite starts otherwise compiled the plugin, the
# sandbox and the tests again, about a tenth of the suite's CPU time. Set before pytest-xdist
# starts its workers, which inherit it.
os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
sys.dont_write_bytecode = False
# The sandbox's jobs end in milliseconds: publications the tests start without a poll floor
# of their own (Processing's, the classroom's twelve) poll every 50 ms, not every 500 ms
# (plugin/publish/waiting.configured_floor).
os.environ.setdefault("GPF_POLL_FLOOR_S", "0.05")

# Fixtures that start services live in their own modules to keep this file short.
pytest_plugins = ["tests.fixtures"]


def pytest_collection_modifyitems(items):
    """The files holding a slow test come first. pytest-xdist hands files to its workers in
    this order (``--no-loadscope-reorder``): the 34 s soak, handed out last, kept one worker
    busy for half a minute after the others were done. Longest first packs them better."""
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)   # stable: file order kept
