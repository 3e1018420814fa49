"""Runs inside QGIS (``qgis --code``) started on a classroom profile: is the plugin loaded,
and does its login dialog open on the sandbox? Writes result.json and a screenshot of the
dialog over QGIS into ``GPF_CLASSROOM_CHECK_DIR``, then quits. Observes only: never raises."""

import json
import os
import time
import traceback

import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtGui import QGuiApplication

SLUG = "gpf_wmts_publisher"
OUT_DIR = os.environ["GPF_CLASSROOM_CHECK_DIR"]
DEADLINE = time.monotonic() + 90
result = {"loaded": False}
_state = {}


def _finish():
    with open(os.path.join(OUT_DIR, "result.json"), "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1)
    QgsApplication.exit(0)


def _shoot():
    try:
        screen = QGuiApplication.primaryScreen()
        screen.grabWindow(0).save(os.path.join(OUT_DIR, "classroom.png"))
    except Exception:
        result["error"] = traceback.format_exc()
    _finish()


def _wait_for_plugin():
    try:
        if SLUG not in qgis.utils.plugins:
            if time.monotonic() > DEADLINE:
                result["active_plugins"] = list(qgis.utils.active_plugins)
                _finish()
            else:
                QTimer.singleShot(500, _wait_for_plugin)
            return
        result["loaded"] = True
        module = __import__(SLUG)
        result["plugin_file"] = module.__file__
        from gpf_wmts_publisher.plugin.settings import PluginSettings
        from gpf_wmts_publisher.ui.login_dialog import LoginDialog

        result["api_url"] = PluginSettings().platform().api_url
        dialog = LoginDialog(qgis.utils.iface.mainWindow())
        _state["dialog"] = dialog
        dialog.show()
        result["dialog_sandbox_checked"] = dialog.sandboxRadio.isChecked()
        result["dialog_sandbox_url"] = dialog.sandboxUrlEdit.text()
        QTimer.singleShot(1500, _shoot)
    except Exception:
        result["error"] = traceback.format_exc()
        _finish()


QTimer.singleShot(1000, _wait_for_plugin)
