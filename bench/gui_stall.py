"""Longest GUI-thread stall while the wizard is driven from login to PUBLISHED on the sandbox.

A QTimer heartbeat (ui/stall_monitor.py) runs the whole time; the script prints the longest
stall overall and per phase (goal: ≤ 50 ms). Run alone: .venv/bin/python bench/gui_stall.py
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def process_until(predicate, timeout_s: float, what: str) -> None:
    from qgis.core import QgsApplication

    deadline = time.monotonic() + timeout_s
    while not predicate():
        if time.monotonic() > deadline:
            raise SystemExit(f"timed out waiting for {what}")
        QgsApplication.processEvents()
        time.sleep(0.002)


def start_qgis(profile_dir: str):
    """A GUI QgsApplication on a throw-away profile (its own auth database)."""
    os.environ["QGIS_AUTH_DB_DIR_PATH"] = profile_dir
    from qgis.core import QgsApplication

    app = QgsApplication([], True, profile_dir)
    app.initQgis()
    assert QgsApplication.authManager().setMasterPassword("bench-master", True)
    return app


class Iface:
    """Just what the wizard asks of QGIS's iface (a map canvas and a main window)."""

    def __init__(self):
        from qgis.gui import QgsMapCanvas
        from qgis.PyQt.QtWidgets import QMainWindow

        self.window = QMainWindow()
        self.canvas = QgsMapCanvas(self.window)
        self.window.setCentralWidget(self.canvas)
        self.window.resize(1000, 700)

    def mapCanvas(self):
        return self.canvas

    def mainWindow(self):
        return self.window

    def addDockWidget(self, area, dock):
        self.window.addDockWidget(area, dock)

    def activeLayer(self):
        return None


def drive_wizard(sandbox, iface, layer, journal_dir, monitor, top=10, bottom=14):
    """Login → every page → Publish → PUBLISHED; returns (wizard, seconds to PUBLISHED)."""
    from gpf_wmts_publisher.ui import session as session_module
    from gpf_wmts_publisher.ui.publish_wizard import PublishWizard

    monitor.mark("build wizard")
    wizard = PublishWizard(iface, layer, session=session_module.Session(),
                           journal_dir=journal_dir)
    wizard.poll_first_s, wizard.poll_max_s = 0.05, 0.5
    monitor.mark("show wizard")
    wizard.show()
    monitor.mark("open login dialog")
    page = wizard.source_page
    page.loginButton.click()
    process_until(lambda: True, 1, "")
    monitor.mark("login")
    dialog = page.login_dialog
    dialog.sandboxRadio.setChecked(True)
    dialog.sandboxUrlEdit.setText(sandbox.base_url)
    dialog.usernameEdit.setText("formateur")
    dialog.passwordEdit.setText("formateur")
    monitor.mark("login: click")
    dialog.connectButton.click()
    monitor.mark("login: waiting")
    process_until(lambda: wizard.session.connected, 60, "login")
    monitor.mark("login: connected")
    process_until(lambda: True, 1, "")
    dialog.close()
    combo = page.datastoreCombo
    for index in range(combo.count()):
        if wizard.session.datastore(combo.itemData(index)).sandbox:
            combo.setCurrentIndex(index)
    page.datasheetEdit.setText(f"bench_{int(time.time())}")
    monitor.mark("style page")
    wizard.next()
    process_until(lambda: wizard.style_page.result is not None, 60, "style check")
    process_until(lambda: wizard.style_page.preview is not None, 60, "style preview")
    monitor.mark("wms-v page")
    wizard.next()
    wizard.wmsv_page.abstractEdit.setPlainText("Banc d'essai")
    monitor.mark("pyramid page")
    wizard.next()
    wizard.pyramid_page.set_levels(top, bottom)
    monitor.mark("metadata page")
    wizard.next()
    wizard.metadata_page.emailEdit.setText("bench@example.org")
    wizard.metadata_page.organisationEdit.setText("Bench")
    wizard.metadata_page.organisationEmailEdit.setText("bench@example.org")
    monitor.mark("access page")
    wizard.next()
    monitor.mark("publish page")
    wizard.next()
    assert wizard.currentPage() is wizard.publish_page, "a page refused its input"
    monitor.mark("publishing")
    started = time.monotonic()
    wizard.publish_page.publishButton.click()
    process_until(lambda: wizard.publish_page.state != "running", 300, "publication")
    assert wizard.publish_page.state == "published", wizard.publish_page.resultLabel.text()
    return wizard, time.monotonic() - started


def shut_down(app, *windows) -> None:
    """Closes the windows and the project before QGIS exits (a teardown with live widgets
    can crash at exit)."""
    from qgis.core import QgsProject

    for window in windows:
        window.close()
        window.deleteLater()
    QgsProject.instance().clear()
    for _ in range(3):
        app.processEvents()
    app.exitQgis()


def main() -> None:
    from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
    from tests.fixtures.sandbox import start_sandbox

    work = Path(tempfile.mkdtemp(prefix="gui_stall_"))
    app = start_qgis(str(work / "profile"))
    from gpf_wmts_publisher.ui.stall_monitor import StallMonitor
    from qgis.core import QgsProject

    iface = Iface()
    iface.window.show()
    layer = open_styled_layer(make_polygon_gpkg(str(work)))
    QgsProject.instance().addMapLayer(layer)
    with start_sandbox(work / "sandbox") as sandbox:
        monitor = StallMonitor(interval_ms=10)
        monitor.start()
        wizard, seconds = drive_wizard(sandbox, iface, layer, str(work / "journals"), monitor)
        monitor.stop()
    print(monitor.report())
    for phase, stall in sorted(monitor.longest_by_phase().items(), key=lambda kv: -kv[1]):
        print(f"  longest stall in {phase or 'start'}: {stall:.1f} ms")
    print(f"publication (Publish → PUBLISHED): {seconds:.2f} s")
    shut_down(app, wizard, iface.window)


if __name__ == "__main__":
    main()
