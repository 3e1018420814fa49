"""Screenshots of every wizard page, the login dialog, the inspector and the services dock, in
a real QGIS main window on a virtual display, written to docs/screenshots/*.png.

Run: .venv/bin/python scripts/screenshots.py (or `make screenshots`). The script starts the
sandbox, then `xvfb-run qgis --code scripts/screenshots.py` with a throw-away profile; inside
QGIS (GPF_SCREENSHOTS_INSIDE=1) the same file drives the plugin's windows with timers, never
blocking QGIS's event loop, saves the images and quits QGIS.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Inside QGIS (--code) the file is exec'd without __file__: the caller passes the root.
ROOT = Path(os.environ.get("GPF_SCREENSHOTS_ROOT") or Path(__file__).resolve().parents[1])
OUT = ROOT / "docs" / "screenshots"
INSIDE = "GPF_SCREENSHOTS_INSIDE"


# -- outside QGIS ------------------------------------------------------------------------------
def run_outside() -> int:
    sys.path.insert(0, str(ROOT))
    from tests.fixtures.sandbox import start_sandbox

    work = Path(tempfile.mkdtemp(prefix="gpf_screens_"))
    plugins = work / "profiles" / "default" / "python" / "plugins"
    plugins.mkdir(parents=True)
    (plugins / "gpf_wmts_publisher").symlink_to(ROOT)
    OUT.mkdir(parents=True, exist_ok=True)
    with start_sandbox(work / "sandbox") as sandbox:
        env = dict(os.environ, GPF_SCREENSHOTS_INSIDE="1", GPF_SCREENSHOTS_SANDBOX=sandbox.base_url,
                   GPF_SCREENSHOTS_OUT=str(OUT), GPF_SCREENSHOTS_WORK=str(work),
                   QGIS_AUTH_DB_DIR_PATH=str(work / "auth"), GPF_SCREENSHOTS_ROOT=str(ROOT))
        env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) display, not offscreen
        (work / "auth").mkdir()
        command = ["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", "qgis", "--nologo",
                   "--noversioncheck", "--noplugins", "--profiles-path", str(work),
                   "--code", str(ROOT / "scripts" / "screenshots.py")]
        started = time.monotonic()
        completed = subprocess.run(command, env=env, timeout=600, check=False)
    shots = sorted(OUT.glob("*.png"))
    print(f"{len(shots)} screenshots in {OUT} ({time.monotonic() - started:.0f} s):")
    for shot in shots:
        print(f"  {shot.relative_to(ROOT)}")
    return 0 if shots and completed.returncode == 0 else 1


# -- inside QGIS -------------------------------------------------------------------------------
def run_inside() -> None:
    """Called by QGIS (--code): a timer walks through a generator of steps; each step yields
    a predicate to wait for, so QGIS keeps running while the plugin works."""
    from qgis.core import QgsApplication, QgsProject
    from qgis.PyQt.QtCore import QTimer
    from qgis.utils import iface

    out = Path(os.environ["GPF_SCREENSHOTS_OUT"])
    steps = walkthrough(iface, out, os.environ["GPF_SCREENSHOTS_SANDBOX"],
                        Path(os.environ["GPF_SCREENSHOTS_WORK"]))
    waiting = {"until": lambda: True, "deadline": time.monotonic() + 120}
    timer = QTimer()

    def tick():
        try:
            if not waiting["until"]():
                if time.monotonic() > waiting["deadline"]:
                    raise TimeoutError("a step did not finish")
                return
            waiting["until"] = next(steps)
            waiting["deadline"] = time.monotonic() + 180
        except StopIteration:
            timer.stop()
            QgsProject.instance().clear()
            QgsApplication.exit(0)
        except Exception:  # report and leave QGIS, never hang the caller
            import traceback

            traceback.print_exc()
            timer.stop()
            QgsApplication.exit(1)

    timer.timeout.connect(tick)
    timer.start(50)
    run_inside.timer = timer  # kept alive by QGIS's Python


def walkthrough(iface, out: Path, sandbox_url: str, work: Path):
    from qgis.core import QgsApplication, QgsProject

    sys.path.insert(0, str(ROOT))
    from gpf_wmts_publisher.ui import actions

    from tests.e2e.layers import make_polygon_gpkg, open_styled_layer

    assert QgsApplication.authManager().setMasterPassword("screenshots-master", True)
    window = iface.mainWindow()
    window.resize(1500, 950)
    window.showMaximized()
    layer = open_styled_layer(make_polygon_gpkg(str(work)))
    QgsProject.instance().addMapLayer(layer)
    iface.setActiveLayer(layer)
    iface.mapCanvas().setExtent(iface.mapCanvas().fullExtent())
    yield lambda: True

    def shoot(widget, name: str) -> None:
        widget.grab().save(str(out / f"{name}.png"))

    wizard = actions.open_publish_wizard(iface, layer)
    wizard.poll_first_s, wizard.poll_max_s = 0.05, 0.5
    wizard.journal_dir = str(work / "journals")
    page = wizard.source_page
    page.loginButton.click()
    dialog = page.login_dialog
    dialog.sandboxRadio.setChecked(True)
    dialog.sandboxUrlEdit.setText(sandbox_url)
    dialog.usernameEdit.setText("formateur")
    dialog.passwordEdit.setText("formateur")
    dialog.connectButton.click()
    yield lambda: wizard.session.connected
    shoot(dialog, "00-login")
    dialog.close()
    combo = page.datastoreCombo
    for index in range(combo.count()):
        if wizard.session.datastore(combo.itemData(index)).sandbox:
            combo.setCurrentIndex(index)
    page.datasheetEdit.setText("parcelles_demo")
    yield lambda: True
    shoot(wizard, "01-source")
    wizard.next()
    yield lambda: wizard.style_page.preview is not None
    shoot(wizard, "02-style")
    wizard.next()
    wizard.wmsv_page.abstractEdit.setPlainText("Parcelles de démonstration")
    yield lambda: True
    shoot(wizard, "03-wmsv")
    wizard.next()
    wizard.pyramid_page.set_levels(10, 14)
    yield lambda: True
    shoot(wizard, "04-pyramid")
    wizard.next()
    metadata = wizard.metadata_page
    metadata.emailEdit.setText("formateur@example.org")
    metadata.organisationEdit.setText("Service SIG")
    metadata.organisationEmailEdit.setText("sig@example.org")
    yield lambda: True
    shoot(wizard, "05-metadata")
    wizard.next()
    yield lambda: True
    shoot(wizard, "06-access")
    wizard.next()
    wizard.publish_page.publishButton.click()
    yield lambda: wizard.publish_page.state != "running"
    shoot(wizard, "07-publish")
    yield lambda: actions._OPEN.get("inspector") is not None and \
        bool(actions._OPEN["inspector"].levels)
    wizard.close()
    dock = actions._OPEN["inspector"]
    finished = []
    dock.inspectionFinished.connect(finished.append)
    dock.inspect_all()
    yield lambda: bool(finished)
    dock.go_to_level(12)
    yield _after(1.5)
    shoot(window, "08-inspector-in-qgis")
    dock.save_contact_sheet(str(out / "09-contact-sheet.png"))
    services = actions.open_published_services(iface)
    yield lambda: bool(services.rows)
    services.select_layer_name(wizard.publish_page.result.wmts_layer_name)
    yield _after(0.5)
    shoot(window, "10-published-services-in-qgis")


def _after(seconds: float):
    deadline = time.monotonic() + seconds
    return lambda: time.monotonic() > deadline


if os.environ.get(INSIDE):
    run_inside()
elif __name__ == "__main__":
    sys.exit(run_outside())
