"""Helpers of the UI tests: event-loop waiting, disposing of windows (the unlocked auth
database is tests/fixtures/auth.py)."""

from __future__ import annotations

import time

from qgis.core import QgsApplication


def wait_until(predicate, timeout_s: float = 60.0, what: str = "condition") -> None:
    """Runs the Qt event loop until ``predicate()`` is true (fails after ``timeout_s``: a
    guard against a hang, not a timing assertion). ``what`` may be a callable, read at the
    timeout (e.g. a status label's text then)."""
    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what() if callable(what) else what}")
        QgsApplication.processEvents()
        time.sleep(0.005)


def dispose(*widgets) -> None:
    """Closes and deletes windows now, while QGIS is alive (a wrapper garbage-collected after
    QGIS exits crashes the interpreter at exit)."""
    from qgis.PyQt import sip

    for widget in widgets:
        if widget is not None and not sip.isdeleted(widget):
            widget.close()
            widget.deleteLater()
    wait_until(lambda: True)
    for _ in range(3):
        QgsApplication.processEvents()


def list_services_of(dock, datastore_id: str, layer_name: str) -> None:
    """Shows the published-services dock on ``datastore_id`` and waits until ``layer_name``
    is listed."""
    dock.datastoreCombo.blockSignals(True)
    dock.refresh()  # fills the datastore list
    dock.datastoreCombo.setCurrentIndex(dock.datastoreCombo.findData(datastore_id))
    dock.datastoreCombo.blockSignals(False)
    dock.refresh()
    wait_until(lambda: any(r.layer_name == layer_name for r in dock.rows),
               what=lambda: "the services list: " + dock.statusLabel.text())
