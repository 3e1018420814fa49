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
LANGUAGES = ("fr", "en")  # French first: the README shows it first
SCREEN = (1600, 1000)    # the QGIS window's fixed size, QGIS's default font


def run_outside(languages=LANGUAGES) -> int:
    sys.path.insert(0, str(ROOT))
    from tests.fixtures.sandbox import start_sandbox

    started, failed = time.monotonic(), 0
    for language in languages:
        work = Path(tempfile.mkdtemp(prefix="gpf_screens_"))
        profile = work / "profiles" / "default"
        plugins = profile / "python" / "plugins"
        plugins.mkdir(parents=True)
        (plugins / "gpf_wmts_publisher").symlink_to(ROOT)
        # QGIS reads its interface language from the profile (and installs qt_<lang> itself).
        (profile / "QGIS").mkdir()
        (profile / "QGIS" / "QGIS3.ini").write_text(
            f"[locale]\noverrideFlag=true\nuserLocale={language}\nglobalLocale={language}\n",
            encoding="utf-8")
        out = OUT / language
        out.mkdir(parents=True, exist_ok=True)
        for old in out.glob("*.png"):
            old.unlink()
        with start_sandbox(work / "sandbox") as sandbox:
            env = dict(os.environ, GPF_SCREENSHOTS_INSIDE="1",
                       GPF_SCREENSHOTS_SANDBOX=sandbox.base_url, GPF_SCREENSHOTS_OUT=str(out),
                       GPF_SCREENSHOTS_WORK=str(work), GPF_SCREENSHOTS_ROOT=str(ROOT),
                       QGIS_AUTH_DB_DIR_PATH=str(work / "auth"), LANG=f"{language}_FR.UTF-8"
                       if language == "fr" else "en_GB.UTF-8")
            env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) display, not offscreen
            (work / "auth").mkdir()
            command = ["xvfb-run", "-a", "-s", f"-screen 0 {SCREEN[0]}x{SCREEN[1]}x24", "qgis",
                       "--nologo", "--noversioncheck", "--noplugins", "--lang", language,
                       "--profiles-path", str(work),
                       "--code", str(ROOT / "scripts" / "screenshots.py")]
            completed = subprocess.run(command, env=env, timeout=900, check=False)
        shots = sorted(out.glob("*.png"))
        failed += completed.returncode != 0 or not shots
        print(f"{language}: {len(shots)} screenshots in {out.relative_to(ROOT)}")
    print(f"done in {time.monotonic() - started:.0f} s")
    return 1 if failed else 0


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
            # Every picture is written: a QGIS that hangs while quitting (seen under Xvfb
            # with the task manager busy) must not keep the caller waiting.
            # A thread, not a Qt timer: the hang comes after the event loop has stopped.
            import threading

            threading.Timer(10, os._exit, args=(0,)).start()
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

    from scripts.screenshot_data import open_demo_layer, write_demo_layer

    assert QgsApplication.authManager().setMasterPassword("screenshots-master", True)
    # Started as QGIS starts an enabled plugin, so its translator (i18n/*.qm) is installed.
    from qgis import utils

    plugins = str(work / "profiles" / "default" / "python" / "plugins")
    if plugins not in utils.plugin_paths:
        utils.plugin_paths.append(plugins)
    assert utils.loadPlugin("gpf_wmts_publisher") and utils.startPlugin("gpf_wmts_publisher")
    window = iface.mainWindow()
    window.showNormal()
    window.setGeometry(0, 0, *SCREEN)
    window.setFixedSize(*SCREEN)  # no window manager under Xvfb: the size is ours to fix
    layer = open_demo_layer(write_demo_layer(work))
    QgsProject.instance().addMapLayer(layer)
    iface.setActiveLayer(layer)
    full = layer.extent()
    # A quarter of the data: the parcels' labels are readable, the categories visible.
    iface.mapCanvas().setExtent(full.buffered(-full.width() * 0.3))
    iface.mapCanvas().refresh()
    yield _after(2)

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
    wizard.wmsv_page.abstractEdit.setPlainText(
        "Occupation du sol des parcelles" if _french() else "Land use of the parcels")
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
    dock.go_to_level(13)
    yield _after(1.5)
    shoot(window, "08-inspector-in-qgis")
    dock.save_contact_sheet(str(out / "09-contact-sheet.png"))
    # Closed before the next picture: its status line now names the file just saved (a path of
    # this machine), and the services dock gets the room.
    dock.close()
    services = actions.open_published_services(iface)
    yield lambda: bool(services.rows)
    services.select_layer_name(wizard.publish_page.result.wmts_layer_name)
    yield _after(0.5)
    shoot(window, "10-published-services-in-qgis")


def _french() -> bool:
    from qgis.core import QgsSettings

    return str(QgsSettings().value("locale/userLocale", "")).startswith("fr")


def _after(seconds: float):
    deadline = time.monotonic() + seconds
    return lambda: time.monotonic() > deadline


if os.environ.get(INSIDE):
    run_inside()
elif __name__ == "__main__":
    # Optional arguments: the languages to redo (e.g. `scripts/screenshots.py fr`). Leave the
    # i18n/*.qm files alone meanwhile: QGIS maps them, rewriting one under it crashes QGIS.
    sys.exit(run_outside(tuple(sys.argv[1:]) or LANGUAGES))
