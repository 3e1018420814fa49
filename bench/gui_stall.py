"""Longest GUI-thread stall from login through the wizard to PUBLISHED, then the datasheet view.

As in QGIS, the plugin is loaded first (classFactory + initGui, at QGIS start-up: its imports
happen there), then the wizard is opened through the plugin's own menu action. A QTimer
heartbeat (ui/stall_monitor.py) runs from that click to PUBLISHED; the event loop runs between
two user actions, as it does between two clicks, so each stall is attributed to the actions
that caused it. Prints the longest stall overall and per phase (goal: ≤ 50 ms).
Run alone: .venv/bin/python bench/gui_stall.py
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


def settle(ms: int = 100) -> None:
    """Lets the event loop run for ``ms``, like the pause between two clicks."""
    from qgis.core import QgsApplication

    deadline = time.monotonic() + ms / 1000
    while time.monotonic() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.002)


class Iface:
    """The part of QGIS's iface the plugin uses: a main window with a map canvas, a menu and
    a toolbar for its actions, the layer context menu."""

    def __init__(self):
        from qgis.gui import QgsMapCanvas
        from qgis.PyQt.QtWidgets import QMainWindow

        self.window = QMainWindow()
        self.canvas = QgsMapCanvas(self.window)
        self.window.setCentralWidget(self.canvas)
        self.window.resize(1000, 700)
        self.menu = self.window.menuBar().addMenu("Web")
        self.active_layer = None
        # QGIS's layer panel: the menu action asks it whether a group is selected (a map).
        from qgis.core import QgsLayerTreeModel, QgsProject
        from qgis.gui import QgsLayerTreeView

        self.tree_view = QgsLayerTreeView(self.window)
        self.tree_view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(),
                                                  self.tree_view))

    def mainWindow(self):
        return self.window

    def mapCanvas(self):
        return self.canvas

    def activeLayer(self):
        return self.active_layer

    def layerTreeView(self):
        return self.tree_view

    def addDockWidget(self, area, dock):
        self.window.addDockWidget(area, dock)

    def addToolBar(self, name):
        return self.window.addToolBar(name)

    def addPluginToWebMenu(self, _menu, action):
        self.menu.addAction(action)

    def removePluginWebMenu(self, _menu, action):
        self.menu.removeAction(action)

    def removeToolBarIcon(self, _action):
        pass

    def addCustomActionForLayerType(self, *args):
        pass

    def removeCustomActionForLayerType(self, _action):
        pass


def load_plugin(iface):
    """What QGIS does at start-up for an enabled plugin."""
    import gpf_wmts_publisher

    plugin = gpf_wmts_publisher.classFactory(iface)
    plugin.initGui()
    return plugin


def drive_wizard(sandbox, iface, layer, journal_dir, monitor, top=10, bottom=14):
    """Login → every page → Publish → PUBLISHED → the datasheet view (the published
    services dock: opened, listed, the new datasheet selected); returns (wizard, seconds from
    Publish to PUBLISHED)."""
    from gpf_wmts_publisher.ui import actions
    from qgis.PyQt.QtWidgets import QAction

    iface.active_layer = layer
    monitor.mark("open wizard (menu action)")
    iface.mainWindow().findChild(QAction, "gpfPublishWmts").trigger()
    wizard = actions._OPEN["wizard"]
    wizard.journal_dir = journal_dir
    wizard.poll_first_s, wizard.poll_max_s = 0.05, 0.5
    settle()
    monitor.mark("open login dialog")
    page = wizard.source_page
    page.loginButton.click()
    settle()
    monitor.mark("login: type")
    dialog = page.login_dialog
    dialog.sandboxRadio.setChecked(True)
    dialog.sandboxUrlEdit.setText(sandbox.base_url)
    dialog.usernameEdit.setText("formateur")
    dialog.passwordEdit.setText("formateur")
    settle()
    monitor.mark("login: connect clicked")
    dialog.connectButton.click()
    process_until(lambda: wizard.session.connected, 60, "login")
    settle()
    monitor.mark("login: close, choose datastore")
    dialog.close()
    combo = page.datastoreCombo
    for index in range(combo.count()):
        if wizard.session.datastore(combo.itemData(index)).sandbox:
            combo.setCurrentIndex(index)
    datasheet = f"bench_{int(time.time())}"
    page.datasheetEdit.setText(datasheet)
    settle()
    monitor.mark("style page: check and preview")
    wizard.next()
    process_until(lambda: wizard.style_page.result is not None, 60, "style check")
    process_until(lambda: wizard.style_page.preview is not None, 60, "style preview")
    settle()
    monitor.mark("wms-v page")
    wizard.next()
    settle()
    wizard.wmsv_page.abstractEdit.setPlainText("Banc d'essai")
    monitor.mark("pyramid page")
    wizard.next()
    settle()
    monitor.mark("pyramid: set levels")
    wizard.pyramid_page.set_levels(top, bottom)
    settle()
    monitor.mark("metadata page")
    wizard.next()
    settle()
    wizard.metadata_page.emailEdit.setText("bench@example.org")
    wizard.metadata_page.organisationEdit.setText("Bench")
    wizard.metadata_page.organisationEmailEdit.setText("bench@example.org")
    monitor.mark("access page")
    wizard.next()
    settle()
    monitor.mark("publish page")
    wizard.next()
    settle()
    assert wizard.currentPage() is wizard.publish_page, "a page refused its input"
    monitor.mark("publishing")
    started = time.monotonic()
    wizard.publish_page.publishButton.click()
    process_until(lambda: wizard.publish_page.state != "running", 300, "publication")
    assert wizard.publish_page.state == "published", wizard.publish_page.resultLabel.text()
    seconds = time.monotonic() - started
    settle()
    monitor.mark("datasheet view: open, list, select")
    iface.mainWindow().findChild(QAction, "gpfPublished").trigger()
    dock = actions._OPEN["published"]
    process_until(lambda: dock.shown_listing == dock._listing, 60, "datasheet listing")
    settle()
    assert dock.select_datasheet(datasheet), f"{datasheet} not in the datasheet view"
    settle()
    return wizard, seconds


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


RUNS = 5
GOAL_MS = 50.0
ONE_RUN = "--one-run"
LONGEST = "longest stall of this run: "


def main() -> None:
    """Five runs, each in a fresh QGIS process (each is a user's first opening of the
    wizard), judged on the worst of the five."""
    if ONE_RUN in sys.argv:
        one_run()
        return
    import subprocess

    from bench._util import verdict

    worst = []
    for run in range(1, RUNS + 1):
        done = subprocess.run([sys.executable, __file__, ONE_RUN], stdout=subprocess.PIPE,
                              stderr=subprocess.STDOUT, text=True, check=False)
        found = [line for line in done.stdout.splitlines() if line.startswith(LONGEST)]
        if run == 1 or not found:
            print(done.stdout)
        if not found:
            print(f"run {run}: no figure (exit {done.returncode})")
            print(verdict("P3", "not measured", f"≤ {GOAL_MS:.0f} ms", False))
            return
        worst.append(float(found[-1][len(LONGEST):].split()[0]))
        print(f"run {run}: longest stall {worst[-1]:.1f} ms")
    print(f"longest GUI stall over {RUNS} runs (menu action → login → wizard pages → "
          f"Publish → PUBLISHED → datasheet view, 10 ms heartbeat): "
          f"{', '.join(f'{w:.0f}' for w in worst)} ms; worst {max(worst):.0f} ms")
    print(verdict("P3", f"{max(worst):.0f} ms (worst of {RUNS} runs)", f"≤ {GOAL_MS:.0f} ms",
                  max(worst) <= GOAL_MS))


def one_run() -> None:
    from tests.e2e.layers import make_polygon_gpkg, open_styled_layer
    from tests.fixtures.sandbox import start_sandbox

    work = Path(tempfile.mkdtemp(prefix="gui_stall_"))
    app = start_qgis(str(work / "profile"))
    from gpf_wmts_publisher.ui.stall_monitor import StallMonitor
    from qgis.core import QgsProject

    iface = Iface()
    iface.mainWindow().show()
    started = time.perf_counter()
    plugin = load_plugin(iface)
    print(f"plugin load (classFactory + initGui, at QGIS start-up): "
          f"{(time.perf_counter() - started) * 1000:.0f} ms")
    # QGIS's event loop runs between start-up and the user's first click: the plugin's
    # warm-up (ui/actions.warm_up_windows, one import per turn) happens there.
    settle(500)
    layer = open_styled_layer(make_polygon_gpkg(str(work)))
    QgsProject.instance().addMapLayer(layer)
    with start_sandbox(work / "sandbox") as sandbox:
        monitor = StallMonitor(interval_ms=10)
        monitor.start()
        wizard, seconds = drive_wizard(sandbox, iface, layer, str(work / "journals"), monitor)
        monitor.stop()
    plugin.unload()
    print(monitor.report())
    for phase, stall in sorted(monitor.longest_by_phase().items(), key=lambda kv: -kv[1]):
        print(f"  longest stall in {phase or 'start'}: {stall:.1f} ms")
    print(f"publication (Publish → PUBLISHED): {seconds:.2f} s")
    print(f"{LONGEST}{monitor.longest_stall_ms:.1f} ms")
    shut_down(app, wizard, iface.mainWindow())


if __name__ == "__main__":
    main()
