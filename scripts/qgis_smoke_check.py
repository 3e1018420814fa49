"""Runs inside a real QGIS desktop (``qgis --code``); part of qgis_smoke.py.

Waits for the plugin under test to be loaded, records where its actions are (menus,
toolbars), opens its menu and screenshots the whole screen, unloads it and starts it again (as
the Plugin Manager does when a user toggles it), writes result.json and quits QGIS. The parent
process judges the result; this script only observes, so it never raises into QGIS.
"""

import json
import os
import sys
import time
import traceback

import qgis.utils
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtGui import QGuiApplication
from qgis.PyQt.QtWidgets import QMenu, QToolBar

SLUG = os.environ["GPF_SMOKE_SLUG"]
OUT_DIR = os.environ["GPF_SMOKE_DIR"]
SCREENSHOT = os.environ["GPF_SMOKE_SCREENSHOT"]
LOAD_DEADLINE = time.monotonic() + float(os.environ.get("GPF_SMOKE_WAIT_S", "60"))
MENU_OPEN_DELAY_MS = 600  # menus animate in; the screenshot waits until they are painted

result = {"slug": SLUG, "loaded": False, "steps": []}
# Kept here so the timer callbacks survive: Qt holds no Python reference to them.
_state = {}


def _step(name):
    result["steps"].append(name)


def _action_places(action):
    """Menus and toolbars an action shows in, by title."""
    places = []
    for widget in action.associatedWidgets():
        if isinstance(widget, QMenu):
            places.append({"kind": "menu", "title": widget.title()})
        elif isinstance(widget, QToolBar):
            places.append({"kind": "toolbar", "title": widget.windowTitle(),
                           "object_name": widget.objectName()})
    return places


def _plugin_menus(names):
    """Sub-menus of QGIS's plugin menus holding any action named in ``names``."""
    iface = qgis.utils.iface
    found = {}
    for top in (iface.pluginMenu(), iface.webMenu(), iface.rasterMenu(), iface.vectorMenu(),
                iface.databaseMenu()):
        for entry in top.actions():
            submenu = entry.menu()
            if submenu is None:
                continue
            held = [a.objectName() for a in submenu.actions() if a.objectName() in names]
            if held:
                found[f"{top.title()} > {submenu.title()}"] = held
    return found


def _finish():
    _step("finish")
    with open(os.path.join(OUT_DIR, "result.json"), "w", encoding="utf-8") as handle:
        json.dump(result, handle, indent=1)
    QgsApplication.exit(0)


def _guarded(callback):
    def run():
        try:
            callback()
        except Exception:
            result["check_error"] = traceback.format_exc()
            _finish()
    return run


def _load_failed():
    """True once QGIS logged a Python error naming the plugin: it will not load, so there is
    nothing left to wait for (the hook writes the log to messages.jsonl)."""
    try:
        with open(os.path.join(OUT_DIR, "messages.jsonl"), encoding="utf-8") as handle:
            entries = [json.loads(line) for line in handle if line.strip()]
    except (OSError, ValueError):
        return False
    return any(entry.get("tag") == "Python error" and SLUG in entry.get("message", "")
               for entry in entries)


def _wait_for_plugin():
    if SLUG in qgis.utils.plugins:
        QTimer.singleShot(1000, _guarded(_inspect))  # let the main window paint once
    elif _load_failed() or time.monotonic() > LOAD_DEADLINE:
        result["active_plugins"] = sorted(qgis.utils.active_plugins)
        _finish()
    else:
        QTimer.singleShot(250, _guarded(_wait_for_plugin))


def _inspect():
    _step("inspect")
    plugin = qgis.utils.plugins[SLUG]
    result["loaded"] = True
    result["module_file"] = getattr(sys.modules.get(SLUG), "__file__", None)
    result["plugin_class"] = type(plugin).__name__
    actions = list(getattr(plugin, "actions", []))
    result["actions"] = [{"object_name": a.objectName(), "text": a.text(),
                          "places": _action_places(a)} for a in actions]
    result["plugin_menus"] = _plugin_menus({a.objectName() for a in actions})
    provider = getattr(plugin, "provider", None)
    result["processing_provider"] = None if provider is None else {
        "id": provider.id(), "algorithms": len(provider.algorithms())}

    window = qgis.utils.iface.mainWindow()
    window.setGeometry(QGuiApplication.primaryScreen().availableGeometry())
    window.raise_()
    # Open the menu holding the first action, to show the plugin's entries in the screenshot.
    menus = [w for a in actions[:1] for w in a.associatedWidgets() if isinstance(w, QMenu)]
    if menus:
        submenu = menus[0]
        parent = submenu.menuAction().associatedWidgets()
        parent_menu = next((w for w in parent if isinstance(w, QMenu)), None)
        if parent_menu is not None:
            window.menuBar().setActiveAction(parent_menu.menuAction())
            _state["open_menus"] = (parent_menu, submenu)
            QTimer.singleShot(MENU_OPEN_DELAY_MS, _guarded(_open_submenu))
            return
    QTimer.singleShot(MENU_OPEN_DELAY_MS, _guarded(_screenshot))


def _open_submenu():
    parent_menu, submenu = _state["open_menus"]
    parent_menu.setActiveAction(submenu.menuAction())
    if not submenu.isVisible():
        geometry = parent_menu.actionGeometry(submenu.menuAction())
        submenu.popup(parent_menu.mapToGlobal(geometry.topRight()))
    QTimer.singleShot(MENU_OPEN_DELAY_MS, _guarded(_screenshot))


def _screenshot():
    _step("screenshot")
    os.makedirs(os.path.dirname(os.path.abspath(SCREENSHOT)), exist_ok=True)
    # The root window (0) includes the open menus, which are windows of their own.
    image = QGuiApplication.primaryScreen().grabWindow(0)
    if image.isNull():
        image = qgis.utils.iface.mainWindow().grab()
    result["screenshot_saved"] = bool(image.save(SCREENSHOT, "PNG"))
    result["screenshot_size"] = [image.width(), image.height()]
    for menu in reversed(_state.pop("open_menus", ())):
        menu.hide()
    qgis.utils.iface.mainWindow().menuBar().setActiveAction(None)
    QTimer.singleShot(200, _guarded(_unload_and_restart))


def _unload_and_restart():
    _step("unload")
    names = {entry["object_name"] for entry in result["actions"] if entry["object_name"]}
    result["unloaded"] = bool(qgis.utils.unloadPlugin(SLUG))
    QgsApplication.processEvents()
    left = [name for held in _plugin_menus(names).values() for name in held]
    result["actions_left_after_unload"] = left
    _step("restart")
    result["restarted"] = bool(qgis.utils.loadPlugin(SLUG) and qgis.utils.startPlugin(SLUG))
    result["loaded_after_restart"] = SLUG in qgis.utils.plugins
    QTimer.singleShot(500, _guarded(_finish))  # errors raised by late signals land in the log


QTimer.singleShot(0, _guarded(_wait_for_plugin))
